import { describe, expect, it } from 'vitest';
import { randomFrom } from '../extract/dates/testing/random';
import { ACCEPT_THRESHOLDS, calibrateThreshold, sureEnough, TARGET_PRECISION, wilsonLower, type Judged } from './acceptThresholds';
import { corpusSamples, generatedSamples, merged } from './testing/calibrationSamples';

/** `n` samples at `confidence`, `right` of them right. */
const at = (confidence: number, n: number, right: number): Judged[] => Array.from({ length: n }, (_, i) => ({ confidence, correct: i < right }));

describe('calibrateThreshold', () => {
  it('stops above a level that is wrong too often, however sure the levels above it are', () => {
    const samples = [...at(0.95, 200, 200), ...at(0.85, 100, 99), ...at(0.6, 100, 80), ...at(0.4, 100, 100)];
    expect(calibrateThreshold(samples)).toBe(0.85);
  });

  it('does not let a weak tail ride on a large sure pool', () => {
    // pooled, 0.5 and up is 1000 of 1030 right (97%); the 30 at 0.5 are right 2 times in 3
    const samples = [...at(0.9, 1000, 1000), ...at(0.5, 30, 20)];
    expect(calibrateThreshold(samples)).toBe(0.9);
  });

  it('skips a level seen too rarely to judge, and promises nothing from a handful', () => {
    expect(calibrateThreshold([...at(0.9, 100, 100), ...at(0.7, 2, 2), ...at(0.6, 50, 50)])).toBe(0.6);
    expect(calibrateThreshold(at(0.9, 8, 8))).toBeNull();
    expect(calibrateThreshold(at(0.9, 400, 300))).toBeNull();
  });

  it("bounds a proportion from below as Wilson's interval does", () => {
    expect(wilsonLower(100, 100)).toBeCloseTo(0.963, 3);
    expect(wilsonLower(95, 100)).toBeCloseTo(0.888, 3);
    expect(wilsonLower(0, 0)).toBe(0);
  });

  it('finds a threshold no lower than where precision holds, on random mixtures', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = randomFrom(seed);
      const samples: Judged[] = [];
      for (let level = 0.3; level <= 0.951; level += 0.05) samples.push(...at(Math.round(level * 100) / 100, random.int(0, 80), 0).map((s) => ({ ...s, correct: random.chance(Math.min(1, 0.5 + level / 1.9)) })));
      const threshold = calibrateThreshold(samples);
      if (threshold === null) continue;
      const above = samples.filter((s) => s.confidence >= threshold);
      expect(wilsonLower(above.filter((s) => s.correct).length, above.length)).toBeGreaterThanOrEqual(TARGET_PRECISION);
    }
  });
});

/**
 * The thresholds "Accept all" uses, measured again: laws and dates on 600 generated pages of seeds no
 * rule was debugged on, and every kind with truth on the development corpus's text.
 */
describe('accept thresholds on pages never seen', () => {
  const samples = merged(generatedSamples(Array.from({ length: 600 }, (_, i) => 900_000 + i)), corpusSamples());

  for (const [kind, threshold] of Object.entries(ACCEPT_THRESHOLDS)) {
    if (threshold === null) continue;
    it(`holds ${kind} suggestions at or above ${threshold} to precision ≥ ${TARGET_PRECISION}`, () => {
      const list = samples.get(kind as keyof typeof ACCEPT_THRESHOLDS) ?? [];
      const calibrated = calibrateThreshold(list);
      const above = list.filter((s) => sureEnough(kind as keyof typeof ACCEPT_THRESHOLDS, s.confidence));
      const right = above.filter((s) => s.correct).length;
      const allRight = list.filter((s) => s.correct).length;
      console.log(
        `${kind}: ${list.length} judged, calibrated threshold ${calibrated}, stored ${threshold}; at or above it ${right}/${above.length} right ` +
          `(precision ${(right / above.length).toFixed(3)}, lower bound ${wilsonLower(right, above.length).toFixed(3)}); ${right}/${allRight} of the right ones accepted in bulk`,
      );
      expect(calibrated).not.toBeNull();
      expect(threshold).toBeGreaterThanOrEqual(calibrated!);
      expect(wilsonLower(right, above.length)).toBeGreaterThanOrEqual(TARGET_PRECISION);
    });
  }

  it('control: judged against the wrong truth, no threshold is found', () => {
    // the same confidences, right one time in two: the measurement must refuse to promise anything
    const random = randomFrom(7);
    for (const kind of ['law', 'document-date', 'valid-until'] as const) {
      const scrambled = (samples.get(kind) ?? []).map((s) => ({ ...s, correct: random.chance(0.5) }));
      expect(calibrateThreshold(scrambled)).toBeNull();
    }
  });
});
