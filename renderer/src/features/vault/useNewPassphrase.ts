import { useState } from 'react';
import { checkNewPassphrase, type NewPassphraseCheck, type StrengthScore } from './passphrasePolicy';
import { estimateStrength } from './passphraseStrength';
import { usePassphraseStrength, type StrengthState } from './usePassphraseStrength';

export interface NewPassphraseForm {
  passphrase: string;
  confirmation: string;
  setPassphrase: (value: string) => void;
  setConfirmation: (value: string) => void;
  touch: (field: 'passphrase' | 'confirmation') => void;
  strength: StrengthState;
  check: NewPassphraseCheck;
  /** Which problems to show now: not while the lawyer is still typing a field for the first time. */
  showPassphraseProblem: boolean;
  showConfirmationProblem: boolean;
  /**
   * The final verdict for a submit; waits for the strength estimate if typing just stopped.
   * `unavailable`: the estimate could not be made (the form cannot judge the passphrase).
   */
  verdict: () => Promise<'valid' | 'invalid' | 'unavailable'>;
  reset: () => void;
}

export function useNewPassphrase(extraGuesses: readonly string[]): NewPassphraseForm {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [touched, setTouched] = useState({ passphrase: false, confirmation: false });
  const [submitted, setSubmitted] = useState(false);
  const strength = usePassphraseStrength(passphrase, extraGuesses);
  const score = strength.status === 'done' ? strength.strength.score : null;
  const check = checkNewPassphrase(passphrase, confirmation, score);

  return {
    passphrase,
    confirmation,
    setPassphrase,
    setConfirmation,
    touch: (field) => setTouched((before) => ({ ...before, [field]: true })),
    strength,
    check,
    showPassphraseProblem: submitted || (touched.passphrase && check.passphrase !== 'empty'),
    showConfirmationProblem: submitted || (touched.confirmation && check.confirmation !== 'empty'),
    async verdict() {
      setSubmitted(true);
      const lengthCheck = checkNewPassphrase(passphrase, confirmation, null);
      if (lengthCheck.passphrase !== null || lengthCheck.confirmation !== null) return 'invalid';
      let score: StrengthScore;
      try {
        score = (await estimateStrength(passphrase, extraGuesses)).score;
      } catch {
        return 'unavailable';
      }
      return checkNewPassphrase(passphrase, confirmation, score).ok ? 'valid' : 'invalid';
    },
    reset() {
      setPassphrase('');
      setConfirmation('');
      setTouched({ passphrase: false, confirmation: false });
      setSubmitted(false);
    },
  };
}
