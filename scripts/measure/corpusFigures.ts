/**
 * `npm run measure:corpus [-- <corpus-dir>]`: the issue-13 table's rows measured as the issue measured
 * them, through the `dalel` command line on a fresh vault — import the corpus with OCR in the default
 * languages (rus+kaz+eng, as a lawyer leaves them), register its persons, then read each document's
 * suggestions, text and search results and compare them with the corpus's truth:
 *
 * - dates F1: the document date (the likeliest one suggested) and the validity end, per document;
 * - law citations F1: distinct {law, article} pairs per document;
 * - known persons F1: distinct registered persons per document;
 * - OCR CER, all scanned pages and the Chinese ones, against native `tesseract` on the same page images
 *   in the page's own languages (the truth's), one thread;
 * - search recall@10 and MRR over the corpus's queries.
 *
 * Takes a few minutes (OCR of every scanned page, twice: Dalel's and native). Defaults to the vendored
 * corpus (testdata/corpus). Prints one table; nothing is written outside a temporary folder.
 * `-- --no-native` skips native tesseract; `-- --misses` lists what each measure got wrong; `-- --generated N`
 * also reads N generated pages per script (Russian, Kazakh, English, Chinese).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../electron/cli/main';
import type { Io } from '../../electron/cli/output';
import { characterErrorRate } from '../../electron/core/ocr/cer';
import { DEFAULT_OCR_LANGUAGES, type OcrLanguage } from '../../shared/domain/document';
import { createTesseractEngine } from '../../electron/core/ocr';
import { defaultTessdataDir } from '../../electron/core/ocr/tessdata';
import { generatePage, type PageScriptName } from '../../electron/core/ocr/testing/generatedPages';
import { corpusScanPages, loadCorpusPage } from '../../electron/core/ocr/testing/corpusPages';
import { inLanes, nativeTesseract, nativeTesseractVersion } from '../../electron/core/ocr/testing/nativeTesseract';
import { CORPUS_DIR, corpusManifest, corpusPersons, corpusQueries, rankingScores } from '../../electron/core/testing/corpus';

const args = process.argv.slice(2);
const corpus = resolve(args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--generated') ?? CORPUS_DIR);
/** `--no-native`: skip native tesseract (quicker); `--misses`: list what each measure got wrong */
const withNative = !args.includes('--no-native');
const showMisses = args.includes('--misses');
/** `--generated N`: also OCR N generated pages per script (ocr/testing/generatedPages.ts), Dalel and native */
const generatedAt = args.indexOf('--generated');
const generatedSeeds = generatedAt >= 0 ? Number(args[generatedAt + 1] ?? 4) : 0;
const misses: string[] = [];
const env = { DALEL_PASSPHRASE: 'measure the corpus, 2026 long passphrase' };

async function dalel<T>(args: string[], { refusalsExpected = false } = {}): Promise<T> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (text) => void (out += text), stderr: (text) => void (err += text) };
  const code = await runCli([...args, '--json'], io, { env });
  // exit 1 from `import`: some files were refused (the corpus's bad inputs are meant to be)
  if (code !== 0 && !(refusalsExpected && code === 1)) throw new Error(`dalel ${args.join(' ')} exited ${code}: ${err}`);
  // `import --json` prints a line per file; its result is read back with `docs`
  return (refusalsExpected ? null : JSON.parse(out)) as T;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
function count(into: Tally, found: ReadonlySet<string>, truth: ReadonlySet<string>, label: string): void {
  for (const x of found) {
    if (truth.has(x)) into.tp++;
    else {
      into.fp++;
      misses.push(`${label}: extra ${x}`);
    }
  }
  for (const x of truth) {
    if (found.has(x)) continue;
    into.fn++;
    misses.push(`${label}: missed ${x}`);
  }
}
function f1({ tp, fp, fn }: Tally): string {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return `F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (P ${p.toFixed(3)}, R ${r.toFixed(3)}; tp ${tp}, fp ${fp}, fn ${fn})`;
}

