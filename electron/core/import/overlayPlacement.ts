import type { OverlayWord, Word } from '../../../shared/domain/document';
import { normalizedDegrees, rotateBox, uprightTurns } from '../ocr/pageGeometry';

type Box = [number, number, number, number];

/**
 * The boxes of a scanned PDF page's form fields and annotations, moved from the rendered page onto the
 * image OCR made of it: OCR reads at its own resolution, turns the page upright by quarter turns and then
 * levels it (the canvas grows to hold the turned page), and its words — and so a redaction — live there.
 *
 * The scale is recovered from the output's size: turning a w×h page by θ gives a canvas of
 * w·|cos θ| + h·|sin θ| wide, so one division undoes it without knowing OCR's internal resolution.
 */
export function placeOverlays(overlays: readonly OverlayWord[], rendered: Size, read: ReadGeometry): OverlayWord[] {
  if (overlays.length === 0) return [];
  const { toRead } = readTransform(rendered, read);
  return overlays.map((word) => ({ ...word, bbox: toRead(word.bbox), area: toRead(word.area) }));
}

/**
 * The other way: words OCR read on its image of a page, put back on the page as it was rendered (the
 * print reading of a PDF page must sit on the stored page image, where the text layer's words are).
 */
export function wordsOnRendered(words: readonly Word[], rendered: Size, read: ReadGeometry): Word[] {
  const { fromRead } = readTransform(rendered, read);
  // A line level on the upright reading runs at the quarter turns' angle on the page as rendered (a
  // sideways page's lines run down it); a word read at an angle of its own keeps that angle on top.
  const turn = uprightTurns(read.rotation) * 90;
  return words.map((word) => {
    const moved: Word = { text: word.text, bbox: fromRead(word.bbox), conf: word.conf };
    const angle = normalizedDegrees((word.angle ?? 0) - turn);
    // (an explicit 0 stays: the word's letters cannot be placed inside it, machineZone.ts)
    if (angle !== 0 || word.angle !== undefined) moved.angle = angle;
    return moved;
  });
}

interface Size {
  width: number;
  height: number;
}

/** What OCR did to a page: the size of its image, the quarter turns and the levelling (degrees). */
interface ReadGeometry extends Size {
  rotation: number;
  skew: number;
}

function readTransform(rendered: Size, read: ReadGeometry): { toRead(box: Box): Box; fromRead(box: Box): Box } {
  // The clockwise quarter turns OCR gave the rendered page before reading it.
  const turns = uprightTurns(read.rotation);
  const upright = turns % 2 === 0 ? { width: rendered.width, height: rendered.height } : { width: rendered.height, height: rendered.width };
  const radians = (Math.abs(read.skew) * Math.PI) / 180;
  const span = upright.width * Math.cos(radians) + upright.height * Math.sin(radians);
  const scale = span > 0 ? read.width / span : 1;
  const scaled = { width: Math.round(upright.width * scale), height: Math.round(upright.height * scale) };
  const sourceScaled = { width: rendered.width * scale, height: rendered.height * scale };

  const levelled = Math.abs(read.skew) >= 0.01;
  return {
    toRead(box) {
      const s: Box = [box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale];
      const turned = turnBox(s, sourceScaled, turns);
      if (!levelled) return turned.map((v) => Math.round(v)) as Box;
      return rotateBox(turned, scaled, { width: read.width, height: read.height }, read.skew);
    },
    fromRead(box) {
      const unlevelled = levelled ? rotateBox(box, { width: read.width, height: read.height }, scaled, -read.skew) : box;
      const back = turnBox(unlevelled, scaled, (4 - turns) % 4);
      const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v / scale)));
      return [clamp(back[0], rendered.width), clamp(back[1], rendered.height), clamp(back[2], rendered.width), clamp(back[3], rendered.height)];
    },
  };
}

/** A box after turning its page (`size` before the turn) clockwise by `turns` quarter turns. */
export function turnBox(box: Box, size: { width: number; height: number }, turns: number): Box {
  const [x0, y0, x1, y1] = box;
  switch (turns) {
    case 1:
      return [size.height - y1, x0, size.height - y0, x1];
    case 2:
      return [size.width - x1, size.height - y1, size.width - x0, size.height - y0];
    case 3:
      return [y0, size.width - x1, y1, size.width - x0];
    default:
      return [x0, y0, x1, y1];
  }
}
