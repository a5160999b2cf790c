/**
 * What kind of document this is, for the library's filter and the person's timeline: refusal, certificate,
 * extension, ruling, notice, application or other.
 *
 * A document says what it is in its title — «П Р И Г О В О Р», «ЗАЯВЛЕНИЕ», «БОСҚЫН КУӘЛІГІ», «О продлении
 * срока действия…», «限期返回通知书» — so words in the first page's title lines (upper-case lines, a
 * subject line «О …» / «… туралы», the opening lines) weigh three times what the same words weigh in the
 * body. The authorities' letters have no title: a refusal says so in the body («Вам отказано», «бас
 * тартылды», «cannot be issued», «оставлено без удовлетворения»), an extension says «продлен».
 *
 * How the corpus's kinds map, where it takes judgement:
 *
 * | corpus kind | type | why |
 * |---|---|---|
 * | mia_travel_document_reply | refusal | "cannot be issued at present" refuses the request, whatever the reason given |
 * | certified_translation | the translated document's | a translation of a refusal is, for the case, that refusal |
 * | cn_household_register_extract | certificate | an extract issued by the police, certifying a family's registration |
 * | prison_release_certificate | certificate | «Справка об освобождении» certifies a fact and stands in for an ID |
 * | passport_copy | certificate | an identity document, with an expiry the lawyer watches |
 * | refugee_status_decision | ruling | a commission's decision on a petition («РЕШЕНИЕ № 38 … РЕШИЛА») |
 * | power_of_attorney | other | an authority given by the client, neither issued to nor filed by her |
 * | ngo_letter | application | a request to an authority («ОБРАЩЕНИЕ», «Просим») |
 * | ngo_case_memo | other | an internal note; its mentions of police notices are not its kind |
 * | lawyer_complaint, lawyer_appeal_draft | application | a claim filed with a court is the client's application |
 */
import type { DocumentType, PageInput } from '../types';
import { collapse, firstTextPage } from '../dates/pageText';

interface Cue {
  type: DocumentType;
  /** words that name the document's kind in its title */
  title: RegExp;
  /** words in the body that show the kind (a title-less letter's refusal) */
  body?: RegExp;
}

