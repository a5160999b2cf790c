/**
 * Mutated files through the parser: the corpus's bad inputs, a few good files and the hostile PDFs of
 * testing/hostilePdfs.ts, with bytes flipped, cut off, ranges duplicated or dropped, headers swapped
 * between formats and numbers in a PDF's structure changed. Whatever comes in, the test process does
 * not crash and every file gets a status within the parser's time limit: inspected (and its first and
 * last page read or refused, and for a PDF, those pages taken out for a bundle or refused) or refused
 * with an import error code. A plain Error is an internal failure, which a file must never cause.
 *
 * FUZZ_RUNS=300 runs more cases; FUZZ_SEED=<n> replays a run.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzRuns, fuzzSeed } from '../../testing/hostileInput';
import { createFileParser } from './fileParser';
import { nodeParserProcesses, type ParserChannel, type ParserProcessFactory } from './processes';
import { corpusBytes, manifest } from './testing/corpus';
import { hostilePdfs } from './testing/hostilePdfs';
import { ImportFailure } from './types';

/** Lower than the app's minute, so that a file that hangs costs the run 20 s, not 60. */
const TIME_LIMIT_MS = 20_000;
/** Time for a fresh process to start and, under tsx, to compile pdf.js, on top of the limit. */
const SLACK_MS = 15_000;
const RUNS = fuzzRuns(24);

const GOOD = ['ngo_letter_45-21.pdf', 'shagym_Toktarkyzy.pdf', 'fax_20210522.png', 'scan_0012.jpg'];
const seeds: Array<[string, Buffer]> = [
  // empty.pdf is left out: nothing to mutate.
  ...manifest().bad_inputs.filter((bad) => bad.file !== 'bad/empty.pdf').map((bad): [string, Buffer] => [bad.file, corpusBytes(bad.file)]),
  ...GOOD.map((file): [string, Buffer] => [file, corpusBytes(file)]),
  ...hostilePdfs(),
];

const MAGIC = [
  Buffer.from('%PDF-1.7\n'),
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('II*\0'),
  Buffer.from('MM\0*'),
  Buffer.from('GIF89a'),
  Buffer.from('PK\x03\x04'),
];

type Mutation = (bytes: Buffer) => Buffer;

/** A place in a file, as a fraction of its length. Integers, not doubles: fast-check's doubles cluster at 0 and 1. */
const fraction = (max = 1) => fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 10_000) * max);

