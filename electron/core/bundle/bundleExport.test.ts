/**
 * Evidence bundles end to end on real corpus documents, imported and OCR'd as a lawyer's import would
 * (through the CLI), with the corpus persons in the register (its relatives protected). The bundle is
 * read back with poppler, qpdf and pdf-lib as a court's reader would: page count, stamps, index links,
 * outline, searchable text, manifest hashes — and the redaction test: a protected person's name in no
 * spelling anywhere in the PDF's text or bytes, nor in the manifest, and black pixels under every box.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BundleDefinitionInput, BundleManifest, BundlePlan } from '../../../shared/domain/bundle';
import { runCli } from '../../cli/main';
import { verifyAudit, readAudit } from '../audit/auditLog';
import { DocumentStore } from '../documents/documentStore';
import type { ImportService } from '../import/importService';
import { createHandlers, dispatch } from '../ipc/handlers';
import type { VaultSession } from '../session/vaultSession';
import { createFileParser, nodeParserProcesses, pagePng } from '../import/parse';
import { SearchService } from '../search/searchService';
import { TagService } from '../tagging/tagService';
import { corpusManifest, corpusPath, corpusPersons } from '../testing/corpus';
import { tempDir } from '../testing/fixtures';
import { renderPdfPage } from '../testing/pdfRender';
import { unlockVault, type Vault } from '../vault/vault';
import { defaultFontsDir } from './bundleHandlers';
import { proposeSections } from './bundleProposal';
import { manifestPathFor } from './bundleManifest';
import { BundleService } from './bundleService';
import { BundleStore } from './bundleStore';
import { bundleChecks } from './testing/bundleChecks';
import { imagePlacement, loadPdf, outline, pageLinks, pageText, pageWords, pdfPageCount } from './testing/pdfInspect';

const PASSPHRASE = 'bundle export passphrase 2026';
const ENV = { DALEL_PASSPHRASE: PASSPHRASE };
/**
 * Two born-digital PDFs naming protected relatives (one in Chinese too), and two scans read by OCR —
 * the certificate names a protected child. Few, because OCR is slow on a shared machine.
 */
const FILES = ['appeal_draft_Askaruly_v2.pdf', 'memo_relatives_xinjiang.pdf', 'cert_nurlan.jpg', 'scan_0001.jpg'];
const PROTECTED_IN_BUNDLE = ['D-P07', 'D-P08', 'D-P09'];
const TERM = 'Aksai-4';

const io = () => {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text) } };
};
async function cli(argv: string[]) {
  const { out, io: sink } = io();
  const code = await runCli(argv, sink, { env: ENV });
  return { code, ...out };
}

let dir: ReturnType<typeof tempDir>;
let vaultDir: string;
const docIds = new Map<string, string>();

async function withVault<T>(work: (vault: Vault) => Promise<T> | T): Promise<T> {
  const vault = await unlockVault(vaultDir, { passphrase: PASSPHRASE });
  try {
    return await work(vault);
  } finally {
    vault.lock();
  }
}

function definition(vault: Vault, redact: boolean): BundleDefinitionInput {
  const sections = proposeSections(vault.db, { docIds: FILES.map((file) => docIds.get(file)!) }, () => new SearchService(vault.db, vault.searchIndex));
  return {
    title: 'Appeal of Nurlan Askaruly',
    caseId: null,
    personId: 'D-P01',
    preparedBy: 'Madina Seitkaliyeva, advocate',
    stampPrefix: '',
    sections,
    redaction: { protectedPersons: redact, terms: redact ? [TERM] : [], boxes: [], waived: [] },
  };
}

async function exportBundle(name: string, redact: boolean): Promise<{ path: string; plan: BundlePlan; manifest: BundleManifest; sha256: string }> {
  return withVault(async (vault) => {
    const saved = new BundleStore(vault.db).save(definition(vault, redact));
    const engines = bundleChecks(vault);
    try {
      const service = new BundleService(vault.db, { fontsDir: defaultFontsDir(), vaultDir, checks: engines.checks, originals: engines.originals });
      const result = await service.export(saved.id, { path: join(dir.path, `${name}.pdf`) });
      // The plan as the export saw it: every page read as it prints by now.
      const plan = await service.plan(saved.id);
      return { path: result.path, plan, manifest: result.manifest, sha256: result.sha256 };
    } finally {
      await engines.close();
    }
  });
}

