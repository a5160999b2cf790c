/**
 * The words around a date that say what the date is. Russian and English put the word before the date
 * («действительно до 03.06.2022», «date of birth»); Kazakh mostly after it («2023 жылғы 14 қазанға дейін
 * ұзартылды», «17.09.1968 ж.т.»); Chinese both («出生日期», «1986年11月2日出生», «3月20日前»).
 *
 * `before` patterns match the end of the text since the previous date (whitespace collapsed), `after`
 * patterns the start of the text after the date (with the year word the mention ends on, «года», «ж.»).
 * The first cue that matches wins, so the narrower cues come first.
 */
import type { DateKind } from '../types';
import { labelAtEnd } from './dateLabels';
import { CITED_DATE_PHRASES, type LabelRole } from './dateVocabulary';

export interface DateContext {
  /** collapsed text between the previous date (or the sentence start) and this date */
  before: string;
  /** collapsed: the closing year word of the mention, then what follows */
  after: string;
  /** collapsed sentence holding the date */
  sentence: string;
  /** the date's line up to the date: where a form's label stands */
  lineBefore: string;
}

export interface CueRole {
  role: string;
  kind: DateKind;
  /** a form's label (Дата выдачи / Issued): a form is dated by its issue date */
  form?: boolean;
  /** the validity was extended (продлено, ұзартылды, extended) */
  extension?: boolean;
}

interface Cue extends CueRole {
  before?: RegExp;
  after?: RegExp;
  /** the sentence must also say this */
  sentence?: RegExp;
}

/**
 * A card's label in several languages, «Туған күні / Дата рождения / Date of», then the value. The
 * labels after the first may be anything OCR made of them («Дата выдачи / 15зиеа 05.12.2017»).
 */
