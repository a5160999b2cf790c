/**
 * The redaction planner on the spellings the corpus prints: every script, case forms, OCR damage,
 * Chinese names split over OCR words — and what it must leave alone (a client's patronymic built on a
 * protected father's given name).
 */
import { describe, expect, it } from 'vitest';
import type { BundleRedactionOptions } from '../../../shared/domain/bundle';
import type { PageRecord, Word } from '../../../shared/domain/document';
import type { Person } from '../../../shared/domain/tagging';
import { scrubText } from './redactionMatcher';
import { planPageRedactions, redactionRules, wordsOutside } from './redactionPlan';

const person = (id: string, name: string, variants: string[], isProtected: boolean): Person => ({
  id,
  name,
  variants,
  role: isProtected ? 'relative' : 'client',
  dateOfBirth: null,
  notes: '',
  protected: isProtected,
});

const PERSONS: Person[] = [
  person('D-P01', 'Nurlan Askaruly', ['Нұрлан Асқарұлы', 'Нурлан Аскарулы', '努尔兰·阿斯卡尔'], false),
  person('D-P02', 'Aigerim Dauletkyzy', ['Айгерим Даулеткызы', 'Әйгерім Дәулетқызы', '艾格尔木·道来提'], false),
  person('D-P07', 'Daulet Kosherbaiuly', ['Даулет Кошербайулы', 'Daulet', 'Kosherbaiuly', '道来提·库谢尔拜'], true),
  person('D-P08', 'Kulash Mukhametkyzy', ['Куляш Мухаметкызы', 'Күләш Мұхаметқызы', '库拉西·木哈买提', 'Mukhametkyzy'], true),
];

const OPTIONS: BundleRedactionOptions = { protectedPersons: true, terms: [], boxes: [], waived: [] };

/** Words laid out left to right on lines (a new line at each "\n" token). */
function layout(text: string): Word[] {
  const words: Word[] = [];
  let x = 10;
  let y = 10;
  for (const token of text.split(/ +/)) {
    if (token === '\n') {
      x = 10;
      y += 40;
      continue;
    }
    const width = 12 * [...token].length;
    words.push({ text: token, bbox: [x, y, x + width, y + 24], conf: 90 });
    x += width + 10;
  }
  return words;
}

function page(text: string, n = 1): PageRecord {
  return {
    page: n,
    status: 'done',
    source: 'ocr',
    errorCode: null,
    errorMessage: null,
    width: 2000,
    height: 2000,
    dpi: 300,
    rotation: 0,
    skew: 0,
    confidence: 90,
    text,
    words: layout(text),
    print: { status: 'done', confidence: 90, script: null, error: null },
    lowConfidence: false,
    readingConfirmedAt: null,
  };
}

function redactedWords(text: string, options: BundleRedactionOptions = OPTIONS): string[] {
  const p = page(text);
  const planned = planPageRedactions('doc_test01', p, redactionRules(options, PERSONS), options);
  const kept = new Set(wordsOutside(p.words, planned.filter((r) => !r.waived).map((r) => r.box)));
  return p.words.filter((w) => !kept.has(w)).map((w) => w.text);
}

