/**
 * Name-like phrases that match nobody in the register: suggestions the lawyer may add as a new person.
 * A lawyer must not wade through junk, so only shapes that are hard to mistake count, and all of them
 * with a confidence below any known person's:
 * - a surname with a Kazakh patronymic or Russian surname ending next to a given name
 *   (Нурбековой Алия, Arman Zhakipov), or with initials (А. Сейдахметова, Искаковой Н.А.);
 * - Mr / Ms / Dr and a name; a Chinese transcribed name with its middle dot (阿依古丽·托合提);
 *   a passport's machine-readable name;
 * - the upper-case words of a card's surname and given-name fields, and a name after «гражданке»,
 *   «заявитель», «на имя», «holder».
 */
import type { PageInput, PersonMention } from '../types';
import { compactHan, printed } from './hanNames';
import { findMrzNames } from './mrz';
import { followsInitial, joinsName, type NameWord } from './nameWords';
import { capitalised, COUNTRY_WORDS, givenLike, letters, NOT_A_NAME, SURNAME_ENDING, surnameLike } from './nameShapes';
import type { Register } from './personRegister';

const CUES = new Set(['гражданину', 'гражданке', 'гражданина', 'гражданки', 'гражданин', 'гражданка', 'заявитель', 'заявителя', 'заявителю', 'заявителем', 'holder', 'applicant']);
const CARD_LABELS = new Set(['фамилия', 'тегі', 'surname', 'имя', 'аты', 'given', 'name', 'names']);
/**
 * The words of a card's other labels, in Russian, Kazakh and English (also as OCR without Kazakh letters
 * reads them): a name field ends at them and none of them is a name («ӘКЕСІНІҢ АТЫ / ОТЧЕСТВО», «ТУҒАН
 * КҮНІ / ДАТА РОЖДЕНИЯ / DATE OF BIRTH» under a name).
 */
const CARD_WORDS = new Set([
  ...CARD_LABELS,
  ...['отчество', 'әкесінің', 'әкесiнiң', 'экесинин', 'patronymic', 'father', 'father’s', "father's"],
  ...['дата', 'рождения', 'туған', 'туган', 'күні', 'куни', 'кунi', 'date', 'of', 'birth'],
  ...['место', 'жері', 'жери', 'place', 'пол', 'жынысы', 'sex', 'ұлты', 'улты', 'национальность', 'nationality', 'гражданство', 'азаматтығы', 'citizenship'],
  ...['выдачи', 'берілген', 'берилген', 'issue', 'орган', 'берген', 'authority', 'срок', 'действия', 'жарамдылық', 'мерзімі', 'expiry'],
  ...['тип', 'түрі', 'type', 'код', 'коды', 'code', 'state', 'мемлекет', 'паспорт', 'төлқұжат', 'passport', 'номер', 'нөмірі', 'no', 'иин', 'жсн', 'iin'],
]);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr']);
const RUSSIAN_PATRONYMIC = /(?:ович|евич|овна|евна|ична)$/u;
/**
 * Characters Chinese uses to transcribe foreign (Kazakh, Uyghur, Russian) names, after the Xinhua
 * transcription tables: a transcribed name is a run of these around its middle dot, so the name found
 * stops at 户主, 男, 的父亲 and the like, which Chinese text has no spaces to set apart.
 */
const TRANSCRIPTION = new Set(
  [...'阿埃艾爱安昂敖奥澳巴白拜班邦保堡鲍贝本比毕彼别宾滨冰波伯勃博布才查察昌达大代戴丹当道德登邓迪狄蒂丁东都杜敦顿多朵' +
    '俄厄鄂恩尔耳法凡范方菲斐费芬丰冯佛夫弗伏福富盖甘冈刚高戈哥格根贡古瓜圭贵哈海亥罕汗杭豪浩合和荷赫黑亨洪胡华怀霍基吉及' +
    '加佳贾坚江姜杰捷金津京晶久居君卡凯坎康考柯科可克肯孔库夸奎昆阔拉腊莱赖兰朗劳勒雷蕾里理丽利莉力历连莲列林琳玲凌留柳龙' +
    '隆卢鲁路露伦罗洛律吕玛马买迈麦曼芒毛茂梅美蒙孟米密敏明莫墨默姆木穆纳娜乃奈南楠内妮尼涅宁纽努诺欧帕潘庞佩彭皮珀普齐奇' +
    '琪恰乔切钦琴青丘屈让热仁日荣茹如儒瑞若萨塞赛桑瑟森沙莎山珊尚绍舍申什施史舒斯丝松苏素索塔泰坦汤唐陶特提田铁廷通图土吐' +
    '托瓦万旺威韦维温文翁沃乌吾武西希锡夏谢辛欣兴休修许旭逊雅亚娅延扬杨耶叶伊依怡易因英尤于宇玉约云扎泽曾詹张哲珍朱祖佐孜兹将' +
    '来赞则卓奴肉汉坤乐尕'],
);
const HAN_NAME = /\p{Script=Han}+[·・•‧]\p{Script=Han}+/gu;
/**
 * Transcription characters that are also Chinese's little words: «于» (on, at: 古丽于2024年), «和» and «及»
 * (and), «将» (will). Standing at a transcribed name's outer end they are the sentence's, not the name's.
 */
