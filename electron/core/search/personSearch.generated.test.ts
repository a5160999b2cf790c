/**
 * Persons searched across scripts on generated documents: persons registered under their full names
 * only (Kazakh, Russian and Latin letters, Chinese transcription, passport pinyin), each with letters
 * that name them in one script and one form (full, reversed, surname and initial, given name alone,
 * capitals, Russian cases and the russified -ов surname, passport pinyin surname first), a quarter
 * of them with one letter misread as OCR misreads it; queries with the whole name or a part of it
 * in another script. Recall@10 and MRR are measured per kind of query; controls show that without the
 * register the other scripts are not found, and that nothing expands to a name the query did not say.
 * The names are made-up combinations from the pool below, not the corpus's persons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addTextDocument } from '../testing/textDocuments';
import { seededRandom } from '../testing/seededRandom';
import { RegisterStore } from '../tagging/registerStore';
import { SearchService } from './searchService';
import { testIndex } from '../testing/testIndex';
import { testDatabase } from '../testing/testDatabase';

/** A name as each script writes it: Kazakh, Russian, Latin, Chinese transcription, pinyin. */
interface Name {
  kk: string;
  ru: string;
  en: string;
  zh: string;
  py: string;
}
const n = (kk: string, ru: string, en: string, zh: string, py: string): Name => ({ kk, ru, en, zh, py });
/** Given names; several persons may share one (two called Yerlan). */
const GIVEN: readonly Name[] = [
  n('Ерлан', 'Ерлан', 'Yerlan', '叶尔兰', 'Yeerlan'),
  n('Серік', 'Серик', 'Serik', '赛力克', 'Sailike'),
  n('Бауыржан', 'Бауыржан', 'Bauyrzhan', '包尔江', 'Baoerjiang'),
  n('Мұрат', 'Мурат', 'Murat', '木拉提', 'Mulati'),
  n('Айдос', 'Айдос', 'Aidos', '艾多斯', 'Aiduosi'),
  n('Қайрат', 'Кайрат', 'Kairat', '海拉提', 'Hailati'),
  n('Талғат', 'Талгат', 'Talgat', '塔力哈提', 'Talihati'),
  n('Бақыт', 'Бакыт', 'Bakyt', '巴合提', 'Baheti'),
  n('Ербол', 'Ербол', 'Yerbol', '叶尔波力', 'Yeerboli'),
  n('Самат', 'Самат', 'Samat', '萨马特', 'Samate'),
  n('Нұржан', 'Нуржан', 'Nurzhan', '努尔江', 'Nuerjiang'),
  n('Ахмет', 'Ахмет', 'Akhmet', '艾合买提', 'Aihemaiti'),
  n('Жандос', 'Жандос', 'Zhandos', '加恩多斯', 'Jiaenduosi'),
  n('Ғалым', 'Галым', 'Galym', '哈力木', 'Halimu'),
  n('Темірлан', 'Темирлан', 'Temirlan', '铁木尔兰', 'Tiemuerlan'),
];
const FEMALE: readonly Name[] = [
  n('Жанар', 'Жанар', 'Zhanar', '加娜尔', 'Jianaer'),
  n('Гүлмира', 'Гульмира', 'Gulmira', '古丽米拉', 'Gulimila'),
  n('Ботагөз', 'Ботагоз', 'Botagoz', '博塔古孜', 'Botaguzi'),
  n('Динара', 'Динара', 'Dinara', '迪娜拉', 'Dinala'),
  n('Әсел', 'Асель', 'Assel', '阿赛丽', 'Asaili'),
  n('Мәдина', 'Мадина', 'Madina', '玛迪娜', 'Madina'),
];
/** Fathers' names, from which the patronymic surnames are made (Тұрсын is Турсун in Russian letters). */
const FATHERS: readonly Name[] = [
  n('Қасым', 'Касым', 'Kasym', '哈斯木', 'Hasimu'),
  n('Төлеген', 'Толеген', 'Tolegen', '托列根', 'Tuoliegen'),
  n('Омар', 'Омар', 'Omar', '奥马尔', 'Aomaer'),
  n('Исабек', 'Исабек', 'Isabek', '依沙别克', 'Yishabieke'),
  n('Сұлтан', 'Султан', 'Sultan', '苏里坦', 'Sulitan'),
  n('Әділ', 'Адиль', 'Adil', '阿迪力', 'Adili'),
  n('Бекзат', 'Бекзат', 'Bekzat', '别克扎提', 'Biekezhati'),
  n('Рахым', 'Рахым', 'Rakhym', '热合木', 'Rehemu'),
  n('Құдайберген', 'Кудайберген', 'Kudaibergen', '胡达拜尔根', 'Hudabaiergen'),
  n('Оспан', 'Оспан', 'Ospan', '吾斯潘', 'Wusipan'),
  n('Жұмахан', 'Жумахан', 'Zhumakhan', '居马汗', 'Jumahan'),
  n('Тұрсын', 'Турсун', 'Tursyn', '吐尔逊', 'Tuerxun'),
];
/** The person nobody registered (the control): a given name no registered person has. */
const UNREGISTERED = n('Мирас', 'Мирас', 'Miras', '米拉斯', 'Milasi');

