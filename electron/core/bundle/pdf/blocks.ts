import type { PageContent } from './content';
import type { BundlePdfLayout } from './types';

/**
 * The pages Dalel writes itself (index, manifest) are a flow of blocks — a heading, a line of text, a
 * table row — each of a height known before anything is drawn, so the number of pages is known without
 * a PDF and equals what gets drawn.
 */

/** What a block needs to draw that the planning did not know: where the documents landed. */
export interface DrawEnv {
  layout: BundlePdfLayout;
}

export interface Block {
  height: number;
  /** never the last block on a page (a heading, a table's column headings) */
  keepWithNext?: boolean;
  /** drawn first when this block starts a new page: the column headings of the table it belongs to */
  header?: Block;
  /** an index line: the document (flattened, input order) it links to */
  link?: number;
  draw(content: PageContent, top: number, env: DrawEnv): void;
}

export interface PlacedBlock {
  block: Block;
  top: number;
}

/** Blocks onto pages whose usable area runs from `top` down to `bottom` (points). */
export function paginate(blocks: Block[], top: number, bottom: number): PlacedBlock[][] {
  const pages: PlacedBlock[][] = [];
  let page: PlacedBlock[] = [];
  let y = top;
  let filled = false;
  const place = (block: Block) => {
    page.push({ block, top: y });
    y -= block.height;
  };
  blocks.forEach((block, i) => {
    let needed = block.height;
    for (let j = i; blocks[j]?.keepWithNext && blocks[j + 1]; j++) needed += blocks[j + 1]!.height;
    if (filled && y - needed < bottom) {
      pages.push(page);
      page = [];
      y = top;
      if (block.header) place(block.header);
    }
    place(block);
    filled = true;
  });
  pages.push(page);
  return pages;
}
