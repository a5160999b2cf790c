/**
 * Reading a written bundle back with Debian's tools, as a court's clerk would see it: poppler's
 * pdfinfo, pdftotext and pdfimages, and qpdf's JSON view of the objects.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function pdfinfo(file: string, args: string[] = []): Record<string, string> {
  const out = execFileSync('pdfinfo', [...args, file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** Size of every page ("595.28 x 841.89 pts (A4)"), from pdfinfo's per-page listing. */
export function pageSizes(file: string, pages: number): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((match) => match[1]!.trim());
}

/** The text of page `page` (1-based), or of the whole file. */
export function pdftotext(file: string, page?: number, args: string[] = []): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...args, ...range, file, '-'], { encoding: 'utf8' });
}

/** Whitespace collapsed, and removed between CJK characters (as the corpus README says to match). */
export function normalised(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/gu, '')
    .trim();
}

export interface ImageListing {
  page: number;
  width: number;
  height: number;
  colour: string;
  bpc: number;
  encoding: string;
  xPpi: number;
  yPpi: number;
}

export function pdfimages(file: string): ImageListing[] {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      return {
        page: Number(cells[0]),
        width: Number(cells[3]),
        height: Number(cells[4]),
        colour: cells[5]!,
        bpc: Number(cells[7]),
        encoding: cells[8]!,
        xPpi: Number(cells[12]),
        yPpi: Number(cells[13]),
      };
    });
}

type Json = Record<string, unknown>;

export interface OutlineItem {
  title: string;
  destpageposfrom1: number | null;
  kids: OutlineItem[];
}

/** qpdf's JSON view: pages (object ids in order), outline, and every object by id. */
export function qpdfJson(file: string): { pages: Array<{ object: string }>; outlines: OutlineItem[]; objects: Record<string, Json> } {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=pages', '--json-key=outlines', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 1 << 28 })) as {
    pages: Array<{ object: string }>;
    outlines: OutlineItem[];
    qpdf: [Json, Record<string, { value?: Json; stream?: { dict: Json } }>];
  };
  const objects: Record<string, Json> = {};
  for (const [key, entry] of Object.entries(json.qpdf[1])) {
    if (key.startsWith('obj:')) objects[key.slice(4)] = (entry.value ?? entry.stream?.dict ?? {}) as Json;
  }
  return { pages: json.pages, outlines: json.outlines, objects };
}

/** Link annotations of page `page` (1-based): the 1-based page each one opens. */
export function linkTargets(view: ReturnType<typeof qpdfJson>, page: number): number[] {
  const pageObject = view.objects[view.pages[page - 1]!.object]!;
  const annots = (pageObject['/Annots'] as string[] | undefined) ?? [];
  return annots.map((ref) => {
    const annot = view.objects[ref]!;
    const dest = annot['/Dest'] as unknown[];
    return view.pages.findIndex((p) => p.object === dest[0]) + 1;
  });
}

/** The file with every stream decompressed and no object streams, for searching its raw bytes. */
export function uncompressed(file: string, dir: string): Buffer {
  const out = join(dir, 'uncompressed.pdf');
  try {
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  } catch (error) {
    // qpdf exits 3 on warnings; the file is still written
    if ((error as { status?: number }).status !== 3) throw error;
  }
  return readFileSync(out);
}