/**
 * Every spelling of the protected persons in the bundle, and the term — except a spelling that is part
 * of a person's name who is not protected: the register gives 努尔兰 and NUERLAN (her father's name)
 * as spellings of Aruzhan Nurlankyzy, and her father, the client, stays named.
 */
function secrets(): string[] {
  const all = corpusPersons();
  const persons = all.filter((person) => PROTECTED_IN_BUNDLE.includes(person.id));
  expect(persons.every((person) => person.protected)).toBe(true);
  const others = all.filter((person) => !person.protected).flatMap((person) => [person.name, ...person.variants]).map(squash);
  const insideOther = (spelling: string) => others.some((other) => containsWord(other, squash(spelling)));
  return [...new Set([...persons.flatMap((person) => [person.name, ...person.variants]).filter((spelling) => !insideOther(spelling)), TERM])];
}

/** Whether `text` holds `spelling` as whole words (Han characters: anywhere, Chinese has no spaces). */
function containsWord(text: string, spelling: string): boolean {
  if (/\p{Script=Han}/u.test(spelling)) return withoutSpaces(text).includes(withoutSpaces(spelling));
  const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** Text forms a spelling could take in a PDF's bytes: UTF-8, UTF-16BE, and UTF-16BE as hex. */
function byteForms(value: string): Buffer[] {
  const utf16be = Buffer.from(value, 'utf16le').swap16();
  const hex = utf16be.toString('hex');
  return [Buffer.from(value, 'utf8'), utf16be, Buffer.from(hex.toUpperCase()), Buffer.from(hex.toLowerCase())];
}

const squash = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
const withoutSpaces = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\s·.]+/g, '');

