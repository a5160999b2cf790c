/**
 * The export's ZIP, streamed to a temp file beside its target (zipArchive.ts): read back by an
 * independent reader, every original comes out byte for byte with the manifest's SHA-256; cancelled
 * mid-ZIP, or its folder removed while it is written, nothing is left — no ZIP, no PDF, no manifest, no
 * temp file — and no export is recorded.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleExportProgress, BundleManifest } from '../../../shared/domain/bundle';
import type { FileKind } from '../../../shared/domain/document';
import { readAudit } from '../audit/auditLog';
import { DalelFailure } from '../errors';
import { tempDir } from '../testing/fixtures';
import { addTextDocument, blankScan } from '../testing/textDocuments';
import { migrate } from '../vault/migrations';
import { defaultFontsDir } from './bundleHandlers';
import { BundleService } from './bundleService';
import { BundleStore } from './bundleStore';
import { saveAppealBundle } from './testing/appealBundle';

interface ReadBack {
  files: Array<{ path: string; compressionMethod: number; buffer(): Promise<Buffer> }>;
}
const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { file(path: string): Promise<ReadBack> } };

const TODAY = new Date('2026-11-28T09:00:00Z');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
let db: Database.Database;
let dir: ReturnType<typeof tempDir>;
let vaultDir: ReturnType<typeof tempDir>;
let bundleId: string;
const originals = new Map<string, Buffer>();

async function addScan(title: string, fileName: string, kind: FileKind, original: Buffer): Promise<string> {
  const image = await blankScan(248, 351);
  const id = addTextDocument(db, {
    title,
    pages: ['Решение об отказе'],
    words: () => [{ text: 'Решение', bbox: [20, 40, 120, 60], conf: 90 }],
    languages: ['rus'],
    now: TODAY,
    page: { width: 248, height: 351, dpi: 30 },
    images: { image, thumb: image, mime: 'image/png' },
    original: { fileName, kind, mime: `image/${kind}`, data: original },
  });
  originals.set(id, original);
  return id;
}

function service(onProgress?: (progress: BundleExportProgress, self: BundleService) => void): BundleService {
  const self: BundleService = new BundleService(db, { fontsDir: defaultFontsDir(), vaultDir: vaultDir.path, clock: () => TODAY, onProgress: (p) => onProgress?.(p, self) });
  return self;
}

function expectNothingRecorded(): void {
  expect(new BundleStore(db).list()[0]!.lastExport).toBeNull();
  expect(readAudit(db).map((entry) => entry.action)).not.toContain('bundle.exported');
}

beforeEach(async () => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  dir = tempDir('dalel-bundle-zip-');
  vaultDir = tempDir('dalel-bundle-zip-vault-');
  originals.clear();
  const docs = [
    // a JPEG-like original of several MiB (stored), an uncompressed TIFF-like one (deflated), a Kazakh name
    await addScan('Refusal', 'Дәулетқызы бас тарту.jpg', 'jpeg', randomBytes(5 * 1024 * 1024 + 3)),
    await addScan('Certificate', 'certificate 户口簿.tiff', 'tiff', Buffer.alloc(2 * 1024 * 1024, 0x41)),
  ];
  bundleId = saveAppealBundle(db, docs, 'Decision', TODAY);
});

afterEach(() => {
  dir.remove();
  vaultDir.remove();
});

describe("the export's ZIP", () => {
  it('is read back by unzipper: the PDF and manifest as written beside it, every original with the SHA-256 the manifest gives', async () => {
    const zipPath = join(dir.path, 'bundle.zip');
    const zipProgress: Array<[number, number]> = [];
    const result = await service((p) => p.phase === 'zip' && zipProgress.push([p.done, p.total])).export(bundleId, {
      path: join(dir.path, 'bundle.pdf'),
      zip: { path: zipPath, originals: 'unredacted' },
    });
    expect(readdirSync(dir.path).sort()).toEqual(['bundle.manifest.json', 'bundle.pdf', 'bundle.zip']);
    expect(zipProgress.at(-1)).toEqual([4, 4]);

    const archive = await unzipper.Open.file(zipPath);
    expect(archive.files.map((f) => f.path)).toEqual(['bundle.pdf', 'bundle.manifest.json', 'originals/01 Дәулетқызы бас тарту.jpg', 'originals/02 certificate 户口簿.tiff']);
    const content = new Map(await Promise.all(archive.files.map(async (f) => [f.path, await f.buffer()] as const)));
    expect(content.get('bundle.pdf')!.equals(readFileSync(result.path))).toBe(true);
    expect(content.get('bundle.manifest.json')!.equals(readFileSync(result.manifestPath))).toBe(true);
    const manifest = JSON.parse(content.get('bundle.manifest.json')!.toString('utf8')) as BundleManifest;
    const [jpeg, tiff] = [...originals.values()];
    expect(sha256(content.get('originals/01 Дәулетқызы бас тарту.jpg')!)).toBe(sha256(jpeg!));
    expect(sha256(content.get('originals/02 certificate 户口簿.tiff')!)).toBe(sha256(tiff!));
    expect(manifest.documents.map((d) => d.sha256)).toEqual([sha256(jpeg!), sha256(tiff!)]);
    // The JPEG and the PDF are stored, the TIFF deflated.
    expect(archive.files.map((f) => f.compressionMethod)).toEqual([0, 8, 0, 8]);
  });

  it("its manifest links a translation to its original by id, the original's title in a field of its own", async () => {
    const [refusal, certificate] = [...originals.keys()];
    const translation = await addScan('Refusal EN', 'refusal_en.png', 'png', Buffer.from('translation'));
    new BundleStore(db, () => TODAY).setTranslation(certificate!, translation, true);
    const definition = new BundleStore(db).require(bundleId);
    definition.sections[0]!.entries[1]!.translationDocIds = [translation];
    new BundleStore(db, () => TODAY).save({ ...definition, id: bundleId });
    const zipPath = join(dir.path, 'bundle.zip');
    const result = await service().export(bundleId, { path: join(dir.path, 'bundle.pdf'), zip: { path: zipPath, originals: 'none' } });
    // Both originals are titled 'Decision' in the bundle: only the id tells which one is translated.
    expect(result.manifest.documents.map((d) => [d.docId, d.title, d.translationOf, d.translationOfTitle])).toEqual([
      [refusal, 'Decision', null, null],
      [certificate, 'Decision', null, null],
      [translation, 'Refusal EN (translation)', certificate, 'Decision'],
    ]);
    const inZip = (await unzipper.Open.file(zipPath)).files.find((f) => f.path === 'bundle.manifest.json')!;
    expect(JSON.parse((await inZip.buffer()).toString('utf8'))).toEqual(result.manifest);
  });

  it('cancelled mid-ZIP (the PDF already in it): fails as cancelled and leaves nothing; control: not cancelled, all three are there', async () => {
    const cancelled: boolean[] = [];
    const failure = await service((p, self) => {
      if (p.phase === 'zip' && p.done === 2 && cancelled.length === 0) cancelled.push(self.cancelExport(bundleId));
    })
      .export(bundleId, { path: join(dir.path, 'bundle.pdf'), zip: { path: join(dir.path, 'bundle.zip'), originals: 'unredacted' } })
      .catch((error: unknown) => error);
    expect(cancelled).toEqual([true]);
    expect((failure as DalelFailure).toError()).toEqual({ code: 'cancelled', message: 'The export was cancelled.' });
    expect(readdirSync(dir.path)).toEqual([]);
    expectNothingRecorded();

    await service().export(bundleId, { path: join(dir.path, 'bundle.pdf'), zip: { path: join(dir.path, 'bundle.zip'), originals: 'unredacted' } });
    expect(readdirSync(dir.path).sort()).toEqual(['bundle.manifest.json', 'bundle.pdf', 'bundle.zip']);
  });

  it("its folder removed while it is written: a clean 'target-folder-missing' failure, and nothing left beside the PDF", async () => {
    const zipDir = join(dir.path, 'usb');
    mkdirSync(zipDir);
    const pdfDir = join(dir.path, 'bundle');
    mkdirSync(pdfDir);
    const failure = await service((p) => {
      if (p.phase === 'zip' && p.done === 1) rmSync(zipDir, { recursive: true, force: true });
    })
      .export(bundleId, { path: join(pdfDir, 'bundle.pdf'), zip: { path: join(zipDir, 'bundle.zip'), originals: 'unredacted' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DalelFailure);
    expect((failure as DalelFailure).toError()).toMatchObject({ code: 'validation', reason: 'target-folder-missing' });
    expect(readdirSync(dir.path)).toEqual(['bundle']);
    expect(readdirSync(pdfDir)).toEqual([]);
    expectNothingRecorded();
  });
});
