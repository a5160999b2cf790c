/**
 * `npm run bench:search`: search on a vault of SEARCH_BENCH_PAGES (default 100,000) synthetic pages,
 * encrypted (a real vault from createVault) against the same content in an unencrypted database with the
 * same connection pragmas, in the same run. Printed for both and as encrypted / unencrypted ratios:
 * index build time (the real indexing path, `indexPending(db, 1000)` until nothing is pending, the two
 * databases' batches alternating so that a busy shared machine slows both alike), index size (database
 * and WAL after a truncating checkpoint, minus the same right before indexing), and p50/p95/max latency
 * of 200 mixed queries through SearchService (10 warm-up queries first, not counted; each query runs on
 * both databases back to back, alternating which goes first), and how many of them got an estimated
 * total (a query on more pages than SearchService counts). The issue's aims: p95 ≤ 50 ms encrypted,
 * ratio ≤ 1.3.
 *
 * Pages are letter-sized (1–2.5 KB of UTF-8) runs of lines from the corpus truth texts, built by a
 * seeded PRNG so every run builds the same vault: person names swapped for the same form of another
 * person (persons.json), fresh outgoing numbers and dates, a quarter of the lines with their words
 * shuffled, and about 1% of characters turned into OCR-like errors. Documents have 1–5 pages; the
 * first page carries a date and an outgoing number, as a letter does.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { indexPending } from '../electron/core/search/searchIndex';
import { SearchService } from '../electron/core/search/searchService';
import { TEST_KDF, tempDir } from '../electron/core/testing/fixtures';
import { applyConnectionPragmas, type VaultDatabase } from '../electron/core/vault/database';
import { migrate } from '../electron/core/vault/migrations';
import { createVault, type Vault } from '../electron/core/vault/vault';
import { CORPUS_DIR } from '../electron/core/testing/corpusDir';
import { vmHighWaterMark } from './memory';

const PAGES = Number(process.env.SEARCH_BENCH_PAGES ?? 100_000);
const CORPUS = CORPUS_DIR;
const SEED = 20_260_404;
const QUERIES = 200;
const MiB = 1024 * 1024;
const AIM_P95_MS = 50;
const AIM_RATIO = 1.3;

// ——— seeded randomness ———

class Random {
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

interface Material {
  /** per corpus page: its lines as pieces, and the languages of its document */
  pages: Array<{ lines: Piece[][]; languages: string }>;
  /** form key (ru_gen_full, en_sur…) → that form of every person who has it */
  names: Map<string, string[]>;
  text: string[];
  persons: Persons['persons'];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function loadMaterial(): Material {
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

interface Generated {
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

class PageWriter {
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

// ——— the two databases ———

interface Side {
  label: string;
  db: VaultDatabase;
  insertMs: number;
  buildMs: number;
  sizeBefore: number;
  sizeAfter: number;
  latencies: number[];
  totals: number[];
  estimated: number;
  hitCounts: number[];
}

function side(label: string, db: VaultDatabase): Side {
  return { label, db, insertMs: 0, buildMs: 0, sizeBefore: 0, sizeAfter: 0, latencies: [], totals: [], estimated: 0, hitCounts: [] };
}

/**
 * Bytes on disk: after a truncating checkpoint the WAL is empty and the database file is page_count ×
 * page_size long (for the encrypted file too: SQLCipher's per-page IV and MAC sit inside the page). Asked
 * of the connection rather than of the file, which another process may have removed from the temp dir.
 */
function fileBytes(db: VaultDatabase): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}

function inserter(db: VaultDatabase): (batch: Array<{ n: number; languages: string; pages: string[] }>) => void {
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

const KINDS = ['word', 'two words', 'phrase', 'prefix', 'latin name', 'misspelt', 'number', 'date', 'chinese', 'exclusion'] as const;
type Kind = (typeof KINDS)[number];

function queries(material: Material, generated: Generated, count: number, seed: number): Array<{ kind: Kind; query: string }> {
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

// ——— figures ———

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** A turn of the event loop, outside any timing, so that a signal handler can run. */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

const ms = (value: number) => `${value.toFixed(1)} ms`;
const row = (label: string, enc: string, plain: string, ratio: string, aim = '') =>
  `  ${label.padEnd(20)}${enc.padStart(12)}${plain.padStart(14)}${ratio.padStart(8)}   ${aim}`.trimEnd();

async function main(): Promise<void> {
  const started = performance.now();
  const dirs = [tempDir('dalel-bench-search-'), tempDir('dalel-bench-search-')];
  let vault: Vault | null = null;
  let plainDb: VaultDatabase | null = null;
  const cleanUp = () => {
    vault?.lock();
    plainDb?.close();
    for (const dir of dirs) dir.remove();
  };
  // The loops below yield between batches so that these run: a stopped bench leaves no temp dirs.
  const interrupted = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    vault = (await createVault(join(dirs[0]!.path, 'vault'), 'a bench passphrase of decent length', { kdf: TEST_KDF })).vault;
    plainDb = new Database(join(dirs[1]!.path, 'plain.db'));
    applyConnectionPragmas(plainDb);
    migrate(plainDb);
    const sides = [side('encrypted', vault.db), side('unencrypted', plainDb)];

    // Build both from one stream of generated documents, in transactions of ~5000 pages.
    const material = loadMaterial();
    const writer = new PageWriter(material);
    const inserts = sides.map((s) => inserter(s.db));
    let pages = 0;
    let documents = 0;
    let textBytes = 0;
    while (pages < PAGES) {
      const batch: Array<{ n: number; languages: string; pages: string[] }> = [];
      for (let inBatch = 0; inBatch < 5000 && pages < PAGES; ) {
        const document = writer.document();
        document.pages.splice(PAGES - pages);
        batch.push({ n: ++documents, ...document });
        pages += document.pages.length;
        inBatch += document.pages.length;
        for (const text of document.pages) textBytes += Buffer.byteLength(text);
      }
      sides.forEach((s, i) => {
        const t = performance.now();
        inserts[i]!(batch);
        s.insertMs += performance.now() - t;
      });
      await breather();
    }
    for (const s of sides) s.sizeBefore = fileBytes(s.db);
    console.log(
      `${pages} pages in ${documents} documents, ${(textBytes / MiB).toFixed(1)} MiB of text (mean ${(textBytes / pages / 1024).toFixed(2)} KB a page); ` +
        `stored in ${(sides[0]!.insertMs / 1000).toFixed(1)} s encrypted, ${(sides[1]!.insertMs / 1000).toFixed(1)} s unencrypted`,
    );

    let indexed = 0;
    let reported = 0;
    for (;;) {
      let n = 0;
      for (const s of sides) {
        const t = performance.now();
        n += indexPending(s.db, 1000);
        s.buildMs += performance.now() - t;
      }
      if (n === 0) break;
      await breather();
      indexed += n / 2;
      if (indexed - reported >= PAGES / 10) {
        reported = indexed;
        console.log(`  indexed ${indexed} / ${pages}…`);
      }
    }
    for (const s of sides) s.sizeAfter = fileBytes(s.db);

    const services = sides.map((s) => new SearchService(s.db));
    for (const { query } of queries(material, writer.generated, 10, SEED + 1)) for (const service of services) service.search({ query, limit: 20 });
    const list = queries(material, writer.generated, QUERIES, SEED + 2);
    list.forEach(({ query }, i) => {
      const order = i % 2 === 0 ? [0, 1] : [1, 0];
      for (const which of order) {
        const t = performance.now();
        const result = services[which]!.search({ query, limit: 20 });
        sides[which]!.latencies.push(performance.now() - t);
        sides[which]!.totals.push(result.total);
        if (result.totalIsEstimate) sides[which]!.estimated++;
        sides[which]!.hitCounts.push(result.hits.length);
      }
    });

    const [enc, plain] = sides as [Side, Side];
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const hits = (s: Side, of: number[] = s.hitCounts.map((_, i) => i)) => of.filter((i) => s.hitCounts[i]! > 0).length;
    console.log(
      `\nSearch benchmark — ${pages} pages, ${QUERIES} queries (Node ${process.version}, SQLite ${(enc.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}, ${availableParallelism()} cores)`,
    );
    console.log(row('', 'encrypted', 'unencrypted', 'ratio', 'aim'));
    console.log(row('index build', `${(enc.buildMs / 1000).toFixed(1)} s`, `${(plain.buildMs / 1000).toFixed(1)} s`, ratio(enc.buildMs, plain.buildMs), `ratio ≤ ${AIM_RATIO}`));
    const indexSize = (s: Side) => s.sizeAfter - s.sizeBefore;
    console.log(row('index size', `${(indexSize(enc) / MiB).toFixed(1)} MiB`, `${(indexSize(plain) / MiB).toFixed(1)} MiB`, ratio(indexSize(enc), indexSize(plain)), `ratio ≤ ${AIM_RATIO}`));
    console.log(row('database, indexed', `${(enc.sizeAfter / MiB).toFixed(1)} MiB`, `${(plain.sizeAfter / MiB).toFixed(1)} MiB`, ratio(enc.sizeAfter, plain.sizeAfter)));
    for (const [label, p] of [['query p50', 0.5], ['query p95', 0.95], ['query max', 1]] as const) {
      const [a, b] = [percentile(enc.latencies, p), percentile(plain.latencies, p)];
      const aim = p === 0.95 ? `≤ ${AIM_P95_MS} ms encrypted, ratio ≤ ${AIM_RATIO}` : p === 0.5 ? `ratio ≤ ${AIM_RATIO}` : '';
      console.log(row(label, ms(a), ms(b), ratio(a, b), aim));
    }
    console.log(row('queries with hits', `${hits(enc)}/${QUERIES}`, `${hits(plain)}/${QUERIES}`, ''));
    console.log(row('estimated totals', `${enc.estimated}/${QUERIES}`, `${plain.estimated}/${QUERIES}`, ''));
    const differ = enc.totals.filter((total, i) => total !== plain.totals[i] || enc.hitCounts[i] !== plain.hitCounts[i]).length;
    if (differ) console.log(`  ${differ} queries found different counts in the two databases (the content is identical: a bug)`);

    console.log(`\n  ${'by kind, p50 / p95 / max ms'.padEnd(28)}${'encrypted'.padEnd(27)}${'unencrypted'.padEnd(27)}with hits`);
    for (const kind of KINDS) {
      const of = list.flatMap((entry, i) => (entry.kind === kind ? [i] : []));
      const figures = (s: Side) => {
        const values = of.map((i) => s.latencies[i]!);
        return `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.95).toFixed(1)} / ${percentile(values, 1).toFixed(1)}`;
      };
      console.log(`  ${kind.padEnd(28)}${figures(enc).padEnd(27)}${figures(plain).padEnd(27)}${hits(enc, of)}/${of.length}`);
    }
    const slowest = list.map((entry, i) => ({ ...entry, ms: enc.latencies[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`  slowest (encrypted): ${slowest.map((entry) => `${entry.query} [${entry.kind}] ${ms(entry.ms)}`).join('; ')}`);

    clearInterval(sampler);
    const hwm = vmHighWaterMark();
    console.log(
      `\ntotal wall time ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${(Math.max(peakRss, hwm ?? 0) / MiB).toFixed(0)} MiB`,
    );
  } finally {
    clearInterval(sampler);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