interface Person {
  given: Name;
  father: Name;
  female: boolean;
  registered: boolean;
}

/** The patronymic surname: Мұратұлы, Муратулы, Muratuly (Мұратқызы … for a daughter); the russified Муратов(а). */
const surname = (p: Person) => ({
  kk: p.father.kk + (p.female ? 'қызы' : 'ұлы'),
  ru: p.father.ru + (p.female ? 'кызы' : 'улы'),
  en: p.father.en + (p.female ? 'kyzy' : 'uly'),
  ov: p.father.ru + (p.female ? 'ова' : 'ов'),
  zh: p.father.zh,
  py: p.father.py,
});

/** The register as a lawyer keeps it: full names, one a script. */
function registerNames(p: Person): string[] {
  const s = surname(p);
  return [`${p.given.en} ${s.en}`, `${p.given.kk} ${s.kk}`, `${p.given.ru} ${s.ru}`, `${p.given.ru} ${s.ov}`, `${p.given.zh}·${s.zh}`, `${p.given.py} ${s.py}`];
}

interface Mention {
  text: string;
  script: 'kk' | 'ru' | 'en' | 'zh' | 'py';
  given: boolean;
  surname: boolean;
}

/** One way a letter names the person (in one script only). */
function mentions(p: Person): Mention[] {
  const s = surname(p);
  const g = p.given;
  const dative = p.female ? g.ru : `${g.ru}у`;
  return [
    { text: `${g.kk} ${s.kk}`, script: 'kk', given: true, surname: true },
    { text: `${s.kk.toUpperCase()} ${g.kk.toUpperCase()}`, script: 'kk', given: true, surname: true },
    { text: `${s.kk} ${g.kk[0]}.`, script: 'kk', given: false, surname: true },
    { text: `${s.ru} ${dative}`, script: 'ru', given: true, surname: true },
    { text: `${p.father.ru}${p.female ? 'овой' : 'ову'} ${g.ru[0]}.`, script: 'ru', given: false, surname: true },
    { text: `${g.ru} ${s.ov}`, script: 'ru', given: true, surname: true },
    { text: `${g.en} ${s.en}`, script: 'en', given: true, surname: true },
    { text: `${g.en[0]}. ${s.en}`, script: 'en', given: false, surname: true },
    { text: g.en.toUpperCase(), script: 'en', given: true, surname: false },
    { text: `${g.zh}·${s.zh}`, script: 'zh', given: true, surname: true },
    { text: g.zh, script: 'zh', given: true, surname: false },
    { text: `${s.py.toUpperCase()} ${g.py.toUpperCase()}`, script: 'py', given: true, surname: true },
  ];
}

