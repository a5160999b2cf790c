import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OCR_LANGUAGES, type DocumentEdit, type FileImportProgress, type OcrLanguage } from '../../../shared/domain/document';
import type { DocumentType } from '../../../shared/domain/tagging';
import { checkTarget } from '../../core/bundle/exportTargets';
import { DocumentEditing } from '../../core/documents/documentEditing';
import { DocumentStore } from '../../core/documents/documentStore';
import { DalelFailure } from '../../core/errors';
import { expandPaths } from '../../core/import/expandPaths';
import { ImportService } from '../../core/import/importService';
import { createFileParser, nodeParserProcesses } from '../../core/import/parse';
import { createTesseractEngine, defaultTessdataDir } from '../../core/ocr';
import { UsageError, printJson } from '../output';
import { withVault, type CommandContext } from './vaultCommands';

export function parseLanguages(value: string | undefined): OcrLanguage[] | undefined {
  if (value === undefined) return undefined;
  const codes = value.split('+').filter(Boolean);
  const unknown = codes.filter((code) => !(OCR_LANGUAGES as readonly string[]).includes(code));
  if (codes.length === 0 || unknown.length > 0) {
    throw new UsageError(`Unknown OCR language ${unknown.join(', ') || '(none)'}. Use codes joined by +, from: ${OCR_LANGUAGES.join(', ')}.`);
  }
  return codes as OcrLanguage[];
}

/**
 * `dalel import`: resumes pages left pending by an interrupted import, stores every file, waits until
 * every page is read, and reports one line per input file. A PDF that asks for a password opens with
 * DALEL_PDF_PASSWORD (the one password for every such PDF of this import), never with an argument:
 * other users can read a process's arguments. The vault keeps the file as given and a decrypted copy to
 * read it from; the password is not kept.
 */
export async function importCommand(ctx: CommandContext, vaultDir: string, paths: string[], languages?: OcrLanguage[]): Promise<number> {
  const files = await expandPaths(paths);
  const pdfPassword = ctx.secrets.env.DALEL_PDF_PASSWORD || undefined;
  const parser = createFileParser({ processes: nodeParserProcesses() });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  let finalFiles: FileImportProgress[] = [];
  try {
    await withVault(ctx, vaultDir, async (vault) => {
      const imports = new ImportService({
        parser,
        ocr,
        onProgress: (progress) => {
          if (!ctx.json && progress.batchId) reportProgress(ctx, progress.files);
        },
        logError: (error) => ctx.io.stderr(`dalel: unexpected error while importing: ${(error as Error)?.stack ?? String(error)}\n`),
      });
      imports.attach(vault);
      try {
        const { batchId, done } = imports.startImport(files, { languages, pdfPassword });
        await done;
        await imports.whenIdle();
        finalFiles = imports.progress(batchId)?.files ?? [];
      } finally {
        await imports.detach();
      }
    });
  } finally {
    await Promise.allSettled([parser.close(), ocr.close()]);
  }
  for (const [index, entry] of finalFiles.entries()) {
    const status = entry.status === 'processing' ? 'imported' : entry.status;
    const line = {
      file: files[index]?.path ?? entry.file,
      status,
      docId: entry.docId,
      pages: entry.pageCount,
      ...(entry.warnings.length > 0 ? { warnings: entry.warnings } : {}),
      ...(entry.error ? { error: entry.error } : {}),
    };
    if (ctx.json) ctx.io.stdout(`${JSON.stringify(line)}\n`);
    else {
      const detail = entry.error ? `: ${entry.error.message}` : entry.pageCount ? ` (${entry.pageCount} page${entry.pageCount === 1 ? '' : 's'})` : '';
      ctx.io.stdout(`${status.padEnd(9)} ${line.file}${detail}\n`);
    }
  }
  const codes = new Set(finalFiles.map((entry) => entry.error?.code));
  if (codes.has('pdf-password-required')) {
    ctx.io.stderr('dalel: a PDF asks for a password. Set DALEL_PDF_PASSWORD to it and import the file again (it is used for every PDF of that import that asks for one, and is not kept).\n');
  }
  if (codes.has('pdf-password-wrong')) ctx.io.stderr('dalel: DALEL_PDF_PASSWORD does not open a PDF of this import. Check the password and import that file again with the right one.\n');
  return finalFiles.some((entry) => entry.status === 'rejected' || entry.status === 'cancelled') ? 1 : 0;
}

