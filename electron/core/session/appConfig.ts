import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Settings } from '../../../shared/schemas/vault';
import { writeFileAtomic } from '../fsAtomic';

/**
 * The app's own small, non-secret configuration (which vault folder was used last, auto-lock minutes,
 * interface language). It holds no case data. A damaged file falls back to defaults rather than
 * keeping the app from starting.
 */
const ConfigSchema = z.object({
  lastVaultPath: z.string().nullable(),
  settings: Settings,
});
export type AppConfig = z.infer<typeof ConfigSchema>;

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 10, language: null, dateFormat: 'language' };

export class AppConfigStore {
  private cached: AppConfig | null = null;

  constructor(private readonly file: string) {}

  read(): AppConfig {
    if (this.cached) return this.cached;
    let config: AppConfig = { lastVaultPath: null, settings: { ...DEFAULT_SETTINGS } };
    try {
      const parsed = ConfigSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      if (parsed.success) config = parsed.data;
    } catch {
      // Missing or unreadable: defaults.
    }
    this.cached = config;
    return config;
  }

  update(change: Partial<AppConfig>): AppConfig {
    const next = { ...this.read(), ...change };
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.cached = next;
    return next;
  }
}

/** A configuration kept in memory only: the CLI opens vaults through VaultSession without touching the app's config.json. */
export function memoryConfig(initial: Partial<AppConfig> = {}): Pick<AppConfigStore, 'read' | 'update'> {
  let config: AppConfig = { lastVaultPath: null, settings: { ...DEFAULT_SETTINGS }, ...initial };
  return {
    read: () => config,
    update: (change) => (config = { ...config, ...change }),
  };
}