const FRAME: Record<Mention['script'], (name: string, other: string) => string> = {
  kk: (name, other) => `Азамат ${name}. Сіздің өтінішіңіз қаралды. Орындаған: ${other}.`,
  ru: (name, other) => `Выдана ${name} в том, что заявление рассмотрено. Исполнитель: ${other}.`,
  en: (name, other) => `To: ${name}. Your application has been considered. Officer: ${other}.`,
  zh: (name, other) => `通知 ${[...name].join(' ')} 家属 经办人 ${other}`,
  // the passport's printed fields, surname first (its machine-readable lines are left out: see the report)
  py: (name, other) => `PASSPORT 护照 Surname / Given names ${name} Authority ${other}`,
};
/** Officers and clerks nobody registered: their names must not pull a person's letters in. */
const OTHERS = { kk: 'Д. Сейітова', ru: 'Т. Есенов', en: 'K. Sadykova', zh: '王伟', py: 'WANG WEI' };

interface Query {
  kind: string;
  text: string;
  person: number;
  /** which mentions make a letter relevant to it */
  needs: 'person' | 'given' | 'surname';
}

function queries(p: Person, index: number): Query[] {
  const s = surname(p);
  const g = p.given;
  return [
    { kind: 'full name, Latin', text: `${g.en} ${s.en}`, person: index, needs: 'person' },
    { kind: 'full name, Kazakh', text: `${g.kk} ${s.kk}`, person: index, needs: 'person' },
    { kind: 'full name, Chinese', text: `${g.zh}·${s.zh}`, person: index, needs: 'person' },
    { kind: 'full name, pinyin', text: `${g.py.toUpperCase()} ${s.py.toUpperCase()}`, person: index, needs: 'person' },
    { kind: 'given name, Chinese', text: g.zh, person: index, needs: 'given' },
    { kind: 'given name, Latin', text: g.en, person: index, needs: 'given' },
    { kind: 'given name, Kazakh', text: g.kk, person: index, needs: 'given' },
    { kind: 'surname, Russian -ов', text: s.ov, person: index, needs: 'surname' },
    { kind: 'surname, Kazakh -ұлы/-қызы', text: s.kk, person: index, needs: 'surname' },
    { kind: 'surname, Chinese', text: s.zh, person: index, needs: 'surname' },
  ];
}

interface Letter {
  title: string;
  person: number;
  mention: Mention;
}

function build(random: () => number): { persons: Person[]; letters: Letter[] } {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const persons: Person[] = [];
  const seen = new Set<string>();
  while (persons.length < 20) {
    const female = random() < 0.35;
    const given = pick(female ? FEMALE : GIVEN);
    const father = pick(FATHERS);
    if (seen.has(`${given.en} ${father.en}`)) continue;
    seen.add(`${given.en} ${father.en}`);
    persons.push({ given, father, female, registered: true });
  }
  persons.push({ given: UNREGISTERED, father: pick(FATHERS), female: false, registered: false });
  const letters: Letter[] = [];
  persons.forEach((person, index) => {
    const forms = mentions(person);
    for (let i = 0; i < 5; i++) {
      const mention = pick(forms);
      // A quarter of the scans read one letter of the name wrong, as OCR does.
      letters.push({ title: `p${index}-${i}`, person: index, mention: random() < 0.25 ? { ...mention, text: misread(mention.text, random) } : mention });
    }
  });
  return { persons, letters };
}

/** Letters OCR confuses in names (the corpus scans show these); Chinese is left as it is. */
const LOOKALIKE: Record<string, string> = { и: 'н', н: 'и', е: 'с', о: 'а', а: 'о', л: 'п', т: 'г', ұ: 'у', і: 'i', r: 'n', n: 'r', e: 'c', l: 'i', m: 'rn', a: 'o', u: 'v' };