beforeAll(async () => {
  dir = tempDir('dalel-bundle-');
  vaultDir = join(dir.path, 'vault');
  expect((await cli(['init', vaultDir, '--json'])).code).toBe(0);
  const imported = await cli(['import', vaultDir, ...FILES.map(corpusPath), '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  for (const line of imported.stdout.trim().split('\n')) {
    const parsed = JSON.parse(line) as { file: string; docId: string };
    docIds.set(parsed.file.split('/').pop()!, parsed.docId);
  }
  const personsFile = join(dir.path, 'persons.json');
  writeFileSync(personsFile, JSON.stringify({ persons: corpusPersons() }));
  expect((await cli(['persons', 'import', vaultDir, personsFile])).code).toBe(0);
  // The lawyer accepts what Dalel suggests (types and dates place the documents in sections).
  await withVault((vault) => {
    const tags = new TagService(vault.db);
    for (const docId of docIds.values()) {
      tags.suggest(docId);
      tags.acceptAll(docId);
    }
  });
}, 600_000);

afterAll(() => dir?.remove());

describe('bundle export', () => {
  let bundle: Awaited<ReturnType<typeof exportBundle>>;
  beforeAll(async () => {
    bundle = await exportBundle('control', false);
  }, 300_000);

  it('numbers every page: cover + index + documents + manifest, each stamped with its own number', () => {
    const documentPages = corpusManifest()
      .documents.filter((doc) => FILES.includes(doc.file))
      .reduce((sum, doc) => sum + doc.pages, 0);
    const total = pdfPageCount(bundle.path);
    expect(total).toBe(bundle.plan.pages);
    expect(bundle.plan.documents).toHaveLength(FILES.length);
    const manifestPages = total - bundle.plan.frontMatterPages - documentPages;
    expect(manifestPages).toBeGreaterThanOrEqual(1);
    expect(bundle.plan.documents.at(-1)!.lastPage).toBe(total - manifestPages);
    for (let page = 1; page <= total; page++) {
      expect(squash(pageText(bundle.path, page)), `stamp of page ${page}`).toMatch(new RegExp(`(?<!\\d)${page} ?/ ?${total}(?!\\d)`));
    }
  });

  it('links every index line to its document’s first page, and has one outline entry per document', async () => {
    const pdf = await loadPdf(readFileSync(bundle.path));
    const firstPages = new Map(bundle.plan.documents.map((doc) => [doc.firstPage, doc]));
    const linked = new Set<number>();
    for (let page = 1; page <= bundle.plan.frontMatterPages; page++) {
      const height = pdf.getPage(page - 1).getHeight();
      const words = pageWords(bundle.path, page);
      for (const link of pageLinks(pdf, page)) {
        expect(link.target).not.toBeNull();
        const doc = firstPages.get(link.target!);
        expect(doc, `link to page ${link.target}`).toBeDefined();
        // The words under the link are the document's index line: its title is among them.
        const [, y0, , y1] = link.rect;
        const line = words.filter((w) => height - (w.y0 + w.y1) / 2 >= Math.min(y0, y1) && height - (w.y0 + w.y1) / 2 <= Math.max(y0, y1)).map((w) => w.text);
        expect(squash(line.join(' '))).toContain(squash(doc!.title).split(' ')[0]);
        linked.add(link.target!);
      }
    }
    expect([...linked].sort((a, b) => a - b)).toEqual(bundle.plan.documents.map((doc) => doc.firstPage).sort((a, b) => a - b));

    const leaves: Array<{ title: string; page: number | null }> = [];
    const walk = (items: ReturnType<typeof outline>) => items.forEach((item) => (item.children.length ? walk(item.children) : leaves.push(item)));
    walk(outline(pdf));
    expect(leaves.map((leaf) => leaf.page).sort((a, b) => a! - b!)).toEqual(bundle.plan.documents.map((doc) => doc.firstPage).sort((a, b) => a - b));
  });

  it('keeps scanned pages searchable on the right page, and born-digital text as it was', async () => {
    const pages = await withVault((vault) => {
      const store = new DocumentStore(vault.db);
      return ['scan_0001.jpg', 'appeal_draft_Askaruly_v2.pdf'].map((file) => ({ file, text: store.pages(docIds.get(file)!)[0]!.text ?? '' }));
    });
    for (const { file, text } of pages) {
      // A long word as OCR (or the text layer) read it, which the bundle's text layer must give back.
      const word = text.split(/\s+/).find((w) => /^[\p{L}]{10,}$/u.test(w))!;
      expect(word, file).toBeDefined();
      const planned = bundle.plan.documents.find((doc) => doc.docId === docIds.get(file))!;
      expect(squash(pageText(bundle.path, planned.firstPage)), file).toContain(squash(word));
      expect(squash(pageText(bundle.path, planned.firstPage - 1))).not.toContain(squash(word));
    }
  });

  it('writes a manifest with the originals’ SHA-256 and records the bundle’s own hash in the vault', async () => {
    const written = JSON.parse(readFileSync(manifestPathFor(bundle.path), 'utf8')) as BundleManifest;
    expect(written).toEqual(bundle.manifest);
    const byFile = new Map(written.documents.map((doc) => [doc.fileName, doc]));
    for (const file of FILES) {
      expect(byFile.get(file)?.sha256, file).toBe(createHash('sha256').update(readFileSync(corpusPath(file))).digest('hex'));
    }
    expect(createHash('sha256').update(readFileSync(bundle.path)).digest('hex')).toBe(bundle.sha256);
    await withVault((vault) => {
      expect(new BundleStore(vault.db).exportsWithHash(bundle.sha256)).toHaveLength(1);
      const entry = readAudit(vault.db).findLast((e) => e.action === 'bundle.exported')!;
      expect(JSON.parse(entry.details)).toMatchObject({ sha256: bundle.sha256, pages: bundle.plan.pages });
      expect(written.auditHead).toMatch(new RegExp(`^${entry.seq - 1}:[0-9a-f]{64}$`));
      expect(verifyAudit(vault.db).ok).toBe(true);
    });
  });

  it('control: without redaction the protected names are in the bundle (so the redaction test can fail)', () => {
    const text = squash(pageText(bundle.path));
    expect(text).toContain('kulash mukhametkyzy');
    expect(withoutSpaces(text)).toContain(withoutSpaces('库拉西·木哈买提'));
  });
});

describe('redacted bundle', () => {
  let bundle: Awaited<ReturnType<typeof exportBundle>>;
  beforeAll(async () => {
    bundle = await exportBundle('redacted', true);
  }, 300_000);

  it('plans a redaction for each protected relative and the term, labelled without the text', () => {
    const labels = new Set(bundle.plan.redactions.map((r) => r.label));
    expect(bundle.plan.redactions.length).toBeGreaterThanOrEqual(4);
    expect([...labels].some((label) => label.startsWith('Protected person'))).toBe(true);
    expect(labels.has('Redacted word 1')).toBe(true);
    expect(bundle.manifest.redactions).toHaveLength(bundle.plan.redactions.length);
  });

  it('leaves no spelling of a protected name nor the term in the text, the raw bytes or the manifest', () => {
    const text = squash(pageText(bundle.path));
    const qdf = join(dir.path, 'redacted.qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', bundle.path, qdf]);
    const raw = readFileSync(qdf);
    const manifest = readFileSync(manifestPathFor(bundle.path));
    const manifestText = squash(manifest.toString('utf8'));
    for (const secret of secrets()) {
      expect(containsWord(text, squash(secret)), `${secret} in the text`).toBe(false);
      expect(containsWord(manifestText, squash(secret)), `${secret} in the manifest`).toBe(false);
      for (const form of byteForms(secret)) expect(raw.includes(form), `${secret} in the PDF's bytes`).toBe(false);
    }
    // The client, who is not protected, is still named.
    expect(text).toContain('askaruly');
  });

  it('burns every redaction black into the page image', async () => {
    const pdf = await loadPdf(readFileSync(bundle.path));
    const byDoc = new Map(bundle.plan.documents.map((doc) => [doc.docId, doc]));
    const resolution = 150;
    const rendered = new Map<number, { data: Buffer; width: number; channels: number }>();
    let checked = 0;
    const records = await withVault((vault) => {
      const store = new DocumentStore(vault.db);
      return new Map(bundle.plan.documents.map((doc) => [doc.docId, store.pages(doc.docId)]));
    });
    for (const redaction of bundle.plan.redactions) {
      const pageNumber = byDoc.get(redaction.docId)!.firstPage + redaction.page - 1;
      const record = records.get(redaction.docId)![redaction.page - 1]!;
      const placement = imagePlacement(pdf, pageNumber);
      expect(placement, `image on page ${pageNumber}`).not.toBeNull();
      if (!rendered.has(pageNumber)) {
        const { pixels, width, channels } = renderPdfPage(bundle.path, pageNumber, resolution);
        rendered.set(pageNumber, { data: pixels, width, channels });
      }
      const image = rendered.get(pageNumber)!;
      const pageHeight = pdf.getPage(pageNumber - 1).getHeight();
      const scale = resolution / 72;
      const [bx, by, bw, bh] = redaction.box;
      // Page-image pixels → points → rendered pixels; a pixel in from each edge (edges are blended).
      const toX = (px: number) => (placement!.x + (px / record.width!) * placement!.width) * scale;
      const toY = (py: number) => (pageHeight - (placement!.y + placement!.height - (py / record.height!) * placement!.height)) * scale;
      const x0 = Math.ceil(toX(bx)) + 1;
      const x1 = Math.floor(toX(bx + bw)) - 1;
      const y0 = Math.ceil(toY(by)) + 1;
      const y1 = Math.floor(toY(by + bh)) - 1;
      expect(x1 > x0 && y1 > y0, `box ${redaction.key} is visible`).toBe(true);
      let brightest = 0;
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const at = (y * image.width + x) * image.channels;
          for (let c = 0; c < Math.min(3, image.channels); c++) brightest = Math.max(brightest, image.data[at + c]!);
        }
      }
      expect(brightest, `pixels under ${redaction.label} on page ${pageNumber}`).toBeLessThanOrEqual(4);
      checked++;
    }
    expect(checked).toBe(bundle.plan.redactions.length);
  });

  it('previews the cover and index as PNG through the import’s parser', async () => {
    const parser = createFileParser({ processes: nodeParserProcesses() });
    try {
      await withVault(async (vault) => {
        const saved = new BundleStore(vault.db).list().find((b) => b.lastExport?.sha256 === bundle.sha256)!;
        const service = new BundleService(vault.db, {
          fontsDir: defaultFontsDir(),
          vaultDir,
          renderPdfPage: async (bytes, page) => ({ mime: 'image/png', data: await pagePng(await parser.page(bytes, 'pdf', page)) }),
        });
        const preview = await service.previewPage(saved.id, 1);
        expect(preview.frontMatterPages).toBe(bundle.plan.frontMatterPages);
        expect(preview.pages).toBe(bundle.plan.pages);
        const meta = await sharp(preview.data).metadata();
        expect(meta.format).toBe('png');
        expect(meta.height! / meta.width!).toBeCloseTo(297 / 210, 1);
        // Any page previews as it prints: a redacted document page shows black where its boxes are.
        const redacted = bundle.manifest.redactions[0]!;
        const page = await service.previewPage(saved.id, redacted.page);
        expect((await sharp(page.data).metadata()).format).toBe('png');
        await expect(service.previewPage(saved.id, bundle.plan.pages + 1)).rejects.toMatchObject({ code: 'validation' });

        // The same through the handler table, outputs checked against the contract.
        const progress: unknown[] = [];
        const engines = bundleChecks(vault);
        onTestFinished(() => engines.close());
        const handlers = createHandlers(
          {
            session: { vault: () => vault } as unknown as VaultSession,
            imports: {} as ImportService,
            bundles: {
              fontsDir: defaultFontsDir(),
              renderPdfPage: async (bytes, page) => ({ mime: 'image/png', data: await pagePng(await parser.page(bytes, 'pdf', page)) }),
              checks: engines.checks,
              originals: engines.originals,
              onProgress: (event) => progress.push(event),
            },
          },
          { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => join(dir.path, 'ipc.pdf'), openPath: async () => {}, showInFolder: () => {} },
        );
        const plan = await dispatch(handlers, 'bundles:plan', { bundleId: saved.id });
        expect(plan).toMatchObject({ ok: true, value: { pages: bundle.plan.pages, redactions: bundle.plan.redactions } });
        expect(await dispatch(handlers, 'bundles:previewPage', { bundleId: saved.id, page: 2 })).toMatchObject({ ok: true, value: { mime: 'image/png' } });
        expect(await dispatch(handlers, 'dialog:pickSavePath', { purpose: 'bundle-pdf', suggestedName: 'ipc.pdf' })).toMatchObject({ ok: true });
        const exported = await dispatch(handlers, 'bundles:export', { bundleId: saved.id, path: join(dir.path, 'ipc.pdf') });
        expect(exported).toMatchObject({ ok: true, value: { pages: bundle.plan.pages, zipPath: null } });
        expect(progress.at(0)).toMatchObject({ bundleId: saved.id, phase: 'preparing' });
        expect(progress.at(-1)).toMatchObject({ bundleId: saved.id, phase: 'done' });
        expect(progress.some((event) => (event as { phase: string }).phase === 'pages')).toBe(true);
      });
    } finally {
      await parser.close();
    }
  });
});

