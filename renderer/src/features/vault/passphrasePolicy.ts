// The renderer's only value import from contract.ts. It brings zod into the bundle (unused at run time
// here); if these limits move to a schema-free module like channels.ts, only this line changes.
import { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase';

export { MAX_PASSPHRASE_LENGTH, MIN_PASSPHRASE_LENGTH };

/**
 * Below "fair" (zxcvbn score 2) a passphrase falls to an offline guessing attack on a stolen laptop
 * within days even through Argon2id, so the UI refuses it although the core would accept it.
 */
export const MIN_ACCEPTED_SCORE = 2;

export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export type PassphraseProblem = 'empty' | 'too-short' | 'too-long' | 'too-weak';
export type ConfirmationProblem = 'empty' | 'mismatch';

export interface NewPassphraseCheck {
  passphrase: PassphraseProblem | null;
  confirmation: ConfirmationProblem | null;
  ok: boolean;
}

/** Counted as the core counts it (NFC code points), so the UI and the core never disagree. */
export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}

/**
 * Check a new passphrase and its confirmation. `score` is null while the strength is still being
 * estimated; then only the length rules can fail.
 */
export function checkNewPassphrase(passphrase: string, confirmation: string, score: StrengthScore | null): NewPassphraseCheck {
  const length = passphraseLength(passphrase);
  let passphraseProblem: PassphraseProblem | null = null;
  if (length === 0) passphraseProblem = 'empty';
  else if (length < MIN_PASSPHRASE_LENGTH) passphraseProblem = 'too-short';
  else if (passphrase.length > MAX_PASSPHRASE_LENGTH) passphraseProblem = 'too-long';
  else if (score !== null && score < MIN_ACCEPTED_SCORE) passphraseProblem = 'too-weak';

  let confirmationProblem: ConfirmationProblem | null = null;
  if (confirmation.length === 0) confirmationProblem = 'empty';
  // Compared exactly, as typed: the core hashes the normalised form, but a lawyer who typed two
  // different-looking strings should be told so.
  else if (confirmation !== passphrase) confirmationProblem = 'mismatch';

  return {
    passphrase: passphraseProblem,
    confirmation: confirmationProblem,
    ok: passphraseProblem === null && confirmationProblem === null && score !== null,
  };
}
