/**
 * `npm run bench`: how long unlocking a vault takes with the default key-derivation settings, split into
 * Argon2id and opening the encrypted database, and Node's built-in Argon2 against hash-wasm (the
 * fallback) in the same run. The aim: 0.3–1.5 s per unlock on the 2-core CI machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_KDF, argon2Backend, deriveKey } from '../electron/core/vault/kdf';
import { openEncryptedDatabase } from '../electron/core/vault/database';
import { createVault, unlockVault } from '../electron/core/vault/vault';

const RUNS = 7;
const passphrase = 'a bench passphrase of decent length';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-bench-'));
  try {
    const vaultDir = join(dir, 'vault');
    const { vault } = await createVault(vaultDir, passphrase);
    vault.lock();

    const unlock = await time(async () => (await unlockVault(vaultDir, { passphrase })).lock());
    const salt = Buffer.alloc(16, 1);
    const nativeKdf = await time(async () => (await deriveKey(passphrase, salt, DEFAULT_KDF, 'node:crypto')).fill(0));
    const wasmKdf = await time(async () => (await deriveKey(passphrase, salt, DEFAULT_KDF, 'hash-wasm')).fill(0));
    const key = Buffer.alloc(32, 7);
    let opened = 0;
    const openOnly = await time(async () => {
      // A new file each run: `create` makes the file exclusively (0600 from the start) and refuses one that is there.
      const db = openEncryptedDatabase(join(dir, `open-${opened++}.db`), key, { create: true });
      db.close();
    });

    const kdf = `argon2id m=${DEFAULT_KDF.memoryKiB / 1024} MiB t=${DEFAULT_KDF.iterations} p=${DEFAULT_KDF.parallelism}`;
    console.log(`Unlock benchmark — ${kdf}, ${RUNS} runs each, medians (Node ${process.version}, backend ${argon2Backend()})`);
    console.log(`  unlock (KDF + open + migrate check + audit entry): ${median(unlock).toFixed(0)} ms  [aim 300–1500 ms]`);
    console.log(`  Argon2id, node:crypto:                            ${median(nativeKdf).toFixed(0)} ms`);
    console.log(`  Argon2id, hash-wasm (fallback):                   ${median(wasmKdf).toFixed(0)} ms`);
    console.log(`  ratio hash-wasm / node:crypto:                    ${(median(wasmKdf) / median(nativeKdf)).toFixed(2)}`);
    console.log(`  open encrypted database with raw key:             ${median(openOnly).toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
