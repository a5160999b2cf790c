/**
 * Domain types of evidence bundles: what the lawyer defines (sections, entries, redaction choices),
 * what Dalel plans from it (page ranges, every redaction it will burn), and what an export leaves
 * behind (the manifest). Shared by the core, the contract and the renderer. Pure TypeScript.
 *
 * The shapes are written once, as schemas in shared/schemas/bundles.ts; their types are inferred there
 * and re-exported here (type-only, so importing this file never loads zod). The code lists are in
 * bundleKinds.ts and bundleWords.ts, which the schemas read too.
 */
export { REDACTION_REASONS, type RedactionReason } from './bundleKinds';
export type {
  BundleDefinition,
  BundleDefinitionInput,
  BundleEntry,
  BundleExportProgress,
  BundleExportResult,
  BundleManifest,
  BundlePlan,
  BundleRedactionOptions,
  BundleSection,
  BundleSummary,
  BundleWarning,
  ManifestDocument,
  ManualRedaction,
  OtherPerson,
  PixelBox,
  PlannedDocument,
  PlannedRedaction,
  RedactionLogEntry,
  RedactionOrigin,
  UncheckedPage,
} from '../schemas/bundles';
