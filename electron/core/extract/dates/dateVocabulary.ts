/**
 * The words dates are printed with and labelled by, in the four languages of the casework. Data only:
 * readDates.ts turns the months into patterns, dateCues.ts and fieldLayout.ts the labels.
 *
 * Labels are regular-expression sources (flags `iu`), written loose where OCR is loose: `\s*` where a
 * space is often dropped («Validuntil», «Датавыдачи»), and Kazakh letters with the Russian letters a
 * Russian-only OCR reading puts in their place (kazakhLoose). They are general field names, never a
 * phrase copied from one document: issue 13 asks that no rule key on a corpus document's wording.
 */

/** Ways a label can be written: `ru`, `kk`, `en`, `zh`. */
export type LabelLanguage = 'ru' | 'kk' | 'en' | 'zh';

/** What a labelled date is. Only the document's date and the validity end ever become suggestions. */
export type LabelRole = 'document_date' | 'issue_date' | 'valid_until' | 'valid_from' | 'birth_date';

const KAZAKH_LOOSE: Record<string, string> = { қ: '[қк]', ә: '[әаэ]', і: '[іiи]', ң: '[ңн]', ұ: '[ұу]', ү: '[үу]', ө: '[өо]', ғ: '[ғг]', һ: '[һх]' };

/** A Kazakh word as an OCR model without Kazakh letters reads it: қ as к, ә as а, і as i… */
export function kazakhLoose(source: string): string {
  return source.replace(/[қәіңұүөғһ]/gu, (letter) => KAZAKH_LOOSE[letter]!);
}

/**
 * Field labels per role and language. A certificate prints one label in two or three languages, split by
 * slashes («Жарамды / Действительно до / Valid until»); any one of them names the field.
 */
export const DATE_LABELS: Record<LabelRole, Record<LabelLanguage, string[]>> = {
  birth_date: {
    ru: [String.raw`дата\s*рождения`, String.raw`год\s*рождения`, String.raw`родил(?:ся|ась)`, String.raw`рожд\.`],
    kk: [String.raw`туған\s*(?:күні|жылы|уақыты|күн)`, String.raw`туылған\s*күні`],
    en: [String.raw`date\s*of\s*birth`, String.raw`birth\s*date`, String.raw`d\.\s?o\.\s?b\.?`, String.raw`dob`, String.raw`born(?:\s*on)?`],
    zh: ['出生日期', '出生年月日?', '生日', '出生于', '生于'],
  },
  issue_date: {
    ru: [String.raw`дата\s*выдачи`, String.raw`выдан[оа]?`, String.raw`дата\s*оформления`],
    kk: [String.raw`берілген\s*(?:күні|уақыты)`, String.raw`берілді`],
    en: [String.raw`date\s*of\s*issue`, String.raw`issue\s*date`, String.raw`date\s*issued`, String.raw`issued(?:\s*on)?`],
    zh: ['签发日期', '发证日期', '签发时间', '颁发日期', '填发日期', '发放日期'],
  },
  valid_until: {
    ru: [
      String.raw`действител\p{L}*\s*(?:до|по)`,
      String.raw`действует\s*(?:до|по)`,
      String.raw`годе?н\p{L}*\s*до`,
      String.raw`дата\s*окончания(?:\s*срока\s*действия)?`,
      String.raw`окончани\p{L}*\s*срока\s*действия`,
      String.raw`срок\s*действия(?:\s*(?:до|по))?`,
      String.raw`срок\s*годности`,
    ],
    kk: [
      String.raw`жарамдылық\s*мерзімі(?:\s*аяқталатын\s*күні)?`,
      String.raw`жарамды(?:\s*мерзімі)?`,
      String.raw`қолданылу\s*мерзімі`,
      String.raw`мерзімі\s*аяқталатын\s*күні`,
    ],
    en: [
      String.raw`valid\s*(?:until|till|through|thru|to|up\s*to)`,
      String.raw`expir(?:y|ation)\s*date`,
      String.raw`date\s*of\s*expir(?:y|ation)`,
      String.raw`expires?(?:\s*on)?`,
      String.raw`expiring\s+on`,
      String.raw`expiry`,
    ],
    zh: ['有效期至', '有效期限', '有效期', '有效日期', '截止日期', '到期日期?', '失效日期'],
  },
  valid_from: {
    ru: [String.raw`действител\p{L}*\s*с`, String.raw`дата\s*начала(?:\s*срока\s*действия)?`],
    kk: [String.raw`бастап\s*жарамды`],
    en: [String.raw`valid\s*from`, String.raw`start\s*date`],
    zh: ['起始日期', '生效日期'],
  },
  // Only as a field by itself («Дата: …», a «Date» column): «дата» inside a longer label is that label's.
  document_date: {
    ru: [String.raw`дата(?:\s*(?:этого\s*|настоящего\s*)?(?:документа|составления|письма|уведомления))?`],
    kk: [String.raw`күні`, String.raw`құжат\s*күні`, String.raw`хат(?:тың)?\s*күні`],
    en: [String.raw`date`, String.raw`dated`, String.raw`date\s*of\s*(?:this\s*)?(?:letter|document|notice)`, String.raw`letter\s*date`],
    zh: ['日期', '发文日期', '成文日期'],
  },
};

