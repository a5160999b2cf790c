import type { Law } from '../../../shared/domain/tagging';
import { compileRegister, type CitableRegister, type CompiledRegister } from '../extract/laws/lawNames';
import type { VaultDatabase } from '../vault/database';

/** A row of the laws table (migration 0005). */
export interface LawRow {
  id: string;
  number: string | null;
  kind: Law['kind'];
  date: string | null;
  title_en: string;
  title_ru: string;
  title_kk: string;
  title_zh: string | null;
  aliases: string;
}

export function toLaw(row: LawRow): Law {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    date: row.date,
    title: { en: row.title_en, ru: row.title_ru, kk: row.title_kk, ...(row.title_zh ? { zh: row.title_zh } : {}) },
    aliases: JSON.parse(row.aliases) as string[],
  };
}

/** The vault's laws, in the register's one order (by kind, then id): as listed, searched and cited. */
export function readLaws(db: VaultDatabase): Law[] {
  return (db.prepare('SELECT * FROM laws ORDER BY kind, id').all() as LawRow[]).map(toLaw);
}

/**
 * The law register of one open vault as search and tagging find citations with it: read once, its
 * names compiled once, both again after a law is saved (`changed`, called through SearchIndex.lawsChanged
 * in the transaction that saves it). Made with the vault (Vault.lawRegister) and handed to its search
 * index and its tagging service, so the two never cite with different registers.
 */
export class LawRegister implements CitableRegister {
  private read: Law[] | null = null;
  private compiledNames: CompiledRegister | null = null;

  constructor(private readonly db: VaultDatabase) {}

  laws(): readonly Law[] {
    this.read ??= readLaws(this.db);
    return this.read;
  }

  compiled(): CompiledRegister {
    this.compiledNames ??= compileRegister(this.laws());
    return this.compiledNames;
  }

  /** A law was added or edited: read and compile again on next use. */
  changed(): void {
    this.read = null;
    this.compiledNames = null;
  }
}