let lastReported = '';
function reportProgress(ctx: CommandContext, files: FileImportProgress[]): void {
  const stored = files.filter((file) => !['queued', 'reading'].includes(file.status)).length;
  const pages = files.reduce((sum, file) => sum + file.pagesDone, 0);
  const total = files.reduce((sum, file) => sum + (file.pageCount ?? 0), 0);
  const line = `files ${stored}/${files.length}, pages ${pages}/${total}`;
  if (line !== lastReported) ctx.io.stderr(`\r${line}`);
  lastReported = line;
}

export async function docsCommand(ctx: CommandContext, vaultDir: string): Promise<number> {
  const docs = await withVault(ctx, vaultDir, (vault) => new DocumentStore(vault.db).list());
  if (ctx.json) {
    printJson(
      ctx.io,
      docs.map((doc) => ({
        id: doc.id,
        title: doc.title,
        fileName: doc.fileName,
        sha256: doc.sha256,
        pages: doc.pageCount,
        languages: doc.languages.join('+'),
        status: doc.status,
        importedAt: doc.importedAt,
        warnings: doc.warnings,
      })),
    );
  } else if (docs.length === 0) {
    ctx.io.stdout('The vault has no documents.\n');
  } else {
    for (const doc of docs) {
      ctx.io.stdout(`${doc.id}  ${doc.status.padEnd(10)} ${String(doc.pageCount).padStart(3)} p.  ${doc.languages.join('+').padEnd(12)} ${doc.title}\n`);
    }
  }
  return 0;
}

export async function textCommand(ctx: CommandContext, vaultDir: string, docId: string): Promise<number> {
  const pages = await withVault(ctx, vaultDir, (vault) => {
    const store = new DocumentStore(vault.db);
    if (!store.get(docId)) throw new DalelFailure('document-not-found', `There is no document ${docId} in this vault.`);
    return store.pages(docId);
  });
  if (ctx.json) {
    printJson(ctx.io, {
      docId,
      pages: pages.map((page) => ({
        page: page.page,
        status: page.status,
        source: page.source,
        confidence: page.confidence,
        rotation: page.rotation,
        text: page.text ?? '',
        words: page.words,
        ...(page.errorCode ? { error: { code: page.errorCode, message: page.errorMessage } } : {}),
      })),
    });
  } else {
    for (const page of pages) {
      ctx.io.stdout(`--- page ${page.page} (${page.source ?? page.status}${page.confidence !== null ? `, confidence ${Math.round(page.confidence)}` : ''}) ---\n`);
      ctx.io.stdout(`${page.text ?? page.errorMessage ?? ''}\n`);
    }
  }
  return 0;
}

export async function originalCommand(ctx: CommandContext, vaultDir: string, docId: string, output: string | undefined): Promise<number> {
  if (!output) throw new UsageError('Say where to write the original: dalel original <vault-dir> <docId> -o <file>');
  const target = resolve(output);
  const written = await withVault(ctx, vaultDir, async (vault) => {
    // Never into the vault folder (an -o there once could replace the header), never over a file.
    checkTarget(target, 'original', { vaultDir: vault.dir, overwrite: false });
    const original = new DocumentStore(vault.db).original(docId);
    if (!original) throw new DalelFailure('document-not-found', `There is no document ${docId} in this vault.`);
    // 'wx': never overwrite a file that is already there.
    await writeFile(target, original.data, { flag: 'wx', mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new DalelFailure('validation', `${target} already exists; Dalel does not overwrite files.`);
      throw new DalelFailure('validation', `Could not write ${target}: ${error.message}`);
    });
    // The original leaves the vault in clear: that is worth a line in the audit log — where one can be
    // written (not on read-only media, as for bundles; on a full disk, before the next entry).
    vault.auditWhenPossible({ action: 'document.original-exported', subject: docId, details: { bytes: original.data.length } });
    return original.data.length;
  });
  if (ctx.json) printJson(ctx.io, { docId, file: target, bytes: written });
  else ctx.io.stdout(`Wrote the original of ${docId} (${written} bytes) to ${target}. It is not encrypted there.\n`);
  return 0;
}

