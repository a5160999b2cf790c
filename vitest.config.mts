import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/host/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./vitest.globalSetup.mts'],
    // Argon2id at 64 MiB per derivation: keep vault tests from running many derivations at once.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
