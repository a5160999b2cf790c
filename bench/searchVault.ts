/**
 * The synthetic vault content of the search benchmarks (bench:search, bench:search:ui): letter-sized
 * pages drawn from the corpus truth texts by a seeded PRNG (see search.bench.ts), and the mixed queries
 * run on them. One generator, so that both benches measure the same vault and the same queries.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../electron/core/testing/corpusDir';
import type { VaultDatabase } from '../electron/core/vault/database';

const CORPUS = CORPUS_DIR;
export const SEED = 20_260_404;

// ——— seeded randomness ———

export class Random {
  constructor(private state: number) {}
  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

// ——— the corpus as material ———

interface Manifest {
  documents: Array<{ languages: string[]; page_text: string[] }>;
}
interface Persons {
  persons: Array<{ forms: Record<string, string> }>;
}

const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыьэюяәғқңөұүһі';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Letters OCR confuses (the errors the corpus scans show); others become a random letter of their script. */
const LOOKALIKE: Record<string, string> = {
  и: 'н', н: 'и', е: 'с', с: 'е', о: 'а', а: 'о', ы: 'ь', ш: 'щ', п: 'л', л: 'п', з: 'э', т: 'г',
  қ: 'к', ң: 'н', ұ: 'у', ү: 'у', ә: 'э', і: 'i', ө: 'о',
  l: '1', i: 'l', e: 'c', c: 'e', o: '0', a: 'o', u: 'v', n: 'h', h: 'b', m: 'n',
};
const OCR_ERROR_RATE = 0.01;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const LANGUAGE: Record<string, string> = { ru: 'rus', kk: 'kaz', en: 'eng', zh: 'chi_sim' };

/** A corpus line with the places where a name, an outgoing number or a date is swapped per page. */
type Piece = string | { slot: 'name'; form: string } | { slot: 'number' } | { slot: 'date' };

export interface Material {
  /** per corpus page: its lines as pieces, and the languages of its document */
  pages: Array<{ lines: Piece[][]; languages: string }>;
  /** form key (ru_gen_full, en_sur…) → that form of every person who has it */
  names: Map<string, string[]>;
  text: string[];
  persons: Persons['persons'];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function loadMaterial(): Material {
  const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as Manifest;
  const { persons } = JSON.parse(readFileSync(join(CORPUS, 'persons.json'), 'utf8')) as Persons;
  const names = new Map<string, string[]>();
  const formOf = new Map<string, string>();
  for (const person of persons) {
    for (const [key, surface] of Object.entries(person.forms)) {
      if ([...surface].length < 4) continue;
      if (!formOf.has(surface)) formOf.set(surface, key);
      names.set(key, [...(names.get(key) ?? []), surface]);
    }
  }
  const alternatives = [...formOf.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  const slot = new RegExp(
    `(?<![\\p{L}])(${alternatives})(?![\\p{L}])|(\\d{1,2}-\\d{1,2}(?:-\\d{1,2})?/\\p{Lu}-\\d{3,4})|(\\b\\d{2}\\.\\d{2}\\.\\d{4}\\b)`,
    'gu',
  );
  const pages: Material['pages'] = [];
  const text: string[] = [];
  for (const document of manifest.documents) {
    const languages = document.languages.map((code) => LANGUAGE[code] ?? 'rus').join('+');
    for (const pageText of document.page_text) {
      text.push(pageText);
      const lines = pageText
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const pieces: Piece[] = [];
          let last = 0;
          for (const match of line.matchAll(slot)) {
            pieces.push(line.slice(last, match.index));
            pieces.push(match[1] ? { slot: 'name', form: formOf.get(match[1])! } : { slot: match[2] ? 'number' : 'date' });
            last = match.index + match[0].length;
          }
          pieces.push(line.slice(last));
          return pieces.filter((piece) => piece !== '');
        });
      if (lines.length) pages.push({ lines, languages });
    }
  }
  return { pages, names, text, persons };
}

// ——— synthetic pages ———

export interface Generated {
  numbers: string[];
  dates: Array<[number, number, number]>;
}

