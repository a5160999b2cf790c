import { z } from 'zod';
import {
  IMPORT_ERROR_CODES,
  IMPORT_WARNINGS,
  OCR_LANGUAGES,
  type DocumentSummary as DocumentSummaryType,
  type ImportProgress as ImportProgressType,
  type PageRecord as PageRecordType,
} from '../domain/document';
import { MAX_PASSPHRASE_LENGTH } from '../domain/passphrase';
import { ERROR_CODES } from './errors';
import { VerifyFacts } from './verifyFacts';
import {
  PERSON_ROLES,
  RELATION_TYPES,
  SUGGESTION_KINDS,
  TAG_KINDS,
  DOCUMENT_TYPES,
  DEADLINE_KINDS,
  type CaseDetail as CaseDetailType,
  type CaseSummary as CaseSummaryType,
  type Deadline as DeadlineType,
  type Law as LawType,
  type MentionedDocument as MentionedDocumentType,
  type Person as PersonType,
  type PersonTagging as PersonTaggingType,
  type Suggestion as SuggestionType,
  type Tag as TagType,
} from '../domain/tagging';
import {
  REDACTION_REASONS,
  type BundleDefinition as BundleDefinitionType,
  type BundleExportProgress as BundleExportProgressType,
  type BundleExportResult as BundleExportResultType,
  type BundlePlan as BundlePlanType,
  type BundleSection as BundleSectionType,
  type BundleSummary as BundleSummaryType,
} from '../domain/bundle';
import { MATCH_FORMS, SEARCH_PROBLEMS, type DocumentMatches as DocumentMatchesType, type SearchResult as SearchResultType } from '../domain/search';
import { BUNDLE_LANGUAGES } from '../domain/bundleWords';
import type { Channel, EventName } from './channels';

/**
 * The one contract between the renderer and the core. Every channel is listed once with the schema of
 * its input and output. `electron/main` and the loopback test host both answer it from the same
 * handler table (electron/core/ipc/handlers.ts); inputs are validated there, at the boundary.
 */


const passphrase = z.string().max(MAX_PASSPHRASE_LENGTH);
const vaultPath = z.string().min(1).max(4096);
const empty = z.object({}).strict();

