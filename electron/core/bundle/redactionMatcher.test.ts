/**
 * The matcher against typography that cuts names into pieces — letter spacing, line-end hyphens, soft
 * hyphens, zero-width characters, touching OCR runs, look-alike letters of another script, NFD,
 * full-width letters, OCR confusions — and against grammar (Russian and Kazakh case endings,
 * patronymics written together, apart or hyphenated, Chinese names with any middle dot). Each class
 * has real strings in Latin, Cyrillic and Chinese; a seeded generator then plants names under random
 * combinations of all of them and checks that every planted letter, and nothing else, is covered. The
 * controls (the same generator without a name, and near-names such as a patronymic built on a
 * protected given name) show the tests can fail.
 */
import { describe, expect, it } from 'vitest';
import type { Word } from '../../../shared/domain/document';
import { findInText, findInWords, findMatches, findSpansInWords, patternsFor, personSpellings, scrubText, textUnits, type MatchRules } from './redactionMatcher';
import { seededRandom } from '../testing/seededRandom';
import { HOMOGLYPHS, Layout, pick, type Planted } from './redactionTesting';

const PROTECTED = [
  { name: 'Kulash Mukhametkyzy', variants: ['Куляш Мухаметкызы', 'Күләш Мұхаметқызы', '库拉西·木哈买提', 'كۇلاش مۇحامەتقىزى'] },
  { name: 'Daulet Kosherbaiuly', variants: ['Даулет Кошербайулы', 'Дәулет Көшербайұлы', '道来提·库谢尔拜', 'Daulet', 'D. Kosherbaiuly'] },
  { name: 'Gulnara Zhumabekova', variants: ['Гульнара Жумабекова', 'Гүлнара Жұмабекова', '古丽娜尔·朱马别克'] },
  { name: 'Nurlan Askaruly', variants: ['Нұрлан Асқарұлы', 'Нурлан Аскарулы', 'نۇرلان ئاسقار ئوغلى'] },
  { name: 'Bolat Zhumabekov', variants: ['Болат Жумабеков'] },
  { name: 'Ainur Seitkali', variants: ['Айнұр Сейтқали'] },
];
/** Not protected: her patronymic is built on Daulet's name, and she is named beside him. */
const OTHERS = [{ name: 'Aigerim Dauletkyzy', variants: ['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы', '艾格尔木·道来提'] }];

const RULES: MatchRules = {
  patterns: PROTECTED.flatMap((person, i) => patternsFor(`p${i + 1}`, personSpellings(person), true)),
  claims: OTHERS.flatMap((person) => patternsFor(person.name, [person.name, ...person.variants]).filter((p) => p.units.length >= 2)),
};

/**
 * What a reader would see blacked out: per match, the covered text of each word ("|" between words).
 * Two sources covering the same letters (Gulnara Zhumabekova and Bolat Zhumabekov share a surname) are one box.
 */
function covered(words: readonly Word[], rules = RULES): string[] {
  return [...new Set(findSpansInWords(words, rules).map((match) => match.spans.map((span) => words[span.word]!.text.slice(span.start, span.end)).join('|')))];
}

/** The texts scrubbed from one line of words, split on spaces (and on "\n" for a new line). */
const line = (text: string) => covered(new Layout().words(text).done());
const found = (text: string) => [...new Set(findInText(text, RULES).map((match) => text.slice(match.start, match.end)))];

