/**
 * Redaction tried as an adversary would (issue 11): PDFs built here for each class that once leaked — a
 * name only in a pasted picture on a page with a text layer (Latin and Cyrillic), a letter-spaced name, a
 * name hyphenated at a line end, a filled form field and a FreeText note, a Chinese scan read with the
 * default languages, Chinese text without the middle dot and a Chinese given name alone, Uyghur in a
 * text layer Chromium wrote (right to left, shaped glyphs in the order they print), a name wrapped
 * without hyphens in a narrow table cell, a name only in ActualText and Alt, a name in a picture the
 * sender covered with a black box — imported for real (parser, OCR, the print reading), exported with the
 * person protected, and read back as a court's reader would: pdftotext, qpdf's uncompressed bytes
 * (metadata and outline included), native tesseract on every rendered page, and on the pictures
 * pdfimages extracts. A control export without redaction shows the name (or, for text a page does not show,
 * the original does), so each check can fail; an annotation that does not print shows in neither. And
 * the leak check catches a leak planted by turning one reading off.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { BundleDefinitionInput, BundleManifest } from '../../../shared/domain/bundle';
import { DocumentStore } from '../documents/documentStore';
import { ImportService } from '../import/importService';
import { createFileParser, nodeParserProcesses } from '../import/parse';
import { PrintReader } from '../import/printReader';
import { browserPdf, CHROMIUM, hasChromium } from '../import/testing/browserPdf';
import { printedPdf } from '../import/testing/printedPdf';
import { createTesseractEngine, defaultTessdataDir } from '../ocr';
import { RegisterStore } from '../tagging/registerStore';
import { TEST_KDF, tempDir } from '../testing/fixtures';
import { createVault, type Vault } from '../vault/vault';
import { defaultFontsDir } from './bundleHandlers';
import { BundleService, type BundleServicePorts } from './bundleService';
import { BundleStore } from './bundleStore';
import { imagePlacement, loadPdf, pdfPageCount } from './testing/pdfInspect';
import { renderPdfPagePng } from '../testing/pdfRender';
import { hasTool } from '../testing/tools';

const missing = ['pdftotext', 'pdftoppm', 'qpdf', 'tesseract'].filter((tool) => !hasTool(tool)).concat(hasChromium ? [] : [CHROMIUM]);
if (missing.length) console.log(`adversarial export tests skipped: missing ${missing.join(', ')} (bash scripts/dev.sh test installs them)`);

/** The protected mother, in three scripts; the client, who stays named. */
const PROTECTED = { id: 'P-MOTHER', name: 'Zhanar Toleubekkyzy', variants: ['Жанар Төлеубекқызы', 'Жанар Толеубеккызы', '加娜尔·托列乌别克', 'جانار تۆلەۋبەكقىزى'] };
const CLIENT = { id: 'P-CLIENT', name: 'Ermek Saparbayev', variants: ['Ермек Сапарбаев'] };
/** Pieces of her name, folded, that no redacted reading may show (spaces and hyphens squeezed out first). */
const SECRETS = ['zhanar', 'toleube', 'leubekkyz', 'жанар', 'толеубек', 'төлеубек', '加娜尔', '托列乌别克', 'جانار', 'تۆلەۋبەك'];
const HIDDEN = 'Olzhas Bekenov';

const squeeze = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\s\-‐‑‒·.\u00ad]+/gu, '');

/**
 * Every document, the class it stands for, and the script its name is in. `turnBack`: the page is also
 * read turned by this many degrees, as a reader turns the paper to read a picture pasted at an angle.
 */
/**
 * `hidden`: the name is in text the page carries but does not show, which no bundle may carry, with
 * redaction or without: the original's own text (pdftotext) is the control that shows it.
 */