export const VaultState = z.enum(['no-vault', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const LockReason = z.enum(['user', 'idle', 'system']);
export type LockReason = z.infer<typeof LockReason>;

export const VaultStatus = z.object({
  state: VaultState,
  /** The vault folder unlocked or last used; null when no vault has been created or opened yet. */
  path: z.string().nullable(),
  /** Where a new vault is proposed by default. */
  defaultPath: z.string(),
  /** Where the demo vault of sample documents lives (beside `defaultPath`, never it). */
  demoPath: z.string(),
  /**
   * The vault at `path` is the demo vault: unlocked, it carries the demo mark (shared/domain/demo.ts);
   * locked, `path` is the demo folder. The interface shows the demo banner and the public passphrase.
   */
  demo: z.boolean(),
  /** Why the vault was last locked, when it was locked by something other than the user. */
  lockReason: LockReason.nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** A recovery code as the app shows it: 32 Crockford base32 characters in groups of four (core/vault/recoveryCode.ts). */
export const RecoveryCodeText = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){7}$/);

export const UnlockSecret = z.union([
  z.object({ passphrase }).strict(),
  z.object({ recoveryCode: z.string().min(1).max(200) }).strict(),
]);
export type UnlockSecret = z.infer<typeof UnlockSecret>;

export const AuditBreak = z.object({
  /** Sequence number of the first entry that does not verify. */
  seq: z.number().int(),
  reason: z.enum(['hash-mismatch', 'chain-broken', 'missing', 'head-mismatch']),
});
export type AuditBreak = z.infer<typeof AuditBreak>;

/** One check of a vault verification (electron/core/vault/vaultChecks.ts), with a code when it fails. */
export const VerifyCheck = z.object({
  check: z.enum(['pages', 'structure', 'originals', 'audit-chain', 'anchor']),
  ok: z.boolean(),
  code: z.enum(ERROR_CODES).optional(),
  /** in English, for `dalel verify` and logs; the app words `facts` instead */
  message: z.string(),
  /** what the check found, as data the renderer words in the lawyer's language (verifyFacts.ts) */
  facts: VerifyFacts.optional(),
  details: z.unknown().optional(),
});
export type VerifyCheck = z.infer<typeof VerifyCheck>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBroken: AuditBreak.nullable(),
  /** every check run, in order; `ok` is true only when all passed */
  checks: z.array(VerifyCheck).optional(),
  deep: z.boolean().optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const Settings = z.object({
  /** Lock the vault after this many minutes without activity; 0 turns auto-lock off. */
  autoLockMinutes: z.number().int().min(0).max(24 * 60),
  language: z.enum(['en', 'ru', 'kk']).nullable(),
  /** How days are written: the interface language's way (08.04.2021, 8 Apr 2021) or ISO (2021-04-08) in every language. */
  dateFormat: z.enum(['language', 'iso']).default('language'),
});
export type Settings = z.infer<typeof Settings>;

export const OcrLanguage = z.enum(OCR_LANGUAGES);
const languages = z.array(OcrLanguage).min(1).max(OCR_LANGUAGES.length);
const docId = z.string().regex(/^doc_[A-Za-z0-9_-]{6,40}$/);
const ImportWarning = z.enum(IMPORT_WARNINGS);
const ImportError = z.object({ code: z.enum(IMPORT_ERROR_CODES), message: z.string() });
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes');

/** A day that exists: 2021-02-30 and 9999-99-99 match the pattern but reached the handlers as `internal` (handler fuzz). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((text) => {
    const [year, month, date] = text.split('-').map(Number) as [number, number, number];
    const parsed = new Date(Date.UTC(year, month - 1, date));
    return year >= 1 && parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
  }, 'Expected a date that exists');
const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
/** Longest query accepted; a pasted paragraph is cut by the renderer before it gets here. */
export const MAX_QUERY_LENGTH = 1000;
const query = z.string().max(MAX_QUERY_LENGTH);

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  kind: z.enum(['pdf', 'jpeg', 'png', 'tiff']),
  mime: z.string(),
  languages: z.array(OcrLanguage),
  status: z.enum(['processing', 'ready', 'failed']),
  pageCount: z.number().int(),
  pagesDone: z.number().int(),
  pagesFailed: z.number().int(),
  warnings: z.array(ImportWarning),
  importedAt: z.string(),
  notes: z.string(),
  documentDate: day.nullable(),
  type: z.enum(DOCUMENT_TYPES).nullable(),
  persons: z.array(z.object({ id: z.string(), name: z.string(), protected: z.boolean() })),
}) satisfies z.ZodType<DocumentSummaryType>;

export const PageRecord = z.object({
  page: z.number().int(),
  status: z.enum(['pending', 'done', 'failed']),
  source: z.enum(['ocr', 'text-layer']).nullable(),
  errorCode: z.enum(IMPORT_ERROR_CODES).nullable(),
  errorMessage: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  dpi: z.number().int().nullable(),
  rotation: z.number().int(),
  skew: z.number(),
  confidence: z.number().nullable(),
  text: z.string().nullable(),
  words: z.array(
    z.object({ text: z.string(), bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]), conf: z.number() }),
  ),
  print: z.object({
    status: z.enum(['pending', 'done', 'failed']),
    confidence: z.number().nullable(),
    script: z.string().nullable(),
    error: z.string().nullable(),
  }),
  lowConfidence: z.boolean(),
  readingConfirmedAt: z.string().nullable(),
}) satisfies z.ZodType<PageRecordType>;

export const ImportProgress = z.object({
  batchId: z.string().nullable(),
  files: z.array(
    z.object({
      file: z.string(),
      status: z.enum(['queued', 'reading', 'processing', 'imported', 'duplicate', 'rejected', 'skipped', 'cancelled']),
      docId: z.string().nullable(),
      pageCount: z.number().int().nullable(),
      pagesDone: z.number().int(),
      warnings: z.array(ImportWarning),
      error: ImportError.nullable(),
    }),
  ),
  done: z.boolean(),
}) satisfies z.ZodType<ImportProgressType>;