describe('redaction planner', () => {
  it('finds a protected person in every script and case form, and leaves others alone', () => {
    expect(redactedWords('His mother Kulash Mukhametkyzy still lives there.')).toEqual(['Kulash', 'Mukhametkyzy']);
    expect(redactedWords('мать заявителя Мухаметкызы Куляш проживает')).toEqual(['Мухаметкызы', 'Куляш']);
    expect(redactedWords('анасы Күләш Мұхаметқызы')).toEqual(['Күләш', 'Мұхаметқызы']);
    // Russian case forms and Latin spellings of a Cyrillic name
    expect(redactedWords('от Даулета Кошербайулы получено')).toEqual(['Даулета', 'Кошербайулы']);
    expect(redactedWords('Nurlan Askaruly (Нұрлан Асқарұлы) claimant')).toEqual([]);
  });

  it('finds names that typography cut into pieces: letter spacing, a line-end hyphen, zero-width characters', () => {
    expect(redactedWords('his mother K u l a s h lives there')).toEqual(['K', 'u', 'l', 'a', 's', 'h']);
    expect(redactedWords('mother Kulash Mukhamet- \n kyzy lives')).toEqual(['Kulash', 'Mukhamet-', 'kyzy']);
    expect(redactedWords('анасы Мұх\u200Bамет\u00ADқызының хаты')).toEqual(['Мұх\u200Bамет\u00ADқызының']);
    // …and a patronymic built on a protected given name stays, however it is cut.
    expect(redactedWords('Aigerim Daulet- \n kyzy, D a u l e t k y z y')).toEqual([]);
  });

  it('tolerates one OCR error in a long word, and punctuation glued to words', () => {
    expect(redactedWords('(Kulash Mukhametkyzv), his mother')).toEqual(['(Kulash', 'Mukhametkyzv),']);
    expect(redactedWords('Kosherbaiu1y said')).toEqual(['Kosherbaiu1y']);
  });

  it('does not take a patronymic built on a protected given name for that name', () => {
    expect(redactedWords('Aigerim Dauletkyzy, born 1986; Daulet, her father')).toEqual(['Daulet,']);
  });

  it('finds Chinese names as contiguous characters, however OCR split or dotted them', () => {
    expect(redactedWords('其 母 库 拉 西 · 木 哈 买 提 仍 在')).toEqual(['库', '拉', '西', '·', '木', '哈', '买', '提']);
    expect(redactedWords('其母库拉西.木哈买提仍在新疆')).toEqual(['其母库拉西.木哈买提仍在新疆']);
    expect(redactedWords('父亲 道来提 库谢尔拜')).toEqual(['道来提', '库谢尔拜']);
    // one character misread in a long name; a part alone (the father's name in a child's) is left
    expect(redactedWords('其母库拉西·木晗买提')).toEqual(['其母库拉西·木晗买提']);
    expect(redactedWords('艾格尔木·道来提 库谢')).toEqual([]);
  });

  it('redacts terms (phrases too), labels without the text, and keys that stay the same', () => {
    const options = { ...OPTIONS, protectedPersons: false, terms: ['Aksai-4', 'apt. 12'] };
    expect(redactedWords('residing at Almaty, Aksai-4 microdistrict, bldg. 57, apt. 12', options)).toEqual(['Aksai-4', 'apt.', '12']);
    const p = page('residing at Almaty, Aksai-4 microdistrict');
    const first = planPageRedactions('doc_test01', p, redactionRules(options, PERSONS), options);
    const again = planPageRedactions('doc_test01', p, redactionRules(options, PERSONS), options);
    expect(first.map((r) => r.key)).toEqual(again.map((r) => r.key));
    expect(first).toMatchObject([{ reason: 'term', label: 'Redacted word 1', waived: false }]);
    // The lawyer sees what a box covers; the label that is printed in the redaction log does not say it.
    expect(first.map((r) => r.subject)).toEqual(['Aksai-4']);
    expect(JSON.stringify(first.map(({ subject: _subject, ...printed }) => printed))).not.toMatch(/Aksai/i);
  });

  it('honours waived keys, numbers protected persons stably, and adds manual boxes with their reason', () => {
    const p = page('Kulash Mukhametkyzy \n and Daulet Kosherbaiuly');
    const rules = redactionRules(OPTIONS, PERSONS);
    const planned = planPageRedactions('doc_test01', p, rules, OPTIONS);
    expect(planned.map((r) => r.label)).toEqual(['Protected person 1', 'Protected person 2']);
    const withWaiver = { ...OPTIONS, waived: [planned[1]!.key], boxes: [{ docId: 'doc_test01', page: 1, box: [0, 500, 300, 40] as [number, number, number, number], reason: 'address of a relative' }] };
    const again = planPageRedactions('doc_test01', p, redactionRules(withWaiver, PERSONS), withWaiver);
    expect(again.map((r) => [r.label, r.waived])).toEqual([
      ['Protected person 1', false],
      ['Protected person 2', true],
      ['address of a relative', false],
    ]);
  });

  it('gives a name broken over two lines a box on each line', () => {
    const planned = planPageRedactions('doc_test01', page('mother Kulash \n Mukhametkyzy lives'), redactionRules(OPTIONS, PERSONS), OPTIONS);
    expect(planned).toHaveLength(2);
    for (const r of planned) expect(r.box[3]).toBeLessThan(40);
  });

  it('scrubs names and terms from the text Dalel prints', () => {
    const rules = redactionRules({ ...OPTIONS, terms: ['Aksai-4'] }, PERSONS);
    expect(scrubText('Letter about Kulash Mukhametkyzy, Aksai-4', rules)).toBe('Letter about [redacted], [redacted]');
    expect(scrubText('household_register_库拉西·木哈买提.pdf', rules)).toBe('household_register_[redacted].pdf');
    expect(scrubText('Refusal to Aigerim Dauletkyzy', rules)).toBe('Refusal to Aigerim Dauletkyzy');
  });

  it('lets a protected spelling give way inside another person’s name (a daughter’s surname is her father’s name)', () => {
    const persons = [...PERSONS, person('D-P09', 'Aruzhan Nurlankyzy', ['NUERLAN', '努尔兰', '阿茹将·努尔兰', 'Aruzhan'], true)];
    const rules = redactionRules(OPTIONS, persons);
    expect(scrubText('Appeal of Nurlan Askaruly (努尔兰·阿斯卡尔)', rules)).toBe('Appeal of Nurlan Askaruly (努尔兰·阿斯卡尔)');
    expect(scrubText('daughter 阿茹将·努尔兰, Aruzhan', rules)).toBe('daughter [redacted], [redacted]');
    // …and the father's name alone, which the register also gives as hers, is his on his own certificate.
    expect(scrubText('НУРЛАН / NURLAN / 努尔兰', rules)).toBe('НУРЛАН / NURLAN / 努尔兰');
  });
});
