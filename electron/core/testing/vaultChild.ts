/**
 * A second process on a vault, for the tests that need one (the one-writer lock, a crash that leaves a
 * WAL, a key rotation killed at a random moment). Started with `fork` through tsx's loader; it reports
 * over IPC and then waits to be told to go on or to be killed.
 *
 *   hold <dir> <passphrase> <program>       unlock, report {ready, pid}, lock when sent 'release'
 *   write <dir> <passphrase> <n>            unlock, append n audit entries, anchor, report, wait to be killed
 *   rotate <dir> <passphrase> <next>        unlock, report {ready}, rotate the data key, report {done}
 */
import { unlockVault } from '../vault/vault';
import { TEST_KDF } from './fixtures';

function send(message: Record<string, unknown>): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [mode, dir, passphrase, extra] = process.argv.slice(2);
  try {
    if (mode === 'hold') {
      const vault = await unlockVault(dir!, { passphrase: passphrase! }, { kdf: TEST_KDF, program: extra });
      send({ ready: true, pid: process.pid });
      process.on('message', (message) => {
        if (message === 'release') {
          vault.lock();
          send({ released: true });
          process.exit(0);
        }
      });
      return;
    }
    if (mode === 'write') {
      const vault = await unlockVault(dir!, { passphrase: passphrase! }, { kdf: TEST_KDF });
      // Keep the WAL: a crash is what this process simulates, and nothing may fold it in before.
      vault.db.pragma('wal_autocheckpoint = 0');
      for (let index = 0; index < Number(extra); index += 1) {
        vault.audit({ action: 'test.imported', subject: `doc-${index}`, details: { index } });
      }
      vault.anchor();
      send({ ready: true, pid: process.pid });
      setInterval(() => undefined, 60_000); // wait for SIGKILL
      return;
    }
    if (mode === 'rotate') {
      const vault = await unlockVault(dir!, { passphrase: passphrase! }, { kdf: TEST_KDF });
      send({ ready: true, pid: process.pid });
      const { vault: rotated, recoveryCode } = await vault.rotateKey(passphrase!, extra!);
      rotated.lock();
      send({ done: true, recoveryCode });
      process.exit(0);
    }
    throw new Error(`unknown mode ${mode}`);
  } catch (error) {
    send({ error: { code: (error as { code?: string }).code ?? 'internal', message: (error as Error).message } });
    process.exit(1);
  }
}

void main();