const FUNCTION_WORDS = new Set([...'于和及将']);

interface Candidate {
  start: number;
  end: number;
  confidence: number;
  explanation: string;
}

/** A surname with one or two initials on either side: the [first, last] word indices, or null. */
function initialsName(words: NameWord[], i: number): [number, number] | null {
  const w = words[i];
  if (!w) return null;
  if (w.initial) {
    let j = i;
    if (words[j + 1]?.initial && /^\.[ \t]?$/.test(words[j]!.gapAfter)) j++;
    const surname = words[j + 1];
    const two = j > i;
    if (followsInitial(words[j]!.gapAfter) && surnameLike(surname, true) && (two || SURNAME_ENDING.test(surname.folded) || letters(surname) >= 6)) return [i, j + 1];
    return null;
  }
  if (!surnameLike(w, true) || !/^[ \t]+$/.test(w.gapAfter) || !words[i + 1]?.initial) return null;
  const two = words[i + 2]?.initial && /^\.[ \t]?$/.test(words[i + 1]!.gapAfter);
  return [i, two ? i + 2 : i + 1];
}

function wordCandidates(words: NameWord[], register: Register): Candidate[] {
  const found: Candidate[] = [];
  const endOf = (j: number) => (words[j]!.initial ? words[j]!.end + 1 : words[j]!.end);
  const knownSurname = (w: NameWord) =>
    w.forms.some((f) => (register.byKey.get(f.key) ?? []).some((r) => r.part.role === 'surname'))
      ? '; the surname of a registered person, with another given name or initial: perhaps a relative'
      : '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const initials = initialsName(words, i);
    if (initials) {
      const surname = words[initials[0]]!.initial ? words[initials[1]]! : w;
      found.push({ start: w.start, end: endOf(initials[1]), confidence: 0.5, explanation: `surname and initials, nobody in the register${knownSurname(surname)}` });
      i = initials[1];
      continue;
    }
    // A surname followed by initials is named by them, not by the capitalised word before it
    // («Действия Кадырбекулы Е. суд квалифицирует»).
    if (capitalised(next) && joinsName(w.gapAfter, w, next) && !w.gapAfter.includes(',') && !initialsName(words, i + 1)) {
      const pair = (surnameLike(w) && givenLike(next)) || (givenLike(w) && surnameLike(next));
      if (pair && w.script === next.script) {
        const surname = surnameLike(w) ? w : next;
        found.push({ start: w.start, end: next.end, confidence: 0.45, explanation: `given name and surname, nobody in the register${knownSurname(surname)}` });
        i += 1;
        continue;
      }
    }
    if (HONORIFICS.has(w.folded) && capitalised(next) && /^\.?[ \t]+$/.test(w.gapAfter) && next.script === 'latin' && !NOT_A_NAME.has(next.folded)) {
      const third = words[i + 2];
      const last = capitalised(third) && /^[ \t]+$/.test(next.gapAfter) && third.script === 'latin' ? i + 2 : i + 1;
      found.push({ start: next.start, end: words[last]!.end, confidence: 0.5, explanation: `a name after «${w.surface}», nobody in the register` });
      i = last;
      continue;
    }
    if (CUES.has(w.folded) || (w.folded === 'имя' && words[i - 1]?.folded === 'на')) {
      let j = i + 1;
      while (words[j] && COUNTRY_WORDS.has(words[j]!.folded) && j - i <= 4) j++;
      // A surname with initials after the cue is found as such.
      if (initialsName(words, j)) {
        i = j - 1;
        continue;
      }
      // Two words, and a third only when it is a Russian patronymic (Фамилия Имя Отчество).
      const name: NameWord[] = [];
      for (let k = j; k < j + 3 && capitalised(words[k]) && !NOT_A_NAME.has(words[k]!.folded); k++) {
        if (k === j + 2 && !RUSSIAN_PATRONYMIC.test(words[k]!.folded)) break;
        name.push(words[k]!);
        if (!joinsName(words[k]!.gapAfter, words[k]!, words[k + 1] ?? words[k]!)) break;
      }
      const shaped = name.length >= 2 ? name.every((n) => givenLike(n) || surnameLike(n)) : name.length === 1 && surnameLike(name[0]);
      if (shaped) {
        found.push({ start: name[0]!.start, end: name.at(-1)!.end, confidence: 0.4, explanation: `a name after «${w.surface}», nobody in the register` });
        i = j + name.length - 1;
      }
    }
  }
  return found;
}

