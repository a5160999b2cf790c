import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFArray, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';
import { A4 } from './geometry';

/**
 * What makes the bundle navigable and what it says about itself: bookmarks, index links, and the
 * document information dictionary.
 */

export interface OutlineEntry {
  title: string;
  /** the page the entry opens, or null (a section without documents) */
  target: PDFRef | null;
  children: OutlineEntry[];
}

/** An explicit destination: the top of `page`, zoom unchanged. */
export function destination(context: PDFContext, page: PDFRef): PDFArray {
  return context.obj([page, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(A4.height), PDFNull]);
}

/** A link annotation over `rect` ([x0, y0, x1, y1]) that opens `page`, drawn without a border. */
export function linkAnnotation(context: PDFContext, rect: [number, number, number, number], page: PDFRef): PDFRef {
  return context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: rect,
      Border: [0, 0, 0],
      Dest: destination(context, page),
    }),
  );
}

/** The outline (bookmarks), opened with the document; titles are Unicode (UTF-16 hex strings). */
export function writeOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = doc;
  const root = context.nextRef();
  const count = addChildren(context, root, entries);
  context.assign(root, context.obj({ Type: 'Outlines', First: count.first, Last: count.last, Count: count.visible }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Writes `entries` under `parent`; returns the first and last child and how many entries show when open. */
function addChildren(context: PDFContext, parent: PDFRef, entries: OutlineEntry[]): { first: PDFRef; last: PDFRef; visible: number } {
  const refs = entries.map(() => context.nextRef());
  let visible = entries.length;
  entries.forEach((entry, i) => {
    const item: Record<string, unknown> = {
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
    };
    if (i > 0) item.Prev = refs[i - 1];
    if (i < entries.length - 1) item.Next = refs[i + 1];
    if (entry.target) item.Dest = destination(context, entry.target);
    if (entry.children.length) {
      const children = addChildren(context, refs[i]!, entry.children);
      item.First = children.first;
      item.Last = children.last;
      item.Count = children.visible; // positive: open, so every document shows under its section
      visible += children.visible;
    }
    context.assign(refs[i]!, context.obj(item as never));
  });
  return { first: refs[0]!, last: refs[refs.length - 1]!, visible };
}

/**
 * The information dictionary, set deliberately: the bundle's title, Dalel as producer and creator, and the
 * export time as both dates. No author, subject or keywords, no XMP packet, and nothing from the originals.
 */
export function setDocumentInfo(doc: PDFDocument, title: string, generatedAt: Date): void {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setProducer('Dalel');
  doc.setCreator('Dalel');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
}
