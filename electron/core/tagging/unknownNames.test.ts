import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seededRandom';
import { baseName, groupUnknownNames } from './unknownNames';

/**
 * Fictional people, each name as Russian Cyrillic, Kazakh Cyrillic and Latin transcription write it. The
 * tests render them in random scripts, orders and cases and check that one person's mentions make one
 * group and different people never share one.
 */
const PEOPLE: Array<{ given: [string, string, string]; surname: [string, string, string] }> = [
  { given: ['Ерлан', 'Ерлан', 'Yerlan'], surname: ['Бекенулы', 'Бекенұлы', 'Bekenuly'] },
  { given: ['Гульнар', 'Гүлнар', 'Gulnar'], surname: ['Сейткали', 'Сейітқали', 'Seitkali'] },
  { given: ['Нурлан', 'Нұрлан', 'Nurlan'], surname: ['Жумабеков', 'Жұмабеков', 'Zhumabekov'] },
  { given: ['Айдана', 'Айдана', 'Aidana'], surname: ['Турсынкызы', 'Тұрсынқызы', 'Tursynkyzy'] },
  { given: ['Бауыржан', 'Бауыржан', 'Baurzhan'], surname: ['Токтаров', 'Тоқтаров', 'Toktarov'] },
  { given: ['Динара', 'Динара', 'Dinara'], surname: ['Касымова', 'Қасымова', 'Kassymova'] },
  { given: ['Серик', 'Серік', 'Serik'], surname: ['Омаров', 'Омаров', 'Omarov'] },
  { given: ['Жанна', 'Жанна', 'Zhanna'], surname: ['Абенова', 'Әбенова', 'Abenova'] },
];

/** A case ending a letter may put on the name, by script (Russian dative, Kazakh dative/genitive). */
function inflect(word: string, script: number, random: () => number): string {
  if (script === 1 && /(ұлы|қызы)$/.test(word) && random() < 0.5) return `${word}${random() < 0.5 ? 'на' : 'ның'}`;
  if (script === 0 && /(ов|ев)$/.test(word) && random() < 0.4) return `${word}у`;
  if (script === 0 && /(ова|ева)$/.test(word) && random() < 0.4) return `${word.slice(0, -1)}ой`;
  return word;
}

function mention(person: (typeof PEOPLE)[number], random: () => number): string {
  const script = Math.floor(random() * 3);
  const given = person.given[script]!;
  const surname = inflect(person.surname[script]!, script, random);
  return random() < 0.5 ? `${surname} ${given}` : `${given} ${surname}`;
}

describe('unknown names, grouped across scripts and cases', () => {
  it('puts every mention of one person in one group and never two people in one (300 generated documents)', () => {
    const random = seededRandom(0x5eed);
    let merged = 0;
    let split = 0;
    for (let round = 0; round < 300; round++) {
      const present = PEOPLE.filter(() => random() < 0.5);
      const mentions = present.flatMap((person, who) =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({ surface: mention(person, random), confidence: random(), who })),
      );
      const groups = groupUnknownNames(mentions);
      for (const group of groups) if (new Set(group.members.map((member) => member.who)).size > 1) merged++;
      split += groups.length - present.length;
    }
    expect(merged, 'groups holding two people').toBe(0);
    expect(split, 'people spread over two groups').toBe(0);
  });

  it('keeps apart people who share one name part', () => {
    const groups = groupUnknownNames([
      { surface: 'Омаров Серик', confidence: 0.9 },
      { surface: 'Омаров Нурлан', confidence: 0.8 },
      { surface: 'Serik Omarov', confidence: 0.7 },
    ]);
    expect(groups.map((group) => group.spellings)).toEqual([['Омаров Серик', 'Serik Omarov'], ['Омаров Нурлан']]);
  });

  it('proposes the base form, in Russian and in Kazakh, and never cuts a name that only looks inflected', () => {
    expect(baseName(['Бекенұлына Ерланға', 'Бекенұлы Ерлан'])).toBe('Бекенұлы Ерлан');
    expect(baseName(['Тұрсынқызының Айдана'])).toBe('Тұрсынқызы Айдана');
    expect(baseName(['Жумабекову Нурлан'])).toBe('Жумабеков Нурлан');
    expect(baseName(['Жумабекову Нурлану'])).toBe('Жумабеков Нурлан');
    expect(baseName(['Бекенулы Ерлана', 'Бекенұлы Ерланға', 'Yerlan Bekenuly'])).toBe('Бекенулы Ерлан');
    expect(baseName(['Бекенұлы Ерланның'])).toBe('Бекенұлы Ерлан');
    // A woman's given name in -а is nominative: left as it is.
    expect(baseName(['Касымовой Динара'])).toBe('Касымова Динара');
    expect(baseName(['Тұрсынқызына Айдана'])).toBe('Тұрсынқызы Айдана');
    expect(baseName(['Касымовой Динара'])).toBe('Касымова Динара');
    expect(baseName(['Жанна Абенова'])).toBe('Жанна Абенова');
    expect(baseName(['Zhanna Abenova', 'Жанна Абенова'])).toBe('Zhanna Abenova');
    // The best spelling's script decides; a prefix in another script says nothing.
    expect(baseName(['Нурлан Жумабекову', 'Nurlan Zhumabekov'])).toBe('Нурлан Жумабеков');
  });

  it('a group’s best member is the one with the best evidence, and its spellings come best first', () => {
    const [group] = groupUnknownNames([
      { surface: 'Gulnar Seitkali', confidence: 0.4 },
      { surface: 'Сейітқали Гүлнар', confidence: 0.9 },
      { surface: 'Сейткали  Гульнар', confidence: 0.6 },
    ]);
    expect(group!.best.surface).toBe('Сейітқали Гүлнар');
    expect(group!.spellings).toEqual(['Сейітқали Гүлнар', 'Сейткали Гульнар', 'Gulnar Seitkali']);
  });
});
