import { describe, expect, it } from 'vitest';
import { asksForSearch, type KeyPress } from './searchShortcut';

const press = (change: Partial<KeyPress>): KeyPress => ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...change });

describe('asksForSearch', () => {
  it('takes Ctrl+K and Cmd+K, even while typing in a field', () => {
    expect(asksForSearch(press({ key: 'k', code: 'KeyK', ctrlKey: true }), true)).toBe(true);
    expect(asksForSearch(press({ key: 'k', code: 'KeyK', metaKey: true }), false)).toBe(true);
  });

  it('takes Ctrl+K typed with a Russian or Kazakh keyboard layout', () => {
    expect(asksForSearch(press({ key: 'л', code: 'KeyK', ctrlKey: true }), false)).toBe(true);
  });

  it('takes "/" only when the lawyer is not typing', () => {
    expect(asksForSearch(press({ key: '/', code: 'Slash' }), false)).toBe(true);
    expect(asksForSearch(press({ key: '/', code: 'Slash' }), true)).toBe(false);
  });

  it('leaves other keys and combinations alone', () => {
    expect(asksForSearch(press({ key: 'k', code: 'KeyK' }), false)).toBe(false);
    expect(asksForSearch(press({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(asksForSearch(press({ key: 'k', code: 'KeyK', ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(asksForSearch(press({ key: '.', code: 'Slash', ctrlKey: true }), false)).toBe(false);
  });
});
