/**
 * The code lists of search: how a query word met a page, why a query cannot run. Values, read alike by
 * the schemas (shared/schemas), the core and the renderer; this file imports nothing (see documentKinds.ts).
 */

/**
 * How a query word met the page, best first:
 * - `exact`: the same word (after case, ё/е and Latin-accent folding);
 * - `stem`: another form of the word (проездного / проездные);
 * - `translit`: the same word in another script (Aigerim / Айгерим / Әйгерім);
 * - `fuzzy`: one or two letters differ (an OCR error or a spelling variant);
 * - `date`: the same date written another way (02.04.2021 / 2 April 2021 / 2 апреля 2021 г.);
 * - `alias`: another name of the same thing (Көктоғай / 富蕴 / Fuyun / Коктогайский уезд);
 * - `law`: a citation of the law the query names, written another way (477-IV / «О гражданстве» / Law on Citizenship).
 */
export const MATCH_FORMS = ['exact', 'stem', 'translit', 'fuzzy', 'date', 'alias', 'law'] as const;
export type MatchForm = (typeof MATCH_FORMS)[number];

/**
 * Why a query cannot run as written, as a code the interface words: `only-exclusions` — it only says what
 * to leave out (-Article), and a search of exclusions alone finds nothing.
 */
export const SEARCH_PROBLEMS = ['only-exclusions'] as const;
export type SearchProblem = (typeof SEARCH_PROBLEMS)[number];
