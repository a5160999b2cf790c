import { describe, expect, it } from 'vitest';
import { SEED_LAWS } from './seedLaws';
import { measureCitations } from './testing/measureCitations';

/**
 * Property test on pages no rule was written against (testing/citationPages.ts): legal prose in Russian,
 * Kazakh, English and Chinese citing the register's acts in many forms, among citations of acts the
 * register does not hold, titles' words used as plain words, numbers and bare articles, with OCR's
 * slips and line-end hyphens in some. {law, article} pairs per page must stay at precision and recall
 * 0.95 or above (issue 13). A failing page is made again from its seed: citationPage(seed).
 */
const SETS = [
  { name: 'development seeds', first: 1000 },
  { name: 'held-apart seeds', first: 900_000 },
];
const PAGES = 500;

describe.each(SETS)('law citations on generated pages, $name', ({ name, first }) => {
  const measured = measureCitations(Array.from({ length: PAGES }, (_, i) => first + i), SEED_LAWS);
  const precision = measured.tp / (measured.tp + measured.fp);
  const recall = measured.tp / (measured.tp + measured.fn);

  it('finds the {law, article} pairs each page cites with precision and recall ≥ 0.95', () => {
    const wrong = measured.judged.filter((j) => !j.correct).map((j) => `#${j.page.seed} extra ${j.pair} «${j.citation.surface}»`);
    const missed = measured.missed.map((m) => `#${m.page.seed} missed ${m.pair}`);
    console.log(
      `${name}: ${PAGES} pages, P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)} (tp ${measured.tp}, fp ${measured.fp}, fn ${measured.fn})`,
      [...wrong, ...missed].slice(0, 20),
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('shows the words that make each citation', () => {
    for (const { page, citation } of measured.judged) {
      const printed = page.text.replace(/\s+/g, ' ');
      expect(printed).toContain(citation.surface);
    }
  });

  it('covers every language and both sides of the question', () => {
    const languages = new Set(measured.judged.map((j) => j.page.language));
    expect([...languages].sort()).toEqual(['en', 'kk', 'ru', 'zh']);
    const forms = new Set(measured.judged.flatMap((j) => j.page.sentences.map((s) => s.form)));
    for (const form of ['ru-foreign', 'en-mixed', 'ru-anaphor', 'en-foreign-between', 'zh-foreign', 'kk']) expect(forms).toContain(form);
  });
});
