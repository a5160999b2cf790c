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
  it('grows through the phases and never passes 1', () => {
    const at = (phase: 'preparing' | 'pages' | 'writing' | 'zip' | 'done', done: number, total: number) => progressFraction({ bundleId: 'b', phase, done, total });
    expect(progressFraction(null)).toBe(0);
    expect(at('pages', 0, 40)).toBeCloseTo(0.05);
    expect(at('pages', 20, 40)).toBeCloseTo(0.45);
    expect(at('writing', 0, 1)).toBeGreaterThan(at('pages', 39, 40));
    expect(at('done', 1, 1)).toBe(1);
    expect(at('pages', 50, 40)).toBeCloseTo(0.85);
  });
});
