/**
 * What a name looks like when nobody in the register has it: a surname with a Kazakh patronymic or
 * Russian surname ending, a given name that is a capitalised word and not a title, a role, a country or
 * an adjective. Used for candidates, and to tell that a known surname stands next to another person's
 * given name.
 */
import { isStopword } from '../../text';
import type { NameWord } from './nameWords';

/** Surname endings of Kazakh patronymics and Russian surnames, in either script, oblique cases too. */
export const SURNAME_ENDING =
  /(?<=\p{L}{3})(?:ұлы|улы|uly|қызы|кызы|kyzy|qyzy|[оеё]в(?:а|у|ой|ым|е|ы)?|[oe]v(?:a|u|oi|oy|ym)?)$/u;
/** With initials a Russian surname may also end in -ин(а), -ский/-ская, -енко. */
const SURNAME_ENDING_WITH_INITIALS = /(?<=\p{L}{3})(?:[иы]н(?:а|у|ой|ым)?|[yi]n(?:a)?|ск(?:ий|ая|ой|ого)|sk(?:y|aya|ii)|енко|enko)$/u;
/**
 * Words that are never a given name though capitalised: Russian adjective, abstract-noun and infinitive
 * endings («Присвоить Токтаркызы статус беженца» starts a sentence, it names nobody).
 */
const NOT_GIVEN_NAME = /(?:ого|ому|ая|ой|ий|ый|ые|ых|ими|ство|ства|ции|ция|ние|ния|нии|ость|ости|ской|ская|ский|ть|ться|tion|ment|ity)$/u;
/** Titles, roles and cue words that stand before names, capitalised, and are not names themselves. */
export const NOT_A_NAME = new Set([
  'гражданин', 'гражданка', 'гражданину', 'гражданке', 'гражданина', 'гражданки', 'заявитель', 'заявителя', 'заявителю',
  'заявителем', 'судья', 'судьи', 'председатель', 'председателя', 'заместитель', 'начальник', 'исп', 'тел', 'адвокат',
  'защитник', 'переводчик', 'нотариус', 'прокурор', 'секретарь', 'директор', 'уважаемый', 'уважаемая', 'господин',
  'госпожа', 'азамат', 'азаматы', 'азаматқа', 'өтініш', 'mr', 'mrs', 'ms', 'miss', 'dr', 'dear', 'judge',
  'holder', 'applicant', 'translator', 'notary', 'director', 'deputy', 'head', 'chairman', 'republic', 'kazakhstan',
  'china', 'people', 'surname', 'name', 'given', 'names', 'фамилия', 'имя', 'тегі', 'аты', 'отчество', 'әкесінің',
  // English institutions and places capitalised after a surname-like place name (Panfilov District)
  'district', 'court', 'region', 'county', 'city', 'street', 'avenue', 'department', 'committee', 'service',
  'police', 'office', 'ministry', 'university', 'school', 'village', 'province', 'oblast', 'centre', 'center',
  'foundation', 'fund', 'bureau', 'administration', 'agency', 'council', 'station', 'prison', 'colony', 'institution',
]);
/** Words between a cue and the name: «гражданке Китайской Народной Республики Х». */
export const COUNTRY_WORDS = new Set(['китайской', 'народной', 'республики', 'кнр', 'рк', 'казахстан', 'казахстана', 'of', 'the', 'prc']);

export const letters = (w: NameWord) => [...w.surface].length;
export const capitalised = (w: NameWord | undefined): w is NameWord => !!w && w.caps !== 'lower' && !w.initial;
export const surnameLike = (w: NameWord | undefined, withInitials = false): w is NameWord =>
  capitalised(w) && letters(w) >= 4 && (SURNAME_ENDING.test(w.folded) || (withInitials && SURNAME_ENDING_WITH_INITIALS.test(w.folded)));
export const givenLike = (w: NameWord | undefined): w is NameWord =>
  capitalised(w) && !w.common && letters(w) >= 3 && letters(w) <= 14 && !SURNAME_ENDING.test(w.folded) && !NOT_GIVEN_NAME.test(w.folded) &&
  !isStopword(w.folded) && !NOT_A_NAME.has(w.folded) && !COUNTRY_WORDS.has(w.folded);
