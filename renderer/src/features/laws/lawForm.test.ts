import { describe, expect, it } from 'vitest';
import type { Law } from '../../../../shared/domain/tagging';
import { draftOf, EMPTY_LAW_DRAFT, hasTitle, lawFromDraft, newLawId } from './lawForm';

const refugees: Law = {
  id: 'KZ-216-IV',
  number: '216-IV',
  kind: 'law',
  date: '2009-12-04',
  title: { en: 'On Refugees', ru: 'О беженцах', kk: 'Босқындар туралы', zh: '难民法' },
  aliases: ['закон о беженцах'],
};

describe('newLawId', () => {
  it('is made from the number, in the register’s style', () => {
    expect(newLawId('2337-XII', new Set())).toBe('KZ-2337-XII');
    expect(newLawId(' № 94 V ', new Set())).toBe('KZ-94-V');
  });

  it('writes Cyrillic look-alikes typed in a number in Latin', () => {
    expect(newLawId('477-ІV', new Set())).toBe('KZ-477-IV');
  });

  it('numbers an id that is taken, and a law without a number', () => {
    expect(newLawId('477-IV', new Set(['KZ-477-IV']))).toBe('KZ-477-IV-2');
    expect(newLawId('', new Set(['LAW-2']))).toBe('LAW-3');
  });
});

describe('lawFromDraft', () => {
  it('keeps an edited law’s id, aliases and Chinese title, tidies what was typed', () => {
    const draft = { ...draftOf(refugees), en: '  On  Refugees (as amended) ', date: '' };
    expect(lawFromDraft(draft, refugees, new Set())).toEqual({
      ...refugees,
      date: null,
      title: { en: 'On Refugees (as amended)', ru: 'О беженцах', kk: 'Босқындар туралы', zh: '难民法' },
    });
  });

  it('gives a new law an id and no aliases', () => {
    const draft = { ...EMPTY_LAW_DRAFT, number: '2337-XII', en: 'On the Legal Status of Foreigners', ru: 'О правовом положении иностранцев' };
    expect(lawFromDraft(draft, null, new Set(['KZ-216-IV']))).toEqual({
      id: 'KZ-2337-XII',
      number: '2337-XII',
      kind: 'law',
      date: null,
      title: { en: 'On the Legal Status of Foreigners', ru: 'О правовом положении иностранцев', kk: '' },
      aliases: [],
    });
  });

  it('needs a title in one language at least', () => {
    expect(hasTitle({ ...EMPTY_LAW_DRAFT, number: '1-I' })).toBe(false);
    expect(hasTitle({ ...EMPTY_LAW_DRAFT, kk: 'Шетелдіктердің құқықтық жағдайы туралы' })).toBe(true);
  });
});