export const SearchFilters = z
  .object({
    languages: z.array(OcrLanguage).max(OCR_LANGUAGES.length).optional(),
    importedFrom: day.optional(),
    importedTo: day.optional(),
    caseId: z.string().min(1).max(64).optional(),
    personId: z.string().min(1).max(64).optional(),
    law: z.string().min(1).max(80).optional(),
    docType: z.string().min(1).max(40).optional(),
    documentDateFrom: day.optional(),
    documentDateTo: day.optional(),
  })
  .strict();

export const SearchResult = z.object({
  query: z.string(),
  total: z.number().int(),
  totalIsEstimate: z.boolean().optional(),
  hits: z.array(
    z.object({
      docId: z.string(),
      title: z.string(),
      fileName: z.string(),
      page: z.number().int(),
      score: z.number(),
      snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
      matched: z.array(z.string()),
      forms: z.array(z.enum(MATCH_FORMS)),
      complete: z.boolean(),
    }),
  ),
  problem: z.enum(SEARCH_PROBLEMS).nullable(),
  pagesPending: z.number().int(),
}) satisfies z.ZodType<SearchResultType>;

export const DocumentMatches = z.object({
  docId: z.string(),
  pages: z.array(z.object({ page: z.number().int(), boxes: z.array(box), ranges: z.array(z.tuple([z.number().int(), z.number().int()])) })),
}) satisfies z.ZodType<DocumentMatchesType>;

const personId = z.string().min(1).max(64);
const name = z.string().min(1).max(500);

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  variants: z.array(z.string()),
  role: z.enum(PERSON_ROLES),
  dateOfBirth: z.string().nullable(),
  notes: z.string(),
  protected: z.boolean(),
}) satisfies z.ZodType<PersonType>;

export const PersonInput = z
  .object({
    id: personId.optional(),
    name,
    variants: z.array(z.string().max(500)).max(1000).optional(),
    role: z.enum(PERSON_ROLES).optional(),
    dateOfBirth: day.nullable().optional(),
    notes: z.string().max(20_000).optional(),
    protected: z.boolean().optional(),
  })
  .strict();

export const Law = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/),
  number: z.string().max(64).nullable(),
  kind: z.enum(['law', 'code', 'treaty', 'regulation']),
  date: day.nullable(),
  title: z.object({ en: z.string().max(1000), ru: z.string().max(1000), kk: z.string().max(1000), zh: z.string().max(1000).optional() }),
  aliases: z.array(z.string().max(500)).max(100),
}) satisfies z.ZodType<LawType>;

export const Suggestion = z.object({
  id: z.number().int(),
  docId: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  value: z.string().nullable(),
  detail: z.record(z.string(), z.string().nullable()),
  page: z.number().int().nullable(),
  bbox: box.nullable(),
  surface: z.string(),
  confidence: z.number(),
  sure: z.boolean(),
  status: z.enum(['open', 'accepted', 'rejected']),
}) satisfies z.ZodType<SuggestionType>;

export const Tag = z.object({
  id: z.number().int(),
  docId: z.string(),
  kind: z.enum(TAG_KINDS),
  value: z.string(),
  personId: z.string().nullable(),
  lawId: z.string().nullable(),
  article: z.string().nullable(),
  page: z.number().int().nullable(),
  source: z.enum(['suggested', 'manual']),
  actor: z.string(),
  createdAt: z.string(),
}) satisfies z.ZodType<TagType>;

export const Deadline = z.object({
  id: z.number().int(),
  due: z.string(),
  title: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  time: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  caseId: z.string().nullable(),
  docId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  done: z.boolean(),
  daysLeft: z.number().int(),
}) satisfies z.ZodType<DeadlineType>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  persons: z.number().int(),
  documents: z.number().int(),
}) satisfies z.ZodType<CaseSummaryType>;

export const CaseDetail = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string(),
  personIds: z.array(z.string()),
  docIds: z.array(z.string()),
}) satisfies z.ZodType<CaseDetailType>;

export const MentionedDocument = z.object({
  docId: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  type: z.enum(DOCUMENT_TYPES).nullable(),
  pages: z.array(z.object({ page: z.number().int(), spelling: z.string(), snippet: z.array(z.object({ text: z.string(), match: z.boolean() })) })),
}) satisfies z.ZodType<MentionedDocumentType>;

export const PersonTagging = z.object({ added: z.array(Tag), alreadyTagged: z.array(z.string()) }) satisfies z.ZodType<PersonTaggingType>;