const CUES: Cue[] = [
  { type: 'other', title: /memo(?:randum)?(?!\p{L})|служебная\s+записка|доверенност\p{L}*|сенімхат|power\s+of\s+attorney/iu },
  {
    type: 'extension',
    title: /о\s+продлении|продлени\p{L}*\s+срока|ұзарту\s+туралы|мерзімін\s+ұзарту|extension|продлено|ұзартылды/iu,
    body: /продлен[оа]?(?!\p{L})|о\s+продлении|продлить|продлева\p{L}*|ұзартыл\p{L}*|(?<!\p{L})(?:extended|renewed)\s+(?:until|to|till|for)/iu,
  },
  {
    type: 'ruling',
    title: /приговор|(?<!\p{L})решение(?!\p{L})|постановлени\p{L}*|определени\p{L}*|именем\s+республики|сот\s+шешімі|үкім|қаулы|judg(?:e)?ment|verdict|ruling|decision|判决书|裁定书|决定书/iu,
    body: /именем\s+республики|(?<!\p{L})(?:решил|решила|приговорил|постановил|шешті)\s*:|the\s+court\s+(?:decided|ruled|held|finds)/iu,
  },
  {
    type: 'certificate',
    // A translator's certificate and an annexed marriage certificate sit on later pages, not in the title.
    title: /удостоверени\p{L}*|куәлі(?:к|гі)(?!\p{L})|(?<!translator'?s\s)certificate|справка|анықтама|паспорт(?!\p{L})|passport|护照|户口簿|домовая\s+книга|household\s+register|身份证|свидетельство|id\s+card/iu,
    body: /дата\s+выдачи|date\s+of\s+(?:issue|expiry)|действительно\s+до|valid\s+until|签发日期|有效期至|берілген\s+күні/iu,
  },
  {
    type: 'notice',
    title: /уведомлени\p{L}*|извещени\p{L}*|хабарлама|(?<!\p{L})notice(?!\p{L})|通知|повестк\p{L}*|summons|传唤/iu,
    body: /通知|(?<!\p{L})(?:уведомляем|извещаем|hereby\s+notified)(?!\p{L})/iu,
  },
  {
    type: 'application',
    title: /заявлени\p{L}*|обращени\p{L}*|ходатайств\p{L}*|өтініш(?!\p{L})|талап\s+арыз|арыз(?!\p{L})|шағым(?!\p{L})|жалоба|исков\p{L}*|application|appeal|complaint|(?<!\p{L})claim(?!\p{L})|petition|申请/iu,
    body: /(?<!\p{L})(?:прошу|просим|сұраймын|i\s+request|we\s+request|we\s+ask)(?!\p{L})/iu,
  },
  {
    type: 'refusal',
    title: /(?<!\p{L})отказ(?!\p{L})|об\s+отказе|бас\s+тарт\p{L}*|refusal|rejection/iu,
    body: /отказан[оа]?(?!\p{L})|отказать|отказыва\p{L}*|отклон\p{L}*|не\s+может\s+быть\s+удовлетворен\p{L}*|не\s+подлежит\s+удовлетворению|бас\s+тарт\p{L}*|қабылданба\p{L}*|қанағаттандырылмай\p{L}*|refus\p{L}*|rejected|denied|declined|not\s+(?:be\s+)?granted|decision\s+not\s+to\s+grant|unable\s+to\s+(?:grant|issue)|не\s+представляется\s+возможным|мүмкін\s+емес|cannot\s+be\s+(?:issued|granted)|оставлено\s+без\s+удовлетворения|оставить\s+без\s+удовлетворения|қанағаттандырусыз|不予|驳回/iu,
  },
];

/** Mostly upper case (after «П Р И Г О В О Р» is read as one word), or a short all-Chinese line. */
function isHeading(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  const upper = line.match(/\p{Lu}/gu) ?? [];
  const han = line.match(/\p{Script=Han}/gu) ?? [];
  if (line.length > 80 || letters.length < 4) return false;
  if (han.length === letters.length) return line.length <= 20;
  return upper.length >= (letters.length - han.length) * 0.7;
}

/**
 * The title's lines with their weight: the first heading that names a kind is the document's title (4);
 * other headings, the subject line «О …» / «… туралы» and short opening lines count less (2) — a complaint
 * «ТАЛАП АРЫЗ» whose subject is «… бас тартуды заңсыз деп тану туралы» is a complaint, not a refusal.
 */
function titleLines(text: string): Array<{ line: string; weight: number }> {
  const lines = text.split('\n').map((line) => joinSpacedLetters(line.trim())).filter(Boolean);
  let titled = false;
  const found: Array<{ line: string; weight: number }> = [];
  lines.forEach((line, index) => {
    const heading = isHeading(line);
    if (heading && !titled && CUES.some((cue) => cue.title.test(line))) {
      titled = true;
      found.push({ line, weight: 4 });
    } else if (heading || (index < 3 && line.length <= 60 && !/[.,;:]$/.test(line)) || (line.length <= 80 && (/^(?:о|об|on|re:)\s/iu.test(line) || /туралы$/iu.test(line)))) {
      found.push({ line, weight: 2 });
    }
  });
  return found;
}

const joinSpacedLetters = (line: string) => line.replace(/(?<!\p{L})\p{L}(?: \p{L}){3,}(?!\p{L})/gu, (spaced) => spaced.replace(/ /g, ''));

export function classifyDocument(pages: PageInput[]): { type: DocumentType; confidence: number; cue: string } {
  const first = firstTextPage(pages);
  const title = first ? titleLines(first.text) : [];
  const body = pages.map((page) => page.text).join('\n');
  const scores: Array<{ type: DocumentType; score: number; cue: string }> = [];
  for (const cue of CUES) {
    let titleWeight = 0;
    let titleCue = '';
    for (const { line, weight } of title) {
      const m = cue.title.exec(line);
      if (m && weight > titleWeight) [titleWeight, titleCue] = [weight, m[0]];
    }
    const inBody = cue.body ? [...body.matchAll(new RegExp(cue.body.source, cue.body.flags + 'g'))] : [];
    // Repeats in the body say less than a title: at most two count.
    const score = titleWeight + Math.min(2, inBody.length);
    if (score > 0) scores.push({ type: cue.type, score, cue: collapse(titleCue || inBody[0]![0]) });
  }
  scores.sort((a, b) => b.score - a.score);
  // A notice is a form, not a content: «УВЕДОМЛЕНИЕ об отказе…» is a refusal, a notice of extension an extension.
  const content = scores.find((candidate) => candidate.type === 'refusal' || candidate.type === 'extension');
  if (scores[0]?.type === 'notice' && content && content.score >= 2) scores.splice(scores.indexOf(content), 1).forEach((c) => scores.unshift(c));
  const [best, second] = scores;
  if (!best) return { type: 'other', confidence: 0.3, cue: '' };
  const margin = Math.max(0, best.score - (second?.score ?? 0)) / best.score;
  const confidence = Math.min(0.95, 0.45 + 0.4 * margin + (best.score >= 4 ? 0.1 : 0));
  return { type: best.type, confidence: Math.round(confidence * 100) / 100, cue: best.cue };
}
