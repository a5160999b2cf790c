import type { ParseKeys, TFunction } from 'i18next';
import type { DalelError, ErrorCode, ErrorReason } from '../../../shared/ipc/errors';
import { formatMoment, type DayStyle } from '../ui/dayInput';

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
  'not-found': 'errors.notFound',
  conflict: 'errors.conflict',
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
  'demo-vault': 'errors.demoVault',
  internal: 'errors.internal',
} as const satisfies Record<ErrorCode, string>;

/** A key of the interface's strings (the English locale is the reference). */
export type MessageKey = ParseKeys;

/** What a screen says for a code in its own context, instead of the code's general words: keys, not words. */
export type MessageOverrides = Partial<Record<ErrorCode, MessageKey>>;

export interface ErrorText {
  message: string;
  /** What precisely was refused (a page, a path, the field), under the error: from the error's reason. */
  detail: string | null;
  /** what the words were made from, so that ErrorAlert says them again when the lawyer changes language */
  source?: { error: DalelError; overrides: MessageOverrides };
}

/** i18n keys of the reasons: errors.reasons.<reason>. */
export function reasonKey(reason: ErrorReason): `errors.reasons.${ErrorReason}` {
  return `errors.reasons.${reason}`;
}

/** A reason's words, with its values; a reason this build does not know gives none. */
function reasonWords(t: TFunction, error: DalelError, dayStyle: DayStyle): string | null {
  if (!error.reason) return null;
  const key = reasonKey(error.reason);
  if (!t(key, { defaultValue: '' })) return null;
  const params: Record<string, string | number> = { ...error.params };
  if (error.reason === 'leak-on-page') {
    // Where a leak was seen is a code too (the file's own bytes, a page's text, a page as it prints), and a
    // box not burned black has no label.
    const page = Number(params.page ?? 0);
    params.where = params.where === 'bytes' ? t('errors.leakWhere.bytes') : t(params.where === 'text' ? 'errors.leakWhere.text' : 'errors.leakWhere.pixels', { page });
    if (!params.label) params.label = t('errors.leakWhere.notBlack');
  }
  if (error.reason === 'vault-open-in') {
    // The other computer only when the vault's holder is on one (a vault on a shared drive).
    params.where = params.host ? t('errors.openWhere.otherComputer', { host: params.host }) : t('errors.openWhere.thisComputer');
    params.since = formatMoment(String(params.since ?? ''), dayStyle);
  }
  return t(key, params);
}

/**
 * Words for an error. A screen may say something more precise for a code in its context (the unlock
 * screen knows whether a passphrase or a recovery code was wrong) through `overrides`.
 */
export function describeError(
  t: TFunction,
  error: DalelError,
  overrides: MessageOverrides = {},
  /** how days are written (useDayStyle); by default the way of the language `t` speaks */
  dayStyle: DayStyle = t('errors.dayStyle'),
): ErrorText {
  const message: string = t(overrides[error.code] ?? ERROR_MESSAGE_KEYS[error.code] ?? ERROR_MESSAGE_KEYS.internal);
  // Never the core's English sentence: a code without a reason says all there is in its message.
  return { message, detail: reasonWords(t, error, dayStyle), source: { error, overrides } };
}
