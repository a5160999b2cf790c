import { describe, expect, it } from 'vitest';
import type { KnownPerson, PersonMention } from '../types';
import { findPersonMentions } from './personMentions';

/** Registers as a lawyer types them: a name and one or two spellings, never every form a letter uses. */
const NURLAN: KnownPerson = { id: 'nurlan', name: 'Nurlan Askaruly', variants: ['Нұрлан Асқарұлы', '努尔兰·阿斯卡尔', 'Nuerlan Asikaer'] };
const AIGERIM: KnownPerson = { id: 'aigerim', name: 'Aigerim Dauletkyzy', variants: [] };
const ARUZHAN: KnownPerson = { id: 'aruzhan', name: 'Aruzhan Nurlankyzy', variants: ['阿茹将·努尔兰'] };
const TIMUR: KnownPerson = { id: 'timur', name: 'Timur Yesimkhanov', variants: [] };
const NURGUL: KnownPerson = { id: 'nurgul', name: 'Нургуль Искакова', variants: [] };

const find = (text: string, persons: KnownPerson[], more: string[] = []) =>
  findPersonMentions([text, ...more].map((t, i) => ({ page: i + 1, text: t })), persons);
const known = (mentions: PersonMention[]) => mentions.filter((m) => m.personId !== null);
const brief = (mentions: PersonMention[]) => mentions.map((m) => [m.personId, m.surface]);

describe('findPersonMentions: across scripts', () => {
  it('matches Kazakh, Russian and Latin spellings of a name recorded in Latin only, Kazakh letters included', () => {
    const text = 'Өтініш беруші Әйгерім Дәулетқызы. Заявитель Айгерим Даулеткызы. Applicant Aigerim Dauletqyzy.';
    const found = find(text, [AIGERIM]);
    expect(brief(found)).toEqual([
      ['aigerim', 'Әйгерім Дәулетқызы'],
      ['aigerim', 'Айгерим Даулеткызы'],
      ['aigerim', 'Aigerim Dauletqyzy'],
    ]);
    expect(found[0]!.explanation).toBe('same name in another script: Әйгерім Дәулетқызы = Aigerim Dauletkyzy');
    expect(found[2]!.explanation).toBe('same name, another spelling: Aigerim Dauletqyzy = Aigerim Dauletkyzy');
  });

  it('matches a Latin spelling against a register that has the name in Kazakh Cyrillic only', () => {
    const found = find('Aigerim Dauletkyzy and Dauletkyzy Aigerim', [{ id: 'a', name: 'Әйгерім Дәулетқызы', variants: [] }]);
    expect(brief(found)).toEqual([['a', 'Aigerim Dauletkyzy'], ['a', 'Dauletkyzy Aigerim']]);
    expect(found[1]!.explanation).toContain('surname first');
  });

  it('reports a name recorded in the register as such, with the higher confidence', () => {
    const [recorded] = find('Нұрлан Асқарұлы', [NURLAN]);
    const [derived] = find('Нурлан Аскарулы', [NURLAN]);
    expect(recorded!.explanation).toBe('name as recorded for this person: Нұрлан Асқарұлы = Nurlan Askaruly');
    expect(recorded!.confidence).toBeGreaterThan(derived!.confidence);
    expect(derived!.explanation).toBe('same name in another script: Нурлан Аскарулы = Nurlan Askaruly');
  });

  it('gives one mention per occurrence, over a line break too', () => {
    const found = find('в интересах Нурлан\nАскарулы, проживающего', [NURLAN]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ personId: 'nurlan', surface: 'Нурлан Аскарулы', start: 12, end: 27 });
  });

  it('meets a Russian -ов surname written for a -ұлы one', () => {
    expect(brief(find('Болат Жумабеков', [{ id: 'b', name: 'Bolat Zhumabekuly', variants: [] }]))).toEqual([['b', 'Болат Жумабеков']]);
  });
});

