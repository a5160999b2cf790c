/**
 * Which way up, and in which languages, a page reads best. Orientation: the projection profile picks
 * the axis, recognition confidence picks the end (pageGeometry.ts). Languages: the caller's first;
 * when that reading is poor, tesseract's orientation and script detection (OSD) names the page's
 * script, the page is read again in that script's languages (pageScript.ts), and the more confident
 * reading is kept.
 *
 * When detection runs. bench:ocr:engine on the 33 corpus scans at the engine's 200 dpi: OSD 0.31 s a page
 * (median; p90 0.35 s, max 0.49 s) plus 0.07 s (p90 0.17 s) to switch the page's worker to
 * osd.traineddata and back, against 2.3 s of worker time per page for the whole reading (52 pages a
 * minute on 2 workers). Run on every page it would add a sixth to every import and change nothing on
 * the pages whose first reading is right. Those are easy to tell from the rest (LOW_CONFIDENCE's
 * evidence, ocrEngine.ts): a reading in languages that do not write the page's script scores below
 * LOW_CONFIDENCE or has most of its letters in a script its languages do not write. So detection runs
 * once a page, after the first reading that fails either test. A page read right costs nothing more
 * (31 of the 33 corpus scans read in their own languages); one first read the wrong way up costs OSD
 * before its other end is tried (the other 2); one in another script costs OSD and a reading in its
 * own languages (the Chinese notice read with rus+kaz+eng: 56 at 0°, OSD says Han, chi_sim reads it at
 * 88, and the 180° reading the engine used to try on the garbage is not needed). `detectScript: true`
 * detects before the first reading and reads in the script's languages first; `false` never detects.
 *
 * OSD's orientation is not used. It was right on all 132 quarter turns of the corpus scans, but costs
 * 0.38 s on every page, where the projection profile plus confidence costs nothing more on an upright
 * page and one reading more (about 2.3 s) on one the wrong way up; it would pay only if more than one
 * page in six came the wrong way up.
 */
import type { OcrLanguage } from '../../../shared/domain/document';
import { LOW_CONFIDENCE, type OcrPageResult } from './ocrEngine';
import { rotatePage, uprightTurns, type GreyImage, type PageGeometry } from './pageGeometry';
import { implausibleScript, languagesForScript, sameLanguages, type PageScript } from './pageScript';
import type { PageText } from './pageText';
import { detectScript, readPage } from './readPage';
import { cancelledFailure, type PageWorker } from './workerPool';

type Rotation = OcrPageResult['rotation'];

// Mean word confidence of the 18 upright corpus image scans read the right way up: 78 (the fax) to 95;
// read upside down: 47 to 61 (a trilingual card). Below this the other way up is tried. Sideways pages
// cannot be told by confidence (tesseract reads them as vertical text at 88–95): the projection
// profile decides the axis.
const CONFIDENT = 70;
// Projection-profile spikiness across text lines over along them: 1.5–7 on the corpus pages, 1.05 on
// the phone photo taken at an angle. Below this both axes are tried, upright first: most pages are,
// and tesseract's layout analysis reads a sideways page as vertical text with a confidence high enough
// to pass (the phone photo read at 270° scored 92 and lost 12 points of CER).
const CLEAR_AXIS = 1.3;

/** The orientations worth trying, most likely first (rotation = degrees the input was turned clockwise). */
export function orientationCandidates(geometry: PageGeometry): Rotation[] {
  if (geometry.axisRatio < CLEAR_AXIS) return [0, 180, 90, 270];
  return geometry.vertical ? [90, 270] : [0, 180];
}

export type ScriptDetection = 'auto' | 'always' | 'never';

export interface Reading {
  rotation: Rotation;
  /** the page as tesseract read it (turned upright, not deskewed) */
  read: GreyImage;
  text: PageText;
  languages: readonly OcrLanguage[];
}

/** A reading worth keeping as it is: confident, and in the script of the languages that made it. */
function readsRight(text: PageText, languages: readonly OcrLanguage[]): boolean {
  return text.confidence >= LOW_CONFIDENCE && !implausibleScript(text.text, languages);
}

/** The page (at the engine's OCR resolution) turned by quarter turns: what tesseract reads. */
function turned(page: GreyImage, rotation: Rotation): Promise<GreyImage> {
  return rotatePage(page, uprightTurns(rotation), 0);
}

/**
 * Reads the page until one orientation and language set reads right, or all were tried; returns the
 * most confident reading, with the script OSD found if it ran.
 */
export async function bestReading(
  worker: PageWorker,
  page: GreyImage,
  geometry: PageGeometry,
  {
    languages,
    dpi,
    detection,
    installed,
  }: {
    languages: readonly OcrLanguage[];
    dpi: number | undefined;
    detection: ScriptDetection;
    /** whether a language's data is there (tesseract.js waits forever for a missing file) */
    installed(language: OcrLanguage): boolean;
  },
): Promise<Reading & { script: PageScript | null }> {
  const { abandoned } = worker;
  let script: PageScript | null = null;
  let detected = false;
  // The language sets each orientation is read in, in turn until one reads right. A second set joins
  // when OSD names a script the caller's languages do not write: after them ('auto'), or before them
  // ('always': the caller's languages only if the script's own read poorly).
  let sets: (readonly OcrLanguage[])[] = [languages];
  const detect = async (image: GreyImage): Promise<void> => {
    if (abandoned.aborted) throw cancelledFailure();
    script = await detectScript(await worker.forScriptDetection(), image);
    detected = true;
    const own = languagesForScript(script, languages, installed);
    sets = detection === 'always' ? [own, languages] : [languages, own];
    if (sameLanguages(own, languages)) sets = [languages];
  };

  let best: Reading | undefined;
  for (const rotation of orientationCandidates(geometry)) {
    const image = await turned(page, rotation);
    if (detection === 'always' && !detected) await detect(image);
    let here: Reading | undefined;
    for (let i = 0; i < sets.length; i++) {
      if (abandoned.aborted) throw cancelledFailure();
      const set = sets[i]!;
      const text = await readPage(await worker.forLanguages(set), image, dpi, abandoned);
      if (!here || text.confidence > here.text.confidence) here = { rotation, read: image, text, languages: set };
      if (readsRight(text, set)) break;
      if (detection === 'auto' && !detected) await detect(image);
    }
    // The next orientation is read in this one's better languages first.
    const first = here!.languages;
    sets = [first, ...sets.filter((set) => !sameLanguages(set, first))];
    if (!best || here!.text.confidence > best.text.confidence) best = here;
    if (here!.text.confidence >= CONFIDENT) break;
  }
  return { ...best!, script };
}