function misread(text: string, random: () => number): string {
  const letters = [...text];
  // one letter of the longest word, not its first (an initial is read right or not at all)
  const words = text.split(/[\s.]+/).filter((word) => word.length >= 5);
  const word = words.sort((a, b) => b.length - a.length)[0];
  if (!word) return text;
  const start = text.indexOf(word);
  const candidates = [...word].map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && LOOKALIKE[c.toLowerCase()] !== undefined);
  if (candidates.length === 0) return text;
  const { c, i } = candidates[Math.floor(random() * candidates.length)]!;
  const replacement = LOOKALIKE[c.toLowerCase()]!;
  letters.splice(start + i, 1, c === c.toLowerCase() ? replacement : replacement.toUpperCase());
  return letters.join('');
}

/**
 * The letters a query must find. A given name or a surname alone: every letter that has it, of every
 * person who has it (two called Yerlan, a brother and a sister). The whole name: the person's letters
 * that give the surname; a letter with the given name alone (a card field, YERLAN) cannot be told from
 * another Yerlan's.
 */
function relevant(query: Query, persons: Person[], letters: Letter[]): string[] {
  const target = persons[query.person]!;
  const same = (p: Person) =>
    query.needs === 'given' ? p.given === target.given : query.needs === 'surname' ? p.father === target.father : p === target;
  const named = (mention: Mention) => (query.needs === 'person' ? mention.surname : mention[query.needs]);
  return letters.filter((letter) => same(persons[letter.person]!) && named(letter.mention)).map((letter) => letter.title);
}

function measure(search: SearchService, all: Query[], persons: Person[], letters: Letter[]) {
  const rows = new Map<string, { recall: number; rr: number; count: number }>();
  for (const query of all) {
    const wanted = new Set(relevant(query, persons, letters));
    if (wanted.size === 0) continue;
    const result = search.search({ query: query.text, limit: 50 });
    const ranked = [...new Set(result.hits.map((hit) => hit.title))];
    const found = ranked.slice(0, 10).filter((title) => wanted.has(title)).length;
    const first = ranked.findIndex((title) => wanted.has(title));
    const row = rows.get(query.kind) ?? { recall: 0, rr: 0, count: 0 };
    row.recall += found / Math.min(10, wanted.size);
    row.rr += first < 0 ? 0 : 1 / (first + 1);
    row.count++;
    rows.set(query.kind, row);
  }
  let recall = 0;
  let rr = 0;
  let count = 0;
  for (const row of rows.values()) {
    recall += row.recall;
    rr += row.rr;
    count += row.count;
  }
  const table = [...rows].map(([kind, row]) => `  ${kind.padEnd(28)} recall@10 ${(row.recall / row.count).toFixed(3)}  MRR ${(row.rr / row.count).toFixed(3)}  (${row.count})`);
  return { recall: recall / count, mrr: rr / count, byKind: new Map([...rows].map(([kind, row]) => [kind, row.recall / row.count])), table };
}

function vault(letters: Letter[], persons: Person[], register: boolean): SearchService {
  const db = testDatabase();
  for (const letter of letters) addTextDocument(db, { title: letter.title, pages: [FRAME[letter.mention.script](letter.mention.text, OTHERS[letter.mention.script])] });
  if (register) {
    RegisterStore.open(db).importPersons(
      persons.flatMap((person, index) => {
        if (!person.registered) return [];
        const [name, ...variants] = registerNames(person);
        return [{ id: `P${index}`, name: name!, variants, role: 'client' as const, protected: false, dateOfBirth: null, relations: [] }];
      }),
    );
  }
  return new SearchService(db, testIndex(db));
}

