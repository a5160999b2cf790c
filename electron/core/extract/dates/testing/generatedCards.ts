/**
 * Generated certificates, ID cards, residence permits and passports: the same fields in one, two or
 * three languages (slash-separated, in any order, any case), laid out inline, in a label column, label
 * over value, two fields a row, as a table, or with a label's last word wrapped onto the next line.
 * The labels are the generator's own list, written from how such cards are printed, not copied from
 * the reader's vocabulary. Test support only.
 */
import { columns, row, spaced, type LayoutRow } from './pageLayout';
import { numericDate, passportDate, printedDate, type Language } from './printedDates';
import { randomDay, yearsLater, type Random } from './random';

type Field = 'surname' | 'name' | 'birth' | 'birthPlace' | 'number' | 'issue' | 'issuePlace' | 'authority' | 'valid';

const LABELS: Record<Field, Record<Language, string[]>> = {
  surname: { ru: ['Фамилия'], kk: ['Тегі'], en: ['Surname'], zh: ['姓'] },
  name: { ru: ['Имя', 'Имя, отчество'], kk: ['Аты'], en: ['Given name', 'Given names', 'Name'], zh: ['名'] },
  birth: { ru: ['Дата рождения'], kk: ['Туған күні', 'Туған уақыты'], en: ['Date of birth', 'Birth date', 'DOB'], zh: ['出生日期', '出生年月日'] },
  birthPlace: { ru: ['Место рождения'], kk: ['Туған жері'], en: ['Place of birth'], zh: ['出生地点'] },
  number: { ru: ['Номер документа', '№ удостоверения'], kk: ['Құжат нөмірі'], en: ['Document No.', 'Card No.'], zh: ['证件号码'] },
  issue: { ru: ['Дата выдачи', 'Выдано'], kk: ['Берілген күні'], en: ['Date of issue', 'Issue date', 'Issued', 'Date issued', 'Issued on'], zh: ['签发日期', '发证日期'] },
  issuePlace: { ru: ['Место выдачи'], kk: ['Берілген жері'], en: ['Place of issue'], zh: ['签发地点'] },
  authority: { ru: ['Орган выдачи', 'Кем выдан'], kk: ['Берген орган'], en: ['Authority', 'Issuing authority'], zh: ['签发机关'] },
  valid: {
    ru: ['Действительно до', 'Действителен до', 'Срок действия', 'Срок действия до', 'Дата окончания срока действия', 'Годен до'],
    kk: ['Жарамдылық мерзімі', 'Жарамды', 'Қолданылу мерзімі', 'Жарамдылық мерзімі аяқталатын күні'],
    en: ['Valid until', 'Valid till', 'Expiry date', 'Date of expiry', 'Expiration date', 'Expires'],
    zh: ['有效期至', '有效期限', '有效期', '截止日期'],
  },
};

const SURNAMES = ['АСҚАРҰЛЫ / ASKARULY', 'ТОКТАРКЫЗЫ / TOKTARKYZY', 'SERIKBAYEV', 'ЖАНҰЗАҚОВА', '努尔兰 / NUERLAN', 'ӘБІЛҰЛЫ / ABILULY'];
const NAMES = ['НҰРЛАН / NURLAN', 'АЙГЕРИМ', 'BOLAT', 'Сәуле / SAULE', '阿依古丽 / AYGULI'];
const PLACES = ['КНР, Нилкинский уезд', 'ҚХР / CHN', 'XINJIANG', 'Алматы', '新疆/XINJIANG'];
const AUTHORITIES = ['ІІМ КҚК / КМС МВД РК', 'МВД РК', 'MIA RK', '公安部出入境管理局', 'УМС ДП г. Алматы'];

export interface CardTruth {
  documentDate: string | null;
  validUntil: string | null;
}

/** A field's label: one to three of its languages, slash-separated, in any case, maybe with a colon. */
function label(random: Random, field: Field, languages: readonly Language[]): string {
  const count = random.pick([1, 1, 2, 2, 3]);
  const chosen = random.shuffle(languages).slice(0, count);
  const text = chosen.map((language) => random.pick(LABELS[field][language])).join(random.pick([' / ', ' / ', '/', ' /']));
  const cased = random.chance(0.25) ? text.toUpperCase() : text;
  return cased + (random.chance(0.3) ? ':' : '');
}

type Layout = 'inline' | 'side' | 'stacked' | 'pairs' | 'table' | 'wrapped' | 'narrow';

