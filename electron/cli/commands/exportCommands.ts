import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { BundleSection } from '../../../shared/domain/bundle';
import { BundleSection as BundleSectionSchema } from '../../../shared/ipc/contract';
import { defaultFontsDir } from '../../core/bundle/bundleHandlers';
import { proposeSections, type ProposalSource } from '../../core/bundle/bundleProposal';
import { BundleService } from '../../core/bundle/bundleService';
import { BundleStore } from '../../core/bundle/bundleStore';
import { DocumentStore } from '../../core/documents/documentStore';
import { DalelFailure } from '../../core/errors';
import { ImportService } from '../../core/import/importService';
import { createFileParser, nodeParserProcesses } from '../../core/import/parse';
import { PrintReader } from '../../core/import/printReader';
import { createTesseractEngine, defaultTessdataDir } from '../../core/ocr';
import { SearchService } from '../../core/search/searchService';
import { RegisterStore } from '../../core/tagging/registerStore';
import type { Vault } from '../../core/vault/vault';
import { printJson, UsageError } from '../output';
import { withVault, type CommandContext } from './vaultCommands';

/** `dalel export`: one bundle PDF, its manifest beside it, optionally a ZIP. Prints the manifest under --json. */

export interface ExportOptions {
  docs?: string;
  person?: string;
  query?: string;
  output?: string;
  sections?: string;
  title?: string;
  redactProtected?: boolean;
  redactTerm?: string[];
  zip?: string;
  zipOriginals?: boolean;
  /** replace existing files */
  force?: boolean;
  /** accept the pages that could not be fully checked for names (recorded in the audit log) */
  confirmUnchecked?: boolean;
}

const SectionsFile = z.union([z.array(BundleSectionSchema).min(1), z.object({ sections: z.array(BundleSectionSchema).min(1) }).transform((file) => file.sections)]);

