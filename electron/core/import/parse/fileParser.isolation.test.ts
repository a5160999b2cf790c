import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileParser } from './fileParser';
import { nodeParserProcesses, type ParserChannel, type ParserProcessFactory } from './processes';
import { corpusBytes, manifest } from './testing/corpus';
import type { ParserRequest } from './protocol';
import { ImportFailure, type FileParser } from './types';

/**
 * The process boundary: time and memory limits, crashes, cancellation, and what a parse must never do
 * (write plaintext to the temp dir, touch the network, run a PDF's script).
 */

const INSTRUMENTED = join(__dirname, 'testing', 'instrumentedParserChild.ts');

/**
 * A factory that remembers its processes, so a test can look at (or kill) them from outside, and tells
 * when a request is handed to one: from then on the call is running in that process (its time limit
 * runs, a cancel kills the process), which is what "mid-page" and "running" mean to the parser.
 */
function recording(inner: ParserProcessFactory): ParserProcessFactory & {
  channels: ParserChannel[];
  /** The process the next `op` request is handed to; ask before making the call. */
  handedOver(op: ParserRequest['op']): Promise<ParserChannel>;
} {
  const channels: ParserChannel[] = [];
  const waiting: Array<{ op: ParserRequest['op']; resolve: (channel: ParserChannel) => void }> = [];
  return {
    channels,
    handedOver: (op) => new Promise((resolve) => waiting.push({ op, resolve })),
    spawn(limits) {
      const channel = inner.spawn(limits);
      const post = channel.postMessage.bind(channel);
      channel.postMessage = (message) => {
        post(message);
        const index = waiting.findIndex((wait) => wait.op === message.op);
        if (index >= 0) waiting.splice(index, 1)[0]!.resolve(channel);
      };
      channels.push(channel);
      return channel;
    },
  };
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory of a process in MB (Linux /proc), or null elsewhere. */
function peakRssMb(pid: number | undefined): number | null {
  const status = pid !== undefined && existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportFailure)) throw new Error(`expected an ImportFailure, got ${String(error)}`);
  return error.code;
}

const letter = corpusBytes('ngo_letter_45-21.pdf');
let parser: FileParser | null = null;
afterEach(async () => {
  await parser?.close();
  parser = null;
});

describe('time limit and crashes', () => {
  it('a parse that hangs is killed at the time limit, and the next file is parsed by a fresh process', async () => {
    const processes = recording(nodeParserProcesses({ entry: INSTRUMENTED }));
    parser = createFileParser({ processes, timeoutMs: 4000 });
    // Images, not PDFs, around the hang: under tsx a fresh process's first PDF also compiles pdf.js.
    const scan = corpusBytes('scan_0005.jpg');
    await parser.inspect(scan, 'warm-up.jpg'); // the process is up and has parsed once
    const started = Date.now();
    expect(await codeOf(parser.inspect(scan, 'spin.forever'))).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4000 + 2000);
    const stuck = processes.channels[0];
    await expect.poll(() => alive(stuck?.pid)).toBe(false);
    expect((await parser.inspect(scan, 'scan.jpg')).pageCount).toBe(1);
    expect(processes.channels).toHaveLength(2);
  });

  it('a process killed with SIGKILL mid-page gives a plain corrupt-file error, and the next call works', async () => {
    const processes = recording(nodeParserProcesses());
    parser = createFileParser({ processes });
    const scan = corpusBytes('travel_doc_Zhumabekuly.pdf'); // ~2 s to render a page
    await parser.inspect(scan, 'scan.pdf');
    const handedOver = processes.handedOver('page');
    const rendering = parser.page(scan, 'pdf', 1);
    process.kill((await handedOver).pid as number, 'SIGKILL');
    const error = await rendering.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailure);
    expect((error as ImportFailure).code).toBe('corrupt-file');
    expect((error as ImportFailure).message).toMatch(/^Reading this file stopped unexpectedly\./);
    expect((await parser.page(scan, 'pdf', 2)).source).toBe('raster');
  });

  it('a process over its memory limit is stopped by its watchdog: corrupt-file, and the next call works', async () => {
    parser = createFileParser({ processes: nodeParserProcesses(), memoryMb: 350 });
    // A 108 MP progressive colour JPEG is held whole while decoding (measured ~440 MB).
    const photo = await sharp({ create: { width: 12000, height: 9000, channels: 3, background: '#eeeeee' } })
      .jpeg({ progressive: true })
      .toBuffer();
    expect((await parser.inspect(photo, 'photo.jpg')).pageCount).toBe(1); // within the pixel limit
    expect(await codeOf(parser.page(photo, 'jpeg', 1))).toBe('corrupt-file');
    expect((await parser.inspect(corpusBytes('scan_0005.jpg'), 'scan.jpg')).pageCount).toBe(1);
  });

  it('a process that cannot start is reported as a plain Error (an installation fault), not as the file', async () => {
    parser = createFileParser({ processes: nodeParserProcesses({ entry: join(__dirname, 'no-such-entry.js') }) });
    const error = await parser.inspect(letter, 'letter.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ImportFailure);
  });
});

