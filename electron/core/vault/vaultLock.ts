import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { DalelFailure, failureFrom } from '../errors';
import { writeFileAtomic } from '../fsAtomic';
import { LOCK_FILE, LOCK_OWNER_FILE } from './vaultFiles';

/**
 * One writer per vault: whoever opens a vault (the app, a `dalel` command, the test host) holds this
 * lock until it locks the vault again, and a second opener gets `vault-in-use`.
 *
 * Why SQLite's lock: Node 24 has no flock/fcntl API, and a lock must be released by the kernel when its
 * holder dies (SIGKILL, a power cut), or a crash would leave the vault locked until someone deletes a
 * file by hand. An O_EXCL lock file holding a pid needs stale detection by pid liveness, which a reused
 * pid defeats (and which cannot see another machine on a shared drive). SQLite, which Dalel already
 * ships, takes real OS locks — fcntl byte-range locks on Unix, LockFileEx on Windows, both dropped when
 * the process ends — so `dalel-vault.lock` is an empty SQLite database held in `locking_mode=EXCLUSIVE`
 * after `BEGIN EXCLUSIVE`. A second connection, in another process or this one (SQLite tracks its own
 * connections per inode), gets SQLITE_BUSY at once (`timeout: 0`).
 *
 * The lock is not taken on vault.db itself because a key rotation replaces that file (a new inode) while
 * the lock must stay held. The lock file is never deleted: deleting it would let a second process lock a
 * new file while a third still holds the old one. Caveats: fcntl locks are per process and dropped when
 * *any* descriptor of the file is closed, so nothing else in Dalel may open the lock file; and network
 * file systems may not honour them (the README says to keep vaults on local disks).
 *
 * The holder's pid and program go into a separate note (`dalel-vault.lock-owner.json`) that the loser
 * reads to say who has the vault. The note is information only — a stale one left by a crash is simply
 * overwritten by the next holder; the OS lock alone decides.
 */
const OwnerSchema = z.object({ pid: z.number().int(), program: z.string(), host: z.string(), since: z.string() });
export type LockOwner = z.infer<typeof OwnerSchema>;

export class VaultLock {
  private connection: Database.Database | null;

  constructor(
    readonly dir: string,
    connection: Database.Database,
  ) {
    this.connection = connection;
  }

  get held(): boolean {
    return this.connection !== null;
  }

  /** Release the lock (the owner note goes first). Safe to call twice. */
  release(): void {
    if (!this.connection) return;
    rmSync(join(this.dir, LOCK_OWNER_FILE), { force: true });
    this.connection.close();
    this.connection = null;
  }
}

/** What `dalel` and the app call themselves in the owner note. */
export function defaultProgram(): string {
  if (process.versions.electron) return 'Dalel';
  const script = process.argv[1];
  return script ? `node ${basename(script)}` : 'node';
}

/** Take the vault's lock, or fail with `vault-in-use` naming the holder where its note says who it is. */
export function acquireVaultLock(dir: string, program: string = defaultProgram(), now: Date = new Date()): VaultLock {
  const file = join(dir, LOCK_FILE);
  let connection: Database.Database;
  try {
    // Created here with mode 0600 (SQLite would create it 0644). Only when missing: opening and closing a
    // descriptor of a file this process has locked would drop that lock (POSIX fcntl semantics).
    if (!existsSync(file)) {
      try {
        closeSync(openSync(file, 'wx', 0o600));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    connection = new Database(file, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    throw failureFrom(error) ?? new DalelFailure('read-only', `Dalel cannot create its lock file in ${dir}.`, { cause: (error as Error).message });
  }
  try {
    connection.pragma('locking_mode = EXCLUSIVE');
    // An empty database: the transaction writes nothing, it only takes (and, in exclusive mode, keeps) the lock.
    connection.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    connection.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') throw inUse(dir);
    throw failureFrom(error) ?? error;
  }
  const lock = new VaultLock(dir, connection);
  try {
    const owner: LockOwner = { pid: process.pid, program, host: hostname(), since: now.toISOString() };
    writeFileAtomic(join(dir, LOCK_OWNER_FILE), `${JSON.stringify(owner)}\n`);
  } catch {
    // The note is information only (a full disk must not keep the vault from opening).
  }
  return lock;
}

/** The holder's note, if there is a readable one. */
export function readLockOwner(dir: string): LockOwner | null {
  try {
    const parsed = OwnerSchema.safeParse(JSON.parse(readFileSync(join(dir, LOCK_OWNER_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function inUse(dir: string): DalelFailure {
  const owner = readLockOwner(dir);
  const who = owner
    ? `${owner.program} (process ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}, since ${owner.since})`
    : 'another program';
  const failure = new DalelFailure(
    'vault-in-use',
    `This vault is open in ${who}. Only one program at a time may have a vault open: close it there, then try again.`,
    owner ? { pid: owner.pid, program: owner.program, host: owner.host, since: owner.since } : undefined,
  );
  if (!owner) return failure.because('vault-open-elsewhere');
  // The host only when it is another computer (a vault on a shared drive): on this one it says nothing.
  return failure.because('vault-open-in', { program: owner.program, pid: owner.pid, since: owner.since, ...(owner.host !== hostname() ? { host: owner.host } : {}) });
}