/**
 * The upper-case values of a card's surname and given-name fields: «Тегі / Фамилия / Surname ASKAROV».
 * A field where a known person was found holds no candidate: its other words are that name in other
 * scripts, or OCR's misreadings of it.
 */
function cardFieldCandidates(words: NameWord[], taken: Array<[number, number]>): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!CARD_LABELS.has(words[i]!.folded)) continue;
    let j = i + 1;
    // the label's own words: its translations, and the rest of a longer label on its line («ӘКЕСІНІҢ АТЫ / ОТЧЕСТВО»)
    while (words[j] && (CARD_LABELS.has(words[j]!.folded) || (CARD_WORDS.has(words[j]!.folded) && !words[j - 1]!.gapAfter.includes('\n')))) j++;
    const field: NameWord[] = [];
    for (; words[j] && words[j]!.caps === 'upper' && letters(words[j]!) >= 3 && !CARD_WORDS.has(words[j]!.folded); j++) {
      field.push(words[j]!);
      if (!/^[ \t]*(?:\/[ \t]*)?(?:\r?\n)?[ \t]*$/.test(words[j]!.gapAfter)) break;
    }
    if (!field.some((w) => taken.some(([s, e]) => w.start < e && s < w.end))) {
      for (const w of field) {
        found.push({ start: w.start, end: w.end, confidence: 0.35, explanation: 'upper-case name in a surname or given-name field of a card, nobody in the register' });
      }
    }
    i = j;
  }
  return found;
}

function otherCandidates(text: string, words: NameWord[]): Candidate[] {
  const found: Candidate[] = findMrzNames(text).map((m) => ({
    start: m.start,
    end: m.end,
    confidence: 0.5,
    explanation: 'name in a passport machine-readable line, nobody in the register',
  }));
  const compact = compactHan(text);
  for (const match of compact.text.matchAll(HAN_NAME)) {
    const [given, surname] = match[0].split(/[·・•‧]/u) as [string, string];
    const lead = [...given].reverse().findIndex((c) => !TRANSCRIPTION.has(c));
    const tail = [...surname].findIndex((c) => !TRANSCRIPTION.has(c));
    let givenLength = lead < 0 ? given.length : lead;
    let surnameLength = tail < 0 ? surname.length : tail;
    if (givenLength > 2 && FUNCTION_WORDS.has(given[given.length - givenLength]!)) givenLength--;
    if (surnameLength > 2 && FUNCTION_WORDS.has(surname[surnameLength - 1]!)) surnameLength--;
    if (givenLength < 2 || givenLength > 6 || surnameLength < 2 || surnameLength > 8) continue;
    const first = match.index + given.length - givenLength;
    const last = match.index + given.length + 1 + surnameLength - 1;
    found.push({
      start: compact.offsets[first]!,
      end: compact.offsets[last]! + 1,
      confidence: 0.4,
      explanation: 'Chinese transcription of a name (with the middle dot), nobody in the register',
    });
  }
  for (let i = 0; i + 1 < words.length; i++) {
    const [w, next] = [words[i]!, words[i + 1]!];
    if (w.caps === 'upper' && next.caps === 'upper' && w.script === 'latin' && next.script === 'latin' && /^[·・•‧]$/.test(w.gapAfter)) {
      found.push({ start: w.start, end: next.end, confidence: 0.4, explanation: 'upper-case transcribed name (GIVEN·SURNAME), nobody in the register' });
    }
  }
  return found;
}

export function findNameCandidates(page: PageInput, words: NameWord[], register: Register, taken: Array<[number, number]>): PersonMention[] {
  const all = [...otherCandidates(page.text, words), ...wordCandidates(words, register), ...cardFieldCandidates(words, taken)];
  const kept: Candidate[] = [];
  const spans = [...taken];
  for (const c of all) {
    if (spans.some(([s, e]) => c.start < e && s < c.end)) continue;
    kept.push(c);
    spans.push([c.start, c.end]);
  }
  return kept.map((c) => ({
    page: page.page,
    start: c.start,
    end: c.end,
    surface: printed(page.text, c.start, c.end),
    confidence: c.confidence,
    personId: null,
    explanation: c.explanation,
  }));
}
