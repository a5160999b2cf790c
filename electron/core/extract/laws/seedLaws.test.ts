import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../testing/corpus';
import { numberKey } from './lawNames';
import { SEED_LAWS } from './seedLaws';

interface ManifestLaw {
  number: string | null;
  date: string | null;
  kind: string;
  ru?: string;
  kk?: string;
  en?: string;
  zh?: string;
  en_alt?: string;
  ru_abbr?: string;
  kk_abbr?: string;
  en_abbr?: string;
}

const manifestLaws = () =>
  (JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { laws: Record<string, ManifestLaw> }).laws;

describe('the seeded law register', () => {
  it('names every act in English, Russian and Kazakh, under an id of its own', () => {
    expect(new Set(SEED_LAWS.map((law) => law.id)).size).toBe(SEED_LAWS.length);
    for (const law of SEED_LAWS) {
      expect(law.title.en && law.title.ru && law.title.kk, law.id).toBeTruthy();
      if (law.date) expect(law.date, law.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives no two acts numbers that OCR could confuse', () => {
    const keys = SEED_LAWS.flatMap((law) => (law.number ? [numberKey(law.number)] : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('agrees with the casework corpus on each act it lists: number, date, kind, titles and abbreviations', () => {
    const byId = new Map(SEED_LAWS.map((law) => [law.id, law]));
    for (const [id, truth] of Object.entries(manifestLaws())) {
      const law = byId.get(id);
      expect(law, id).toBeDefined();
      expect({ number: law!.number, date: law!.date, kind: law!.kind }, id).toEqual({ number: truth.number, date: truth.date, kind: truth.kind });
      const names = [law!.title.en, law!.title.ru, law!.title.kk, law!.title.zh, ...law!.aliases];
      for (const name of [truth.ru, truth.kk, truth.en, truth.zh, truth.en_alt, truth.ru_abbr, truth.kk_abbr, truth.en_abbr]) {
        if (name) expect(names, `${id}: ${name}`).toContain(name);
      }
    }
  });
});
