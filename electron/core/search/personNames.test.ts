import { describe, expect, it } from 'vitest';
import { nameParts, PersonNames } from './personNames';

/** A register of full names only, as a lawyer types it: no given name or surname alone in it. */
const register = new PersonNames([
  ['Yerlan Muratuly', 'Ерлан Мұратұлы', 'Ерлан Муратулы', '叶尔兰·木拉提', 'Yeerlan Mulati'],
  ['Zhanar Muratkyzy', 'Жанар Мұратқызы', 'Жанар Мураткызы', '加娜尔·木拉提', 'Jianaer Mulati'],
  ['Yerlan Bakytuly', 'Ерлан Бақытұлы', 'Ерлан Бакытулы', 'Ерлан Бакытов', '叶尔兰·巴合提'],
  ['Murat Serikuly', 'Мұрат Серікұлы', 'Мурат Серикулы', '木拉提·赛力克'],
]);

describe('name parts', () => {
  it('cuts a spelling at spaces and the middle dot of Chinese transcriptions, and marks initials', () => {
    expect(nameParts('叶尔兰·木拉提').map((p) => [p.text, p.script])).toEqual([
      ['叶尔兰', 'han'],
      ['木拉提', 'han'],
    ]);
    expect(nameParts('Мұратұлы Е.').map((p) => [p.text, p.key, p.initial])).toEqual([
      ['Мұратұлы', 'murat', false],
      ['Е', 'e', true],
    ]);
    expect(nameParts('MULATI<<YEERLAN').map((p) => p.text)).toEqual(['MULATI', 'YEERLAN']);
  });
});

describe('a register of persons', () => {
  it('names a person in full in any script: the name in every spelling, initials, and the parts no other person has', () => {
    const found = register.aliasesOf('Жанар Мұратқызы')!;
    expect(found.names).toHaveLength(1);
    expect(found.names[0]!.map((slot) => slot.sort())).toEqual([
      ['Jianaer', 'Zhanar', 'Жанар', '加娜尔'],
      // the Russian and the Kazakh spelling both: each meets its own language's case forms
      ['Mulati', 'Muratkyzy', 'Мураткызы', 'Мұратқызы', '木拉提'],
    ]);
    expect(found.initials).toEqual(expect.arrayContaining(['Мұратқызы Ж.', 'Z. Muratkyzy']));
    // Zhanar is hers alone; Murat- is also Yerlan's patronymic and Murat's given name, 木拉提 theirs too.
    expect(found.parts).toEqual(expect.arrayContaining(['Zhanar', '加娜尔']));
    expect(found.parts).not.toContain('Мұратқызы');
    expect(found.parts).not.toContain('木拉提');
    expect(register.aliasesOf('叶尔兰·木拉提')!.parts).toEqual([]);
  });

  it('keeps a Kazakh spelling beside the Russian one with the same key, so its case forms are found', () => {
    const names = new PersonNames([['Aigerim Dauletkyzy', 'Даулеткызы Айгерим', 'Әйгерім Дәулетқызы']]);
    const found = names.aliasesOf('Aigerim Dauletkyzy')!;
    expect(found.names[0]!.map((slot) => slot.sort())).toEqual([
      ['Aigerim', 'Айгерим', 'Әйгерім'],
      ['Dauletkyzy', 'Даулеткызы', 'Дәулетқызы'],
    ]);
  });

  it('lines up a Chinese given name with the Latin and Cyrillic ones of the same person', () => {
    const found = register.aliasesOf('加娜尔')!;
    expect(found.parts).toEqual(expect.arrayContaining(['Zhanar', 'Jianaer']));
    // her whole name, to rank a page with it above one with the given name alone; no initials for a part
    expect(found.names.flat(2)).toEqual(expect.arrayContaining(['Muratkyzy', '木拉提']));
    expect(found.initials).toEqual([]);
    expect(found.parts).not.toContain('Muratkyzy');
  });

  it('a given name two persons share expands to both persons given names, never to their surnames', () => {
    const found = register.aliasesOf('Ерлан')!;
    // one spelling a key: Yerlan stands for Yeerlan and Ерлан too
    expect(found.parts).toEqual(expect.arrayContaining(['叶尔兰', 'Yerlan']));
    for (const surname of ['Muratuly', 'Bakytuly', 'Бакытов', '木拉提', '巴合提']) expect(found.parts).not.toContain(surname);
    expect(found.names).toHaveLength(2);
  });

  it('reads a Russian surname in -ов and its cases, and a patronymic in -ұлы, as the same part', () => {
    for (const typed of ['Бакытову', 'Бакытова', 'Bakytov', 'Бақытұлы']) {
      const found = register.aliasesOf(typed)!;
      expect(found.parts, typed).toContain('巴合提');
      expect(found.parts, typed).not.toContain('叶尔兰');
    }
  });

  it('a name part one letter off still names the person; a word that is no name part names no one', () => {
    expect(register.aliasesOf('Zhanarr')?.parts).toContain('加娜尔');
    expect(register.aliasesOf('refugee')).toBeNull();
    expect(register.aliasesOf('Yerlan refugee')).toBeNull();
  });

  it('lines up an Uyghur spelling in Arabic letters by its order, as a Chinese one', () => {
    const uyghur = new PersonNames([['Nurlan Askaruly', 'Нұрлан Асқарұлы', 'نۇرلان ئاسقار', '努尔兰·阿斯卡尔']]);
    expect(uyghur.aliasesOf('نۇرلان')!.parts).toEqual(expect.arrayContaining(['Nurlan', 'Нұрлан', '努尔兰']));
    expect(uyghur.aliasesOf('Nurlan')!.parts).toContain('نۇرلان');
    expect(uyghur.aliasesOf('Nurlan')!.parts).not.toContain('ئاسقار');
  });

  it('never expands an initial or a single Chinese character', () => {
    expect(register.aliasesOf('Е.')).toBeNull();
    expect(register.aliasesOf('尔')).toBeNull();
    expect(register.aliasesOf('叶')).toBeNull();
  });

  it('needs every typed part to be a part of the same person', () => {
    expect(register.aliasesOf('Zhanar Bakytuly')).toBeNull();
    expect(register.aliasesOf('Muratuly Yerlan')!.names.flat(2)).toContain('木拉提');
  });
});
