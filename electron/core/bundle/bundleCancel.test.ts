/**
 * Cancelling an export: a small bundle of real page images, cancelled while it is prepared and while
 * its file is written, leaves nothing in the target folder — no PDF, no manifest, no temp file — and no
 * export record or audit entry in the vault; the next export of the same bundle goes through.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleExportProgress } from '../../../shared/domain/bundle';
import { readAudit, verifyAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import type { ImportService } from '../import/importService';
import { createHandlers, dispatch } from '../ipc/handlers';
import type { VaultSession } from '../session/vaultSession';
import { tempDir } from '../testing/fixtures';
import { defaultFontsDir } from './bundleHandlers';
import { BundleService } from './bundleService';
import { BundleStore } from './bundleStore';
import { addTextDocument, blankScan } from '../testing/textDocuments';
import { testDatabase } from '../testing/testDatabase';
import { saveAppealBundle } from './testing/appealBundle';

const TODAY = new Date('2026-11-28T09:00:00Z');
let db: Database.Database;
let dir: ReturnType<typeof tempDir>;
let vaultDir: ReturnType<typeof tempDir>;
let bundleId: string;

async function addScan(title: string, pages: number): Promise<string> {
  const image = await blankScan(248, 351);
  return addTextDocument(db, {
    title,
    pages: Array.from({ length: pages }, () => 'Решение об отказе'),
    words: () => [{ text: 'Решение', bbox: [20, 40, 120, 60], conf: 90 }],
    languages: ['rus'],
    now: TODAY,
    page: { width: 248, height: 351, dpi: 30 },
    images: { image, thumb: image, mime: 'image/png' },
    original: { fileName: `${title}.png`, kind: 'png', mime: 'image/png', data: Buffer.from(title) },
  });
}

/** An export of the bundle that cancels itself at the first progress event of `phase`. */
async function exportCancelledAt(phase: BundleExportProgress['phase']): Promise<{ failure: unknown; cancelled: boolean[] }> {
  const cancelled: boolean[] = [];
  const service: BundleService = new BundleService(db, {
    fontsDir: defaultFontsDir(),
    vaultDir: vaultDir.path,
    clock: () => TODAY,
    onProgress: (progress) => {
      if (progress.phase === phase && cancelled.length === 0) cancelled.push(service.cancelExport(bundleId));
    },
  });
  const failure = await service.export(bundleId, { path: join(dir.path, 'bundle.pdf'), zip: { path: join(dir.path, 'bundle.zip'), originals: 'none' } }).catch((error: unknown) => error);
  return { failure, cancelled };
}

function expectNothingExported(): void {
  expect(readdirSync(dir.path)).toEqual([]);
  expect(new BundleStore(db).list()[0]!.lastExport).toBeNull();
  expect(readAudit(db).map((entry) => entry.action)).not.toContain('bundle.exported');
}

beforeEach(async () => {
  db = testDatabase();
  dir = tempDir('dalel-bundle-cancel-');
  vaultDir = tempDir('dalel-bundle-cancel-vault-');
  const docs = [await addScan('Refusal', 2), await addScan('Certificate', 1)];
  bundleId = saveAppealBundle(db, docs, 'Refusal', TODAY);
});

afterEach(() => {
  dir.remove();
  vaultDir.remove();
});

describe('cancelling a bundle export', () => {
  it('at the first progress event: fails as cancelled, writes no file and records no export', async () => {
    const { failure, cancelled } = await exportCancelledAt('preparing');
    expect(cancelled).toEqual([true]);
    expect(failure).toBeInstanceOf(DalelFailure);
    expect((failure as DalelFailure).toError()).toEqual({ code: 'cancelled', message: 'The export was cancelled.' });
    expectNothingExported();
  });

  it('while the file is being written: removes the temp file, and the next export goes through', async () => {
    const { failure, cancelled } = await exportCancelledAt('writing');
    expect(cancelled).toEqual([true]);
    expect((failure as DalelFailure).code).toBe('cancelled');
    expectNothingExported();

    const service = new BundleService(db, { fontsDir: defaultFontsDir(), vaultDir: vaultDir.path, clock: () => TODAY });
    expect(service.cancelExport(bundleId)).toBe(false); // nothing running
    const result = await service.export(bundleId, { path: join(dir.path, 'bundle.pdf') });
    expect(readdirSync(dir.path).sort()).toEqual(['bundle.manifest.json', 'bundle.pdf']);
    expect(result.sha256).toBe(createHash('sha256').update(readFileSync(result.path)).digest('hex'));
    expect(result.pages).toBe(result.manifest.pages);
    expect(new BundleStore(db).list()[0]!.lastExport).toMatchObject({ sha256: result.sha256, pages: result.pages });
    expect(readAudit(db).filter((entry) => entry.action === 'bundle.exported')).toHaveLength(1);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('through the contract: bundles:cancelExport stops the export another call started', async () => {
    const session = { vault: () => ({ db, dir: vaultDir.path }) } as unknown as VaultSession;
    const answers: unknown[] = [];
    const handlers = createHandlers(
      {
        session,
        imports: {} as ImportService,
        bundles: {
          fontsDir: defaultFontsDir(),
          onProgress: (progress) => {
            if (progress.phase === 'pages' && answers.length === 0) answers.push(dispatch(handlers, 'bundles:cancelExport', { bundleId }));
          },
        },
      },
      { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => join(dir.path, 'bundle.pdf'), openPath: async () => {}, showInFolder: () => {} },
    );
    // The window exports only where the save dialog pointed.
    expect(await dispatch(handlers, 'bundles:export', { bundleId, path: join(dir.path, 'bundle.pdf') })).toMatchObject({ ok: false, error: { code: 'unsafe-target' } });
    const picked = await dispatch(handlers, 'dialog:pickSavePath', { purpose: 'bundle-pdf', suggestedName: 'bundle.pdf' });
    expect(picked).toEqual({ ok: true, value: { path: join(dir.path, 'bundle.pdf') } });
    const exported = await dispatch(handlers, 'bundles:export', { bundleId, path: join(dir.path, 'bundle.pdf') });
    expect(exported).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await Promise.all(answers)).toEqual([{ ok: true, value: { cancelled: true } }]);
    expect(await dispatch(handlers, 'bundles:cancelExport', { bundleId })).toEqual({ ok: true, value: { cancelled: false } });
    expectNothingExported();
  });
});