/**
 * A person's page: spellings, relations (both ways), documents on a timeline, deadlines, and the
 * documents that name the person but are not tagged with them (most pages first).
 */
export const PersonPage = z.object({
  person: Person,
  relations: z.array(z.object({ type: z.enum(RELATION_TYPES), direction: z.enum(['out', 'in']), personId: z.string(), name: z.string() })),
  timeline: z.array(
    z.object({
      docId: z.string(),
      title: z.string(),
      /** the document's date (tagged), null when not known yet */
      date: z.string().nullable(),
      type: z.string().nullable(),
      validUntil: z.string().nullable(),
    }),
  ),
  deadlines: z.array(Deadline),
  mentions: z.array(MentionedDocument),
  /** true when more pages met the person's name than were read: older documents may be missing from `mentions` */
  mentionsPartial: z.boolean(),
});
export type PersonPage = z.infer<typeof PersonPage>;

const bundleId = z.string().regex(/^bnd_[A-Za-z0-9_-]{6,40}$/);
const pixelBox = z.tuple([z.number().min(0), z.number().min(0), z.number().positive(), z.number().positive()]);

export const BundleEntry = z
  .object({ docId, title: z.string().min(1).max(500), date: day.nullable(), description: z.string().max(2000), translationDocIds: z.array(docId).max(20) })
  .strict();
export const BundleSection = z.object({ title: z.string().min(1).max(200), entries: z.array(BundleEntry).max(2000) }).strict() satisfies z.ZodType<BundleSectionType>;
const ManualRedaction = z.object({ docId, page: z.number().int().min(1), box: pixelBox, reason: z.string().min(1).max(200) }).strict();
const BundleRedactionOptions = z
  .object({
    protectedPersons: z.boolean(),
    terms: z.array(z.string().min(1).max(200)).max(100),
    boxes: z.array(ManualRedaction).max(10_000),
    waived: z.array(z.string().max(200)).max(10_000),
    adjusted: z.array(z.object({ key: z.string().max(200), box: pixelBox }).strict()).max(10_000).optional(),
  })
  .strict();
const bundleFields = {
  title: z.string().min(1).max(500),
  caseId: z.string().min(1).max(64).nullable(),
  personId: personId.nullable(),
  preparedBy: z.string().max(500),
  stampPrefix: z.string().max(40),
  sections: z.array(BundleSection).min(1).max(50),
  redaction: BundleRedactionOptions,
};
const bundleLanguage = z.enum(BUNDLE_LANGUAGES);
export const BundleDefinitionInput = z.object({ id: bundleId.optional(), ...bundleFields, language: bundleLanguage.optional() }).strict();
export const BundleDefinition = z
  .object({ id: bundleId, ...bundleFields, language: bundleLanguage, createdAt: z.string(), updatedAt: z.string() })
  .strict() satisfies z.ZodType<BundleDefinitionType>;