const CASES: Array<{ file: string; what: string; pdf: () => Promise<Uint8Array>; turnBack?: number; readIn?: string; hidden?: true; pictures?: true }> = [
  {
    file: 'picture-latin.pdf',
    what: 'a name only in a pasted picture (Latin)',
    pdf: () => printedPdf({ lines: ['Letter of the Migration Service', 'Re: the application of Ermek Saparbayev', 'The notice received is attached below.'], pictureText: 'ZHANAR TOLEUBEKKYZY' }),
  },
  {
    file: 'picture-cyrillic.pdf',
    what: 'a name only in a pasted picture (Cyrillic)',
    pdf: () => printedPdf({ lines: ['Письмо Миграционной службы', 'По заявлению Ермека Сапарбаева', 'Полученное извещение приложено ниже.'], pictureText: 'Жанар Төлеубекқызы' }),
  },
  {
    file: 'picture-sideways.pdf',
    what: 'a name only in a picture pasted sideways (Latin)',
    pdf: () => printedPdf({ lines: ['Letter of the Migration Service', 'Re: the application of Ermek Saparbayev', 'The notice received is attached below.'], pictureText: 'ZHANAR TOLEUBEKKYZY', pictureAngle: 90 }),
    turnBack: -90,
  },
  {
    file: 'picture-tilted.pdf',
    what: 'a name only in a picture pasted at a tilt (Cyrillic)',
    pdf: () => printedPdf({ lines: ['Письмо Миграционной службы', 'По заявлению Ермека Сапарбаева', 'Полученное извещение приложено ниже.'], pictureText: 'Жанар Төлеубекқызы', pictureAngle: -20 }),
    turnBack: 20,
  },
  {
    file: 'passport-zone.pdf',
    what: "a passport copy's machine-readable zone, the surname run into the issuing state's code",
    pdf: () => printedPdf({ lines: ['Copy of a passport, submitted by Ermek Saparbayev', 'P<KAZTOLEUBEKKYZY<<ZHANAR<<<<<<<<<<<<<<<<<<<<', 'N128405712KAZ8307222F3102085830722400318<26'] }),
  },
  {
    file: 'letter-spaced.pdf',
    what: 'a letter-spaced name',
    pdf: () => printedPdf({ lines: ['Statement of the applicant Ermek Saparbayev', 'My mother lives in the county named below.'], spacedLine: 'Zhanar Toleubekkyzy' }),
  },
  {
    file: 'hyphenated.pdf',
    what: 'a name hyphenated at a line end',
    pdf: () => printedPdf({ lines: ['Заявитель Ермек Сапарбаев сообщил, что его мать Жанар Толеубек-', 'кызы проживает в Синьцзяне и находится под наблюдением.'] }),
  },
  {
    file: 'form-and-note.pdf',
    what: 'a filled form field, a FreeText note, and notes that do not print',
    pdf: () => printedPdf({ lines: ['Application form, page 2', 'Relatives remaining abroad:'], fieldValue: 'Zhanar Toleubekkyzy', noteText: 'Mother: Zhanar Toleubekkyzy', hiddenText: HIDDEN }),
  },
  {
    file: 'uyghur-browser.pdf',
    what: 'a name in Arabic script (Uyghur), in the genitive, in a text layer Chromium wrote',
    pdf: () => browserPdf('<p>Letter of the Migration Service. Re: the application of Ermek Saparbayev.</p><p dir="rtl" lang="ug">ئەرمەكنىڭ ئانىسى جانار تۆلەۋبەكقىزى ئىلىدا تۇرىدۇ. جانارنىڭ ئادرېسى بىزگە مەلۇم.</p>'),
    readIn: 'uig',
  },
  {
    file: 'narrow-cell.pdf',
    what: 'a name wrapped without hyphens in a narrow table cell',
    pdf: () =>
      browserPdf(
        '<p>Application form, relatives abroad.</p><table style="font-size: 14pt"><tr><td style="width: 3.2cm; border: 1px solid">Relative</td>' +
          '<td style="width: 2cm; border: 1px solid; word-break: break-all">Zhanar Toleubekkyzy</td><td style="border: 1px solid">mother</td></tr></table>',
      ),
  },
  {
    file: 'picture-covered.pdf',
    what: 'a name in a picture the sender covered with a black box (the picture is read as extracted)',
    pdf: () => printedPdf({ lines: ['Letter of the Migration Service', 'Re: the application of Ermek Saparbayev', 'The notice received is attached below.'], pictureText: 'ZHANAR TOLEUBEKKYZY', pictureCovered: true }),
    pictures: true,
  },
  {
    file: 'actual-text.pdf',
    what: 'a name only in text the page does not show (ActualText, a figure\'s Alt)',
    pdf: () => printedPdf({ lines: ['Letter of the Migration Service', 'Re: the application of Ermek Saparbayev'], actualText: { shown: 'Mother: Z. T. (see annex)', actual: 'Mother: Zhanar Toleubekkyzy' } }),
    hidden: true,
  },
  {
    file: 'chinese-scan.pdf',
    what: 'a Chinese scan read with the default languages',
    pdf: () => printedPdf({ scan: true, lines: ['公安局通知', '兹通知加娜尔·托列乌别克于二〇二〇年', '到派出所说明情况。'] }),
  },
  {
    file: 'chinese-text.pdf',
    what: 'Chinese text without the middle dot, then her given name alone',
    pdf: () => printedPdf({ lines: ['关于加娜尔托列乌别克的情况说明', '她的儿子现在哈萨克斯坦。', '加娜尔本人仍在伊犁。'] }),
  },
];

