import type { FileKind, ImportWarning } from '../../../../shared/domain/document';
import { MAX_FILE_BYTES } from './limits';
import { ImportFailure } from './types';

/**
 * The format is decided by the file's first bytes, never by its name: names lie (a JPEG saved as .png,
 * a text note named .pdf), and the name is the one thing an attacker controls for free.
 */

const EXTENSIONS: Record<FileKind, readonly string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  png: ['png'],
  tiff: ['tif', 'tiff'],
};

/** Readers (Acrobat's rule, which pdf.js and poppler follow) accept junk before `%PDF-` within the first KiB. */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

export function detectKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // Classic TIFF (II*\0, MM\0*) and BigTIFF (II+\0, MM\0+), which scanners write for huge multi-page files.
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return 'tiff';
  if (startsWith(bytes, ascii('II+\0')) || startsWith(bytes, ascii('MM\0+'))) return 'tiff';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_WINDOW + 5));
  if (head.indexOf('%PDF-', 0, 'latin1') !== -1) return 'pdf';
  return null;
}

/** A few formats lawyers actually receive, so the refusal can say what the file is and what to do. */
function describeUnsupported(bytes: Uint8Array): string {
  const at4 = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 12)).toString('latin1', 4, 12);
  if (at4.startsWith('ftyphei') || at4.startsWith('ftypmif1') || at4.startsWith('ftyphev')) {
    return 'This is an iPhone HEIC photo. Save it as JPEG (or PDF) and import it again.';
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return 'This is a WebP image. Save it as JPEG or PNG and import it again.';
  }
  if (startsWith(bytes, ascii('GIF8'))) return 'This is a GIF image. Save it as PNG and import it again.';
  if (startsWith(bytes, ascii('BM'))) return 'This is a BMP image. Save it as PNG and import it again.';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return 'This is a Word, Excel or ZIP file. Save or print it as PDF and import the PDF.';
  }
  if (looksLikeText(bytes)) {
    return 'This is a plain text file, not a PDF or an image, whatever its name says. Print it to PDF to import it.';
  }
  return 'Dalel imports PDF, JPEG, PNG and TIFF files, and this file is none of them, whatever its name says.';
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return false;
  try {
    // stream: a character cut in two at the end of the sample is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function extensionOf(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot + 1).toLowerCase();
}

/**
 * First gate for every file: size, then format by content. Returns the kind and the warnings that depend
 * only on the name; throws ImportFailure for an empty, oversized or unsupported file.
 */
export function sniffFile(bytes: Uint8Array, fileName: string): { kind: FileKind; warnings: ImportWarning[] } {
  if (bytes.length === 0) {
    throw new ImportFailure('empty-file', 'This file is empty (0 bytes). It may not have finished copying or downloading.');
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = Math.round(bytes.length / (1024 * 1024));
    throw new ImportFailure(
      'file-too-large',
      `This file is ${mb} MB; Dalel imports files up to ${MAX_FILE_BYTES / (1024 * 1024)} MB. Split it into smaller files and import those.`,
    );
  }
  const kind = detectKind(bytes);
  if (kind === null) throw new ImportFailure('unsupported-file', describeUnsupported(bytes));
  const extension = extensionOf(fileName);
  // No extension says nothing; an extension that names another format is worth a note on the document.
  const mismatch = extension !== null && !EXTENSIONS[kind].includes(extension);
  return { kind, warnings: mismatch ? ['extension-mismatch'] : [] };
}
