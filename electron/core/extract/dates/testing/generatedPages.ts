/** One generated page, a card or a letter, in one of three renderings, with its truth. Test support only. */
import type { PageInput } from '../../types';
import { generateCard } from './generatedCards';
import { generateLetter } from './generatedLetters';
import { noisy, pageOf, type LayoutRow } from './pageLayout';
import { randomFrom } from './random';

export interface Generated {
  seed: number;
  kind: string;
  page: PageInput;
  truth: { documentDate: string | null; validUntil: string | null };
}

export const RENDERINGS = ['text', 'ocr-lines', 'ocr-blocks'] as const;

/** The page made from `seed`, the same on every machine. */
export function generatePage(seed: number): Generated {
  const random = randomFrom(seed);
  const card = random.chance(0.5);
  const made: { rows: LayoutRow[]; truth: Generated['truth']; layout?: string; splitColumn?: number } = card ? generateCard(random) : generateLetter(random);
  const rendering = random.pick(RENDERINGS);
  const rows = random.chance(0.35) ? noisy(random, made.rows, 0.25) : made.rows;
  return { seed, kind: `${card ? `card/${made.layout}` : 'letter'}/${rendering}`, page: pageOf(rows, rendering, made.splitColumn), truth: made.truth };
}

