/** Reading imported files: format by content, pages as text layer or raster, each parse in its own process. */
export { createFileParser } from './fileParser';
export { nodeParserProcesses, parserEnvironment, type ParserChannel, type ParserProcessFactory } from './processes';
export { parserChildArgs, type ParserLimits, type ParserRequest, type ParserResponse } from './protocol';
export { pagePng } from './raster';
export { ImportFailure, type FileParser, type InspectedFile, type PageContent } from './types';
export * from './limits';
export type { OriginalPage, OriginalPageReader, OriginalPages, PdfValue } from './originalPageData';
