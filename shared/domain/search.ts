/**
 * Domain types for search, shared by the core, the contract and the renderer. Pure TypeScript.
 *
 * The shapes are written once, as schemas in shared/schemas/search.ts; their types are inferred there
 * and re-exported here (type-only, so importing this file never loads zod). The code lists are in
 * searchKinds.ts, which the schemas read too.
 */
export { MATCH_FORMS, SEARCH_PROBLEMS, type MatchForm, type SearchProblem } from './searchKinds';
export type { DocumentMatches, SearchFilters, SearchHit, SearchResult, SnippetPart } from '../schemas/search';