function ocrErrors(text: string, random: Random): string {
  const gap = () => 1 + Math.floor(-Math.log(1 - random.next()) / OCR_ERROR_RATE);
  let out = '';
  let last = 0;
  for (let i = gap(); i < text.length; i += gap()) {
    const char = text[i]!;
    const lower = char.toLowerCase();
    const alphabet = CYRILLIC.includes(lower) ? CYRILLIC : LATIN.includes(lower) ? LATIN : null;
    if (!alphabet) continue;
    let swap = random.next() < 0.1 ? '' : (LOOKALIKE[lower] ?? random.pick([...alphabet]));
    if (char !== lower) swap = swap.toUpperCase();
    out += text.slice(last, i) + swap;
    last = i + 1;
  }
  return out + text.slice(last);
}

export class PageWriter {
  readonly generated: Generated = { numbers: [], dates: [] };
  private readonly random = new Random(SEED);

  constructor(private readonly material: Material) {}

  private number(): string {
    const number = `3-1-17/${this.random.pick([...'АБВДЖКСТ'])}-${1000 + this.random.int(9000)}`;
    if (this.generated.numbers.length < 1000 && this.random.next() < 0.05) this.generated.numbers.push(number);
    return number;
  }

  private date(): string {
    const [d, m, y] = [1 + this.random.int(28), 1 + this.random.int(12), 2012 + this.random.int(14)];
    if (this.generated.dates.length < 1000 && this.random.next() < 0.05) this.generated.dates.push([d, m, y]);
    return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  }

  private line(pieces: readonly Piece[]): string {
    const line = pieces
      .map((piece) => {
        if (typeof piece === 'string') return piece;
        if (piece.slot === 'number') return this.number();
        if (piece.slot === 'date') return this.date();
        return this.random.pick(this.material.names.get(piece.form)!);
      })
      .join('');
    const words = line.split(' ');
    return words.length > 2 && this.random.next() < 0.25 ? this.random.shuffle(words).join(' ') : line;
  }

  /** One document: 1–5 pages of 1–2.5 KB, the languages of the corpus document it mostly draws on. */
  document(): { languages: string; pages: string[] } {
    const count = 1 + this.random.int(5);
    const main = this.random.pick(this.material.pages);
    const pages: string[] = [];
    for (let n = 0; n < count; n++) {
      const target = 1000 + this.random.int(1500);
      const lines = n === 0 ? [`${this.date()} № ${this.number()}`] : [];
      let bytes = 0;
      while (bytes < target) {
        const source = this.random.next() < 0.6 ? main : this.random.pick(this.material.pages);
        const start = this.random.int(source.lines.length);
        const run = 3 + this.random.int(10);
        for (let i = start; i < Math.min(source.lines.length, start + run) && bytes < target; i++) {
          const line = this.line(source.lines[i]!);
          lines.push(line);
          bytes += Buffer.byteLength(line) + 1;
        }
      }
      pages.push(ocrErrors(lines.join('\n'), this.random));
    }
    return { languages: main.languages, pages };
  }
}

export function inserter(db: VaultDatabase): (batch: Array<{ n: number; languages: string; pages: string[] }>) => void {
  const blob = db.prepare("INSERT INTO blobs (sha256, mime, size, data) VALUES (?, 'application/pdf', ?, ?)");
  const document = db.prepare(
    `INSERT INTO documents (id, title, file_name, sha256, size, kind, mime, original_blob, languages, status, page_count, imported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pdf', 'application/pdf', ?, ?, 'ready', ?, ?, ?)`,
  );
  const page = db.prepare("INSERT INTO pages (document_id, page, status, source, text, words, confidence) VALUES (?, ?, 'done', 'ocr', ?, '[]', 90)");
  return db.transaction((batch: Array<{ n: number; languages: string; pages: string[] }>) => {
    for (const { n, languages, pages } of batch) {
      const data = Buffer.alloc(512, n % 251);
      data.writeUInt32LE(n);
      const sha = createHash('sha256').update(data).digest('hex');
      const blobId = blob.run(sha, data.length, data).lastInsertRowid;
      const id = `doc_bench${String(n).padStart(7, '0')}`;
      const at = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();
      document.run(id, `Letter ${n}`, `letter-${n}.pdf`, sha, data.length, blobId, languages, pages.length, at, at);
      pages.forEach((text, i) => page.run(id, i + 1, text));
    }
  });
}

// ——— queries ———

