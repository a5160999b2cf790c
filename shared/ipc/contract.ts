import { z } from 'zod';
import type { Channel, EventName } from './channels';
import { PERSON_ROLES, RELATION_TYPES, TAG_KINDS } from '../domain/taggingKinds';
import { BUNDLE_LANGUAGES } from '../domain/bundleWords';
import { bundleId, bytes, day, docId, empty, languages, name, passphrase, personId, query, savePath, vaultPath } from '../schemas/common';
import {
  AuditVerification,
  BackupProgress,
  BackupReport,
  BackupSchedule,
  RecoveryCodeText,
  RestoreReport,
  Settings,
  UnlockSecret,
  VaultStatus,
  WipeReport,
} from '../schemas/vault';
import { DocumentEdit, DocumentSummary, ImportProgress, MAX_IMPORT_BYTES, PageRecord } from '../schemas/documents';
import { DocumentMatches, SearchFilters, SearchResult } from '../schemas/search';
import { CaseDetail, CaseSummary, Deadline, Law, Person, PersonInput, PersonPage, PersonTagging, Suggestion, Tag } from '../schemas/tagging';
import {
  BundleDefinition,
  BundleDefinitionInput,
  BundleExportProgress,
  BundleExportResult,
  BundlePlan,
  BundleSection,
  BundleSummary,
} from '../schemas/bundles';

// The schemas live per domain in shared/schemas/; what the contract's users import from here stays here.
export * from '../schemas/vault';
export * from '../schemas/documents';
export * from '../schemas/search';
export * from '../schemas/tagging';
export * from '../schemas/bundles';
export { MAX_QUERY_LENGTH, OcrLanguage } from '../schemas/common';

/**
 * The one contract between the renderer and the core. Every channel is listed once with the schema of
 * its input and output. `electron/main` and the loopback test host both answer it from the same
 * handler table (electron/core/ipc/handlers.ts); inputs are validated there, at the boundary.
 */