/** One change to a file's bytes; positions are fractions of its length so they apply to any file. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.array(fc.tuple(fraction(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 16 }).map((flips): Mutation => (bytes) => {
    const out = Buffer.from(bytes);
    for (const [at, xor] of flips) if (out.length) out[Math.min(out.length - 1, Math.floor(at * out.length))]! ^= xor;
    return out;
  }),
  fraction().map((at): Mutation => (bytes) => bytes.subarray(0, Math.max(1, Math.floor(at * bytes.length)))),
  fc.tuple(fraction(), fraction(0.2), fraction(), fc.integer({ min: 1, max: 50 })).map(
    ([from, size, to, times]): Mutation =>
      (bytes) => {
        const start = Math.floor(from * bytes.length);
        const range = bytes.subarray(start, start + Math.max(1, Math.floor(size * bytes.length)));
        const at = Math.floor(to * bytes.length);
        return Buffer.concat([bytes.subarray(0, at), ...Array.from({ length: times }, () => range), bytes.subarray(at)]);
      },
  ),
  fc.tuple(fraction(), fraction(0.5)).map(([from, size]): Mutation => (bytes) => {
    const start = Math.floor(from * bytes.length);
    return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + Math.floor(size * bytes.length))]);
  }),
  fc.tuple(fc.constantFrom(...MAGIC), fc.boolean()).map(([magic, replace]): Mutation => (bytes) => Buffer.concat([magic, replace ? bytes.subarray(magic.length) : bytes])),
  fc.tuple(fc.constantFrom(...seeds.map(([, bytes]) => bytes)), fraction()).map(([other, at]): Mutation => (bytes) => {
    const cut = Math.floor(at * Math.min(bytes.length, other.length));
    return Buffer.concat([other.subarray(0, cut), bytes.subarray(cut)]);
  }),
  // A number in the PDF's structure (an offset, a /Length, an object number, a /Count) made wrong.
  fc.tuple(fc.nat(), fc.constantFrom('0', '-1', '99999999999', '2147483648', '1e308', 'NaN', '00000000000000000000000000007')).map(([pick, replacement]): Mutation => (bytes) => {
    const text = bytes.toString('latin1');
    const numbers = [...text.matchAll(/\d+/g)];
    if (numbers.length === 0) return bytes;
    const match = numbers[pick % numbers.length]!;
    return Buffer.from(text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length), 'latin1');
  }),
);

const mutatedFile = fc
  .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([[name, bytes], changes]) => ({ name, bytes: changes.reduce((current, change) => change(current), bytes), changes: changes.length }));

function recording(inner: ParserProcessFactory): ParserProcessFactory & { channels: ParserChannel[] } {
  const channels: ParserChannel[] = [];
  return { channels, spawn: (limits) => channels[channels.push(inner.spawn(limits)) - 1] as ParserChannel };
}

const processes = recording(nodeParserProcesses());
const parser = createFileParser({ processes, timeoutMs: TIME_LIMIT_MS });
afterAll(() => parser.close());

/** The outcome of one call: a value, or an import error code. A plain Error (internal) fails the test. */
async function statusOf<T>(call: Promise<T>, what: string): Promise<{ value: T } | { code: string }> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const overdue = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${TIME_LIMIT_MS + SLACK_MS} ms`)), TIME_LIMIT_MS + SLACK_MS);
  });
  try {
    const value = await Promise.race([call, overdue]);
    return { value };
  } catch (error) {
    if (error instanceof ImportFailure) {
      expect(error.message.length, `${what}: a sentence for the lawyer`).toBeGreaterThan(20);
      return { code: error.code };
    }
    throw new Error(`${what}: not an import error after ${Date.now() - started} ms: ${String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

describe('mutated files through the parser', () => {
  const outcomes = new Map<string, number>();

  it('every file gets a status within the time limit, and the test process stays up', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFile, async ({ name, bytes }) => {
        const what = `${name} (${bytes.length} bytes, mutated)`;
        const inspected = await statusOf(parser.inspect(bytes, name), `${what}: inspect`);
        if ('code' in inspected) {
          outcomes.set(`rejected ${inspected.code}`, (outcomes.get(`rejected ${inspected.code}`) ?? 0) + 1);
          return;
        }
        const { kind, pageCount } = inspected.value;
        expect(pageCount).toBeGreaterThanOrEqual(1);
        for (const page of new Set([1, pageCount])) {
          const read = await statusOf(parser.page(bytes, kind, page), `${what}: page ${page} of ${pageCount}`);
          const key = 'code' in read ? `page refused ${read.code}` : `page read (${read.value.source})`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }
        if (kind === 'pdf') {
          // What an export reads of it (its pages kept as vectors): an answer per page, copied or refused.
          const wanted = [...new Set([0, pageCount - 1])];
          const read = await statusOf(parser.originalPages(bytes, wanted), `${what}: original pages`);
          if ('value' in read) expect(read.value.pages.map((page) => page.index)).toEqual(wanted);
          const key = 'code' in read ? `original pages refused ${read.code}` : `original pages ${read.value.pages.filter((page) => !('refused' in page)).length}/${wanted.length} copyable`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }
        outcomes.set('imported', (outcomes.get('imported') ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true },
    );
    console.info(`parser fuzz, ${RUNS} files: ${[...outcomes].map(([key, count]) => `${key} ${count}`).join(', ')}`);
  });

  it('the hostile PDFs themselves, unmutated: each a status', async () => {
    const seen: string[] = [];
    for (const [name, bytes] of hostilePdfs()) {
      const inspected = await statusOf(parser.inspect(bytes, name), name);
      const page = 'value' in inspected ? await statusOf(parser.page(bytes, 'pdf', 1), `${name}: page 1`) : null;
      const original = await statusOf(parser.originalPages(bytes, [0]), `${name}: original page 1`);
      const copied = 'code' in original ? original.code : 'refused' in original.value.pages[0]! ? `refused (${original.value.pages[0].refused})` : 'copyable';
      seen.push(`${name}: ${'code' in inspected ? inspected.code : `${inspected.value.pageCount} p., page 1 ${page && 'code' in page ? page.code : 'read'}`}; for a bundle ${copied}`);
    }
    console.info(seen.join('\n'));
  });

  it('the parser still reads a good file afterwards', async () => {
    const letter = corpusBytes('ngo_letter_45-21.pdf');
    expect((await parser.inspect(letter, 'letter.pdf')).pageCount).toBe(1);
    expect((await parser.page(letter, 'pdf', 1)).source).toBe('text-layer');
  });
});
