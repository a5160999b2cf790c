/**
 * Generated letters, decisions and notices in Russian, Kazakh, English and Chinese: the document's own
 * date under the letterhead (beside its number, after «от», on a «Date:» line) or in the signature block
 * at the end, and in the body the dates that are not it — the addressee's birth date, a law's enactment,
 * the letter being answered, another document's issue date, an expired passport, an event; sometimes a
 * validity extended «до …», which is the letter's validity date. Sentences are the generator's own
 * phrasings, wrapped at random widths. Test support only.
 */
import { row, type LayoutRow } from './pageLayout';
import { printedDate, type Language } from './printedDates';
import { randomDay, yearsLater, type Random } from './random';

export interface LetterTruth {
  documentDate: string | null;
  validUntil: string | null;
}

type Sentence = (date: string) => string;

const LETTERHEADS: Record<Language, string[]> = {
  ru: ['МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РЕСПУБЛИКИ КАЗАХСТАН\nКОМИТЕТ МИГРАЦИОННОЙ СЛУЖБЫ', 'Управление миграционной службы\nДепартамента полиции г. Алматы', 'Общественный фонд «Правовая помощь»'],
  kk: ['ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ІШКІ ІСТЕР МИНИСТРЛІГІ\nКӨШІ-ҚОН ҚЫЗМЕТІ КОМИТЕТІ', 'Алматы қаласы Полиция департаментінің\nкөші-қон қызметі басқармасы'],
  en: ['MIGRATION SERVICE COMMITTEE\nMINISTRY OF INTERNAL AFFAIRS', 'Legal Aid Centre for Refugees', 'UNHCR Liaison Office'],
  zh: ['额敏县公安局', '尼勒克县公安局喀拉苏乡派出所', '伊犁哈萨克自治州公安局'],
};

const NUMBERS = ['3-1-17/А-1881', '21-12/Ж-3664', '45/2021', '15-2/123', '3-1-17/Т-3033', '96/21'];

/** The line that dates the letter under its letterhead. */
const REFERENCE: Record<Exclude<Language, 'zh'>, Array<(date: string, number: string) => string>> = {
  ru: [(d, n) => `${d} № ${n}`, (d, n) => `Исх. № ${n} от ${d}`, (d, n) => `№ ${n} от ${d}`, (d) => `Дата: ${d}`, (d, n) => `${d}    № ${n}`],
  kk: [(d, n) => `${d} № ${n}`, (d, n) => `Шығ. № ${n}\n${d}`, (d, n) => `№ ${n} ${d}`],
  en: [(d, n) => `Ref. No. ${n} dated ${d}`, (d, n) => `No. ${n} of ${d}`, (d) => `Date: ${d}`, (d, n) => `${d}\nOur ref.: ${n}`],
};

const ADDRESSEE: Record<Language, Sentence[]> = {
  ru: [(d) => `Гражданину КНР\nАскарулы Нурлану, ${d} года рождения`, (d) => `Токтаркызы С.,\n${d} г.р.`, (d) => `Заявитель: Серикбаев Б., дата рождения: ${d}`],
  kk: [(d) => `ҚХР азаматы\nӘбілұлы Болатқа, ${d} ж.т.`, (d) => `Тоқтарқызы Сәуле, туған күні ${d}`],
  en: [(d) => `To: Mr Nurlan Askaruly, born ${d}`, (d) => `Ms Saule Toktarkyzy (date of birth ${d})`],
  zh: [(d) => `艾格尔木·道来提克孜（女，哈萨克族，${d}出生）：`, (d) => `努尔兰·阿斯卡尔（出生日期：${d}）：`],
};

/** Body sentences holding a date that is not the letter's. */
const DISTRACTORS: Record<Language, Sentence[]> = {
  ru: [
    (d) => `В соответствии со статьей 49 Закона Республики Казахстан от ${d} № 477-IV «О миграции населения» в выдаче разрешения отказано.`,
    (d) => `На основании Закона от ${d} «О гражданстве Республики Казахстан» ваше заявление оставлено без удовлетворения.`,
    (d) => `Комитет, рассмотрев ваше обращение от ${d}, сообщает следующее.`,
    (d) => `В ответ на ваше письмо от ${d} сообщаем, что документы приняты к рассмотрению.`,
    (d) => `Удостоверение беженца № 000418, выданное ${d}, подлежит сдаче.`,
    (d) => `Срок действия паспорта № E30306445 истек ${d}.`,
    (d) => `Заявитель прибыл в Республику Казахстан ${d} через пункт пропуска Хоргос.`,
  ],
  kk: [
    (d) => `«Халықтың көші-қоны туралы» ${d} № 477-IV Қазақстан Республикасы Заңының 49-бабына сәйкес.`,
    (d) => `Сіздің ${d} хатыңызға жауап ретінде хабарлаймыз.`,
    (d) => `Сіздің ${d} өтінішіңіз қаралды.`,
    (d) => `${d} берілген № 000235 босқын куәлігі қайтарылуға тиіс.`,
  ],
  en: [
    (d) => `Under Article 49 of the Law of the Republic of Kazakhstan No. 477-IV 'On Migration of Population' of ${d} the permit is refused.`,
    (d) => `In reply to your letter of ${d}, we inform you that your documents have been received.`,
    (d) => `We refer to your application dated ${d} (incoming No. A-1835).`,
    (d) => `His refugee certificate No. 000134 was issued on ${d} by the Migration Service.`,
    (d) => `His passport No. E30306445 expired on ${d}.`,
    (d) => `The applicant arrived in Kazakhstan on ${d}.`,
  ],
  zh: [
    (d) => `你于${d}经霍尔果斯口岸出境前往哈萨克斯坦共和国，至今未归。`,
    (d) => `根据《中华人民共和国户口登记条例》（${d}公布）等有关规定，现通知你。`,
    (d) => `关于你${d}提交的申请，现答复如下。`,
  ],
};