export const contract = {
  'vault:create': {
    input: z.object({ path: vaultPath, passphrase }).strict(),
    output: z.object({
      /** Shown once; it unlocks the vault if the passphrase is lost. Never stored in clear. */
      recoveryCode: z.string(),
      status: VaultStatus,
    }),
  },
  'vault:unlock': {
    /** `acknowledgeRollback`: the lawyer put an older copy back on purpose (vault-rolled-back); recorded in the audit log. */
    input: z.object({ path: vaultPath, secret: UnlockSecret, acknowledgeRollback: z.boolean().optional() }).strict(),
    output: VaultStatus,
  },
  /**
   * "Try Dalel with sample documents": open the demo vault in its own folder (`demoPath`), creating it
   * when missing, and import the sample documents it lacks (fictional, shipped in resources/demo) with
   * the persons and the case they come with (titles in `language`). Answers once the files are stored;
   * their pages are read afterwards, as `import:progress` tells (`batchIds`). Never touches anything in
   * the demo folder that is not a demo vault (`vault-exists`).
   */
  'vault:openDemo': {
    input: z.object({ language: z.enum(['en', 'ru', 'kk']) }).strict(),
    output: z.object({ created: z.boolean(), status: VaultStatus, batchIds: z.array(z.string()) }),
  },
  'vault:lock': { input: empty, output: VaultStatus },
  'vault:status': { input: empty, output: VaultStatus },
  'vault:changePassphrase': {
    /** `current` is the current passphrase or the recovery code (for a forgotten passphrase). */
    input: z.object({ current: passphrase, next: passphrase }).strict(),
    output: z.object({ changedAt: z.string() }),
  },
  /** Every check of `dalel verify` on the open vault; `deep` adds integrity_check and every original's SHA-256. */
  'vault:verify': { input: z.object({ deep: z.boolean().optional() }).strict().optional(), output: AuditVerification },
  'settings:get': { input: empty, output: Settings },
  'settings:update': { input: Settings.partial().strict(), output: Settings },
  /** The renderer reports user activity (throttled) so that auto-lock measures real idleness. */
  'session:activity': { input: empty, output: z.null() },
  /** Ask the shell for a folder. Electron shows the native dialog; `path` is null when cancelled. */
  'dialog:pickFolder': {
    input: z.object({ purpose: z.enum(['create-vault', 'open-vault', 'backup-folder', 'restore-vault']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** The native "Import…" dialog: scans and PDFs, several at once. Empty when cancelled. */
  'dialog:pickFiles': { input: empty, output: z.object({ paths: z.array(z.string()) }) },
  /**
   * Put the recovery code just shown on the clipboard (the page has no clipboard permission). The input
   * must look like a recovery code, so the page cannot use this to write anything else there.
   */
  'clipboard:copyRecoveryCode': { input: z.object({ code: RecoveryCodeText }).strict(), output: z.null() },
  /**
   * Save the recovery code as a text file where the lawyer chooses in the save dialog (main asks; the page
   * never names a path), never in the vault's folder. `path`: null when the dialog was cancelled.
   */
  'recovery:saveCode': { input: z.object({ code: RecoveryCodeText, language: z.enum(['en', 'ru', 'kk']) }).strict(), output: z.object({ path: z.string().nullable() }) },
  /** Import files or folders (recursively) from disk. Returns at once; progress comes as `import:progress`. */
  'documents:import': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000), languages: languages.optional() }).strict(),
    output: z.object({ batchId: z.string() }),
  },
  /** Import files handed over as bytes (drag and drop). */
  'documents:importFiles': {
    input: z
      .object({
        files: z.array(z.object({ name: z.string().min(1).max(1024), data: bytes.refine((b) => b.byteLength <= MAX_IMPORT_BYTES) }).strict()).min(1).max(500),
        languages: languages.optional(),
      })
      .strict(),
    output: z.object({ batchId: z.string() }),
  },
  'documents:cancelImport': { input: z.object({ batchId: z.string() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /**
   * Try again, with its password, a file of an import refused with `pdf-password-required` or
   * `pdf-password-wrong` (`file`: its position in the import's progress). Answers once the file is stored
   * (its pages are then read, as `import:progress` tells) or refused again, with the import's progress.
   * The password is used for this one attempt and kept nowhere.
   */
  'documents:retryImport': {
    input: z.object({ batchId: z.string().min(1).max(100), file: z.number().int().min(0).max(100_000), password: z.string().min(1).max(1024) }).strict(),
    output: ImportProgress,
  },
  /** The library; `filters` narrows it by language, import date, case, person, law, type, document date. */
  'documents:list': { input: z.object({ filters: SearchFilters.optional() }).strict(), output: z.array(DocumentSummary) },
  'documents:get': {
    input: z.object({ docId }).strict(),
    output: z.object({ document: DocumentSummary, pages: z.array(PageRecord) }),
  },
  'documents:pageImage': {
    input: z.object({ docId, page: z.number().int().min(1), variant: z.enum(['image', 'thumb']) }).strict(),
    output: z.object({ mime: z.string(), data: bytes }),
  },
  /** Re-run OCR for a document with another language set (pages from a PDF text layer are kept). */
  'documents:rerunOcr': { input: z.object({ docId, languages }).strict(), output: z.object({ pages: z.number().int() }) },
  /** The lawyer looked at a page read with low confidence and accepts its reading (recorded in the audit log). */
  'documents:edit': {
    input: z.object({ docId, ...DocumentEdit.shape }).strict(),
    output: DocumentSummary,
  },
  'documents:delete': { input: z.object({ docIds: z.array(docId).min(1).max(10_000) }).strict(), output: z.object({ deleted: z.number().int() }) },
  'documents:confirmReading': { input: z.object({ docId, page: z.number().int().min(1) }).strict(), output: z.null() },
  /** Search the vault's pages; complete hits first, then pages that meet only some of the words. */
  'search:query': {
    input: z
      .object({ query, limit: z.number().int().min(1).max(200).optional(), offset: z.number().int().min(0).max(10_000).optional(), filters: SearchFilters.optional() })
      .strict(),
    output: SearchResult,
  },
  /** Where a query meets one document: boxes on each page image and ranges in each page's text. */
  'search:documentMatches': { input: z.object({ docId, query }).strict(), output: DocumentMatches },
  'persons:list': { input: empty, output: z.array(Person) },
  'persons:get': { input: z.object({ personId }).strict(), output: PersonPage },
  /** Add a person (no id) or change one (with id; variants given are added). */
  'persons:save': { input: PersonInput, output: Person },
  'persons:addVariant': { input: z.object({ personId, variant: name }).strict(), output: Person },
  /** Take a spelling off a person (a typo, or someone else's name). */
  'persons:removeVariant': { input: z.object({ personId, variant: name }).strict(), output: Person },
  /** Merge `goneId` into `keepId` (spellings, relations, tags and deadlines move). */
  'persons:merge': { input: z.object({ keepId: personId, goneId: personId }).strict(), output: Person },
  'persons:addRelation': { input: z.object({ subject: personId, type: z.enum(RELATION_TYPES), object: personId }).strict(), output: z.null() },
  'laws:list': { input: empty, output: z.array(Law) },
  'laws:save': { input: Law, output: Law },
  'tags:forDocument': { input: z.object({ docId }).strict(), output: z.object({ suggestions: z.array(Suggestion), tags: z.array(Tag) }) },
  /** Read the document again for suggestions (after OCR, or after the register changed). */
  'tags:suggest': { input: z.object({ docId }).strict(), output: z.object({ suggestions: z.array(Suggestion), tags: z.array(Tag) }) },
  'tags:accept': {
    input: z
      .object({
        suggestionId: z.number().int(),
        personId: personId.optional(),
        newPerson: z.object({ name, role: z.enum(PERSON_ROLES).optional(), protected: z.boolean().optional() }).strict().optional(),
      })
      .strict(),
    /** the tag made; null for a deadline suggestion, which goes on the dashboard (deadlines:list) instead */
    output: Tag.nullable(),
  },
  'tags:reject': { input: z.object({ suggestionId: z.number().int() }).strict(), output: z.null() },
  'tags:add': { input: z.object({ docId, kind: z.enum(TAG_KINDS), value: z.string().min(1).max(200) }).strict(), output: Tag },
  'tags:remove': { input: z.object({ tagId: z.number().int() }).strict(), output: z.null() },
  /** Tag several documents with one person at once (the person page's "Mentioned, not tagged"): one transaction, audited per document. */
  'tags:addPerson': { input: z.object({ personId, docIds: z.array(docId).min(1).max(10_000) }).strict(), output: PersonTagging },
  /** Deadlines due in the next `days` (default 60), overdue first. */
  'deadlines:list': {
    input: z.object({ days: z.number().int().min(0).max(3650).optional(), includeDone: z.boolean().optional() }).strict(),
    output: z.array(Deadline),
  },
  'deadlines:add': {
    input: z.object({ due: day, title: z.string().min(1).max(500), personId: personId.optional() }).strict(),
    output: Deadline,
  },
  'deadlines:setDone': { input: z.object({ id: z.number().int(), done: z.boolean() }).strict(), output: z.null() },
  'cases:list': { input: empty, output: z.array(CaseSummary) },
  'cases:get': { input: z.object({ caseId: z.string().min(1).max(64) }).strict(), output: CaseDetail },
  /** Open a case (no id) or rename it. */
  'cases:save': { input: z.object({ id: z.string().min(1).max(64).optional(), title: z.string().min(1).max(500), notes: z.string().max(20_000).optional() }).strict(), output: CaseDetail },
  /** Put a person or a document in a case (`inCase: true`) or take it out. */
  'cases:setMember': {
    input: z
      .object({ caseId: z.string().min(1).max(64), personId: personId.optional(), docId: docId.optional(), inCase: z.boolean() })
      .strict()
      .refine((value) => (value.personId === undefined) !== (value.docId === undefined), 'Give a person or a document'),
    output: CaseDetail,
  },
  /** The cases a person or a document is already in. */
  'cases:forMember': {
    input: z
      .object({ personId: personId.optional(), docId: docId.optional() })
      .strict()
      .refine((value) => (value.personId === undefined) !== (value.docId === undefined), 'Give a person or a document'),
    output: z.array(CaseSummary),
  },
  /** Choose where an export is written (a native save dialog); null when the lawyer cancels. */
  'dialog:pickSavePath': {
    input: z.object({ purpose: z.enum(['bundle-pdf', 'bundle-zip', 'backup', 'recovery-code']), suggestedName: z.string().min(1).max(255) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** The translations attached to a document, and the original it translates (if it is one). */
  'documents:translations': {
    input: z.object({ docId }).strict(),
    output: z.object({ translations: z.array(z.string()), translationOf: z.string().nullable() }),
  },
  /** Attach (`attached: true`) or detach a translation, itself a document in the vault. */
  'documents:attachTranslation': {
    input: z.object({ docId, translationDocId: docId, attached: z.boolean() }).strict(),
    output: z.object({ translations: z.array(z.string()), translationOf: z.string().nullable() }),
  },
  'bundles:list': { input: empty, output: z.array(BundleSummary) },
  'bundles:get': { input: z.object({ bundleId }).strict(), output: BundleDefinition },
  /** Save a new bundle definition (no id) or replace one. */
  'bundles:save': { input: BundleDefinitionInput, output: BundleDefinition },
  'bundles:delete': { input: z.object({ bundleId }).strict(), output: z.null() },
  /**
   * A first arrangement for a new bundle: the documents chosen (by hand, of a person, of a case, or
   * matching a query) in sections by document type, dated and titled from their tags, translations attached;
   * the sections are named in `language`, the bundle's (English when not given).
   */
  'bundles:propose': {
    input: z
      .object({
        docIds: z.array(docId).max(2000).optional(),
        personId: personId.optional(),
        caseId: z.string().min(1).max(64).optional(),
        query: query.optional(),
        language: z.enum(BUNDLE_LANGUAGES).optional(),
      })
      .strict()
      .refine((v) => [v.docIds, v.personId, v.caseId, v.query].filter((x) => x !== undefined).length === 1, 'Give documents, a person, a case or a query'),
    output: z.array(BundleSection),
  },
  /** Page ranges and every redaction the export will burn (for the review). */
  'bundles:plan': { input: z.object({ bundleId }).strict(), output: BundlePlan },
  /** A page of the bundle's front matter (cover, index) rendered as PNG, for the preview. */
  /** Any page of the bundle as it will print (burned redactions, page stamp), as an image. */
  'bundles:previewPage': {
    input: z.object({ bundleId, page: z.number().int().min(1).max(1_000_000) }).strict(),
    output: z.object({ mime: z.string(), data: bytes, frontMatterPages: z.number().int(), pages: z.number().int() }),
  },
  /** Write the bundle PDF (and its JSON manifest beside it, and a ZIP if asked); progress as bundles:progress events. */
  'bundles:export': {
    input: z
      .object({
        bundleId,
        path: savePath,
        zip: z.object({ path: savePath, originals: z.enum(['none', 'unredacted']) }).strict().optional(),
      })
      .strict(),
    output: BundleExportResult,
  },
  /**
   * Stop the running export of this bundle: its bundles:export call then fails with 'cancelled' and
   * leaves no file and no export record. `cancelled` is false when none was running, or it was already
   * putting its files in place (it then finishes).
   */
  'bundles:cancelExport': { input: z.object({ bundleId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Open a bundle exported in this session with the system's PDF reader, or show it in its folder. */
  'bundles:openExported': { input: z.object({ path: savePath, how: z.enum(['open', 'folder']) }).strict(), output: z.null() },
  /**
   * Re-encrypt the vault under a new data key with a new passphrase; a new recovery code is returned
   * (shown once). Old passphrases, old recovery codes and old copies of the header open nothing after.
   */
  'vault:rotateKey': { input: z.object({ current: passphrase, next: passphrase }).strict(), output: z.object({ recoveryCode: z.string(), changedAt: z.string() }) },
  /** A new recovery code (shown once); the old one stops opening the vault. `current`: passphrase or recovery code. */
  'vault:newRecoveryCode': { input: z.object({ current: passphrase }).strict(), output: z.object({ recoveryCode: z.string() }) },
  /** Destroy a vault: its files overwritten and removed. `confirmation` is the vault folder's name, typed. */
  'vault:wipe': { input: z.object({ path: vaultPath, confirmation: z.string().min(1).max(4096) }).strict(), output: WipeReport },
  /** Restore a backup file into a new, empty folder; every check passes before the vault is put there. */
  'vault:restore': { input: z.object({ file: savePath, path: vaultPath, secret: UnlockSecret }).strict(), output: RestoreReport },
  /** The native open dialog for a backup file; null when cancelled. */
  'dialog:pickBackupFile': { input: empty, output: z.object({ path: z.string().nullable() }) },
  /** Back the open vault up now, to a path the save dialog (purpose `backup`) returned. Progress on `backups:progress`. */
  'backups:now': { input: z.object({ path: savePath }).strict(), output: BackupReport },
  /** Stop a backup in progress (nothing is kept). */
  'backups:cancel': { input: empty, output: z.object({ cancelled: z.boolean() }) },
  'backups:schedule': { input: empty, output: BackupSchedule },
  /** Set (folder) or turn off (folder null) scheduled backups of the open vault. */
  'backups:setSchedule': {
    input: z.object({ folder: savePath.nullable(), everyHours: z.number().int().min(1).max(24 * 31), keep: z.number().int().min(1).max(100) }).strict(),
    output: BackupSchedule,
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'vault:statusChanged': VaultStatus,
  'import:progress': ImportProgress,
  'documents:changed': z.object({ docId: z.string() }),
  /** The core read a document for suggestions again (its text changed): the open viewer shows them anew. */
  'tags:changed': z.object({ docId: z.string() }),
  'bundles:progress': BundleExportProgress,
  'backups:progress': BackupProgress,
  /** A person, a spelling or a law changed: what documents suggest may have changed (shown anew when asked). */
  'register:changed': z.object({}),
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