/**
 * `dalel delete <vault> <docId>...`: delete documents with everything that hangs on them (DocumentEditing).
 * Asks on the terminal, naming what goes; `--yes` confirms without asking (scripts, --json).
 */
export async function deleteCommand(ctx: CommandContext, vaultDir: string, docIds: string[], options: { yes?: boolean } = {}): Promise<number> {
  if (docIds.length === 0) throw new UsageError('Usage: dalel delete <vault-dir> <docId>... [--yes]');
  const result = await withVault(ctx, vaultDir, async (vault) => {
    const store = new DocumentStore(vault.db);
    const docs = docIds.map((id) => store.get(id) ?? id);
    const missing = docs.filter((doc) => typeof doc === 'string');
    if (missing.length > 0) throw new DalelFailure('document-not-found', `There is no document ${missing.join(', ')} in this vault. Nothing was deleted.`);
    if (!options.yes) {
      if (!ctx.secrets.ask) throw new UsageError('Confirm with --yes, or run the command in a terminal.');
      const names = docs.map((doc) => (typeof doc === 'string' ? doc : `${doc.id} (${doc.title})`)).join(', ');
      const answer = await ctx.secrets.ask(`This deletes ${docs.length === 1 ? 'the document' : `${docs.length} documents`} ${names} from the vault, with its tags, deadlines and place in bundles. Type "yes" to delete: `);
      if (answer.trim().toLowerCase() !== 'yes') return null;
    }
    return new DocumentEditing(vault.db).delete(docIds, 'cli');
  });
  if (!result) {
    ctx.io.stdout('Nothing was deleted.\n');
    return 1;
  }
  if (ctx.json) printJson(ctx.io, result);
  else ctx.io.stdout(`${result.deleted} ${result.deleted === 1 ? 'document' : 'documents'} deleted.\n`);
  return 0;
}

/** `dalel edit <vault> <docId> [--title T] [--date YYYY-MM-DD|none] [--type T|none] [--notes N]` */
export async function editCommand(ctx: CommandContext, vaultDir: string, docId: string, options: { title?: string; date?: string; type?: string; notes?: string }): Promise<number> {
  const changes: DocumentEdit = {};
  if (options.title !== undefined) changes.title = options.title;
  if (options.notes !== undefined) changes.notes = options.notes;
  if (options.date !== undefined) changes.documentDate = options.date === 'none' ? null : options.date;
  if (options.type !== undefined) changes.type = options.type === 'none' ? null : (options.type as DocumentType);
  if (Object.keys(changes).length === 0) throw new UsageError('Usage: dalel edit <vault-dir> <docId> [--title T] [--date YYYY-MM-DD|none] [--type TYPE|none] [--notes TEXT]');
  const doc = await withVault(ctx, vaultDir, (vault) => new DocumentEditing(vault.db).edit(docId, changes, 'cli'));
  if (ctx.json) printJson(ctx.io, { id: doc.id, title: doc.title, documentDate: doc.documentDate, type: doc.type, notes: doc.notes });
  else ctx.io.stdout(`${doc.id}  ${doc.documentDate ?? '—'}  ${doc.type ?? '—'}  ${doc.title}\n`);
  return 0;
}