describe('typography', () => {
  it('finds letter-spaced names, with a wider gap between names or none at all', () => {
    const page = new Layout().words('his mother').spaced('Kulash', 4).gap(16).spaced('Mukhametkyzy', 4).words('lives').done();
    expect(covered(page)).toEqual(['K|u|l|a|s|h|M|u|k|h|a|m|e|t|k|y|z|y']);
    const even = new Layout().spaced('Күләш', 6).gap(6).spaced('Мұхаметқызы', 6).done();
    expect(covered(even)).toEqual(['К|ү|л|ә|ш|М|ұ|х|а|м|е|т|қ|ы|з|ы']);
    expect(covered(new Layout().words('от').spaced('Нурлана', 9).done())).toEqual(['Н|у|р|л|а|н|а']);
    expect(scrubText('Letter about K u l a s h  M u k h a m e t k y z y', RULES)).toBe('Letter about [redacted]');
    expect(found('анасы К ү л ә ш')).toEqual(['К ү л ә ш']);
  });

  it('finds a name cut at line ends without a hyphen, as a narrow table cell wraps it, over several lines', () => {
    expect(line('Relative Kulash Mu \n khametky \n zy')).toEqual(['Kulash|Mu|khametky|zy']);
    expect(line('анасы Күл \n әш Мұхаметқы \n зы')).toEqual(['Күл|әш|Мұхаметқы|зы']);
    expect(line('his mother Kulash \n Mukhametkyzy')).toEqual(['Kulash|Mukhametkyzy']);
    // Pieces that spell no name stay, and a line that ends in punctuation ends its word.
    expect(line('decision of the Ku \n rmangazy court')).toEqual([]);
    expect(line('see Mukha. \n metkyzy')).toEqual([]);
    expect(found('Relative Kulash Mu\nkhametky\nzy')).toEqual(['Kulash Mu\nkhametky\nzy']);
    expect(found('Mukha.\nmetkyzy')).toEqual([]);
  });

  it('finds names hyphenated at a line end, the hyphen included, with every hyphen OCR and text layers write', () => {
    for (const hyphen of ['-', '\u2010', '\u2011', '\u2012', '\u00AD']) {
      expect(line(`mother Kulash Mukhamet${hyphen} \n kyzy lives`)).toEqual([`Kulash|Mukhamet${hyphen}|kyzy`]);
    }
    expect(line('анасы Мұхамет- \n қызының')).toEqual(['Мұхамет-|қызының']);
    expect(line('гражданки Жумабе- \n ковой Гульнары')).toEqual(['Жумабе-|ковой', 'Гульнары']);
    expect(found('Kulash Mukha-\nmetkyzy')).toEqual(['Kulash Mukha-\nmetkyzy']);
    expect(scrubText('Mukhamet\u00ADkyzy.pdf', RULES)).toBe('[redacted].pdf');
  });

  it('finds names split into touching OCR runs, with zero-width characters, or in look-alike letters of the other script', () => {
    expect(covered(new Layout().words('mother Mukha').gap(0).words('metkyzy').done())).toEqual(['Mukha|metkyzy']);
    for (const zw of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']) expect(found(`Mukh${zw}amet${zw}kyzy`)).toEqual([`Mukh${zw}amet${zw}kyzy`]);
    expect(found('Kulаsh Мukhametkyzy')).toEqual(['Kulаsh Мukhametkyzy']); // Cyrillic а and М
    expect(found('Hурлан')).toEqual(['Hурлан']); // Latin H
    expect(found('Айнұр Сейтқали'.normalize('NFD'))).toEqual(['Айнұр Сейтқали'.normalize('NFD')]);
    expect(found('KULASH, kulash, Ｋｕｌａｓｈ')).toEqual(['KULASH', 'kulash', 'Ｋｕｌａｓｈ']);
    expect(found('Ku1ash KuI ash Ku|ash Mukharnetkyzy Zhumabek0va')).toEqual(['Ku1ash', 'Ku|ash Mukharnetkyzy', 'Zhumabek0va']);
    expect(found('KulashMukhametkyzy')).toEqual(['KulashMukhametkyzy']); // a text layer that lost its space
  });

  it('answers callers that hold units already cut from a text (findMatches) as it answers for the text', () => {
    const text = 'Letter about K u l a s h  M u k h a m e t k y z y and Daulet';
    const units = textUnits(text);
    const matches = findMatches(units, RULES).map((m) => [m.source, text.slice(units[m.first]!.start, units[m.last]!.end)]);
    expect(matches).toEqual([['p1', 'K u l a s h  M u k h a m e t k y z y'], ['p2', 'Daulet']]);
  });

  it('boxes just the name inside a longer OCR word, and the name alone before an apostrophe', () => {
    expect(line('父亲库拉西木哈买提仍在新疆')).toEqual(['库拉西木哈买提']);
    const words = new Layout().words('(Kulash) and Kulash’s and Kulash\'s').done();
    expect(findSpansInWords(words, RULES).map((match) => match.spans)).toEqual([
      [{ word: 0, start: 1, end: 7 }],
      [{ word: 2, start: 0, end: 6 }],
      [{ word: 4, start: 0, end: 6 }],
    ]);
    expect(line('1986Kulash')).toEqual(['Kulash']);
  });

  it("finds a name in a machine-readable zone, its surname run into the issuing state's code, as OCR and text layers give it", () => {
    // each part of the name is covered (the country code KAZ, CHN is not)
    expect(line('P<KAZMUKHAMETKYZY<<KULASH<<<<<<<<<<<<<<<<<<<<<').sort()).toEqual(['KULASH', 'MUKHAMETKYZY']);
    expect(line('P<CHNZHUMABEKOVA<<GULNARA<<<<<<').sort()).toEqual(['GULNARA', 'ZHUMABEKOVA']); // fillers OCR dropped
    expect(line('V<KAZ ASKARULY<<NURLAN<<<<<<<<<<<<<<<<<<<<<<<<').sort()).toEqual(['ASKARULY', 'NURLAN']); // a space OCR put in
    expect(found('Passport copy\nPNKAZKOSHERBAIULY<<DAULET<<<<<<<<<<<<<<<<<<<<<<\nE303064459CHN7903144M1804227<<<<<<<<<<<<<<04').sort()).toEqual(['DAULET', 'KOSHERBAIULY']);
    // a TD1 card's name line starts with the name, and is not cut: a surname there that begins like a code stays whole
    const parussov: MatchRules = { patterns: patternsFor('p', ['Parussov'], true), claims: [] };
    expect(findInText('PARUSSOV<<ARMAN<<<<<<<<<<<<<<<', parussov).length).toBe(1);
    expect(findInText('IDKAZ0462188336781103300456<<<', RULES)).toEqual([]);
  });
});

describe('grammar', () => {
  it('finds Russian declension of given names and surnames', () => {
    expect(found('Нурлана, Нурлану, Нурланом, Нурлане')).toEqual(['Нурлана', 'Нурлану', 'Нурланом', 'Нурлане']);
    expect(found('Гульнары, Гульнаре, Гульнару, Гульнарой')).toEqual(['Гульнары', 'Гульнаре', 'Гульнару', 'Гульнарой']);
    expect(found('Жумабекова, Жумабекову, Жумабековым, Жумабекове, Жумабековой')).toHaveLength(5);
    expect(found('от Даулета Кошербайулы')).toEqual(['Даулета Кошербайулы']);
  });

  it('finds Kazakh case and possessive endings in every harmony and assimilation form', () => {
    const forms = ['Нұрланға', 'Нұрланның', 'Нұрланды', 'Нұрланнан', 'Нұрланмен', 'Нұрланда', 'Нұрланы', 'Күләшке', 'Күләштің', 'Күләшпен', 'Мұхаметқызының', 'Мұхаметқызына', 'Асқарұлына', 'Асқарұлының', 'Дәулеттің', 'Дәулетке'];
    for (const form of forms) expect(found(`туралы ${form} хат`)).toEqual([form]);
    expect(found('Nurlanga Kulashtyn')).toEqual(['Nurlanga', 'Kulashtyn']);
  });

  it('finds patronymics written together, apart or hyphenated, and Chinese names with any middle dot or split by OCR', () => {
    for (const name of ['Мұхаметқызы', 'Мұхамет қызы', 'Мұхамет-қызы', 'Mukhametkyzy', 'Mukhamet kyzy', 'Mukhamet-kyzy', 'Мухамет кызы']) expect(found(`анасы ${name}`)).toEqual([name]);
    for (const dot of ['·', '・', '•', '‧', '.', '－', '-', '', ' ']) expect(found(`其母库拉西${dot}木哈买提仍在`)).toEqual([`库拉西${dot}木哈买提`]);
    // OCR reads the dot as a digit or a letter too (seen: 加娜尔0托列马别克, with a misread character besides).
    for (const dot of ['0', 'o', 'O', '°']) expect(found(`其母库拉西${dot}木哈买提仍在`)).toEqual([`库拉西${dot}木哈买提`]);
    expect(found('其母库拉西0木哈卖提仍在')).toEqual(['库拉西0木哈卖提']);
    // Two letters between are a word of their own, not a dot: her given name alone is found, not the whole name.
    expect(found('其母库拉西ab木哈买提仍在')).toEqual(['库拉西']);
    expect(line('其母库拉 西·木 哈买提仍在')).toEqual(['库拉|西·木|哈买提']);
    expect(line('其 母 库 拉 西 · 木 哈 买 提')).toEqual(['库|拉|西|·|木|哈|买|提']);
  });

  it('finds names in Arabic script (Uyghur, Kazakh Töte) in their case forms, written together or apart', () => {
    const forms = ['كۇلاشنىڭ', 'كۇلاشقا', 'كۇلاشنى', 'كۇلاشتىن', 'كۇلاشتا', 'كۇلاشمەن', 'كۇلاشى', 'مۇحامەتقىزىنىڭ', 'مۇحامەتقىزىغا', 'مۇحامەتقىزىنا', 'نۇرلانغا', 'نۇرلاندىكى'];
    for (const form of forms) expect(found(`خەت ${form} ھەققىدە`)).toEqual([form]);
    expect(found('ئانىسى كۇلاش مۇحامەتقىزى ئىلىدا')).toEqual(['كۇلاش مۇحامەتقىزى']);
    expect(found('ئانىسى كۇلاش مۇحامەت قىزى')).toEqual(['كۇلاش مۇحامەت قىزى']);
    expect(found('نۇرلان ئاسقارئوغلى')).toEqual(['نۇرلان ئاسقارئوغلى']);
    // Their patronymics built on a protected given name stay, as in Cyrillic.
    expect(found('ئايگېرىم نۇرلان ئوغلى')).toEqual([]);
    expect(found('ئايگېرىم نۇرلانئوغلى')).toEqual([]);
  });

  it('finds a name in the genitive before ұлы or қызы: Күләштің ұлы is Kulash\'s son, not a patronymic', () => {
    expect(found('Күләштің ұлы Ермек')).toEqual(['Күләштің']);
    expect(found('Нурланның қызы')).toEqual(['Нурланның']);
    expect(found('Kulashtyn uly Ermek')).toEqual(['Kulashtyn']);
    expect(found('Мұхаметқызының ұлы')).toEqual(['Мұхаметқызының']);
    expect(found('نۇرلاننىڭ قىزى')).toEqual(['نۇرلاننىڭ']);
    expect(found('كۇلاشنىڭ ئوغلى')).toEqual(['كۇلاشنىڭ']);
    // The patronymic itself, even in the genitive, is another person's name.
    for (const name of ['Нұрлан ұлы', 'Нұрланұлының', 'Нұрлан ұлының', 'Nurlan uly']) expect(found(`Aigerim ${name}`)).toEqual([]);
  });

  it('leaves a patronymic or surname built on a protected given name, however it is written', () => {
    const near = ['Dauletkyzy', 'Daulet kyzy', 'Daulet-kyzy', 'DauletKyzy', 'Daulet\u200Bkyzy', 'Дәулетқызы', 'Дәулет қызы', 'Дәулетқызының', 'Даулетов', 'Даулетова', 'Даулетовна', 'Dauletovna', 'Нұрланұлы', 'Nurlanbek', 'Нурланбек'];
    for (const name of near) expect(found(`Aigerim ${name}, born 1986`)).toEqual([]);
    expect(line('Daulet- \n kyzy')).toEqual([]);
    expect(covered(new Layout().spaced('Dauletkyzy', 5).done())).toEqual([]);
    expect(covered(new Layout().spaced('Даулетова', 5).done())).toEqual([]);
    expect(found('Aigerim Dauletkyzy; her father Daulet')).toEqual(['Daulet']);
  });

  it('never looks for initials alone, and looks for a Chinese name whole or for its given name alone, never for its father part alone', () => {
    expect(personSpellings(PROTECTED[1]!)).not.toContain('D');
    expect(found('D. Ospanov, D. K., D a')).toEqual([]);
    expect(found('D. Kosherbaiuly')).toEqual(['D. Kosherbaiuly']);
    expect(found('道来提·库谢尔拜')).toEqual(['道来提·库谢尔拜']);
    // A notice names her once, then by her given name: 库拉西 alone is hers, 木哈买提 alone her father's.
    expect(found('库拉西·木哈买提之女。库拉西于2020年到派出所说明情况')).toEqual(['库拉西·木哈买提', '库拉西']);
    expect(found('库谢尔拜 道来提')).toEqual(['道来提']);
    expect(found('其父木哈买提仍在新疆')).toEqual([]);
    expect(found('古丽娜尔的儿子')).toEqual(['古丽娜尔']);
    // A given name of one character is not looked for alone; a name written without a separator only whole.
    const rules: MatchRules = { patterns: patternsFor('p1', personSpellings({ name: '江·努尔兰', variants: ['王建国'] }), true), claims: [] };
    expect(findInText('江水流向努尔兰', rules)).toEqual([]);
    expect(findInText('王建国', rules)).toHaveLength(1);
    expect(findInText('王建', rules)).toEqual([]);
  });

  it('lets a protected spelling give way inside the name of someone who is not protected', () => {
    const rules: MatchRules = { patterns: patternsFor('p1', ['道来提'], true), claims: RULES.claims! };
    expect(findInText('艾格尔木·道来提', rules)).toEqual([]);
    expect(findInText('道来提', rules)).toHaveLength(1);
  });
});

/** Plain words that name nobody, three letters or more so that none joins a letter-spaced name. */
const FILLER = ['decision', 'refused', 'residence', 'permit', 'ministry', 'appeal', 'решение', 'суда', 'заявителя', 'отказано', 'шешім', 'бойынша', 'азаматтығы', 'өтініш', '决定', '公安局', '通知', '2021', '14/3-221', '(see', 'annex)'];

/** Names to plant, as a page prints them (inflected ones too): every letter must be covered. */
const NAMES = [
  'Kulash Mukhametkyzy', 'Mukhametkyzy', 'Kulash', 'Daulet Kosherbaiuly', 'Gulnara Zhumabekova', 'Nurlan Askaruly', 'Kulash Mukhamet kyzy',
  'Күләш Мұхаметқызы', 'Күләшке', 'Мұхаметқызының', 'Нұрланға', 'Нұрланның', 'Асқарұлына', 'Дәулеттің', 'Айнұр Сейтқали', 'Мұхамет қызы',
  'Куляш Мухаметкызы', 'Гульнарой', 'Жумабековой', 'Нурланом', 'Даулета Кошербайулы', 'Гульнары Жумабековой',
  '库拉西·木哈买提', '道来提·库谢尔拜', '古丽娜尔·朱马别克', 'كۇلاش مۇحامەتقىزى', 'كۇلاشنىڭ', 'نۇرلانغا',
];
/** Near-names that must stay: patronymics and surnames built on a protected given name. */
const NEAR_NAMES = ['Dauletkyzy', 'Aigerim Dauletkyzy', 'Дәулетқызы', 'Даулеткызы', 'Daulet kyzy', 'Дәулет қызы', 'Даулетова', 'Даулетович', 'Dauletovna', 'Нұрланұлы', 'Нурланович'];

function generatedPage(seed: number, name: string | null): { words: Word[]; planted: Planted } {
  const rng = seededRandom(seed);
  const layout = new Layout();
  const before = Math.floor(rng() * 25);
  for (let i = 0; i < before; i++) layout.filler(pick(rng, FILLER), rng);
  const planted = name ? layout.plant(name, rng) : new Map<number, [number, number]>();
  for (let i = 0; i < 10; i++) layout.filler(pick(rng, FILLER), rng);
  return { words: layout.done(), planted };
}

describe('generated pages', () => {
  // 400 pages keep the inner loop fast; REDACTION_RUNS=30000 is the stress run (it passed when written).
  const RUNS = Number(process.env.REDACTION_RUNS ?? 400);

  it('finds every planted name, its spans covering exactly the planted letters (and a line-end hyphen)', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const name = NAMES[seed % NAMES.length]!;
      const { words, planted } = generatedPage(seed, name);
      const matches = findSpansInWords(words, RULES);
      // What is blacked out, word by word (sources that share letters give one box).
      const union = new Map<number, [number, number]>();
      for (const { word, start, end } of matches.flatMap((match) => match.spans)) {
        const seen = union.get(word);
        union.set(word, seen ? [Math.min(seen[0], start), Math.max(seen[1], end)] : [start, end]);
      }
      const context = { seed, name, words: words.map((word) => word.text).join(' ') };
      const spans = [...union].sort(([a], [b]) => a - b);
      expect({ ...context, spans }).toEqual({ ...context, spans: [...planted] });
      // findInWords reports the same matches, by word range.
      expect(findInWords(words, RULES)).toEqual(matches.map((m) => ({ source: m.source, first: m.spans[0]!.word, last: m.spans.at(-1)!.word })));
    }
  });

  it('finds nothing on the same pages without a name, nor where a near-name is planted instead', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const { words } = generatedPage(seed, null);
      expect({ seed, hits: covered(words) }).toEqual({ seed, hits: [] });
      const near = NEAR_NAMES[seed % NEAR_NAMES.length]!;
      const { words: nearWords } = generatedPage(seed, near);
      expect({ seed, near, text: nearWords.map((w) => w.text).join(' '), hits: covered(nearWords) }).toEqual({ seed, near, text: nearWords.map((w) => w.text).join(' '), hits: [] });
    }
  });

  it('generates every kind of damage it claims to (the generator itself is not vacuous)', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= RUNS; seed++) {
      const { words } = generatedPage(seed, NAMES[seed % NAMES.length]!);
      const text = words.map((word) => word.text).join(' ');
      if (/[\u200B-\u200D\u2060\uFEFF]/.test(text)) kinds.add('zero-width');
      if (/[-\u2010\u2011\u2012\u00AD]$/m.test(words.map((w) => w.text).join('\n'))) kinds.add('hyphen');
      if (words.filter((w) => [...w.text].length === 1).length >= 5) kinds.add('spaced');
      if ([...HOMOGLYPHS.values()].some((c) => text.includes(c)) && /[a-z]/i.test(text)) kinds.add('homoglyph');
      if (text !== text.normalize('NFC')) kinds.add('nfd');
    }
    expect([...kinds].sort()).toEqual(['homoglyph', 'hyphen', 'nfd', 'spaced', 'zero-width']);
  });
});
