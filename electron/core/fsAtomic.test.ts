import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StagedFile, writeFileAtomic } from './fsAtomic';
import { tempDir } from './testing/fixtures';

/** A pid that has certainly ended: a process that ran and exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(done.stdout);
}

describe('temp files a killed write left behind', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('are removed on the next write of the same file when their process has ended; a live process’s are kept', async () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const dead = deadPid();
      const target = join(dir.path, 'bundle.pdf');
      const stale = [`bundle.pdf.tmp-${dead}-0a1b2c3d`, `bundle.pdf.tmp-${dead}`];
      const kept = [`bundle.pdf.tmp-${live.pid}-deadbeef`, 'bundle.pdf.tmp-notes', 'other.pdf.tmp-1-0a1b2c3d', 'bundle.pdf'];
      for (const name of [...stale, ...kept]) writeFileSync(join(dir.path, name), 'partial export');

      const staged = await StagedFile.open(target);
      await staged.discard();
      expect(readdirSync(dir.path).sort()).toEqual([...kept].sort());

      // writeFileAtomic (headers, anchors, the app's config) cleans up the same way.
      writeFileSync(join(dir.path, `config.json.tmp-${dead}`), '{');
      writeFileAtomic(join(dir.path, 'config.json'), '{}');
      expect(readdirSync(dir.path).filter((name) => name.startsWith('config.json'))).toEqual(['config.json']);
    } finally {
      live.kill('SIGKILL');
    }
  });
});