export function generateCard(random: Random): { rows: LayoutRow[]; truth: CardTruth; layout: Layout; splitColumn: number } {
  const kind = random.pick(['refugee', 'id', 'residence', 'passport'] as const);
  const languages: Language[] = kind === 'passport' ? random.pick([['zh', 'en'], ['ru', 'en'], ['kk', 'ru', 'en']]) : random.pick([['kk', 'ru', 'en'], ['kk', 'ru'], ['ru', 'en'], ['ru'], ['en']]);
  const issue = randomDay(random, 2008, 2024);
  const birth = randomDay(random, 1950, Number(issue.slice(0, 4)) - 1);
  const hasValidity = random.chance(0.88);
  const valid = yearsLater(random, issue, kind === 'passport' || kind === 'id' ? 10 : random.pick([1, 1, 3, 5]));
  const date = (iso: string) => (kind === 'passport' && random.chance(0.7) ? passportDate(random, iso) : random.chance(0.8) ? numericDate(random, iso, true) : printedDate(random, iso, random.pick(languages), { numeric: 0 }));
  const values: Record<Field, string> = {
    surname: random.pick(SURNAMES),
    name: random.pick(NAMES),
    birth: date(birth),
    birthPlace: random.pick(PLACES),
    number: `${random.pick(['№ ', 'N', 'E', ''])}${random.int(100000, 99999999)}`,
    issue: date(issue),
    issuePlace: random.pick(PLACES),
    authority: random.pick(AUTHORITIES),
    valid: date(valid),
  };
  const fields: Field[] = ['surname', 'name', 'birth', ...(random.chance(0.5) ? (['birthPlace'] as const) : []), 'number', ...(random.chance(0.3) ? (['issuePlace'] as const) : []), 'issue', ...(random.chance(0.5) ? (['authority'] as const) : []), ...(hasValidity ? (['valid'] as const) : [])];
  const ordered = random.chance(0.3) ? [...fields.slice(0, 2), ...random.shuffle(fields.slice(2))] : fields;
  const layout = random.pick(['inline', 'side', 'stacked', 'pairs', 'table', 'wrapped', 'narrow'] as const);
  const title = {
    refugee: 'БОСҚЫН КУӘЛІГІ / УДОСТОВЕРЕНИЕ БЕЖЕНЦА / REFUGEE CERTIFICATE',
    id: 'ЖЕКЕ КУӘЛІК / УДОСТОВЕРЕНИЕ ЛИЧНОСТИ',
    residence: 'ВИД НА ЖИТЕЛЬСТВО / ТҰРУҒА ЫҚТИЯРХАТ / RESIDENCE PERMIT',
    passport: random.pick(['中华人民共和国 护照 PASSPORT', 'ПАСПОРТ / PASSPORT']),
  }[kind];
  const rows: LayoutRow[] = [row(title), []];
  const labelOf = (field: Field) => label(random, field, languages);
  const splitColumn = 40;
  if (layout === 'pairs') {
    for (let i = 0; i < ordered.length; i += 2) {
      const pair = ordered.slice(i, i + 2);
      rows.push(columns([0, splitColumn], ...pair.map(labelOf)), columns([0, splitColumn], ...pair.map((field) => values[field])));
      if (random.chance(0.5)) rows.push([]);
    }
  } else if (layout === 'narrow') {
    // A passport's page: two fields a row in narrow columns two characters apart, so that OCR's boxes
    // run the two labels together; a label, and a value too long for its column, wrap within it.
    const width = random.int(14, 22);
    const at = [0, width + 2];
    for (let i = 0; i < ordered.length; i += 2) {
      const pair = ordered.slice(i, i + 2);
      const labels = pair.map((field) => wrapWithin(labelOf(field), width));
      const shown = pair.map((field) => wrapWithin(values[field], width));
      for (const lines of [labels, shown]) {
        const height = Math.max(...lines.map((cell) => cell.length));
        for (let line = 0; line < height; line++) {
          rows.push(lines.flatMap((cell, k) => (cell[line] ? [{ text: cell[line]!, column: at[k]! }] : [])));
        }
      }
    }
  } else if (layout === 'table') {
    const dated: Field[] = ordered.filter((field) => field === 'birth' || field === 'issue' || field === 'valid');
    for (const field of ordered.filter((f) => !dated.includes(f))) rows.push(row(`${labelOf(field)} ${values[field]}`));
    rows.push([]);
    const positions = dated.map((_, i) => i * 36);
    rows.push(columns(positions, ...dated.map(labelOf)), columns(positions, ...dated.map((field) => values[field])));
  } else {
    for (const field of ordered) rows.push(...fieldRows(random, layout, labelOf(field), values[field]));
  }
  if (random.chance(0.3)) rows.push([], row(`${random.pick(['Дети', 'Балалар', 'Children'])}: ${random.pick(NAMES)}, ${numericDate(random, randomDay(random, Math.min(2005, Number(issue.slice(0, 4)) - 1), Number(issue.slice(0, 4)) - 1), false)}`));
  rows.push([], row(random.pick(['Иесінің қолы / Подпись владельца', 'Holder’s signature', 'М.П.', '持照人签名'])));
  return { rows, truth: { documentDate: issue, validUntil: hasValidity ? valid : null }, layout, splitColumn };
}

function fieldRows(random: Random, layout: Exclude<Layout, 'pairs' | 'table' | 'narrow'>, labelText: string, value: string): LayoutRow[] {
  switch (layout) {
    case 'inline':
      return [row(`${labelText}${labelText.endsWith(':') ? '' : random.pick([' ', ': '])}${value}`)];
    case 'side':
      return [columns([0, random.pick([30, 40, 48])], labelText, value)];
    case 'stacked':
      return random.chance(0.2) ? [row(labelText), [], row(value)] : [row(labelText), spaced(0, ...(random.chance(0.3) ? [`  ${value}`] : [value]))];
    case 'wrapped': {
      const words = labelText.split(' ');
      if (words.length < 2) return [row(`${labelText} ${value}`)];
      const cut = random.int(1, words.length - 1);
      return [row(`${words.slice(0, cut).join(' ')} ${value}`), row(words.slice(cut).join(' '))];
    }
  }
}

/** Lines of `text` no wider than `width` (a word longer than that stands alone on its line). */
function wrapWithin(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