describe.each([20_261_313, 7_001])('registered persons searched across scripts (seed %i)', (seed) => {
  const { persons, letters } = build(seededRandom(seed));
  const registered = persons.flatMap((person, index) => (person.registered ? queries(person, index) : []));
  let search: SearchService;

  beforeAll(() => {
    search = vault(letters, persons, true);
  });

  it('finds each person by the whole name or a part of it in any script: recall@10 ≥ 0.95, MRR ≥ 0.95', () => {
    const { recall, mrr, byKind, table } = measure(search, registered, persons, letters);
    console.log(`persons, seed ${seed}: ${registered.length} queries, recall@10 ${recall.toFixed(3)}, MRR ${mrr.toFixed(3)}\n${table.join('\n')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(mrr).toBeGreaterThanOrEqual(0.95);
    expect(byKind.get('given name, Chinese')).toBeGreaterThanOrEqual(0.95);
  });

  it('control: without the register, a name in another script than the letter is mostly not found', () => {
    const without = measure(vault(letters, persons, false), registered, persons, letters);
    console.log(`persons without the register, seed ${seed}: recall@10 ${without.recall.toFixed(3)}\n${without.table.join('\n')}`);
    expect(without.byKind.get('given name, Chinese')!).toBeLessThan(0.6);
    expect(without.recall).toBeLessThan(0.85);
  });

  it('control: an unregistered person is found in the script typed only', () => {
    const index = persons.findIndex((person) => !person.registered);
    const person = persons[index]!;
    const latinOnly = letters.filter((letter) => letter.person === index && letter.mention.script === 'en').map((l) => l.title);
    const found = search.search({ query: person.given.zh, limit: 50 }).hits.map((hit) => hit.title);
    for (const title of latinOnly) expect(found).not.toContain(title);
  });
});

describe('person expansion, over-expansion and ranking', () => {
  const yerlanM: Person = { given: GIVEN[0]!, father: GIVEN[3]!, female: false, registered: true }; // Yerlan Muratuly
  const yerlanB: Person = { given: GIVEN[0]!, father: GIVEN[7]!, female: false, registered: true }; // Yerlan Bakytuly
  const letters: Letter[] = [
    { title: 'M-latin-given', person: 0, mention: { text: 'Yerlan', script: 'en', given: true, surname: false } },
    { title: 'M-chinese-full', person: 0, mention: { text: '叶尔兰·木拉提', script: 'zh', given: true, surname: true } },
    { title: 'M-chinese-given', person: 0, mention: { text: '叶尔兰', script: 'zh', given: true, surname: false } },
    { title: 'M-surname-only', person: 0, mention: { text: 'Муратову Е.', script: 'ru', given: false, surname: true } },
    { title: 'B-surname-only', person: 1, mention: { text: 'Бақытұлы Е.', script: 'kk', given: false, surname: true } },
    { title: 'B-kazakh-full', person: 1, mention: { text: 'Ерлан Бақытұлы', script: 'kk', given: true, surname: true } },
  ];
  let search: SearchService;
  beforeAll(() => {
    search = vault(letters, [yerlanM, yerlanB], true);
  });
  const titles = (query: string) => search.search({ query, limit: 50 }).hits.map((hit) => hit.title);

  it('ranks the spelling typed first, another spelling of the whole name next, a part of the name last', () => {
    expect(titles('Yerlan')).toEqual(['M-latin-given', 'B-kazakh-full', 'M-chinese-full', 'M-chinese-given']);
    const chinese = search.search({ query: '叶尔兰', limit: 50 }).hits;
    expect(chinese.slice(0, 2).map((hit) => hit.title).sort()).toEqual(['M-chinese-full', 'M-chinese-given']);
    expect(chinese.map((hit) => hit.title).slice(2)).toEqual(['B-kazakh-full', 'M-latin-given']);
    expect(chinese.at(-1)!.forms).toEqual(['alias']);
  });

  it('a given name two persons share finds both persons by it, but not by their surnames', () => {
    const found = titles('叶尔兰');
    expect(found).toEqual(expect.arrayContaining(['M-latin-given', 'B-kazakh-full']));
    expect(found).not.toContain('M-surname-only');
    expect(found).not.toContain('B-surname-only');
  });

  it('the whole name finds a letter with the surname and an initial, after the whole-name letters', () => {
    const found = titles('叶尔兰·木拉提');
    expect(found[0]).toBe('M-chinese-full');
    expect(found).toContain('M-surname-only');
    expect(found).not.toContain('B-surname-only');
    expect(found).not.toContain('B-kazakh-full');
  });

  it('a single Chinese character expands to no name', () => {
    expect(titles('尔').sort()).toEqual(['M-chinese-full', 'M-chinese-given']);
  });
});
