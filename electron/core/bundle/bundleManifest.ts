/** The JSON manifest beside a bundle is the record of what the bundle holds, kept apart from how the export writes its files (BundleService). */
import { basename, dirname, extname, join } from 'node:path';
import type { BundleManifest, PlannedDocument, RedactionLogEntry } from '../../../shared/domain/bundle';
import type { AssembledBundle } from './bundleAssembly';

export const GENERATOR = 'Dalel';

/** Where the JSON manifest goes: beside the PDF, `<name>.manifest.json`. */
export function manifestPathFor(pdfPath: string): string {
  const name = basename(pdfPath, extname(pdfPath));
  return join(dirname(pdfPath), `${name}.manifest.json`);
}

/** The manifest of a bundle written with `pages` pages: its documents where they were placed, and the redaction log. */
export function bundleManifest(assembled: AssembledBundle, placed: PlannedDocument[], log: RedactionLogEntry[], pages: number): BundleManifest {
  return {
    bundle: assembled.input.title,
    generatedAt: assembled.input.manifest.generatedAt,
    generator: GENERATOR,
    pages,
    auditHead: assembled.input.manifest.auditHead,
    documents: assembled.documents.map((doc, index) => ({
      docId: doc.docId,
      title: doc.title,
      fileName: assembled.scrub(doc.summary.fileName),
      sha256: doc.summary.sha256,
      firstPage: placed[index]!.firstPage,
      lastPage: placed[index]!.lastPage,
      translationOf: doc.translationOf,
      translationOfTitle: doc.translationOf === null ? null : (assembled.documents.find((d) => d.docId === doc.translationOf)?.title ?? null),
    })),
    redactions: log,
  };
}
