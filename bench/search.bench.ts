/**
 * `npm run bench:search`: search on a vault of SEARCH_BENCH_PAGES (default 100,000) synthetic pages,
 * encrypted (a real vault from createVault) against the same content in an unencrypted database with the
 * same connection pragmas, in the same run. Printed for both and as encrypted / unencrypted ratios:
 * index build time (the real indexing path, `SearchIndex.indexPending(1000)` until nothing is pending, the two
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
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SearchService } from '../electron/core/search/searchService';
import { TEST_KDF, tempDir } from '../electron/core/testing/fixtures';
import { applyConnectionPragmas, type VaultDatabase } from '../electron/core/vault/database';
import { migrate } from '../electron/core/vault/migrations';
import { createVault, type Vault } from '../electron/core/vault/vault';
import { vmHighWaterMark } from './memory';
import { documentBatches, inserter, KINDS, loadMaterial, PageWriter, queries, SEED } from './searchVault';
import { SearchIndex } from '../electron/core/search/searchIndex';
import { LawRegister } from '../electron/core/tagging/lawRegister';

const PAGES = Number(process.env.SEARCH_BENCH_PAGES ?? 100_000);
const QUERIES = 200;
const MiB = 1024 * 1024;
const AIM_P95_MS = 50;
const AIM_RATIO = 1.3;

// ——— the two databases ———

interface Side {
  label: string;
  db: VaultDatabase;
  searchIndex: SearchIndex;
  insertMs: number;
  buildMs: number;
  sizeBefore: number;
  sizeAfter: number;
  latencies: number[];
  totals: number[];
  estimated: number;
  hitCounts: number[];
}

function side(label: string, db: VaultDatabase, searchIndex: SearchIndex): Side {
  return { label, db, searchIndex, insertMs: 0, buildMs: 0, sizeBefore: 0, sizeAfter: 0, latencies: [], totals: [], estimated: 0, hitCounts: [] };
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
    const sides = [side('encrypted', vault.db, vault.searchIndex), side('unencrypted', plainDb, new SearchIndex(plainDb, new LawRegister(plainDb)))];

    // Build both from one stream of generated documents, in transactions of ~5000 pages.
    const material = loadMaterial();
    const writer = new PageWriter(material);
    const inserts = sides.map((s) => inserter(s.db));
    let pages = 0;
    let documents = 0;
    let textBytes = 0;
    for (const batch of documentBatches(writer, PAGES)) {
      documents += batch.length;
      for (const document of batch) {
        pages += document.pages.length;
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
        n += s.searchIndex.indexPending(1000);
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

    const services = sides.map((s) => new SearchService(s.db, s.searchIndex));
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
