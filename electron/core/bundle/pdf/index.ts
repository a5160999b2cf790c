/**
 * The evidence bundle as one PDF (issue 6): cover, index, documents, manifest. The bundle service plans
 * and redacts; this writer only lays out and writes what it is handed.
 */
export { layoutBundle, writeBundlePagePdf, writeBundlePdf, writeBundlePdfToFile, writeFrontMatterPdf } from './writer';
export { bundleTextWarnings } from './plan';
export type * from './types';
