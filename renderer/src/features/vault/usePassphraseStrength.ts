import { useEffect, useState } from 'react';
import { estimateStrength, preloadStrengthEstimator, type Strength } from './passphraseStrength';

/** Typing is fast and zxcvbn takes a few to tens of milliseconds: estimate once typing pauses. */
const ESTIMATE_DELAY_MS = 150;

export type StrengthState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; strength: Strength; passphrase: string }
  | { status: 'failed' };

export function usePassphraseStrength(passphrase: string, extraGuesses: readonly string[]): StrengthState {
  const [state, setState] = useState<StrengthState>({ status: 'idle' });
  const guessesKey = extraGuesses.join('\u0000');

  useEffect(() => {
    preloadStrengthEstimator();
  }, []);

  useEffect(() => {
    if (passphrase === '') return;
    let current = true;
    const timer = setTimeout(() => {
      setState({ status: 'checking' });
      estimateStrength(passphrase, guessesKey ? guessesKey.split('\u0000') : []).then(
        (strength) => current && setState({ status: 'done', strength, passphrase }),
        () => current && setState({ status: 'failed' }),
      );
    }, ESTIMATE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, guessesKey]);

  // A result for an older passphrase is never shown as the strength of the current one.
  if (passphrase === '') return { status: 'idle' };
  if (state.status === 'done' && state.passphrase !== passphrase) return { status: 'checking' };
  return state;
}