export const BundleSummary = z.object({
  id: bundleId,
  title: z.string(),
  documents: z.number().int(),
  updatedAt: z.string(),
  lastExport: z.object({ at: z.string(), sha256: z.string(), pages: z.number().int() }).nullable(),
}) satisfies z.ZodType<BundleSummaryType>;
const RedactionReason = z.enum(REDACTION_REASONS);
export const BundlePlan = z.object({
  bundleId,
  pages: z.number().int(),
  frontMatterPages: z.number().int(),
  documents: z.array(
    z.object({
      docId: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      section: z.string(),
      translationOf: z.string().nullable(),
      firstPage: z.number().int(),
      lastPage: z.number().int(),
    }),
  ),
  redactions: z.array(
    z.object({
      key: z.string(),
      docId: z.string(),
      page: z.number().int(),
      box,
      reason: RedactionReason,
      label: z.string(),
      subject: z.string(),
      origin: z.enum(['text-layer', 'ocr', 'picture', 'form-field', 'annotation', 'drawn']),
      waived: z.boolean(),
      adjusted: z.boolean(),
    }),
  ),
  warnings: z.array(
    z.discriminatedUnion('code', [
      z.object({
        code: z.literal('page-unread'),
        docId: z.string(),
        title: z.string(),
        page: z.number().int(),
        state: z.enum(['pending', 'failed']),
        outcome: z.enum(['as-original', 'blank-unchecked', 'blank']),
      }),
      z.object({
        code: z.literal('unprintable'),
        where: z.enum(['bundle-title', 'cover-case', 'cover-person', 'prepared-by', 'stamp', 'section-title', 'document-title', 'document-description', 'file-name', 'redaction-label']),
        title: z.string().nullable(),
        page: z.number().int().nullable(),
        characters: z.array(z.string()),
      }),
    ]),
  ),
  unchecked: z.array(
    z.object({ docId: z.string(), page: z.number().int(), reason: z.enum(['not-read', 'low-confidence', 'print-failed']), confidence: z.number().nullable() }),
  ),
  otherPeople: z.array(
    z.object({
      personId: z.string().nullable(),
      name: z.string(),
      protected: z.boolean(),
      pages: z.array(z.object({ docId: z.string(), page: z.number().int() })),
    }),
  ),
  printPending: z.number().int(),
}) satisfies z.ZodType<BundlePlanType>;
export const BundleExportResult = z.object({
  path: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  manifestPath: z.string(),
  zipPath: z.string().nullable(),
  manifest: z.object({
    bundle: z.string(),
    generatedAt: z.string(),
    generator: z.string(),
    pages: z.number().int(),
    auditHead: z.string(),
    documents: z.array(
      z.object({
        title: z.string(),
        fileName: z.string(),
        sha256: z.string(),
        firstPage: z.number().int(),
        lastPage: z.number().int(),
        translationOf: z.string().nullable(),
      }),
    ),
    redactions: z.array(z.object({ page: z.number().int(), box, reason: RedactionReason, label: z.string() })),
  }),
}) satisfies z.ZodType<BundleExportResultType>;
export const BundleExportProgress = z.object({
  bundleId: z.string(),
  phase: z.enum(['preparing', 'reading', 'pages', 'writing', 'checking', 'zip', 'done']),
  done: z.number().int(),
  total: z.number().int(),
}) satisfies z.ZodType<BundleExportProgressType>;
const savePath = z.string().min(1).max(4096);

const auditHeadRef = z.object({ seq: z.number().int(), hash: z.string() });
/** A backup just made (electron/core/backup/backup.ts). */
export const BackupReport = z.object({
  file: z.string(),
  bytes: z.number().int(),
  /** SHA-256 of the whole backup file as written and read back */
  sha256: z.string(),
  createdAt: z.string(),
  /** the audit head the backup holds: a restore reaches exactly this entry */
  auditHead: auditHeadRef,
  documents: z.number().int(),
});
export type BackupReport = z.infer<typeof BackupReport>;
/** Scheduled backups of the open vault into a chosen folder (an encrypted USB drive), keeping the last `keep`. */
export const BackupSchedule = z.object({
  /** null: no scheduled backups */
  folder: z.string().nullable(),
  everyHours: z.number().int().min(1).max(24 * 31),
  keep: z.number().int().min(1).max(100),
  last: z
    .object({
      at: z.string(),
      ok: z.boolean(),
      /** the file written, when it worked */
      file: z.string().nullable(),
      error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).nullable(),
    })
    .nullable(),
  /** when the next scheduled backup is due (while the vault is open), or null */
  nextAt: z.string().nullable(),
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;
export const BackupProgress = z.object({
  phase: z.enum(['checking', 'copying', 'verifying', 'done']),
  done: z.number(),
  total: z.number(),
  scheduled: z.boolean(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;
export const RestoreReport = z.object({
  vault: z.string(),
  backupCreatedAt: z.string(),
  documents: z.number().int(),
  restoredHead: auditHeadRef,
  checks: z.array(VerifyCheck),
});
export type RestoreReport = z.infer<typeof RestoreReport>;
export const WipeReport = z.object({ vault: z.string(), files: z.number().int(), bytes: z.number().int(), leftInPlace: z.array(z.string()) });

/** Largest single file accepted over IPC (drag and drop); the importer's own limit is checked too. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

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
    input: z
      .object({
        docId,
        title: z.string().min(1).max(300).optional(),
        notes: z.string().max(10_000).optional(),
        documentDate: day.nullable().optional(),
        type: z.enum(DOCUMENT_TYPES).nullable().optional(),
      })
      .strict(),
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
