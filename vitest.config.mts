import { relative, sep } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Tests that read the corpus with real OCR, export whole bundles, start many processes or kill them on
 * purpose, or derive vault keys over and over: each takes 5 s to 4 min here (2 cores). `npm run
 * test:fast` (`--mode fast`) leaves them out for the inner loop, which then takes under a minute;
 * `--mode corpus` runs only them; `npm run test:unit` (and CI) runs everything.
 */
const SLOW = [
  // Longest first, as measured here (see SlowFirst below).
  'electron/core/import/importCorpus.test.ts',
  'electron/core/ocr/accuracy.test.ts',
  'electron/core/bundle/bundleExport.test.ts',
  'scripts/soak/soak.test.ts',
  'electron/core/bundle/adversarialExport.test.ts',
  'electron/core/ocr/scriptDetection.test.ts',
  'electron/core/import/parse/fileParser.isolation.test.ts',
  'electron/core/vault/faults.test.ts',
  'electron/core/vault/vault.test.ts',
  'electron/cli/cli.test.ts',
  'electron/core/import/importService.test.ts',
  'electron/core/vault/keyRotation.test.ts',
  'electron/core/ipc/handlers.fuzz.test.ts',
  'electron/cli/vaultCommands.test.ts',
  'scripts/packagedLayout.test.ts',
  'electron/core/ocr/tesseractEngine.test.ts',
  'electron/core/import/parse/fileParser.corpus.test.ts',
  'electron/core/ocr/orientation.test.ts',
  'electron/core/ocr/angledText.test.ts',
  'electron/core/vault/integrity.test.ts',
  'electron/cli/pdfPassword.test.ts',
  'electron/core/import/pdfPassword.test.ts',
  'electron/cli/cliSecrets.test.ts',
  'electron/core/import/pageResolution.test.ts',
  'electron/core/import/parse/fileParser.fuzz.test.ts',
  'electron/core/backup/backup.test.ts',
  'electron/core/vault/rollback.test.ts',
  'electron/core/demo/demoVault.test.ts',
  'electron/core/import/specialFiles.test.ts',
  'electron/core/vault/wipe.test.ts',
  'electron/core/vault/vaultLock.test.ts',
  'electron/core/import/parse/fileParser.bad.test.ts',
  'electron/core/ocr/pageGeometry.test.ts',
  'electron/core/import/printReader.test.ts',
  'electron/core/import/rightToLeft.test.ts',
  'electron/core/bundle/redactionBoxes.test.ts',
];

/**
 * Vitest runs the files it has durations for longest first, and files it has none for (a fresh clone,
 * as on CI) largest first. A short file of long OCR (accuracy.test.ts) then started last and ran alone on
 * one core of two for a minute or more. Without durations, the slow files go first, longest first.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    if (files.every((file) => this.ctx.cache.getTestSpecificationResult(file))) return sorted;
    const rank = (file: TestSpecification) => {
      const index = SLOW.indexOf(relative(file.project.config.root, file.moduleId).split(sep).join('/'));
      return index < 0 ? SLOW.length : index;
    };
    return sorted.map((file, order) => ({ file, order })).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map(({ file }) => file);
  }
}

const INCLUDE = ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'e2e/host/**/*.test.ts'];

export default defineConfig(({ mode }) => ({
  test: {
    include: mode === 'corpus' ? SLOW : INCLUDE,
    exclude: mode === 'fast' ? [...configDefaults.exclude, ...SLOW] : configDefaults.exclude,
    environment: 'node',
    globalSetup: ['./vitest.globalSetup.mts'],
    // Argon2id at 64 MiB per derivation: keep vault tests from running many derivations at once.
    sequence: { sequencer: SlowFirst },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
}));
