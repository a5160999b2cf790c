import * as nodeCrypto from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { DalelFailure } from '../errors';

/**
 * Passphrase → key-encryption key. Argon2id, memory-hard, parameters stored in the vault header.
 *
 * Floors follow the issue (≥ 64 MiB, t ≥ 3). Ceilings exist so that a tampered header cannot make
 * unlock allocate gigabytes or spin for minutes: one derivation stays within a few seconds.
 *
 * Measured on the 2-core CI machine (2026-12-05, one derivation, ms; `node:crypto` is Node 24's built-in
 * Argon2, `hash-wasm` the fallback Electron may use):
 *
 *   m × t              node:crypto  hash-wasm
 *   64 MiB × 3              158         259
 *   128 MiB × 3 (default)   327         535
 *   256 MiB × 3             692        1156
 *   512 MiB × 3            1507        2574   ← the ceiling: 512 MiB, 1536 MiB·passes
 *   1 GiB × 3              3670        5912   (refused)
 *   128 MiB × 12           1081        2005
 *
 * Time grows with memory × passes (~1.1 ms per MiB·pass natively, ~1.7 with hash-wasm); parallelism
 * barely changes it here (256 MiB × 3 with p=4: 628 / 1297 ms). So the ceiling bounds memory (RAM) and
 * memory × passes (time): at most ~1.5 s natively and ~2.6 s with hash-wasm per derivation. The old
 * ceiling (2 GiB, t=20) allowed one unlock attempt of 46 s and 2.2 GB (issue 12).
 */
export interface Argon2idParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const KDF_FLOOR = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;
export const KDF_CEILING = { memoryKiB: 512 * 1024, iterations: 10, parallelism: 4 } as const;
/** memoryKiB × iterations: 512 MiB × 3 passes (see the table above). */
export const KDF_COST_CEILING = 512 * 1024 * 3;

/**
 * Default for new vaults: 128 MiB, t=3. `npm run bench` measured ~0.4 s per derivation with hash-wasm on
 * the 2-core CI machine, inside the 0.3–1.5 s unlock budget, and twice the memory floor.
 */
export const DEFAULT_KDF: Argon2idParams = {
  name: 'argon2id',
  memoryKiB: 128 * 1024,
  iterations: 3,
  parallelism: 1,
};

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

export function checkKdfParams(params: Argon2idParams): void {
  const problems: string[] = [];
  if (params.name !== 'argon2id') problems.push(`unknown key derivation "${String(params.name)}"`);
  const bounds: Array<[keyof typeof KDF_FLOOR, number]> = [
    ['memoryKiB', params.memoryKiB],
    ['iterations', params.iterations],
    ['parallelism', params.parallelism],
  ];
  for (const [key, value] of bounds) {
    if (!Number.isInteger(value)) problems.push(`${key} is not a whole number`);
    else if (value < KDF_FLOOR[key]) problems.push(`${key} ${value} is below the minimum ${KDF_FLOOR[key]}`);
    else if (value > KDF_CEILING[key]) problems.push(`${key} ${value} is above the maximum ${KDF_CEILING[key]}`);
  }
  if (problems.length === 0 && params.memoryKiB * params.iterations > KDF_COST_CEILING) {
    problems.push(`memory × iterations ${params.memoryKiB * params.iterations} KiB is above the maximum ${KDF_COST_CEILING} (a few seconds per unlock)`);
  }
  if (problems.length > 0) {
    throw new DalelFailure(
      'corrupt-vault',
      'The vault header asks for key-derivation settings Dalel refuses, so it was not opened. The header may have been tampered with.',
      { problems },
    );
  }
}

type NativeArgon2 = (
  algorithm: 'argon2id',
  parameters: { message: Buffer; nonce: Uint8Array; parallelism: number; tagLength: number; memory: number; passes: number },
  callback: (error: Error | null, key: Buffer) => void,
) => void;

/**
 * Node ≥ 24.7 has Argon2 built in and runs it on the libuv pool, off the main thread (in Electron the
 * main process stays responsive during unlock). Older runtimes fall back to hash-wasm, which computes
 * the same bytes (a test checks both agree).
 */
const nativeArgon2 = (nodeCrypto as unknown as { argon2?: NativeArgon2 }).argon2;

export function argon2Backend(): 'node:crypto' | 'hash-wasm' {
  return nativeArgon2 ? 'node:crypto' : 'hash-wasm';
}

/** Derive a 256-bit key. The caller owns the returned buffer and must zero-fill it when done. */
export async function deriveKey(
  secret: string,
  salt: Uint8Array,
  params: Argon2idParams,
  backend: 'node:crypto' | 'hash-wasm' = argon2Backend(),
): Promise<Buffer> {
  checkKdfParams(params);
  const password = Buffer.from(secret.normalize('NFC'), 'utf8');
  try {
    if (backend === 'node:crypto' && nativeArgon2) {
      const run = nativeArgon2;
      return await new Promise<Buffer>((resolve, reject) => {
        run(
          'argon2id',
          {
            message: password,
            nonce: salt,
            parallelism: params.parallelism,
            tagLength: KEY_BYTES,
            memory: params.memoryKiB,
            passes: params.iterations,
          },
          (error, key) => (error ? reject(error) : resolve(key)),
        );
      });
    }
    const out = await argon2id({
      password,
      salt,
      parallelism: params.parallelism,
      iterations: params.iterations,
      memorySize: params.memoryKiB,
      hashLength: KEY_BYTES,
      outputType: 'binary',
    });
    const key = Buffer.from(out);
    out.fill(0);
    return key;
  } finally {
    password.fill(0);
  }
}