interface TruthDocument {
  file: string;
  document_date: string | null;
  valid_until: string | null;
  person_ids: string[];
  laws_normalized?: Array<{ law: string; article: string | null }>;
}

interface Suggested {
  laws: Array<{ law: string; article: string | null }>;
  persons: Array<{ personId: string | null }>;
  dates: Array<{ kind: string; date: string; confidence: number }>;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const HAN = /\p{Script=Han}/gu;
const isChinese = (text: string) => (text.match(HAN)?.length ?? 0) > text.replace(/\s/g, '').length / 3;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-measure-'));
  try {
    const vault = join(dir, 'vault');
    await dalel(['init', vault]);
    // the register as a lawyer keeps it: each person's names in every script and the forms recorded for them
    const register = join(dir, 'persons.json');
    writeFileSync(register, JSON.stringify({ persons: corpusPersons(corpus) }));
    await dalel(['persons', 'import', vault, register]);
    const started = performance.now();
    await dalel(['import', vault, corpus], { refusalsExpected: true });
    const importSeconds = (performance.now() - started) / 1000;
    const docs = await dalel<Array<{ id: string; sha256: string }>>(['docs', vault]);
    // by content: a duplicate among the bad inputs may have been imported under its own name first
    const idBySha = new Map(docs.map((d) => [d.sha256, d.id]));
    const idOf = (file: string) => idBySha.get(createHash('sha256').update(readFileSync(join(corpus, file))).digest('hex'));

    const dates = tally();
    const laws = tally();
    const persons = tally();
    const manifest = corpusManifest(corpus) as unknown as { documents: TruthDocument[] };
    for (const truth of manifest.documents) {
      const id = idOf(truth.file);
      if (!id) throw new Error(`${truth.file} was not imported`);
      const found = await dalel<Suggested>(['suggest', vault, id]);
      const documentDate = found.dates.filter((d) => d.kind === 'document').sort((a, b) => b.confidence - a.confidence)[0]?.date ?? null;
      const validUntil = found.dates.filter((d) => d.kind === 'valid-until').map((d) => d.date).sort().at(-1) ?? null;
      count(dates, new Set([documentDate && `d ${documentDate}`, validUntil && `v ${validUntil}`].filter((x): x is string => !!x)), new Set([truth.document_date && `d ${truth.document_date}`, truth.valid_until && `v ${truth.valid_until}`].filter((x): x is string => !!x)), `dates ${truth.file}`);
      count(laws, new Set(found.laws.map((l) => `${l.law}:${l.article}`)), new Set((truth.laws_normalized ?? []).map((l) => `${l.law}:${l.article}`)), `laws ${truth.file}`);
      count(persons, new Set(found.persons.flatMap((p) => (p.personId ? [p.personId] : []))), new Set(truth.person_ids), `persons ${truth.file}`);
    }

    // OCR: Dalel's stored text against the truth, and native tesseract on the same page images
    const pages = corpusScanPages(corpus);
    const tessdata = defaultTessdataDir();
    const texts = new Map<string, string[]>();
    for (const file of new Set(pages.map((p) => p.file))) {
      const id = idOf(file);
      if (!id) continue;
      texts.set(file, (await dalel<{ pages: Array<{ text: string }> }>(['text', vault, id])).pages.map((p) => p.text));
    }
    const native = withNative && nativeTesseractVersion()
      ? await inLanes(pages, 2, async (page) => (await nativeTesseract(await loadCorpusPage(page, { dir: corpus }), page.ocrLanguages, tessdata, { psm: 1, dpi: page.dpi ?? undefined })).text)
      : null;
    const rows = pages.map((page, i) => ({
      chinese: isChinese(page.text),
      dalel: characterErrorRate(texts.get(page.file)?.[page.page - 1] ?? '', page.text),
      native: native ? characterErrorRate(native[i]!, page.text) : NaN,
    }));
    const cer = (list: typeof rows, of: 'dalel' | 'native') => mean(list.map((r) => Math.min(1, r[of]))).toFixed(3);
    const chinese = rows.filter((r) => r.chinese);

    const scores = [];
    for (const query of corpusQueries(corpus)) {
      const result = await dalel<{ hits: Array<{ docId: string; file: string }> }>(['search', vault, query.query, '--limit', '50']);
      // by document, not by file name: a duplicate among the bad inputs (scan_0001 (copy).jpg) may be the
      // name its document was imported under
      const ranked = [...new Set(result.hits.map((h) => h.docId))];
      const relevant = [...new Set(query.relevant.map((file) => idOf(file) ?? `not imported: ${file}`))];
      const score = rankingScores(ranked, relevant);
      scores.push(score);
      if (score.recall < 1) {
        const top = new Set(ranked.slice(0, 10));
        misses.push(`search "${query.query}": missed ${query.relevant.filter((file) => !top.has(idOf(file) ?? '')).join(', ')}`);
      }
    }

    console.log(`corpus ${corpus}: ${docs.length} documents imported in ${importSeconds.toFixed(0)} s (rus+kaz+eng, the default)`);
    console.log(`dates (document date + valid-until)  ${f1(dates)}`);
    console.log(`law citations (law + article)        ${f1(laws)}`);
    console.log(`known persons                        ${f1(persons)}`);
    console.log(`OCR CER, ${rows.length} scanned pages         Dalel ${cer(rows, 'dalel')}, native ${native ? cer(rows, 'native') : 'not measured'}`);
    console.log(`OCR CER, ${chinese.length} Chinese pages          Dalel ${cer(chinese, 'dalel')}, native ${native ? cer(chinese, 'native') : 'not measured'}`);
    console.log(`search, ${scores.length} queries               recall@10 ${mean(scores.map((s) => s.recall)).toFixed(3)}, MRR ${mean(scores.map((s) => s.reciprocalRank)).toFixed(3)}`);
    if (showMisses) console.log(misses.join('\n'));
    if (generatedSeeds > 0) await generatedOcr(generatedSeeds, withNative);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * OCR on pages the generator typeset (fixed letters, seeded fonts sizes, margins, spacing, paper, skew and
 * noise): Dalel's engine given the default rus+kaz+eng, detecting the script as an import does, against
 * native tesseract told the page's own language.
 */
async function generatedOcr(seeds: number, native: boolean): Promise<void> {
  const NATIVE_LANGUAGE: Record<string, OcrLanguage> = { russian: 'rus', kazakh: 'kaz', english: 'eng', chinese: 'chi_sim' };
  const engine = createTesseractEngine({ tessdataDir: defaultTessdataDir(), workers: 2 });
  const rows: Array<{ chinese: boolean; dalel: number; native: number }> = [];
  try {
    for (const script of Object.keys(NATIVE_LANGUAGE) as PageScriptName[]) {
      for (let seed = 1; seed <= seeds; seed++) {
        const page = await generatePage(script, 1000 + seed);
        const read = await engine.recognize({ image: page.image, languages: [...DEFAULT_OCR_LANGUAGES] });
        const theirs = native ? (await nativeTesseract(page.image, [NATIVE_LANGUAGE[script]!], defaultTessdataDir())).text : '';
        rows.push({ chinese: script === 'chinese', dalel: Math.min(1, characterErrorRate(read.text, page.text)), native: native ? Math.min(1, characterErrorRate(theirs, page.text)) : NaN });
      }
    }
  } finally {
    await engine.close();
  }
  const cer = (list: typeof rows, of: 'dalel' | 'native') => mean(list.map((r) => r[of])).toFixed(3);
  const chinese = rows.filter((r) => r.chinese);
  console.log(`OCR CER, ${rows.length} generated pages       Dalel ${cer(rows, 'dalel')}, native ${native ? cer(rows, 'native') : 'not measured'}`);
  console.log(`OCR CER, ${chinese.length} generated Chinese     Dalel ${cer(chinese, 'dalel')}, native ${native ? cer(chinese, 'native') : 'not measured'}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