describe.skipIf(missing.length > 0)('a bundle built from adversarial PDFs', { timeout: 600_000 }, () => {
  const dir = tempDir('dalel-adversarial-');
  const parser = createFileParser({ processes: nodeParserProcesses(), concurrency: 2 });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  let vault: Vault;
  let reader: PrintReader;
  const docIds = new Map<string, string>();
  const originals = new Map<number, Uint8Array>();
  const exports = new Map<'redacted' | 'control', { path: string; pages: number; ocr: string[]; text: string[]; bytes: string; firstPages: number[] }>();

  const service = (more: Partial<BundleServicePorts> = {}) =>
    new BundleService(vault.db, { fontsDir: defaultFontsDir(), vaultDir: vault.dir, checks: { parser, printReader: reader }, originals: parser, ...more });

  const definition = (files: string[], redact: boolean): BundleDefinitionInput => ({
    title: 'Appeal of Ermek Saparbayev',
    caseId: null,
    personId: CLIENT.id,
    preparedBy: 'A. Lawyer',
    stampPrefix: '',
    sections: [{ title: 'Evidence', entries: files.map((file, i) => ({ docId: docIds.get(file)!, title: `Exhibit ${i + 1}`, date: null, description: '', translationDocIds: [] })) }],
    redaction: { protectedPersons: redact, terms: [], boxes: [], waived: [] },
  });

  /** What a court's reader gets out of the bundle: per page its text (pdftotext) and OCR (native tesseract). */
  async function readBack(path: string, firstPages: number[]) {
    const pages = pdfPageCount(path);
    const text = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }));
    const read: string[] = [];
    for (let page = 1; page <= pages; page++) {
      // Native tesseract with the language data Dalel ships (the OCR accuracy test does the same).
      read.push(
        execFileSync('tesseract', ['stdin', 'stdout', '--tessdata-dir', defaultTessdataDir(), '-l', 'eng+rus+kaz+chi_sim', '--psm', '3'], {
          input: await renderPdfPagePng(path, page, 150, { gray: true }),
          encoding: 'utf8',
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          stdio: ['pipe', 'pipe', 'ignore'],
        }),
      );
    }
    // A page in a script the languages above do not read is read in its own too.
    for (const [index, c] of CASES.entries()) {
      if (!c.readIn) continue;
      const page = firstPages[index]!;
      read[page - 1] += ` ${execFileSync('tesseract', ['stdin', 'stdout', '--tessdata-dir', defaultTessdataDir(), '-l', c.readIn, '--psm', '3'], {
        input: await renderPdfPagePng(path, page, 150, { gray: true }),
        encoding: 'utf8',
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'ignore'],
      })}`;
    }
    // Pictures as any tool extracts them from the file, whole, whatever the page draws over them.
    for (const [index, c] of CASES.entries()) {
      if (!c.pictures) continue;
      const page = firstPages[index]!;
      const prefix = join(dir.path, `pictures-${exports.size}-${index}`);
      execFileSync('pdfimages', ['-png', '-f', String(page), '-l', String(page), path, prefix]);
      for (const file of readdirSync(dir.path).filter((name) => join(dir.path, name).startsWith(`${prefix}-`))) {
        read[page - 1] += ` ${execFileSync('tesseract', [join(dir.path, file), 'stdout', '--tessdata-dir', defaultTessdataDir(), '-l', 'eng+rus', '--psm', '3'], {
          encoding: 'utf8',
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          stdio: ['ignore', 'pipe', 'ignore'],
        })}`;
      }
    }
    // A picture pasted at an angle is read as a reader reads it: with the page turned.
    for (const [index, c] of CASES.entries()) {
      if (c.turnBack === undefined) continue;
      const page = firstPages[index]!;
      const turned = await sharp(await renderPdfPagePng(path, page, 150, { gray: true }))
        .rotate(c.turnBack, { background: '#ffffff' })
        .png()
        .toBuffer();
      read[page - 1] += ` ${execFileSync('tesseract', ['stdin', 'stdout', '--tessdata-dir', defaultTessdataDir(), '-l', 'eng+rus+kaz+chi_sim', '--psm', '3'], {
        input: turned,
        encoding: 'utf8',
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'ignore'],
      })}`;
    }
    const qdf = join(dir.path, `qdf-${exports.size}.pdf`);
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdf]);
    return { path, pages, text, ocr: read, bytes: readFileSync(qdf).toString('latin1'), firstPages };
  }

  beforeAll(async () => {
    vault = (await createVault(join(dir.path, 'vault'), 'adversarial export passphrase', { kdf: TEST_KDF })).vault;
    const register = RegisterStore.open(vault.db);
    register.createPerson({ ...PROTECTED, role: 'relative', protected: true });
    register.createPerson({ ...CLIENT, role: 'client', protected: false });
    const imports = new ImportService({ parser, ocr });
    imports.attach(vault);
    const files = await Promise.all(CASES.map(async (c) => ({ name: c.file, data: await c.pdf() })));
    files.forEach((file, i) => originals.set(i, file.data));
    const imported = await imports.importFiles(files);
    await imports.whenIdle();
    await imports.detach();
    imported.files.forEach((file, i) => docIds.set(CASES[i]!.file, file.docId!));
    reader = new PrintReader({ parser, ocr, importBusy: () => false });
    reader.attach(vault);
    await reader.whenIdle();

    const store = new BundleStore(vault.db);
    for (const [kind, redact] of [['redacted', true], ['control', false]] as const) {
      const saved = store.save(definition(CASES.map((c) => c.file), redact));
      const result = await service().export(saved.id, { path: join(dir.path, `${kind}.pdf`) });
      exports.set(kind, await readBack(result.path, result.manifest.documents.map((doc) => doc.firstPage)));
    }
  }, 300_000); // imports and exports every bundle once: past the default minute on a loaded 2-core machine

  afterAll(async () => {
    await reader?.detach();
    vault?.lock();
    await Promise.allSettled([parser.close(), ocr.close()]);
    dir.remove();
  });

  it.each(CASES.map((c, i) => [c.what, i] as const))('%s: the control shows the name, the redacted bundle shows it nowhere', (_what, index) => {
    const control = exports.get('control')!;
    const redacted = exports.get('redacted')!;
    const shown = (bundle: typeof control) => {
      const page = bundle.firstPages[index]! - 1;
      return squeeze(`${bundle.text[page]} ${bundle.ocr[page]}`);
    };
    const controlText = CASES[index]!.hidden
      ? squeeze(execFileSync('pdftotext', ['-', '-'], { input: originals.get(index)!, encoding: 'utf8' }))
      : shown(control);
    expect(SECRETS.some((secret) => controlText.includes(secret)), `control: ${controlText.slice(0, 300)}`).toBe(true);
    if (CASES[index]!.hidden) for (const secret of SECRETS) expect(shown(control), `control: ${shown(control).slice(0, 300)}`).not.toContain(secret);
    for (const secret of SECRETS) expect(shown(redacted), `redacted: ${shown(redacted).slice(0, 300)}`).not.toContain(secret);
  });

  it('leaves no spelling in any page, nor in the bytes, metadata or outline of the redacted bundle', () => {
    const redacted = exports.get('redacted')!;
    const everything = squeeze([...redacted.text, ...redacted.ocr].join(' '));
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
    for (const spelling of [PROTECTED.name, ...PROTECTED.variants, 'Toleubekkyzy', 'Төлеубекқызы', 'Толеубеккызы', '托列乌别克']) {
      const utf16 = Buffer.from(spelling, 'utf16le').swap16();
      for (const form of [Buffer.from(spelling, 'utf8'), utf16, Buffer.from(utf16.toString('hex')), Buffer.from(utf16.toString('hex').toUpperCase())]) {
        expect(redacted.bytes.includes(form.toString('latin1')), `${spelling} in the bytes`).toBe(false);
      }
    }
    // The client stays named (redaction takes the protected person, not everyone).
    expect(squeeze(redacted.text.join(' '))).toContain('saparbayev');
  });

  it('cuts every box to the glyphs: nothing of the name is read in the box and around it, and the characters beside it stay', async () => {
    const redacted = exports.get('redacted')!;
    const pdf = await loadPdf(readFileSync(redacted.path));
    const store = new DocumentStore(vault.db);
    const manifest = JSON.parse(readFileSync(redacted.path.replace(/\.pdf$/, '.manifest.json'), 'utf8')) as BundleManifest;
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(CASES.length);
    const resolution = 150;
    const neighbours = { left: '', right: '' };
    for (const [n, redaction] of manifest.redactions.entries()) {
      const index = redacted.firstPages.findLastIndex((first) => first <= redaction.page);
      const record = store.pages(docIds.get(CASES[index]!.file)!)[redaction.page - redacted.firstPages[index]!]!;
      const placement = imagePlacement(pdf, redaction.page)!;
      const rendered = await renderPdfPagePng(redacted.path, redaction.page, resolution, { gray: true });
      const pageHeight = pdf.getPage(redaction.page - 1).getHeight();
      const toX = (px: number) => (placement.x + (px / record.width!) * placement.width) * (resolution / 72);
      const toY = (py: number) => (pageHeight - (placement.y + placement.height - (py / record.height!) * placement.height)) * (resolution / 72);
      const [bx, by, bw, bh] = redaction.box;
      const boxHeight = toY(by + bh) - toY(by);
      const margin = boxHeight / 2;
      const image = sharp(rendered);
      const { width = 0, height = 0 } = await image.metadata();
      const left = Math.max(0, Math.floor(toX(bx) - margin));
      const top = Math.max(0, Math.floor(toY(by) - margin));
      const crop = await image
        .extract({ left, top, width: Math.min(width - left, Math.ceil(toX(bx + bw) - toX(bx) + 2 * margin)), height: Math.min(height - top, Math.ceil(boxHeight + 2 * margin)) })
        .png()
        .toBuffer();
      const read = execFileSync('tesseract', ['stdin', 'stdout', '--tessdata-dir', defaultTessdataDir(), '-l', 'eng+rus+kaz+chi_sim', '--psm', '6'], {
        input: crop,
        encoding: 'utf8',
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'ignore'],
      });
      for (const secret of SECRETS) expect(squeeze(read), `box ${n} on page ${redaction.page}`).not.toContain(secret);
      if (CASES[index]!.file === 'chinese-scan.pdf') {
        const side = async (from: number, to: number) => {
          const strip = await sharp(rendered)
            .extract({ left: Math.max(0, Math.round(from)), top: Math.max(0, Math.round(toY(by) - margin / 2)), width: Math.round(to - from), height: Math.round(boxHeight + margin) })
            .png()
            .toBuffer();
          return squeeze(
            execFileSync('tesseract', ['stdin', 'stdout', '--tessdata-dir', defaultTessdataDir(), '-l', 'chi_sim', '--psm', '7'], {
              input: strip,
              encoding: 'utf8',
              env: { ...process.env, OMP_THREAD_LIMIT: '1' },
              stdio: ['pipe', 'pipe', 'ignore'],
            }),
          );
        };
        neighbours.left = await side(toX(bx) - 3 * boxHeight, toX(bx));
        neighbours.right = await side(toX(bx + bw), toX(bx + bw) + 3 * boxHeight);
      }
    }
    // The Chinese notice keeps the characters beside the name whole: read on their own, left and right of
    // the box, the one just before it and the one just after it are there. (Further right, chi_sim reads
    // the numerals 二〇 of the page at its true size as "=o" whatever the box: not the box's doing.)
    expect(neighbours.left).toMatch(/通知$/);
    expect(neighbours.right).toMatch(/^于/);
  });

  it('never shows an annotation that does not print, in either bundle', () => {
    for (const bundle of exports.values()) {
      expect(squeeze([...bundle.text, ...bundle.ocr].join(' '))).not.toContain('bekenov');
      expect(bundle.bytes).not.toContain('Bekenov');
    }
    // Control: what the form shows does print in the control bundle.
    const control = squeeze([...exports.get('control')!.text, ...exports.get('control')!.ocr].join(' '));
    expect(control).toContain('mother');
  });

  it('fails with redaction-leak, leaving no file, when a reading is planted out of the planner', async () => {
    const saved = new BundleStore(vault.db).save(definition(['picture-latin.pdf'], true));
    const target = join(dir.path, 'planted.pdf');
    const failure = await service({ skipReadings: new Set(['picture']) })
      .export(saved.id, { path: target })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'redaction-leak', details: { where: 'pixels', source: 'p1' } });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir.path).filter((file) => file.startsWith('planted'))).toEqual([]);
    // Control: with every reading the same bundle exports.
    const result = await service().export(saved.id, { path: target });
    expect(existsSync(result.path)).toBe(true);
  });
});
