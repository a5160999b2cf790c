import type { OverlayWord } from '../../../../shared/domain/document';

/**
 * The text a PDF page prints from its form fields and annotations (pdf.js annotation data, print intent:
 * only annotations that print are given), as words in page-image pixels. None of it is in the page's
 * text layer, so without this a filled-in name or a FreeText note naming a relative could never be
 * matched for redaction, nor found by search. Pure: the annotation data is plain data.
 */

/** The parts of pdf.js's annotation data read here (see pdf.js core/annotation.js `this.data`). */
export interface AnnotationData {
  annotationType?: number;
  subtype?: string;
  /** [x1, y1, x2, y2] in PDF user space */
  rect?: number[];
  fieldValue?: unknown;
  /** what a text widget or FreeText annotation shows, line by line, read from its appearance */
  textContent?: unknown;
  contentsObj?: { str?: unknown } | null;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  /** choice fields: [{ exportValue, displayValue }] */
  options?: Array<{ exportValue?: unknown; displayValue?: unknown }>;
}

/** User space → image pixels (the page's render viewport). */
export type ToPixels = (x: number, y: number) => [number, number];

/** Subtypes that never draw text of their own: links, popups (their note shows only on screen). */
const NO_TEXT = new Set(['Link', 'Popup']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** What a form field shows: its value (a choice field's display value), never a check box's export name. */
function fieldText(data: AnnotationData): string[] {
  if (data.checkBox || data.radioButton || data.pushButton) return [];
  const shown = strings(data.textContent);
  if (shown.length > 0) return shown;
  const values = strings(data.fieldValue);
  if (!data.options?.length) return values;
  return values.map((value) => {
    const option = data.options!.find((o) => o.exportValue === value);
    return typeof option?.displayValue === 'string' ? option.displayValue : value;
  });
}

/**
 * An annotation's words: what it shows (a FreeText note's lines), or else its contents, which a
 * stamp or a note carries as words someone wrote: matched too, since an extra black box over a stamp
 * costs less than a name left in.
 */
function annotationText(data: AnnotationData): string[] {
  const shown = strings(data.textContent);
  if (shown.length > 0) return shown;
  return strings(data.contentsObj?.str);
}

/** Whether the page prints anything besides its content stream (a vector copy of the page would lose it). */
export function printsOverlays(annotations: readonly AnnotationData[]): boolean {
  return annotations.some((data) => !NO_TEXT.has(data.subtype ?? ''));
}

export function overlayWords(annotations: readonly AnnotationData[], toPixels: ToPixels): OverlayWord[] {
  const words: OverlayWord[] = [];
  for (const data of annotations) {
    if (NO_TEXT.has(data.subtype ?? '') || !data.rect || data.rect.length !== 4) continue;
    const origin = data.subtype === 'Widget' ? 'form-field' : 'annotation';
    const lines = (origin === 'form-field' ? fieldText(data) : annotationText(data))
      .flatMap((text) => text.split(/\r\n|\r|\n/))
      .map((line) => line.normalize('NFC').trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    const [x1, y1, x2, y2] = data.rect as [number, number, number, number];
    const corners = [toPixels(x1, y1), toPixels(x2, y2), toPixels(x1, y2), toPixels(x2, y1)];
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    const area: OverlayWord['area'] = [Math.floor(Math.min(...xs)), Math.floor(Math.min(...ys)), Math.ceil(Math.max(...xs)), Math.ceil(Math.max(...ys))];
    // Lines stacked down the field, words spread along each line by their length: close enough for the
    // text layer and search; a redaction takes the whole `area` anyway.
    const lineHeight = (area[3] - area[1]) / lines.length;
    lines.forEach((line, index) => {
      const tokens = line.split(/\s+/u);
      const total = tokens.reduce((sum, token) => sum + [...token].length + 1, -1);
      const top = area[1] + index * lineHeight;
      let at = 0;
      for (const token of tokens) {
        const length = [...token].length;
        const x0 = area[0] + ((area[2] - area[0]) * at) / Math.max(1, total);
        const x1w = area[0] + ((area[2] - area[0]) * (at + length)) / Math.max(1, total);
        words.push({ text: token, bbox: [Math.floor(x0), Math.floor(top), Math.ceil(x1w), Math.ceil(top + lineHeight)], conf: 100, origin, area });
        at += length + 1;
      }
    });
  }
  return words;
}