function readSections(file: string): BundleSection[] {
  let parsed;
  try {
    parsed = SectionsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new DalelFailure('validation', `${file} could not be read as JSON: ${(error as Error).message}`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DalelFailure('validation', `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

function source(options: ExportOptions): ProposalSource | null {
  const given = [options.docs, options.person, options.query].filter((value) => value !== undefined).length;
  if (given > 1) throw new UsageError('Give one of --docs, --person or --query.');
  if (options.docs !== undefined) {
    const docIds = options.docs.split(',').map((id) => id.trim()).filter(Boolean);
    if (docIds.length === 0) throw new UsageError('--docs takes document ids separated by commas.');
    return { docIds };
  }
  if (options.person !== undefined) return { personId: options.person };
  if (options.query !== undefined) return { query: options.query };
  return null;
}

export async function exportCommand(ctx: CommandContext, vaultDir: string, options: ExportOptions): Promise<number> {
  if (!options.output) throw new UsageError('Say where the bundle goes: -o <bundle.pdf>.');
  const from = source(options);
  if (!from && !options.sections) throw new UsageError('Choose the documents: --docs <id,...>, --person <id>, --query <q> or --sections <file.json>.');
  if (options.zipOriginals && !options.zip) throw new UsageError('--zip-originals goes with --zip <out.zip>.');
  const fixedSections = options.sections ? readSections(options.sections) : null;
  if (options.zipOriginals) {
    ctx.io.stderr('Warning: the ZIP archive will hold the ORIGINALS UNREDACTED, with every name in them. Do not send it where redaction matters.\n');
  }

  // The leak check reads the finished bundle back in a parser process and by OCR; pages not yet read
  // as they print are read first.
  const parser = createFileParser({ processes: nodeParserProcesses(), concurrency: 2 });
  const ocr = createTesseractEngine({ tessdataDir: defaultTessdataDir() });
  try {
    return await exportWith(ctx, vaultDir, options, from, fixedSections, { parser, ocr });
  } finally {
    await Promise.allSettled([parser.close(), ocr.close()]);
  }
}

async function readPendingPages(ctx: CommandContext, vault: Vault, engines: { parser: ReturnType<typeof createFileParser>; ocr: ReturnType<typeof createTesseractEngine> }): Promise<void> {
  const pending = new DocumentStore(vault.db).pendingPages(Number.MAX_SAFE_INTEGER).length;
  if (pending === 0) return;
  if (!ctx.json) ctx.io.stderr(`reading ${pending} page${pending === 1 ? '' : 's'} left to read\n`);
  const imports = new ImportService({
    ...engines,
    logError: (error) => ctx.io.stderr(`dalel: unexpected error while reading pages: ${(error as Error)?.stack ?? String(error)}\n`),
  });
  imports.attach(vault);
  try {
    await imports.whenIdle();
  } finally {
    await imports.detach();
  }
}

async function exportWith(
  ctx: CommandContext,
  vaultDir: string,
  options: ExportOptions,
  from: ProposalSource | null,
  fixedSections: BundleSection[] | null,
  engines: { parser: ReturnType<typeof createFileParser>; ocr: ReturnType<typeof createTesseractEngine> },
): Promise<number> {
  const { result, unredactedProtected } = await withVault(ctx, vaultDir, async (vault) => {
    // Pages left to read (an import cut short, a reading an upgrade asked for again) are read first, as
    // the app reads them when the vault opens: a bundle is made of pages read and checked.
    await readPendingPages(ctx, vault, engines);
    const sections =
      fixedSections ??
      proposeSections(vault.db, from!, () => {
        while (vault.searchIndex.indexPending(500) > 0);
        return new SearchService(vault.db, vault.searchIndex);
      });
    if (sections.length === 0) throw new DalelFailure('validation', 'No document matches: the bundle would be empty.');
    const register = RegisterStore.open(vault.db);
    const person = from && 'personId' in from ? from.personId : null;
    const definition = new BundleStore(vault.db).save({
      title: options.title ?? `Evidence bundle ${new Date().toISOString().slice(0, 10)}`,
      caseId: null,
      personId: person,
      preparedBy: '',
      stampPrefix: '',
      sections,
      // Protected persons are redacted unless the lawyer turned it off (--no-redact-protected).
      redaction: { protectedPersons: options.redactProtected !== false, terms: options.redactTerm ?? [], boxes: [], waived: [] },
    });
    const printReader = new PrintReader({ ...engines, importBusy: () => false });
    printReader.attach(vault);
    const service = new BundleService(vault.db, {
      fontsDir: defaultFontsDir(),
      vaultDir: vault.dir,
      checks: { parser: engines.parser, printReader },
      originals: engines.parser,
      onProgress: (progress) => {
        if (!ctx.json && (progress.phase === 'reading' || progress.phase === 'checking')) {
          ctx.io.stderr(`\r${progress.phase === 'reading' ? 'reading pages as they print' : 'checking the bundle for names'} ${progress.done}/${progress.total}`);
        }
      },
    });
    if (options.confirmUnchecked) {
      const plan = await service.plan(definition.id);
      if (plan.unchecked.length > 0) {
        const store = new DocumentStore(vault.db);
        vault.db.transaction(() => {
          for (const page of plan.unchecked) {
            if (store.confirmReading(page.docId, page.page, new Date())) {
              vault.audit({ action: 'document.reading-confirmed', subject: page.docId, details: { page: page.page } });
            }
          }
        })();
        ctx.io.stderr(`Warning: ${plan.unchecked.length} page${plan.unchecked.length === 1 ? '' : 's'} not fully checked for names ${plan.unchecked.length === 1 ? 'was' : 'were'} accepted as read (--confirm-unchecked).\n`);
      }
    }
    // Ctrl+C stops the export as the app's "Cancel export" does: no file, no temp file, no record
    // (exit 1, 'cancelled'). A second Ctrl+C ends the process as usual.
    const cancel = () => service.cancelExport(definition.id);
    process.once('SIGINT', cancel);
    const exported = await service
      .export(definition.id, {
        path: resolve(options.output!),
        zip: options.zip ? { path: resolve(options.zip), originals: options.zipOriginals ? 'unredacted' : 'none' } : undefined,
        overwrite: options.force === true,
      })
      .finally(() => {
        process.off('SIGINT', cancel);
        return printReader.detach();
      });
    const unredacted = options.redactProtected !== false ? 0 : register.listPersons().filter((p) => p.protected).length;
    return { result: exported, unredactedProtected: unredacted };
  });

  if (unredactedProtected > 0) {
    ctx.io.stderr(`Warning: ${unredactedProtected} protected ${unredactedProtected === 1 ? 'person is' : 'persons are'} NOT redacted in this bundle (--no-redact-protected).\n`);
  }
  if (ctx.json) {
    printJson(ctx.io, result.manifest);
    return 0;
  }
  ctx.io.stdout(
    [
      `Wrote ${result.path}: ${result.pages} pages, ${result.manifest.documents.length} documents, ${result.manifest.redactions.length} redactions.`,
      `SHA-256 ${result.sha256} (recorded in the vault).`,
      `Manifest: ${result.manifestPath}`,
      ...(result.zipPath ? [`ZIP archive: ${result.zipPath}`] : []),
      '',
    ].join('\n'),
  );
  return 0;
}