describe('findPersonMentions: initials', () => {
  it('matches a surname with an initial after or before it, in either script', () => {
    const text = 'Гражданину КНР\nАскарулы Н.\n... N. Askaruly ... Заместитель Председателя Т. Есимханов\nT. Yesimkhanov';
    expect(brief(find(text, [NURLAN, TIMUR]))).toEqual([
      ['nurlan', 'Аскарулы Н.'],
      ['nurlan', 'N. Askaruly'],
      ['timur', 'Т. Есимханов'],
      ['timur', 'T. Yesimkhanov'],
    ]);
  });

  it('takes both initials of a Russian name, and the Latin Y of Yerzhan as Е', () => {
    const found = find('судьи Искаковой Н.А., подсудимого Y. Kadyrbekuly', [NURGUL, { id: 'y', name: 'Ержан Кадырбекулы', variants: [] }]);
    expect(brief(found)).toEqual([['nurgul', 'Искаковой Н.А.'], ['y', 'Y. Kadyrbekuly']]);
    expect(found[0]!.explanation).toBe('surname and initials: Искаковой Н.А. = Нургуль Искакова');
  });

  it('does not give a surname with another initial to the registered person, but offers it as a candidate', () => {
    const found = find('Аскарулы С. подал заявление', [NURLAN]);
    expect(known(found)).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ personId: null, surface: 'Аскарулы С.' });
    expect(found[0]!.explanation).toContain('perhaps a relative');
  });
});

describe('findPersonMentions: Russian and Kazakh case forms', () => {
  it('matches inflected given names and surnames', () => {
    const text = 'в отношении Аскарулы Нурлана ... выдать Нурлану Аскарулы ... с Нурланом Аскарулы ... Нұрланға Асқарұлына';
    expect(brief(find(text, [NURLAN]))).toEqual([
      ['nurlan', 'Аскарулы Нурлана'],
      ['nurlan', 'Нурлану Аскарулы'],
      ['nurlan', 'Нурланом Аскарулы'],
      ['nurlan', 'Нұрланға Асқарұлына'],
    ]);
  });

  it('matches the oblique case of a feminine -ова surname', () => {
    const found = find('при секретаре Есимхановой А.', [{ id: 'a', name: 'Aizhan Yesimkhanova', variants: [] }]);
    expect(brief(found)).toEqual([['a', 'Есимхановой А.']]);
  });

  it('matches a feminine given name in the genitive next to its surname', () => {
    expect(brief(find('интересы Мадины Сейткалиевой', [{ id: 'm', name: 'Madina Seitkaliyeva', variants: [] }]))).toEqual([
      ['m', 'Мадины Сейткалиевой'],
    ]);
  });
});

describe('findPersonMentions: a word alone', () => {
  const card = 'Тегі / Фамилия / Surname АСҚАРҰЛЫ / АСКАРУЛЫ /\nASKARULY\n\nАты / Имя / Given name НҰРЛАН / НУРЛАН / NURLAN';

  it('finds each upper-case card field, the surname surer than the given name, none merged across lines', () => {
    const found = find(card, [NURLAN]);
    expect(brief(found)).toEqual(['АСҚАРҰЛЫ', 'АСКАРУЛЫ', 'ASKARULY', 'НҰРЛАН', 'НУРЛАН', 'NURLAN'].map((s) => ['nurlan', s]));
    expect(found[0]!.explanation).toBe('surname only: АСҚАРҰЛЫ = Nurlan Askaruly');
    expect(found[3]!.confidence).toBeLessThan(found[0]!.confidence);
    expect(found[3]!.explanation).toContain('the surname is on this document too');
  });

  it('reads a card field OCR wrote in Latin look-alikes (НУРЛАН as HYPJIAH) and Ә read as Э', () => {
    const found = find('ДЭУЛЕТКЫЗЫ / DAULETKYZY\n\nHYPJIAH / NURLAN', [AIGERIM, NURLAN]);
    expect(brief(found)).toEqual([['aigerim', 'ДЭУЛЕТКЫЗЫ'], ['aigerim', 'DAULETKYZY'], ['nurlan', 'HYPJIAH'], ['nurlan', 'NURLAN']]);
  });

  it('does not read a daughter\'s patronymic surname as her father\'s given name', () => {
    const found = find('Дети: Нурланкызы', [NURLAN, ARUZHAN]);
    expect(brief(found)).toEqual([['aruzhan', 'Нурланкызы']]);
    expect(brief(known(find('Аскарулы Нурланкызы', [NURLAN])))).toEqual([['nurlan', 'Аскарулы']]);
  });

  it('credits a given name shared by two persons to the one the document names in full, else to nobody', () => {
    const other: KnownPerson = { id: 'nurlan2', name: 'Nurlan Serikbayev', variants: [] };
    expect(known(find('Нурлан пришёл в офис.', [NURLAN, other]))).toEqual([]);
    const found = find('Нурлан Аскарулы, далее — заявитель.', [NURLAN, other], ['Нурлан подписал.']);
    expect(brief(found)).toEqual([['nurlan', 'Нурлан Аскарулы'], ['nurlan', 'Нурлан']]);
    expect(found[1]!.page).toBe(2);
    expect(found[1]!.explanation).toContain('named in full elsewhere in this document');
  });

  it('gives a given name alone, with nothing else in the document, a low confidence', () => {
    const [alone] = find('Айгерим сообщила', [AIGERIM]);
    expect(alone!.personId).toBe('aigerim');
    expect(alone!.confidence).toBeLessThanOrEqual(0.3);
  });

  it('leaves a known surname beside another given name to the candidates (another member of the family)', () => {
    const found = find('Брат заявителя Серик Аскарулы', [NURLAN]);
    expect(known(found)).toEqual([]);
    expect(found.map((m) => m.surface)).toEqual(['Серик Аскарулы']);
  });
});

