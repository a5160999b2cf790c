import type { TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { StrengthScore } from './passphrasePolicy';

export type StrengthWarning = keyof TranslationKeys['warnings'];

export interface Strength {
  score: StrengthScore;
  /** What makes it guessable, as a zxcvbn warning key (translated by the UI), or null. */
  warning: StrengthWarning | null;
}

/**
 * zxcvbn's warnings, listed so the locale test can check every one has words. `pwned` needs a network
 * lookup that Dalel never makes, but a key costs nothing.
 */
export const STRENGTH_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
  'pwned',
] as const satisfies readonly StrengthWarning[];

/**
 * zxcvbn ships English dictionaries only. Lawyers here type on Russian and Kazakh layouts, so the
 * obvious Cyrillic choices (the word "password", the top keyboard row, place names, the app's name)
 * are added as guessable words; without them "йцукенгшщз" scores as strong as random letters.
 */
const CYRILLIC_GUESSES = [
  'пароль', 'парол', 'құпиясөз', 'кұпиясөз', 'құпия',
  'йцукен', 'йцукенгшщз', 'йцукенгшщзхъ', 'фыва', 'фывапролдж', 'фывапролджэ', 'ячсмить', 'ячсмитьбю',
  'қазақстан', 'казахстан', 'алматы', 'астана', 'шымкент', 'синьцзян', 'шыңжаң', 'урумчи', 'үрімжі',
  'dalel', 'дәлел', 'далел',
];

/** zxcvbn only looks at this many characters; anything longer is strong anyway. */
const MAX_CHECKED_LENGTH = 256;

let factory: Promise<ZxcvbnFactory> | null = null;

/**
 * The dictionaries are megabytes: load them only when someone first types a new passphrase, not when
 * the app starts (most starts are unlocks).
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        maxLength: MAX_CHECKED_LENGTH,
      }),
    (error: unknown) => {
      factory = null;
      throw error;
    },
  );
  return factory;
}

/** Start loading the dictionaries before they are needed (e.g. when a create form appears). */
export function preloadStrengthEstimator(): void {
  loadEstimator().catch(() => undefined);
}

export async function estimateStrength(passphrase: string, extraGuesses: readonly string[] = []): Promise<Strength> {
  const estimator = await loadEstimator();
  const result = estimator.check(passphrase, [...CYRILLIC_GUESSES, ...extraGuesses]);
  const warning = result.feedback.warning;
  return {
    score: result.score as StrengthScore,
    warning: isStrengthWarning(warning) ? warning : null,
  };
}

function isStrengthWarning(value: unknown): value is StrengthWarning {
  return typeof value === 'string' && (STRENGTH_WARNINGS as readonly string[]).includes(value);
}
