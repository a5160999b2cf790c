import type { BundleWarning } from '../../../../shared/domain/bundle';
import { paginate, type PlacedBlock } from './blocks';
import { Typefaces } from './fonts';
import { indexBlocks } from './frontMatter';
import { A4, MARGIN } from './geometry';
import { manifestBlocks } from './manifestPages';
import { unprintableTextWarnings } from './printWarnings';
import type { BundlePdfInput, BundlePdfLayout, FlatDocument } from './types';

/** Everything about the bundle that is known before any page is loaded. */
export interface BundlePlan {
  layout: BundlePdfLayout;
  typefaces: Typefaces;
  documents: FlatDocument[];
  /** blocks of each index page (the pages after the cover) */
  indexPages: PlacedBlock[][];
  manifestPages: PlacedBlock[][];
}

export function flatten(input: BundlePdfInput): FlatDocument[] {
  const flat: FlatDocument[] = [];
  input.sections.forEach((section, sectionIndex) => {
    const start = flat.length;
    for (const document of section.documents) {
      let originalIndex: number | null = null;
      if (document.translationOf !== null) {
        // The nearest document before it in its section that is the original and no translation.
        for (let i = flat.length - 1; i >= start; i--) {
          const candidate = flat[i]!;
          if (candidate.document.translationOf === null && candidate.document.id === document.translationOf) {
            originalIndex = i;
            break;
          }
        }
      }
      flat.push({ document, index: flat.length, section: sectionIndex, originalIndex });
    }
  });
  return flat;
}

/** The page numbering and the pages of the index and manifest, from titles, page counts and the log alone. */
export function planBundle(input: BundlePdfInput): BundlePlan {
  const typefaces = Typefaces.load(input.fontsDir);
  const documents = flatten(input);
  const top = A4.height - MARGIN;
  const indexPages = paginate(indexBlocks(typefaces, input, documents), top, MARGIN);
  const manifestPages = paginate(manifestBlocks(typefaces, input, documents), top, MARGIN);
  const frontMatterPages = 1 + indexPages.length;
  let next = frontMatterPages + 1;
  const placed = documents.map(({ document }) => {
    const pages = Math.max(0, Math.floor(document.pageCount));
    const range = { firstPage: next, lastPage: next + pages - 1 };
    next += pages;
    return range;
  });
  const manifest = { firstPage: next, lastPage: next + manifestPages.length - 1 };
  return {
    layout: { pages: manifest.lastPage, frontMatterPages, documents: placed, manifestPages: manifest },
    typefaces,
    documents,
    indexPages,
    manifestPages,
  };
}

/**
 * Warnings about text the bundle cannot print (see printWarnings.ts): for the bundle service to add to the
 * bundle plan's `warnings`, beside the ones about unread pages.
 */
export function bundleTextWarnings(input: BundlePdfInput): BundleWarning[] {
  return unprintableTextWarnings(Typefaces.load(input.fontsDir), input);
}