describe('findPersonMentions: Chinese and passport lines', () => {
  it('finds a Chinese name with OCR spaces between the characters, and its given name alone', () => {
    const found = find('户 主 努 尔 兰 · 阿 斯 卡 尔 男\n名 努 尔 兰', [NURLAN]);
    expect(brief(found)).toEqual([['nurlan', '努尔兰·阿斯卡尔'], ['nurlan', '努尔兰']]);
    expect(found[0]!.explanation).toBe('Chinese name recorded for this person: 努尔兰·阿斯卡尔 = Nurlan Askaruly');
    expect(found[1]!.confidence).toBeLessThan(found[0]!.confidence);
  });

  it('reads 努尔兰 inside a daughter\'s Chinese name as hers, and 努尔兰 alone by the document', () => {
    expect(brief(find('女 阿茹将·努尔兰 女', [NURLAN, ARUZHAN]))).toEqual([['aruzhan', '阿茹将·努尔兰']]);
    expect(known(find('努尔兰', [NURLAN, ARUZHAN]))).toEqual([]);
    expect(brief(find('努尔兰 Nurlan Askaruly', [NURLAN, ARUZHAN]))).toEqual([['nurlan', '努尔兰'], ['nurlan', 'Nurlan Askaruly']]);
  });

  it('runs a Chinese surname on over its transcribed -қызы', () => {
    const found = find('艾格尔木·道来提克孜', [{ ...AIGERIM, variants: ['艾格尔木·道来提'] }]);
    expect(brief(found)).toEqual([['aigerim', '艾格尔木·道来提克孜']]);
  });

  it('finds the name in a passport machine-readable line, OCR spaces and all', () => {
    const found = find('P<CHNAS IKAER<<NUERLAN<<<<<<<<<<<<<<<<<<<<<<<\nE303064459CHN7903144M1804227<<<<<24', [NURLAN]);
    expect(brief(found)).toEqual([['nurlan', 'AS IKAER<<NUERLAN']]);
    expect(found[0]!.explanation).toBe('passport machine-readable line: ASIKAER<<NUERLAN = Nurlan Askaruly');
  });
});

describe('findPersonMentions: OCR misreadings', () => {
  it('accepts a surname a letter or two off when an initial that fits stands by it', () => {
    const found = find('Заместитель Председателя Т.Есимханон\nГражданке Сарсенбагввой Г.', [TIMUR, { id: 'g', name: 'Gulnar Sarsenbaikyzy', variants: ['Гульнар Сарсенбаева'] }]);
    expect(brief(found)).toEqual([['timur', 'Т.Есимханон'], ['g', 'Сарсенбагввой Г.']]);
    expect(found[0]!.explanation).toContain('perhaps misread by OCR');
    expect(found[0]!.confidence).toBeLessThan(0.8);
  });

  it('accepts a given name a letter off next to the right surname (Куляш for Kulash)', () => {
    expect(brief(find('мать Куляш Мухамет', [{ id: 'k', name: 'Kulash Mukhametkyzy', variants: [] }]))).toEqual([['k', 'Куляш Мухамет']]);
  });

  it('does not accept a garbled surname alone', () => {
    expect(known(find('Есимханон', [TIMUR]))).toEqual([]);
  });
});

