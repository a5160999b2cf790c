/** What the leak check knows of each page of a finished bundle comes from how it was assembled, not from the export's steps (BundleService). */
import type { PixelBox, PlannedRedaction } from '../../../shared/domain/bundle';
import { PrintReadings } from '../documents/printReadings';
import type { VaultDatabase } from '../vault/database';
import type { AssembledBundle } from './bundleAssembly';
import type { CheckedPage } from './leakCheck';
import type { BundlePdfLayout } from './pdf/types';

/**
 * What the leak check knows of each page of the finished bundle: cover, index and manifest are Dalel's
 * own text; a page with burned redactions is read again by OCR; any other document page shows the
 * vault's image or page unchanged, whose stored readings are matched again.
 */
export function checkedPages(assembled: AssembledBundle, layout: BundlePdfLayout, placed: Array<{ docId: string; firstPage: number }>, db: VaultDatabase): CheckedPage[] {
  const prints = new PrintReadings(db);
  const pages: CheckedPage[] = [];
  const waivedOn = new Map<number, Set<string>>();
  const burnedOn = new Map<number, PixelBox[]>();
  const at = (docId: string, page: number) => (placed.find((doc) => doc.docId === docId)?.firstPage ?? 0) + page - 1;
  for (const r of assembled.redactions) {
    const number = at(r.docId, r.page);
    if (r.waived) {
      if (!waivedOn.has(number)) waivedOn.set(number, new Set());
      waivedOn.get(number)!.add(sourceOf(r));
    } else {
      if (!burnedOn.has(number)) burnedOn.set(number, []);
      burnedOn.get(number)!.push(r.box);
    }
  }
  for (let n = 1; n <= layout.pages; n++) pages.push({ page: n, waived: waivedOn.get(n) ?? new Set(), pixels: { kind: 'text' } });
  assembled.documents.forEach((doc, index) => {
    const range = layout.documents[index]!;
    const readings = prints.readings(doc.docId);
    doc.pages.forEach((page, i) => {
      const number = range.firstPage + i;
      const reading = readings.get(page.page);
      const words = [...page.words, ...(reading?.printWords ?? []), ...(reading?.overlays ?? [])];
      const boxes = burnedOn.get(number);
      pages[number - 1]!.pixels = boxes ? { kind: 'burned', words, boxes } : { kind: 'known', words };
    });
  });
  return pages;
}

/** The source (p1, t2, m3) of a planned redaction, from its key. */
const sourceOf = (r: PlannedRedaction) => r.key.split(':')[0]!;
