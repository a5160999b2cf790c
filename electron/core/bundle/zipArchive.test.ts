import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { zipArchive } from './zipArchive';

describe('zipArchive', () => {
  let dir: ReturnType<typeof tempDir> | undefined;
  afterEach(() => dir?.remove());

  it('writes an archive the system unzip reads, UTF-8 names flagged, content byte for byte', () => {
    dir = tempDir();
    const text = Buffer.from('Дәлел '.repeat(1000), 'utf8');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    const zip = zipArchive([
      { name: 'Бума.pdf', data: text },
      { name: 'originals/01 户口簿.jpg', data: random },
      { name: 'empty.json', data: new Uint8Array(0) },
    ]);
    // General purpose flag bit 11 (UTF-8 names) in the first local header
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800);
    const file = join(dir.path, 'bundle.zip');
    writeFileSync(file, zip);
    execFileSync('unzip', ['-tq', file]);
    expect(execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(['Бума.pdf', 'originals/01 户口簿.jpg', 'empty.json']);
    expect(execFileSync('unzip', ['-p', file, 'Бума.pdf']).equals(text)).toBe(true);
    expect(execFileSync('unzip', ['-p', file, 'originals/01 户口簿.jpg']).equals(random)).toBe(true);
  });

  it('refuses names that would escape the folder or repeat', () => {
    expect(() => zipArchive([{ name: '../evil', data: new Uint8Array(1) }])).toThrow();
    expect(() => zipArchive([{ name: 'a', data: new Uint8Array(1) }, { name: 'a', data: new Uint8Array(1) }])).toThrow();
  });
});