describe('findPersonMentions: candidates', () => {
  const letter = [
    'Гражданке Китайской Народной Республики\nСарсенбаевой Г.',
    'Комитет миграционной службы Министерства внутренних дел Республики Казахстан, рассмотрев Ваше обращение,',
    'сообщает следующее. В соответствии с подпунктом 1) статьи 49 Закона Республики Казахстан № 477-IV',
    'Перевод выполнен переводчиком Алия Нурбекова. Я, Арман Жакипов, нотариус города Алматы.',
    'Председательствующий судья Искакова Н.А.\nЗаместитель Председателя Т. Есимханов\nИсп.: А. Сейдахметова',
    'Prepared by Mr Daniyar Abilov for the Panfilov District Court of Almaty Region.',
    '户主姓名：阿依古丽·托合提',
  ].join('\n\n');

  it('offers the names of a letter nobody registered, and nothing else', () => {
    const found = find(letter, []);
    expect(found.map((m) => m.surface)).toEqual([
      'Сарсенбаевой Г.',
      'Алия Нурбекова',
      'Арман Жакипов',
      'Искакова Н.А.',
      'Т. Есимханов',
      'А. Сейдахметова',
      'Daniyar Abilov',
      '阿依古丽·托合提',
    ]);
    expect(found.every((m) => m.personId === null && m.confidence <= 0.5)).toBe(true);
  });

  it('does not offer a known person as a candidate', () => {
    const found = find(letter, [{ id: 'x', name: 'Aliya Nurbekova', variants: [] }]);
    expect(found.filter((m) => m.surface === 'Алия Нурбекова').map((m) => m.personId)).toEqual(['x']);
  });

  it('offers the upper-case fields of a card whose holder is unknown, and a passport line', () => {
    const found = find('Тегі / Фамилия / Surname ТОКТАРОВ / TOKTAROV\nP<CHNTUOHETAER<<SAWULIE<<<<<<<<<<<<<<<<<<<<<<', []);
    expect(found.map((m) => m.surface)).toEqual(['ТОКТАРОВ', 'TOKTAROV', 'TUOHETAER<<SAWULIE']);
  });

  it("never takes a card's other labels for the name in its field, in Kazakh, Russian and English", () => {
    const card = 'ТЕГІ / ФАМИЛИЯ\nОРАЗБАЕВ\nАТЫ / ИМЯ\nЕРЛАН\nӘКЕСІНІҢ АТЫ / ОТЧЕСТВО\nСЕРІКҰЛЫ\nТУҒАН КҮНІ / ДАТА РОЖДЕНИЯ\n03.11.1978';
    expect(find(card, []).map((m) => m.surface)).toEqual(['ОРАЗБАЕВ', 'ЕРЛАН', 'СЕРІКҰЛЫ']);
    const passport = 'SURNAME / ТЕГІ\nABILKASSYMOVA\nGIVEN NAMES / АТЫ\nSALTANAT\nDATE OF BIRTH / ТУҒАН КҮНІ\n22 JUL 1983\nNAME / АТЫ\nPLACE OF BIRTH / ТУҒАН ЖЕРІ\nXINJIANG';
    expect(find(passport, []).map((m) => m.surface)).toEqual(['ABILKASSYMOVA', 'SALTANAT']);
  });

  it("ends a transcribed Chinese name before the sentence's little words: 于 (on), 和 and 及 (and)", () => {
    const found = find('你的妹妹叶尔兰·古丽于2024年8月15日已向我局说明情况。证人和阿依古丽·托合提及其家属。', []);
    expect(found.map((m) => m.surface)).toEqual(['叶尔兰·古丽', '阿依古丽·托合提']);
    // control: a name whose own last character is one of them is not cut below two characters
    expect(find('证人古丽·于', []).map((m) => m.surface)).toEqual([]);
  });

  it('keeps capitalised words of running text out', () => {
    const text = 'Решение Специализированного межрайонного административного суда города Алматы Республики Казахстан. Ростов Великий. Министерство Иностранных Дел. Panfilov District Court.';
    expect(find(text, [])).toEqual([]);
    const sentences = 'Присвоить Токтаркызы статус беженца. Действия Кадырбекулы Е. суд квалифицирует. Дальнейшие действия.';
    expect(find(sentences, []).map((m) => m.surface)).toEqual(['Кадырбекулы Е.']);
  });

  it('does not take a capitalised common word for a given name alone', () => {
    const found = find('Арман сол кезде орындалмады. Оның арманы — үйге қайту.', [{ id: 'a', name: 'Arman Zhakipov', variants: [] }]);
    expect(known(found)).toEqual([]);
  });
});
