import { describe, expect, it } from 'vitest';
import { DalelFailure } from '../errors';
import { TEST_KDF } from '../testing/fixtures';
import { DEFAULT_KDF, KDF_FLOOR, argon2Backend, checkKdfParams, deriveKey } from './kdf';

describe('Argon2id key derivation', () => {
  const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

  it('gives the same key from Node’s built-in Argon2 and from hash-wasm, so vaults open on either runtime', async () => {
    expect(argon2Backend()).toBe('node:crypto'); // Node 24 is pinned; Electron may fall back
    const native = await deriveKey('Айгерим Дәулетқызы', salt, TEST_KDF, 'node:crypto');
    const wasm = await deriveKey('Айгерим Дәулетқызы', salt, TEST_KDF, 'hash-wasm');
    expect(native.toString('hex')).toBe(wasm.toString('hex'));
    expect(native).toHaveLength(32);
  });

  it('normalises the passphrase so a composed and a decomposed Kazakh letter give the same key', async () => {
    const composed = 'Әйгерім'.normalize('NFC');
    const decomposed = 'Әйгерім'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    const a = await deriveKey(composed, salt, TEST_KDF);
    const b = await deriveKey(decomposed, salt, TEST_KDF);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses parameters below the floor or absurdly high', () => {
    expect(() => checkKdfParams({ ...TEST_KDF })).not.toThrow();
    expect(() => checkKdfParams(DEFAULT_KDF)).not.toThrow();
    expect(() => checkKdfParams({ ...TEST_KDF, memoryKiB: 512 * 1024, iterations: 3 })).not.toThrow();
    expect(() => checkKdfParams({ ...TEST_KDF, memoryKiB: 128 * 1024, iterations: 10, parallelism: 4 })).not.toThrow();
    for (const bad of [
      { memoryKiB: KDF_FLOOR.memoryKiB - 1 },
      { iterations: 2 },
      { parallelism: 0 },
      { memoryKiB: 16 * 1024 * 1024 },
      { iterations: 500 },
      { parallelism: 64 },
      { iterations: 3.5 },
      // a few seconds per attempt at most (kdf.ts, measured): memory, and memory × passes
      { memoryKiB: 1024 * 1024 },
      { memoryKiB: 512 * 1024, iterations: 4 },
      { memoryKiB: 256 * 1024, iterations: 7 },
    ]) {
      expect(() => checkKdfParams({ ...TEST_KDF, ...bad }), JSON.stringify(bad)).toThrow(DalelFailure);
    }
  });
});