/** A validity extended by the letter: the date it now runs to. */
const EXTENSION: Record<Language, Sentence[]> = {
  ru: [(d) => `Срок действия удостоверения беженца № 000418 продлен до ${d} включительно.`],
  kk: [(d) => `Босқын куәлігінің қолданылу мерзімі ${d} дейін ұзартылды.`],
  en: [(d) => `The validity of the refugee certificate has been extended until ${d}.`],
  zh: [(d) => `你的居留证件有效期延长至${d}。`],
};

const SIGNATURES: Record<Language, string[]> = {
  ru: ['Заместитель Председателя Т. Есимханов', 'Начальник управления А. Серикбаев', 'Адвокат М. Сейітқалиева'],
  kk: ['Басқарма басшысы А. Серікбаев', 'Адвокат М. Сейітқалиева'],
  en: ['Madina Seitkaliyeva, advocate', 'Head of Office, D. Abilov'],
  zh: ['额敏县公安局', '派出所（盖章）'],
};

const CITIES: Record<Language, string> = { ru: 'г. Алматы', kk: 'Алматы қаласы', en: 'Almaty', zh: '额敏县' };

/** Text broken into lines of a random width, never between two numbers (that would split 12 02 2027). */
function wrap(random: Random, text: string): string[] {
  if (/\p{Script=Han}/u.test(text) || random.chance(0.3)) return [text];
  const width = random.int(45, 90);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const joinable = /\d$/.test(line) && /^\d/.test(word);
    if (line && line.length + word.length + 1 > width && !joinable) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

export function generateLetter(random: Random): { rows: LayoutRow[]; truth: LetterTruth } {
  const language = random.pick(['ru', 'ru', 'kk', 'en', 'zh'] as const);
  const own = randomDay(random, 2015, 2024);
  const date = (iso: string) => printedDate(random, iso, language, { numeric: language === 'zh' ? 0.2 : 0.5, twoDigitYear: false });
  const rows: LayoutRow[] = [];
  const lines = (text: string) => text.split('\n').forEach((line) => rows.push(row(line)));
  lines(random.pick(LETTERHEADS[language]));
  rows.push([]);
  // Chinese notices date themselves at the end; the others at the head or at the end.
  const atHead = language !== 'zh' && random.chance(0.65);
  if (atHead) lines(random.pick(REFERENCE[language as Exclude<Language, 'zh'>])(date(own), random.pick(NUMBERS)));
  else if (language === 'zh') lines(`额公（治）通字〔${own.slice(0, 4)}〕${random.int(1, 99)}号`);
  rows.push([]);
  if (random.chance(0.8)) lines(random.pick(ADDRESSEE[language])(date(randomDay(random, 1950, 2000))));
  rows.push([]);
  let validUntil: string | null = null;
  const body = random.shuffle(DISTRACTORS[language]).slice(0, random.int(1, 3));
  // What the body cites is older than the letter: the request it answers, a law, an earlier certificate.
  const ownYear = Number(own.slice(0, 4));
  const sentences = body.map((sentence) => sentence(date(random.chance(0.5) ? randomDay(random, 1991, ownYear - 1) : randomDay(random, ownYear - 1, ownYear - 1))));
  if (random.chance(0.2)) {
    validUntil = yearsLater(random, own, 1);
    sentences.splice(random.int(0, sentences.length), 0, random.pick(EXTENSION[language])(date(validUntil)));
  }
  for (const sentence of sentences) {
    for (const line of wrap(random, sentence)) rows.push(row(line));
    if (random.chance(0.5)) rows.push([]);
  }
  rows.push([]);
  const signature = random.pick(SIGNATURES[language]);
  if (atHead) rows.push(row(signature));
  else {
    const signed = date(own);
    const block = random.pick([[signature, signed], [`${CITIES[language]}, ${signed}`, signature], [`${signature} ${signed}`], [signature, '', signed]]);
    for (const line of block) rows.push(line === '' ? [] : row(line));
  }
  return { rows, truth: { documentDate: own, validUntil } };
}