/**
 * Phrases that cite another document's date in a letter's body: the request answered, a letter replied
 * to. The date right after `before`, or right before `after`, is the cited document's, never the page's.
 */
export const CITED_DATE_PHRASES: { before: Record<LabelLanguage, string[]>; after: Record<LabelLanguage, string[]> } = {
  before: {
    ru: [
      String.raw`(?:на|в\s+ответ\s+на)\s+(?:ваш[аеуи]?|ваше)\s+(?:обращени|письм|заявлени|запрос|ходатайств|жалоб)\p{L}*(?:\s+[^.;!?\d№]{0,40}?)?\s+(?:от|за)`,
      String.raw`(?:ваш[аеуи]?|ваше)\s+(?:обращени|письм|заявлени|запрос|жалоб)\p{L}*(?:\s+[^.;!?\d№]{0,30}?)?\s+от`,
    ],
    kk: [String.raw`сіздің`],
    en: [
      String.raw`(?:in\s+)?(?:reply|response|answer)\s+to\s+your\s+(?:letter|request|application|appeal|complaint|enquiry|inquiry|petition)\s+(?:of|dated|from)`,
      String.raw`your\s+(?:letter|request|application|appeal|complaint|enquiry|inquiry|petition)\s+(?:of|dated|from)`,
    ],
    zh: ['你(?:单位|们)?于', '您(?:于)?'],
  },
  after: {
    ru: [],
    kk: [kazakhLoose(String.raw`(?:жылғы\s+|ж\.\s*)?(?:\p{L}*ғы\s+)?(?:№\s*\S+\s+)?(?:хат\p{L}*|өтініш\p{L}*|арыз\p{L}*|шағым\p{L}*|сұрау\p{L}*)`)],
    en: [],
    zh: ['(?:的|提交的|提出的)?(?:来信|来函|申请|信函|请求)'],
  },
};

/** Month names and abbreviations, January first. Russian has both the nominative and the genitive. */
export const MONTH_NAMES: Record<Exclude<LabelLanguage, 'zh'>, string[][]> = {
  ru: [
    ['январь', 'января', 'янв'],
    ['февраль', 'февраля', 'февр', 'фев'],
    ['март', 'марта', 'мар'],
    ['апрель', 'апреля', 'апр'],
    ['май', 'мая'],
    ['июнь', 'июня', 'июн'],
    ['июль', 'июля', 'июл'],
    ['август', 'августа', 'авг'],
    ['сентябрь', 'сентября', 'сент', 'сен'],
    ['октябрь', 'октября', 'окт'],
    ['ноябрь', 'ноября', 'нояб', 'ноя'],
    ['декабрь', 'декабря', 'дек'],
  ],
  kk: [
    ['қаңтар', 'қаң'],
    ['ақпан', 'ақп'],
    ['наурыз', 'нау'],
    ['сәуір', 'сәу'],
    ['мамыр', 'мам'],
    ['маусым', 'мау'],
    ['шілде', 'шіл'],
    ['тамыз', 'там'],
    ['қыркүйек', 'қыр'],
    ['қазан', 'қаз'],
    ['қараша', 'қар'],
    ['желтоқсан', 'жел'],
  ],
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sept', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
};

/** Chinese numerals as a Chinese notice prints its date: 二〇二〇年五月十二日. */
export const CHINESE_DIGITS = '〇一二三四五六七八九';
