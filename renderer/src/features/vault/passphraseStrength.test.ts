import { describe, expect, it } from 'vitest';
import { MIN_ACCEPTED_SCORE } from './passphrasePolicy';
import { estimateStrength } from './passphraseStrength';

describe('estimateStrength', () => {
  it('rates common passwords and keyboard rows below the accepted score, with a reason', async () => {
    for (const weak of ['password123', 'qwertyuiop', '1234567890', 'aaaaaaaaaaaa']) {
      const strength = await estimateStrength(weak);
      expect(strength.score, weak).toBeLessThan(MIN_ACCEPTED_SCORE);
      expect(strength.warning, weak).not.toBeNull();
    }
  });

  it('knows the obvious Cyrillic choices', async () => {
    expect((await estimateStrength('пароль12345')).score).toBeLessThan(MIN_ACCEPTED_SCORE);
    expect((await estimateStrength('йцукенгшщз')).score).toBeLessThan(MIN_ACCEPTED_SCORE);
  });

  it('accepts a few unrelated words in any script', async () => {
    expect((await estimateStrength('correct horse battery staple')).score).toBeGreaterThanOrEqual(3);
    expect((await estimateStrength('тауық жұмыртқа дала кітап')).score).toBeGreaterThanOrEqual(3);
  });

  it('treats the given extra words as guessable', async () => {
    const plain = await estimateStrength('Байқоңыр1990');
    const withName = await estimateStrength('Байқоңыр1990', ['байқоңыр']);
    expect(withName.score).toBeLessThan(plain.score);
  });
});