describe('dalel export', () => {
  it('writes the bundle, the manifest and a ZIP, prints the manifest as JSON, and warns about unredacted originals', async () => {
    const out = join(dir.path, 'cli bundle.pdf');
    const zip = join(dir.path, 'cli bundle.zip');
    const ids = FILES.map((file) => docIds.get(file)!).join(',');
    const run = await cli(['export', vaultDir, '--docs', ids, '-o', out, '--redact-term', TERM, '--zip', zip, '--zip-originals', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/ORIGINALS UNREDACTED/);
    const manifest = JSON.parse(run.stdout) as BundleManifest;
    expect(manifest.pages).toBe(pdfPageCount(out));
    expect(manifest.documents).toHaveLength(FILES.length);
    expect(JSON.parse(readFileSync(manifestPathFor(out), 'utf8'))).toEqual(manifest);

    // The ZIP opens with the system's unzip; originals come back byte for byte.
    execFileSync('unzip', ['-tq', zip]);
    const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.slice(0, 2)).toEqual(['cli bundle.pdf', 'cli bundle.manifest.json']);
    expect(listing.filter((name) => name.startsWith('originals/'))).toHaveLength(FILES.length);
    const pdfInZip = execFileSync('unzip', ['-p', zip, 'cli bundle.pdf'], { maxBuffer: 256 * 1024 * 1024 });
    expect(pdfInZip.equals(readFileSync(out))).toBe(true);
    const original = listing.find((name) => name.endsWith('scan_0001.jpg'))!;
    expect(execFileSync('unzip', ['-p', zip, original], { maxBuffer: 64 * 1024 * 1024 }).equals(readFileSync(corpusPath('scan_0001.jpg')))).toBe(true);

    // Protected persons are redacted by default: the manifest names none of them.
    expect(manifest.redactions.some((r) => r.reason === 'protected-person')).toBe(true);
    const json = squash(JSON.stringify(manifest));
    for (const secret of secrets()) expect(containsWord(json, squash(secret)), secret).toBe(false);

    const person = await cli(['export', vaultDir, '--person', 'D-P01', '-o', join(dir.path, 'person.pdf'), '--no-redact-protected']);
    expect(person.code, person.stderr).toBe(0);
    expect(person.stdout).toMatch(/^Wrote .*person\.pdf: \d+ pages/);
    expect(person.stderr).toMatch(/protected persons are NOT redacted/);
    expect((await cli(['export', vaultDir, '-o', join(dir.path, 'x.pdf')])).code).toBe(2);
    expect((await cli(['export', vaultDir, '--docs', ids])).code).toBe(2);
  });
});