export const KINDS = ['word', 'two words', 'phrase', 'prefix', 'latin name', 'misspelt', 'number', 'date', 'chinese', 'exclusion'] as const;
export type Kind = (typeof KINDS)[number];

export function queries(material: Material, generated: Generated, count: number, seed: number): Array<{ kind: Kind; query: string }> {
  const random = new Random(seed);
  const words = { ru: [] as string[], kk: [] as string[], en: [] as string[] };
  const runs: string[][] = [];
  const han: string[] = [];
  for (const text of material.text) {
    for (const line of text.split('\n')) {
      const run: string[] = [];
      for (const word of line.split(/\s+/)) {
        if (/^\p{L}{3,}$/u.test(word)) run.push(word);
        else if (run.length) runs.push(run.splice(0));
      }
      if (run.length) runs.push(run);
    }
    for (const word of text.match(/\p{L}{4,}/gu) ?? []) {
      if (/\p{Script=Han}/u.test(word)) continue;
      const language = /[әғқңөұүһі]/iu.test(word) ? 'kk' : /\p{Script=Cyrillic}/u.test(word) ? 'ru' : 'en';
      words[language].push(word);
    }
    han.push(...(text.match(/\p{Script=Han}{2,}/gu) ?? []));
  }
  const languages = ['ru', 'kk', 'en'] as const;
  const word = (i: number, minLength = 4): string => {
    const pool = words[languages[i % 3]!].filter((candidate) => [...candidate].length >= minLength);
    return random.pick(pool);
  };
  const adjacent = (length: number) => {
    const run = random.pick(runs.filter((candidate) => candidate.length >= length));
    const start = random.int(run.length - length + 1);
    return run.slice(start, start + length).join(' ');
  };
  const make: Record<Kind, (i: number) => string> = {
    word,
    'two words': () => adjacent(2),
    phrase: (i) => `"${adjacent(2 + (i % 2))}"`,
    prefix: (i) => `${[...word(i)].slice(0, 3 + random.int(3)).join('')}*`,
    'latin name': (i) => random.pick(material.persons).forms[['en_full', 'en_sur', 'en_alt1', 'en_given'][i % 4]!] ?? 'Askaruly',
    misspelt: (i) => {
      const chars = [...word(i, 6)];
      const alphabet = /\p{Script=Cyrillic}/u.test(chars.join('')) ? CYRILLIC : LATIN;
      const at = 1 + random.int(chars.length - 1);
      const original = chars[at]!;
      const letter = random.pick([...alphabet].filter((candidate) => candidate !== original.toLowerCase()));
      chars[at] = original === original.toLowerCase() ? letter : letter.toUpperCase();
      return chars.join('');
    },
    number: () => random.pick(generated.numbers),
    date: (i) => {
      const [d, m, y] = random.pick(generated.dates);
      if (i % 3 === 0) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return i % 3 === 1 ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${d} ${MONTHS_RU[m - 1]} ${y}`;
    },
    chinese: () => {
      const run = [...random.pick(han)];
      const length = Math.min(run.length, 2 + random.int(2));
      const start = random.int(run.length - length + 1);
      return run.slice(start, start + length).join('');
    },
    exclusion: (i) => {
      const wanted = word(i);
      let excluded = word(i);
      while (excluded.toLowerCase() === wanted.toLowerCase()) excluded = word(i);
      return `${wanted} -${excluded}`;
    },
  };
  const list = Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    return { kind, query: make[kind](Math.floor(i / KINDS.length)) };
  });
  return random.shuffle(list);
}

/** One transaction's worth of generated documents. */
export type DocumentBatch = Array<{ n: number; languages: string; pages: string[] }>;

/** `pages` generated pages as documents, in batches of about 5000 pages (the last document cut to fit). */
export function* documentBatches(writer: PageWriter, pages: number): Generator<DocumentBatch> {
  let made = 0;
  let documents = 0;
  while (made < pages) {
    const batch: DocumentBatch = [];
    for (let inBatch = 0; inBatch < 5000 && made < pages; ) {
      const document = writer.document();
      document.pages.splice(pages - made);
      batch.push({ n: ++documents, ...document });
      made += document.pages.length;
      inBatch += document.pages.length;
    }
    yield batch;
  }
}
