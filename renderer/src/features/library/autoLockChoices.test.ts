import { describe, expect, it } from 'vitest';
import { autoLockChoices } from './autoLockChoices';

describe('autoLockChoices', () => {
  it('offers the standard choices with "off" last', () => {
    expect(autoLockChoices(10)).toEqual([1, 5, 10, 15, 30, 60, 120, 0]);
    expect(autoLockChoices(0)).toEqual([1, 5, 10, 15, 30, 60, 120, 0]);
  });

  it('keeps a value set elsewhere, in order', () => {
    expect(autoLockChoices(45)).toEqual([1, 5, 10, 15, 30, 45, 60, 120, 0]);
  });
});
