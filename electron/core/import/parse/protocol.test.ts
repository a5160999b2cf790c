import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parserChildArgs } from './protocol';

/**
 * The parser process's JS heap cap, for both launchers. Node's fork reads `--max-old-space-size` in
 * execArgv; an Electron utility process hands execArgv to Chromium as switches and sets V8 up from
 * `--js-flags` only, so there the cap must be spelled `--js-flags=--max-old-space-size=N` (protocol.ts).
 * The utility-process side is checked against the built app in electron/main/shell.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'dalel-heap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The heap limit V8 reports in a child started the way nodeParserProcesses starts one. */
function heapLimitMb(execArgv: string[]): Promise<number> {
  const script = join(dir, 'heap.cjs');
  writeFileSync(script, "process.send(require('node:v8').getHeapStatistics().heap_size_limit / 1048576)");
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (mb) => resolve(mb as number));
    child.once('error', reject);
  });
}

describe('the parser heap cap', () => {
  it("caps a Node fork's heap with the flag in execArgv (tests, CLI, test host)", async () => {
    const { execArgv } = parserChildArgs({ memoryMb: 256 });
    expect(execArgv).toEqual(['--max-old-space-size=256']);
    // V8 adds its young generation to the old-space cap, so compare two caps: they differ by exactly the difference.
    const at256 = await heapLimitMb(execArgv);
    const at128 = await heapLimitMb(parserChildArgs({ memoryMb: 128 }).execArgv);
    expect(at256 - at128).toBe(128);
    // Control: without the flag the heap is sized from the machine's memory, not from the cap.
    expect(await heapLimitMb([])).not.toBe(at256);
  });

  it('passes the cap to a utility process through --js-flags, the only V8 door there', () => {
    expect(parserChildArgs({ memoryMb: 512 }, 'electron-utility')).toEqual({
      execArgv: ['--js-flags=--max-old-space-size=512'],
      args: ['--rss-limit-mb=512'],
    });
  });

  it('never goes below 64 MiB', () => {
    expect(parserChildArgs({ memoryMb: 10 }).execArgv).toEqual(['--max-old-space-size=64']);
  });
});
