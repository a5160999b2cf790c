import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupVault } from '../../electron/core/backup/backup';
import { DocumentStore } from '../../electron/core/documents/documentStore';
import { tempDir } from '../../electron/core/testing/fixtures';
import { unlockVault } from '../../electron/core/vault/vault';
import { checkTarget, checkTempFolder, checkVault, type VaultState } from './checks';
import { BACKUP_FILE, OPERATIONS, operations, passphraseOf, type SoakPlaces } from './operations';
import { formatReport } from './soak';
import { runSoak } from './soakRun';

/**
 * CI's share of `npm run soak`: one round (each operation killed once, in a seeded order) on a vault the
 * real CLI imported into with OCR, then controls showing that each check can fail. DALEL_SOAK_SEED
 * replays a seed this printed.
 */
const SEED = Number(process.env.DALEL_SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ITERATIONS = OPERATIONS.length;
const AS_IS = { attempted: false, completed: true };

describe('soak: SIGKILL during import, reindex, export, backup and passwd --rotate-key', () => {
  let dir: ReturnType<typeof tempDir>;
  let places: SoakPlaces;
  let state: VaultState | null = null;

  beforeAll(() => {
    dir = tempDir('dalel-soak-test-');
    places = { vaultDir: join(dir.path, 'vault'), scansDir: join(dir.path, 'scans'), exportDir: join(dir.path, 'export'), backupDir: join(dir.path, 'backup') };
  });
  afterAll(() => dir.remove());

  it(`after each kill one passphrase opens the vault, verify --deep passes, nothing committed is lost, no temp file is left (${ITERATIONS} kills, seed ${SEED})`, async () => {
    const lines: string[] = [];
    const report = await runSoak({ seed: SEED, iterations: ITERATIONS, workDir: dir.path, log: (line) => lines.push(line) });
    console.info(`${lines.join('\n')}\n\n${formatReport(report)}`);
    expect(report.failure, formatReport(report)).toBeNull();
    expect(OPERATIONS.map((name) => report.figures[name].runs)).toEqual(OPERATIONS.map(() => 1));

    const vault = await unlockVault(places.vaultDir, { passphrase: passphraseOf(report.vault.generation) });
    const docs = new DocumentStore(vault.db).list();
    vault.lock();
    expect(docs.length).toBeGreaterThanOrEqual(1);
    expect(docs).toHaveLength(report.vault.documents);
    state = { generation: report.vault.generation, docs: new Map(docs.map((doc) => [doc.id, doc.sha256])), readyDocs: [] };
  }, 90_000);

  it('controls: the checks see a lost document, a stray file in the vault folder, a passphrase that opens nothing, a half backup, a temp file beside a target or in TMPDIR', async () => {
    expect(state, 'the soak above left a vault').not.toBeNull();
    const now = state!;
    expect((await checkVault(places, now, AS_IS)).problems).toEqual([]);

    const lost = await checkVault(places, { ...now, docs: new Map([...now.docs, ['doc_lost', 'ab'.repeat(32)]]) }, AS_IS);
    expect(lost.problems).toEqual(['document doc_lost (committed before the run) is gone']);

    // A vault file's temp file goes at the next open (vaultFiles.ts); anything else stays and is seen.
    writeFileSync(join(places.vaultDir, 'dalel-vault.json.tmp-999999'), '{');
    writeFileSync(join(places.vaultDir, 'notes.tmp-1'), 'x');
    expect((await checkVault(places, now, AS_IS)).problems).toEqual(['"notes.tmp-1" is left in the vault folder after the next open']);

    const gone = { ...now, generation: now.generation + 5 };
    expect((await checkVault(places, gone, AS_IS)).problems).toEqual(['the passphrase in force no longer opens the vault: wrong-passphrase']);
    expect((await checkVault(places, gone, { attempted: true, completed: false })).problems).toEqual([
      'after passwd --rotate-key the old passphrase wrong-passphrase and the new one wrong-passphrase: exactly one must open the vault',
    ]);

    // A whole backup passes (and is removed, to free the name); one cut in half under the final name does not.
    const backup = join(places.backupDir, BACKUP_FILE);
    const backUp = async () => {
      const vault = await unlockVault(places.vaultDir, { passphrase: passphraseOf(now.generation) });
      await backupVault(vault, backup).finally(() => vault.lock());
    };
    await backUp();
    expect(checkTarget(operations.backup, places)).toEqual({ problems: [], temps: [] });
    await backUp();
    truncateSync(backup, Math.floor(readFileSync(backup).length / 2));
    expect(checkTarget(operations.backup, places).problems).toEqual([expect.stringMatching(/^vault\.dalelbackup is not a whole backup: .*cut short/)]);

    writeFileSync(join(places.exportDir, 'bundle.pdf.tmp-999999-0a1b2c3d'), '%PDF-1.7 half');
    expect(checkTarget(operations.export, places).temps).toContain('bundle.pdf.tmp-999999-0a1b2c3d');

    // A page image a killed run left in its TMPDIR (tsx's own cache there is not Dalel's).
    const runTemp = join(dir.path, 'tmp');
    writeFileSync(join(runTemp, 'page-1.png'), 'x');
    expect(checkTempFolder(runTemp)).toEqual([`"page-1.png" is left in the run's temp folder (TMPDIR)`]);
    expect(checkTempFolder(runTemp)).toEqual([]);
  }, 60_000);
});
