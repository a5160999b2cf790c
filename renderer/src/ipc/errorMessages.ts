import type { TFunction } from 'i18next';
import type { DalelError, ErrorCode } from '../../../shared/ipc/errors';

/** Plain words for every error code. Keys, not text, so every language is checked by the locale tests. */
export const ERROR_MESSAGE_KEYS = {
  'wrong-passphrase': 'errors.wrongPassphrase',
  'vault-exists': 'errors.vaultExists',
  'vault-not-found': 'errors.vaultNotFound',
  'vault-locked': 'errors.vaultLocked',
  'corrupt-vault': 'errors.corruptVault',
  'document-not-found': 'errors.documentNotFound',
  'person-not-found': 'errors.personNotFound',
  'law-not-found': 'errors.lawNotFound',
  'suggestion-not-found': 'errors.suggestionNotFound',
  validation: 'errors.validation',
  cancelled: 'errors.cancelled',
  'unsafe-target': 'errors.unsafeTarget',
  'target-exists': 'errors.targetExists',
  'redaction-leak': 'errors.redactionLeak',
  'unchecked-pages': 'errors.uncheckedPages',
  'vault-in-use': 'errors.vaultInUse',
  'vault-rolled-back': 'errors.vaultRolledBack',
  'audit-tampered': 'errors.auditTampered',
  'disk-full': 'errors.diskFull',
  'read-only': 'errors.readOnly',
  'corrupt-backup': 'errors.corruptBackup',
  'document-busy': 'errors.documentBusy',
  internal: 'errors.internal',
} as const satisfies Record<ErrorCode, string>;

export type ErrorMessageKey = (typeof ERROR_MESSAGE_KEYS)[ErrorCode];

export interface ErrorText {
  message: string;
  /** The core's own sentence, shown under the error when it names what was refused (a page, a path). */
  detail: string | null;
}

/**
 * Codes whose core message names the thing concerned — the field refused, the page where a name was
 * still found, the pages not checked, the file in the way, the program holding the vault, the two audit
 * heads of a rollback — which the plain words cannot know.
 */
const DETAILED: ReadonlySet<ErrorCode> = new Set(['validation', 'unsafe-target', 'target-exists', 'redaction-leak', 'unchecked-pages', 'vault-in-use', 'vault-rolled-back']);

/**
 * Words for an error. A screen may say something more precise for a code in its context (the unlock
 * screen knows whether a passphrase or a recovery code was wrong) through `overrides`.
 */
export function describeError(
  t: TFunction,
  error: DalelError,
  overrides: Partial<Record<ErrorCode, string>> = {},
): ErrorText {
  const message = overrides[error.code] ?? t(ERROR_MESSAGE_KEYS[error.code] ?? ERROR_MESSAGE_KEYS.internal);
  const detail = DETAILED.has(error.code) && error.message ? error.message : null;
  return { message, detail };
}
