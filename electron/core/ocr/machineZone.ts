/**
 * A passport's or ID card's machine-readable zone, read again in the zone's own alphabet. Read with the
 * page's languages (rus+kaz+eng, the default), a zone's Latin letters come back as Cyrillic look-alikes and
 * digits («P<KAZABILKASSYMOVA<<SALTANAT» as «Р<КА?АВІІ КА55ҮМОУА<<5ДІ ТАМАТ»): a protected relative's
 * name in it could not be found, a redacted bundle printed it, and the leak check, reading the page the
 * same way, passed it (found by trying, on a scanned passport page). A row of words with the zone's filler
 * «<» is read again in English with only the zone's characters allowed, as a line; a reading that is a
 * zone line joins the page's words (not its text): redaction finds names in it and covers the row.
 */
import type { Worker } from 'tesseract.js';
import type { OcrLanguage, Word } from '../../../shared/domain/document';
import { cropPage, type GreyImage } from './pageGeometry';
import { pgm, QUIET } from './readPage';
import { wordRows } from './splitRows';

const ZONE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
// A row with at least this many «<» may be a zone line (a name line has its fillers, the others their own).
const MIN_FILLERS = 4;
const ZONE_LINE = /^[A-Z0-9<]{24,}$/;
// Tesseract gives a line read with a character whitelist confidence 0: the zone's own shape vouches for it.
const ZONE_CONF = 80;
// At most this many rows a page (a passport has two zone lines, an ID card three).
const MAX_ROWS = 6;

/** The text of `box` (page pixels, widened by `margin` on every side) read alone, with `more` of tesseract's parameters. */
async function readCut(worker: Worker, page: GreyImage, box: Word['bbox'], margin: number, dpi: number | undefined, more: Record<string, string>): Promise<{ text: string; confidence: number }> {
  const [x0, y0, x1, y1] = box;
  const cut = { x0: Math.max(0, x0 - margin), y0: Math.max(0, y0 - margin), x1: Math.min(page.width, x1 + margin), y1: Math.min(page.height, y1 + margin) };
  if (cut.x1 <= cut.x0 || cut.y1 <= cut.y0) return { text: '', confidence: 0 };
  const params: Record<string, string> = { tessedit_do_invert: '0', ...more, ...QUIET };
  if (dpi) params.user_defined_dpi = String(dpi);
  const { data } = await worker.recognize(pgm(await cropPage(page, cut)), params, { text: true });
  return { text: (data.text ?? '').trim(), confidence: data.confidence ?? 0 };
}

export async function readMachineZone(
  workerFor: (languages: readonly OcrLanguage[]) => Promise<Worker>,
  page: GreyImage,
  dpi: number | undefined,
  known: readonly Word[],
  shouldStop: () => void,
): Promise<Word[]> {
  const rows = wordRows(known).filter((row) => row.map((word) => word.text).join('').split('<').length - 1 >= MIN_FILLERS);
  const found: Word[] = [];
  for (const row of rows.slice(0, MAX_ROWS)) {
    shouldStop();
    const x0 = Math.min(...row.map((word) => word.bbox[0]));
    const y0 = Math.min(...row.map((word) => word.bbox[1]));
    const x1 = Math.max(...row.map((word) => word.bbox[2]));
    const y1 = Math.max(...row.map((word) => word.bbox[3]));
    // as one line (PSM 7), in the zone's alphabet
    const read = await readCut(await workerFor(['eng']), page, [x0, y0, x1, y1], Math.round((y1 - y0) * 0.4), dpi, { tessedit_pageseg_mode: '7', tessedit_char_whitelist: ZONE_ALPHABET });
    const text = read.text.replace(/\s+/gu, '');
    if (!ZONE_LINE.test(text)) continue;
    // One word for the line, over the row: the zone has no spaces, and OCR's were none of its own. Its
    // letters cannot be placed inside it (the fillers it read are fewer than printed): angle 0, so that
    // redaction covers the row whole.
    found.push({ text, bbox: [x0, y0, x1, y1], conf: ZONE_CONF, angle: 0 });
  }
  return found;
}

// A word in capitals read with the page's languages that mixes Cyrillic with digits or with Latin letters
// («5АГТАМАТ» for SALTANAT on a trilingual card): a Latin word the Cyrillic models took for their own.
// Not a number joined to a word («49-БАБЫ», «2021Ж.»), which Kazakh and Russian letters are full of:
// at least three letters, no hyphen, no lower case (reading each such word again cost 9 % of an import).
function mixed(text: string): boolean {
  const core = text.replace(/^[^\p{L}\p{Nd}]+|[^\p{L}\p{Nd}]+$/gu, '');
  if (!/^[\p{Lu}\p{Nd}]+$/u.test(core) || !/[\u0400-\u04FF]/u.test(core)) return false;
  const letters = core.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 3 && core.length >= 5 && (/[A-Z]/u.test(core) || (/\p{Nd}/u.test(core) && !/^\p{Nd}+\p{L}+$/u.test(core) && !/^\p{L}+\p{Nd}+$/u.test(core)) || /^\p{Nd}\p{L}{4,}$/u.test(core));
}
const LATIN_WORD = /^[A-Z][A-Za-z'-]{2,}$/u;
// At most this many words a page are read again.
const MAX_MIXED = 24;

/**
 * Words of the page that mix Cyrillic with digits or Latin letters, read again each in English alone:
 * a reading that is a Latin word joins the page's words (not its text), so that redaction finds a
 * transliterated name the page's languages garbled (found by trying: «SALTANAT» beside «САЛТАНАТ» on a
 * scanned passport came back «5АГТАМАТ», and a redacted bundle printed it). Its box is the word's, whole.
 */
export async function readMixedWords(
  workerFor: (languages: readonly OcrLanguage[]) => Promise<Worker>,
  page: GreyImage,
  dpi: number | undefined,
  known: readonly Word[],
  shouldStop: () => void,
): Promise<Word[]> {
  const found: Word[] = [];
  for (const word of known.filter((candidate) => candidate.angle === undefined && mixed(candidate.text)).slice(0, MAX_MIXED)) {
    shouldStop();
    const [, y0, , y1] = word.bbox;
    // as one word (PSM 8)
    const { text, confidence } = await readCut(await workerFor(['eng']), page, word.bbox, Math.round((y1 - y0) * 0.3), dpi, { tessedit_pageseg_mode: '8' });
    if (!LATIN_WORD.test(text) || confidence < 60) continue;
    found.push({ text, bbox: word.bbox, conf: Math.round(confidence), angle: 0 });
  }
  return found;
}
