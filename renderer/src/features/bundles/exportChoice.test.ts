import { describe, expect, it } from 'vitest';
import { exportInput, NO_ZIP, progressFraction } from './exportChoice';

describe('exportInput', () => {
  it('needs a place for the PDF', () => {
    expect(exportInput('bnd_abcdef', null, NO_ZIP)).toEqual({ problem: 'no-path' });
    expect(exportInput('bnd_abcdef', '/out/appeal.pdf', NO_ZIP)).toEqual({ input: { bundleId: 'bnd_abcdef', path: '/out/appeal.pdf' } });
  });

  it('sends a ZIP without originals as chosen', () => {
    const zip = { ...NO_ZIP, wanted: true, path: '/out/appeal.zip' };
    expect(exportInput('bnd_abcdef', '/out/appeal.pdf', zip)).toEqual({
      input: { bundleId: 'bnd_abcdef', path: '/out/appeal.pdf', zip: { path: '/out/appeal.zip', originals: 'none' } },
    });
    expect(exportInput('bnd_abcdef', '/out/appeal.pdf', { ...zip, path: null })).toEqual({ problem: 'no-zip-path' });
  });

  it('sends unredacted originals only once the lawyer has ticked that they mean it', () => {
    const zip = { wanted: true, path: '/out/appeal.zip', originals: 'unredacted' as const, understood: false };
    expect(exportInput('bnd_abcdef', '/out/appeal.pdf', zip)).toEqual({ problem: 'not-understood' });
    expect(exportInput('bnd_abcdef', '/out/appeal.pdf', { ...zip, understood: true })).toEqual({
      input: { bundleId: 'bnd_abcdef', path: '/out/appeal.pdf', zip: { path: '/out/appeal.zip', originals: 'unredacted' } },
    });
  });
});

describe('progressFraction', () => {
  type Phase = 'preparing' | 'reading' | 'pages' | 'writing' | 'checking' | 'zip' | 'done';
  const at = (phase: Phase, done: number, total: number) => progressFraction({ bundleId: 'b', phase, done, total });

  it('grows through the phases in the order the export runs them and never passes 1', () => {
    expect(progressFraction(null)).toBe(0);
    const order: Phase[] = ['preparing', 'reading', 'pages', 'writing', 'checking', 'zip'];
    for (const [index, phase] of order.entries()) {
      expect(at(phase, 1, 2), phase).toBeGreaterThan(at(phase, 0, 2));
      const next = order[index + 1];
      if (next) expect(at(next, 0, 2), next).toBeGreaterThanOrEqual(at(phase, 2, 2));
    }
    expect(at('done', 1, 1)).toBe(1);
    expect(at('pages', 50, 40)).toBe(at('pages', 40, 40));
  });
});
