import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/seededRandom';
import { addPeriod, findProceduralDeadlines } from './proceduralDeadlines';

const pick = <T,>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Day {
  iso: string;
  y: number;
  m: number;
  d: number;
}

function day(random: () => number, after: string): Day {
  const base = Date.parse(after);
  const date = new Date(base + (5 + Math.floor(random() * 120)) * 86_400_000);
  return { iso: date.toISOString().slice(0, 10), y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

function wrap(line: string, width: number): string {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + word.length + 1 > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...out, current].join('\n');
}

/** A date as letters write it, in the sentence's language. */
function written(random: () => number, date: Day, language: 'ru' | 'kk' | 'en'): string {
  const numeric = `${pad(date.d)}.${pad(date.m)}.${date.y}`;
  if (random() < 0.4) return random() < 0.5 ? numeric : `${numeric} г.`;
  if (language === 'ru') return `«${pad(date.d)}» ${MONTHS_RU[date.m - 1]} ${date.y} года`;
  if (language === 'kk') return `${date.y} жылғы ${date.d} ${MONTHS_KK[date.m - 1]}`;
  return random() < 0.5 ? `${date.d} ${MONTHS_EN[date.m - 1]} ${date.y}` : `${MONTHS_EN[date.m - 1]} ${date.d}, ${date.y}`;
}

function time(random: () => number, language: 'ru' | 'kk' | 'en'): { text: string; value: string } {
  const hour = 9 + Math.floor(random() * 8);
  const minute = pick(random, [0, 15, 30, 45]);
  const value = `${pad(hour)}:${pad(minute)}`;
  if (language === 'ru') return { text: pick(random, [`в ${value}`, `в ${hour} ч. ${pad(minute)} мин.`, `в ${hour}.${pad(minute)}`]), value };
  if (language === 'kk') return { text: pick(random, [`сағат ${value}`, `${hour}.${pad(minute)}-де`]), value };
  return { text: pick(random, [`at ${value}`, `at ${hour}.${pad(minute)}`]), value };
}

const HEARINGS = {
  ru: [
    (d: string, t: string) => `Судебное заседание по делу назначено на ${d} ${t} в зале № 4.`,
    (d: string, t: string) => `Вам необходимо явиться ${d} ${t} в Департамент миграционной службы.`,
    (d: string, t: string) => `Рассмотрение дела состоится ${d} ${t}.`,
  ],
  kk: [
    (d: string, t: string) => `Сот отырысы ${d} ${t} өтеді.`,
    (d: string, t: string) => `Сіз ${d} ${t} көші-қон қызметіне шақырыласыз.`,
  ],
  en: [
    (d: string, t: string) => `The hearing is scheduled for ${d} ${t} in courtroom 2.`,
    (d: string, t: string) => `You are summoned to appear before the court on ${d} ${t}.`,
  ],
};

const APPEALS: Record<'ru' | 'kk' | 'en', Array<{ text: string; count: number; unit: 'day' | 'working-day' | 'month' }>> = {
  ru: [
    { text: 'Решение может быть обжаловано в течение одного месяца в вышестоящий орган или в суд.', count: 1, unit: 'month' },
    { text: 'Настоящее решение может быть обжаловано в течение 10 (десяти) рабочих дней.', count: 10, unit: 'working-day' },
    { text: 'Жалоба может быть подана в месячный срок.', count: 1, unit: 'month' },
    { text: 'Вы вправе обжаловать решение в течение 30 календарных дней.', count: 30, unit: 'day' },
  ],
  kk: [
    { text: 'Бұл шешімге бір ай ішінде шағымдануға болады.', count: 1, unit: 'month' },
    { text: 'Шешімге он жұмыс күні ішінде шағым беруге болады.', count: 10, unit: 'working-day' },
  ],
  en: [
    { text: 'This decision may be appealed within one month to the court.', count: 1, unit: 'month' },
    { text: 'You may appeal within 15 working days of this letter.', count: 15, unit: 'working-day' },
    { text: 'An appeal must be lodged within 30 days.', count: 30, unit: 'day' },
  ],
};

/** A summons printed as a form: the hearing's label (wrapped in its cell or not), its date under it, the time on a row of its own. */
const HEARING_FORMS = {
  ru: { label: ['Дата судебного заседания', 'Дата судебного\nзаседания', 'Дата и время\nсудебного заседания'], time: (t: string) => `Время ${t}` },
  kk: { label: ['Сот отырысының күні', 'Сот отырысының\nкүні'], time: (t: string) => `Уақыты: ${t}` },
  en: { label: ['Date of hearing', 'Hearing date', 'Date of the\nhearing'], time: (t: string) => `Time: ${t}` },
};

/** Sentences with a hearing word or an appeal word that set no deadline: the tests' controls. */
const DISTRACTORS = {
  ru: (past: string) => [`На судебном заседании ${past} суд исследовал материалы дела.`, 'Справка действительна в течение одного месяца.', 'Решение обжаловано не было.'],
  kk: (past: string) => [`Сот отырысы ${past} өтті.`, 'Анықтама бір ай ішінде жарамды.'],
  en: (past: string) => [`At the hearing on ${past} the court heard the applicant.`, 'The certificate is valid within one month of issue.', 'No appeal was lodged.'],
};

describe('hearings and appeal windows from a letter’s words', () => {
  it('finds every hearing (with its time) and appeal window in 400 generated letters, and nothing in the distractors', () => {
    const random = seededRandom(0xdead1);
    let expected = 0;
    let correct = 0;
    let extra = 0;
    const misses: string[] = [];
    for (let round = 0; round < 400; round++) {
      const language = pick(random, ['ru', 'kk', 'en'] as const);
      const documentDate = day(random, '2020-01-01').iso;
      const past = written(random, day(random, '2018-01-01'), language);
      const lines: string[] = [`${language === 'en' ? 'Date' : 'Дата'}: ${documentDate}`, ...DISTRACTORS[language](past)];
      const truth: string[] = [];
      if (random() < 0.6) {
        const date = day(random, documentDate);
        const at = time(random, language);
        const withTime = random() < 0.7;
        if (random() < 0.3) {
          const form = HEARING_FORMS[language];
          const label = pick(random, form.label);
          const value = written(random, date, language);
          // OCR reads a two-column form row by row: a wrapped label's first line beside the value, its rest under it
          const [first, rest] = label.split('\n');
          const rows = rest && random() < 0.5 ? [`${first} ${value}`, rest] : [label, value];
          lines.push([...rows, ...(withTime ? [form.time(random() < 0.5 ? at.value : at.text.replace(/^(?:в|at|сағат)\s+/u, ''))] : [])].join('\n'));
        } else lines.push(pick(random, HEARINGS[language])(written(random, date, language), withTime ? at.text : ''));
        truth.push(`hearing ${date.iso} ${withTime ? at.value : '-'}`);
      }
      if (random() < 0.6) {
        const appeal = pick(random, APPEALS[language]);
        lines.push(appeal.text);
        truth.push(`appeal ${addPeriod(documentDate, appeal.count, appeal.unit)} -`);
      }
      if (random() < 0.5) lines.reverse();
      // Typed letters wrap sentences at a page width; OCR keeps those line breaks.
      const width = 55 + Math.floor(random() * 40);
      const text = lines.map((line) => line.split('\n').map((part) => wrap(part, width)).join('\n')).join('\n');
      const found = findProceduralDeadlines([{ page: 1, text }], documentDate).map((d) => `${d.event} ${d.due} ${d.time ?? '-'}`);
      expected += truth.length;
      correct += truth.filter((item) => found.includes(item)).length;
      extra += found.filter((item) => !truth.includes(item)).length;
      for (const item of truth) if (!found.includes(item)) misses.push(`${item} in: ${lines.join(' | ')} → ${found.join(', ')}`);
    }
    console.log(`hearings and appeal windows: ${correct}/${expected} found, ${extra} extra\n${misses.slice(0, 5).join('\n')}`);
    expect(correct / expected).toBeGreaterThanOrEqual(0.97);
    expect(extra).toBe(0);
  });

  it('counts periods by the calendar: month ends, working days over weekends', () => {
    expect(addPeriod('2021-01-31', 1, 'month')).toBe('2021-02-28');
    expect(addPeriod('2024-01-31', 1, 'month')).toBe('2024-02-29');
    expect(addPeriod('2021-04-02', 1, 'month')).toBe('2021-05-02');
    expect(addPeriod('2021-12-20', 30, 'day')).toBe('2022-01-19');
    // Friday 2 April 2021 + 10 working days = Friday 16 April.
    expect(addPeriod('2021-04-02', 10, 'working-day')).toBe('2021-04-16');
  });

  it('counts no appeal window without a document date, and takes no hearing dated before the letter', () => {
    const text = 'Решение может быть обжаловано в течение одного месяца. Судебное заседание состоялось 12.03.2021.';
    expect(findProceduralDeadlines([{ page: 1, text }], null).filter((d) => d.event === 'appeal')).toEqual([]);
    expect(findProceduralDeadlines([{ page: 1, text }], '2021-04-02')).toEqual([expect.objectContaining({ event: 'appeal', due: '2021-05-02' })]);
  });

  it('reads a Chinese summons: the date before the cue, the time in 时 and 分', () => {
    const found = findProceduralDeadlines([{ page: 1, text: '本院定于2021年5月12日9时30分开庭审理，请准时到庭。' }], '2021-04-20');
    expect(found).toEqual([expect.objectContaining({ event: 'hearing', due: '2021-05-12', time: '09:30' })]);
  });
});