describe('cancellation and the rest of the batch', () => {
  it('cancelling a running and a queued call gives cancelled; other calls complete', async () => {
    const processes = recording(nodeParserProcesses());
    parser = createFileParser({ processes, concurrency: 1 });
    const scan = corpusBytes('travel_doc_Zhumabekuly.pdf'); // ~2 s to render a page
    const running = new AbortController();
    const queued = new AbortController();
    const handedOver = processes.handedOver('page');
    const first = codeOf(parser.page(scan, 'pdf', 1, { signal: running.signal }));
    const second = codeOf(parser.inspect(letter, 'letter.pdf', { signal: queued.signal }));
    const third = parser.inspect(letter, 'letter.pdf');
    queued.abort();
    // Once its process has started and been handed the page: the first call is running, not waiting.
    const rendering = await handedOver;
    running.abort();
    expect(await Promise.all([first, second])).toEqual(['cancelled', 'cancelled']);
    await expect.poll(() => alive(rendering.pid)).toBe(false); // cancelling it stopped its process
    expect((await third).pageCount).toBe(1);
  });

  it('a batch with a hanging file and a corrupt one still reads the good ones, two processes at a time', async () => {
    // 20 s: under tsx (tests only) the first PDF in a fresh process also compiles pdf.js, on a machine whose
    // other work is heavy (10 s once proved short). The hang sleeps rather than spins, so it takes no core
    // from that work while the limit runs out (the first test has a spinning one killed).
    parser = createFileParser({ processes: nodeParserProcesses({ entry: INSTRUMENTED }), timeoutMs: 20_000, concurrency: 2 });
    const files: Array<[Buffer, string]> = [
      [letter, 'sleep.forever'],
      [corpusBytes('bad/IMG_0457.jpg'), 'IMG_0457.jpg'],
      [corpusBytes('scan_0005.jpg'), 'scan_0005.jpg'],
      [letter, 'letter.pdf'],
      [corpusBytes('bad/scan_multipage.tif'), 'scan.tif'],
    ];
    const outcomes = await Promise.all(files.map(([bytes, name]) => parser!.inspect(bytes, name).then((r) => r.pageCount, (e: ImportFailure) => e.code)));
    expect(outcomes).toEqual(['timeout', 'corrupt-file', 1, 1, 2]);
  });
});

describe('what a parse must never do', () => {
  it('the 60000×60000 PNG is refused without the parser process allocating its pixels', async () => {
    const processes = recording(nodeParserProcesses());
    parser = createFileParser({ processes });
    await parser.inspect(corpusBytes('certificate_aigerim.png'), 'small.png'); // baseline: process up, sharp loaded
    const pid = processes.channels[0]?.pid;
    const before = peakRssMb(pid);
    const huge = corpusBytes('bad/huge_scan.png');
    expect(await codeOf(parser.inspect(huge, 'huge_scan.png'))).toBe('image-too-large');
    expect(await codeOf(parser.page(huge, 'png', 1))).toBe('image-too-large');
    const after = peakRssMb(pid);
    expect(processes.channels).toHaveLength(1); // same process: it did not crash
    if (before !== null && after !== null) {
      console.info(`parser peak RSS: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after the 60000×60000 PNG`);
      expect(after - before).toBeLessThan(32); // 3.6e9 pixels would need ≥ 3.6 GB
    }
  });

  it('nothing is written to the temp directory, and nothing reaches for the network or runs PDF JavaScript', async () => {
    // Parser processes inherit the environment, so their os.tmpdir() (and libvips's) is this fresh directory.
    const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP, TSX_DISABLE_CACHE: process.env.TSX_DISABLE_CACHE };
    const watched = mkdtempSync(join(tmpdir(), 'dalel-parse-tmp-'));
    const seen: string[] = [];
    const watcher = watch(watched, (_event, name) => seen.push(String(name)));
    // TSX_DISABLE_CACHE: tsx (tests only; the app ships compiled JS) would otherwise cache compiled sources there.
    Object.assign(process.env, { TMPDIR: watched, TMP: watched, TEMP: watched, TSX_DISABLE_CACHE: '1' });
    try {
      parser = createFileParser({ processes: nodeParserProcesses({ entry: INSTRUMENTED }) });
      // Every format and path: text layer (Latin, Cyrillic, CJK), scans, JavaScript, standard fonts, TIFF G4,
      // a large photo with EXIF rotation (the case where libvips could spill to disk).
      const photo = await sharp({ create: { width: 9000, height: 7000, channels: 3, background: '#dddddd' } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer();
      const samples: Array<[Uint8Array, string]> = [
        ...manifest()
          .documents.filter((doc) => doc.format === 'pdf' || doc.file.endsWith('.tif'))
          .map((doc): [Uint8Array, string] => [corpusBytes(doc.file), doc.file]),
        [corpusBytes('bad/evidence_cover_js.pdf'), 'evidence_cover_js.pdf'],
        [corpusBytes('bad/bundle_owner_locked.pdf'), 'owner.pdf'],
        [corpusBytes('scan_0017.jpg'), 'scan_0017.jpg'],
        [photo, 'photo.jpg'],
      ];
      for (const [bytes, name] of samples) {
        const inspected = await parser.inspect(bytes, name); // a trapped network call or script would crash it
        for (let page = 1; page <= inspected.pageCount; page++) await parser.page(bytes, inspected.kind, page);
      }
      // The trap is live: a process that does reach for the network dies, and that shows.
      expect(await codeOf(parser.inspect(letter, 'reach.network'))).toBe('corrupt-file');
      await parser.close();
      expect(readdirSync(watched)).toEqual([]);
      expect(seen).toEqual([]);
    } finally {
      watcher.close();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      rmSync(watched, { recursive: true, force: true });
    }
  });
});