const LABEL_TAIL = String.raw`(?:\s*/\s*[^/]{1,30}?)*\s*[:：]?\s*$`;
// A cue starts at a word's start; Chinese writes no spaces, so a character before it does not count.
const end = (words: string, tail = String.raw`\s*[:：]?\s*$`) => new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Cyrillic}])(?:${words})${tail}`, 'iu');
const start = (words: string) => new RegExp(`^(?:${words})`, 'iu');
const PASSPORT = /паспорт|passport|төлқұжат|护照/iu;
const VALIDITY_WORDS = /мерзім|жарамды|ұзарт/iu;

const other = (role: string, rest: Omit<Cue, 'role' | 'kind'>): Cue => ({ role, kind: 'other', ...rest });
const validity = (rest: Omit<Cue, 'role' | 'kind'>): Cue => ({ role: 'valid_until', kind: 'valid-until', ...rest });

const CUES: Cue[] = [
  other('birth_date', { before: end(String.raw`(?:дети|children|балалар)\s*[:：][^:;]{0,60}?[,\s]`, String.raw`\s*$`) }),
  other('birth_date', {
    before: end(String.raw`дата\s+рождения|date\s+of\s+birth|birth\s*date|d\.\s?o\.\s?b\.|dob|born(?:\s+on)?|туған\s+күні|出生日期|родил\p{L}*|рожд\.`, LABEL_TAIL),
  }),
  other('issue_date', { form: true, before: end(String.raw`дата\s+выдачи|date\s+of\s+issue|issue\s+date|берілген\s+күні|签发日期|发证日期`, LABEL_TAIL) }),
  validity({ extension: true, before: end(String.raw`(?:продлен\p{L}*|продлено|extended|renewed|ұзартыл\p{L}*)[^.;!?\d]{0,30}?\s?(?:до|по|until|till|to)`) }),
  validity({
    before: end(
      String.raw`действител\p{L}*\s+(?:до|по)|действует\s+(?:до|по)|годе?н\p{L}*\s+до|дата\s+окончания(?:\s+срока\s+действия)?|valid\s+(?:until|till|through|thru|to)|expir(?:y|ation)\s+date|date\s+of\s+expiry|expires?\s+on|expiring\s+on|жарамдылық\s+мерзімі|жарамды|有效期至|有效期限`,
      LABEL_TAIL,
    ),
  }),
  other('deadline', { before: end(String.raw`в\s+срок\s+до|не\s+позднее|не\s+позже|no\s+later\s+than|deadline`) }),
  validity({ before: end(String.raw`(?:срок\p{L}*|term)[^.;!?\d]{0,40}?[\s,](?:до|по|until)`) }),
  other('passport_expiry', { sentence: PASSPORT, before: end(String.raw`истек\p{L}*|истёк\p{L}*|истечени\p{L}*|expired(?:\s+on)?`) }),
  other('expiry', { before: end(String.raw`истек\p{L}*|истёк\p{L}*|истечени\p{L}*|expired(?:\s+on)?`) }),
  other('application_date', { before: end(String.raw`(?:обра[щш]\p{L}*|заявлени|ходатайств|запрос|application|request|petition)\p{L}*\s+(?:of|dated|от|on)`) }),
  other('application_date', { sentence: /ходатайств|заявлени|обращени|application|petition/iu, before: end(String.raw`зарегистрирован\p{L}*|registered(?:\s+on)?`) }),
  other('decision_date', { before: end(String.raw`(?:решени|шешім)\p{L}*[^.;!?\d№]{0,80}?\s(?:от|of|dated)`) }),
  other('cited_document_date', {
    before: end(String.raw`(?:письм|ответ|приказ|постановлени|определени|уведомлени|letter|reply|order|notice|decision|judgment|ruling)\p{L}*[^.;!?\d№]{0,40}?\s(?:от|of|dated)`),
  }),
  // The day someone crossed a border: an event the letter tells of, not its date.
  other('event_date', {
    before: end(String.raw`(?:прибыл\p{L}*|въехал\p{L}*|выехал\p{L}*|покинул\p{L}*|arrived|entered|left|departed|fled)(?:\s+[^.;!?\d]{0,50}?)?(?:\s+(?:on|в))?`),
  }),
  other('in_force', {
    before: end(
      String.raw`вступ\p{L}*\s+в\s+(?:законную\s+)?силу(?:\s+(?:лишь\s+)?с)?|(?:вв[оеё]д\p{L}*|вводятся)\s+в\s+действие\s+с|(?:come|comes|came|enter|enters|entered)\s+into\s+force\s+(?:on|from)|(?:in\s+force|effective)\s+(?:from|as\s+of|on)`,
    ),
  }),
  other('sentence_start', { before: end(String.raw`срок\s+наказания\s+исчислять\s+с|sentence\s+(?:runs|to\s+run|is\s+calculated)\s+from`) }),
  other('release_date', { before: end(String.raw`освобожд\p{L}*|освобожден\p{L}*|released(?:\s+on)?`) }),
  other('court_date', { before: end(String.raw`осужден\p{L}*|convicted(?:\s+on)?|sentenced(?:\s+on)?`) }),
  other('marriage_date', { before: end(String.raw`регистрации\s+брака|брак\s+зарегистрирован|date\s+of\s+marriage|married\s+on|некеге\s+тұр\p{L}*`) }),
  other('status_date', {
    before: end(String.raw`recogni[sz]ed\s+as\s+(?:a\s+)?refugee[^.;\d]{0,40}?\s+on|(?:статус\p{L}*\s+беженц\p{L}*|refugee\s+status)\s+(?:с|since|from)`),
  }),
  other('issue_date', { before: end(String.raw`выдан\p{L}*|issued(?:\s+on)?`) }),

  other('birth_date', { after: start(String.raw`(?:(?:года|г\.|ж\.|жылы)\s*)?(?:рождения|р\.|т\.|туған|г\.\s?р\.|ж\.\s?т\.)|出?生(?![效活产])`) }),
  validity({ extension: true, after: start(String.raw`(?:дейін|шейін)\s+ұзарт\p{L}*`) }),
  validity({ after: start(String.raw`(?:дейін|шейін)\s+(?:жарамды|қолданыл\p{L}*)`) }),
  validity({ sentence: VALIDITY_WORDS, after: start(String.raw`дейін|шейін`) }),
  other('passport_expiry', { sentence: PASSPORT, after: start(String.raw`аяқтал\p{L}*|бітті|өтіп\s+кет\p{L}*`) }),
  other('expiry', { after: start(String.raw`аяқтал\p{L}*|бітті|өтіп\s+кет\p{L}*`) }),
  other('application_date', { after: start(String.raw`өтініш\p{L}*|арыз\p{L}*`) }),
  other('decision_date', { after: start(String.raw`шешім\p{L}*`) }),
  other('cited_document_date', { after: start(String.raw`жауаб\p{L}*|хат\p{L}*|бұйрығ\p{L}*`) }),
  other('issue_date', { after: start(String.raw`берілген`) }),
  other('in_force', { after: start(String.raw`(?:бастап\s+)?(?:қолданысқа|күшіне)`) }),
  other('status_date', { after: start(String.raw`(?:года\s+)?(?:я\s+)?(?:имею|получил\p{L}*)\s+статус`) }),
  other('deadline', { after: start('前') }),
  other('event_date', { after: start('(?:经\\S{0,12}?)?(?:出境|入境|离境|离开)') }),
  other('law_enactment', { after: start('(?:公布|通过|颁布|发布|修订|修正)') }),
  validity({ extension: true, before: end('(?:有效期)?(?:延长|延期|顺延)至') }),
  other('in_force', { after: start('(?:起)?(?:施行|生效)') }),
  // The vocabulary's phrases for a letter answered, after the narrower cues above had their say.
  other('cited_document_date', { before: end(`(?:${[...CITED_DATE_PHRASES.before.ru, ...CITED_DATE_PHRASES.before.en].join('|')})`) }),
  other('cited_document_date', { after: start(`(?:${[...CITED_DATE_PHRASES.after.kk, ...CITED_DATE_PHRASES.after.zh].join('|')})`) }),
];

/** A label of the vocabulary (dateVocabulary.ts) right before the date, for the synonyms the cues above do not list. */
const LABEL_CUES: Record<Exclude<LabelRole, 'document_date'>, CueRole> = {
  birth_date: { role: 'birth_date', kind: 'other' },
  issue_date: { role: 'issue_date', kind: 'other' },
  valid_until: { role: 'valid_until', kind: 'valid-until' },
  valid_from: { role: 'valid_from', kind: 'other' },
};

export function cueRole(context: DateContext): CueRole | null {
  for (const cue of CUES) {
    if (cue.sentence && !cue.sentence.test(context.sentence)) continue;
    if (cue.before && !cue.before.test(context.before)) continue;
    if (cue.after && !cue.after.test(context.after)) continue;
    const { role, kind, form, extension } = cue;
    return { role, kind, ...(form ? { form } : {}), ...(extension ? { extension } : {}) };
  }
  const label = labelAtEnd(context.lineBefore);
  return label && label !== 'document_date' ? LABEL_CUES[label] : null;
}

/** The date in a law's title: «Закона … от 22 июля 2011 года № 477-IV», «No. 477-IV 'On Migration' of 22 July 2011». */
export function isLawDate(context: DateContext): boolean {
  if (/^(?:(?:г\.|года|ж\.)\s*)?,?\s*(?:№|N[°ºoe]?\.?|No\.?|Хо)\s*\d{1,4}\s?-?\s?[IVXІХПУШГЛ]{1,5}(?![\p{L}\p{N}/-])/u.test(context.after)) return true;
  const law = String.raw`закон\p{L}*|law|заң\p{L}*|ЗРК|кодекс\p{L}*|code|конвенци\p{L}*|convention|указ\p{L}*|decree`;
  if (new RegExp(`(?:${law})(?:\\s+(?:республики\\s+казахстан|рк|of\\s+the\\s+republic\\s+of\\s+kazakhstan))?\\s+(?:от|of|dated)\\s*$`, 'iu').test(context.before)) return true;
  // The number, or the act's quoted title, stands between the act and «of»: Law No. 477-IV 'On …' of 22 July 2011.
  return (
    new RegExp(`(?:${law})`, 'iu').test(context.before) &&
    /(?:\d{1,4}\s?-\s?[IVXІХПУШГЛ]{1,5}[^\p{L}\p{N}][^.;]{0,80}|[»"'’”]\s*)(?:of|от|dated)\s*$/iu.test(context.before)
  );
}
