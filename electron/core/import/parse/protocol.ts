import type { FileKind, ImportErrorCode } from '../../../../shared/domain/document';
import type { InspectedFile, PageContent } from './types';

/**
 * Messages between the app and a parser process. Plain data with Uint8Arrays, which both transports
 * carry without base64: Node's fork with `serialization: 'advanced'` and Electron's utilityProcess
 * (structured clone).
 */

export type ParserRequest =
  | { id: number; op: 'inspect'; bytes: Uint8Array; fileName: string }
  | { id: number; op: 'page'; bytes: Uint8Array; kind: FileKind; page: number };

export type ParserFailure =
  | { code: ImportErrorCode; message: string } // about the file: shown to the lawyer
  | { internal: string }; // a bug or a misuse (e.g. page out of range): not the file's fault

export type ParserResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: InspectedFile | PageContent }
  | { type: 'result'; id: number; ok: false; error: ParserFailure };

/** Limits a parser process is started with. */
export interface ParserLimits {
  memoryMb: number;
}

/**
 * Command-line flags for a parser process, shared by every launcher (Node's fork here, Electron's
 * utilityProcess in electron/main). `--max-old-space-size` caps the JS heap; the RSS limit is enforced
 * by a watchdog inside the child, because image decoders and the canvas allocate outside the JS heap.
 */
export function parserChildArgs(limits: ParserLimits): { execArgv: string[]; args: string[] } {
  const mb = Math.max(64, Math.floor(limits.memoryMb));
  return { execArgv: [`--max-old-space-size=${mb}`], args: [`--rss-limit-mb=${mb}`] };
}

export function rssLimitFromArgv(argv: readonly string[]): number | null {
  const flag = argv.find((arg) => arg.startsWith('--rss-limit-mb='));
  const mb = flag ? Number(flag.slice('--rss-limit-mb='.length)) : NaN;
  return Number.isFinite(mb) && mb > 0 ? mb : null;
}
