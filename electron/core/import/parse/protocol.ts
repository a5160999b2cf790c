import type { FileKind, ImportErrorCode } from '../../../../shared/domain/document';
import type { OriginalPages } from './originalPageData';
import type { InspectedFile, PageContent, PdfFileText } from './types';

/**
 * Messages between the app and a parser process. Plain data with Uint8Arrays, which both transports
 * carry without base64: Node's fork with `serialization: 'advanced'` and Electron's utilityProcess
 * (structured clone).
 */

export type ParserRequest =
  // `password`: for a PDF that asks for one; it lives in this message and the parser's memory only.
  | { id: number; op: 'inspect'; bytes: Uint8Array; fileName: string; password?: string }
  | { id: number; op: 'page'; bytes: Uint8Array; kind: FileKind; page: number }
  // A PDF Dalel wrote (a bundle): read from its path, since it can run to hundreds of megabytes.
  | { id: number; op: 'fileText'; path: string; from: number; to: number }
  // Pages of an original PDF, taken out for a bundle (originalPages.ts), as plain data.
  | { id: number; op: 'originalPages'; bytes: Uint8Array; pages: number[] };

export type ParserFailure =
  | { code: ImportErrorCode; message: string } // about the file: shown to the lawyer
  | { internal: string }; // a bug or a misuse (e.g. page out of range): not the file's fault

export type ParserResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; value: InspectedFile | PageContent | PdfFileText | OriginalPages }
  | { type: 'result'; id: number; ok: false; error: ParserFailure };

/** Limits a parser process is started with. */
export interface ParserLimits {
  memoryMb: number;
}

/** Who starts the parser process: Node's child_process.fork (tests, CLI, test host) or Electron's utilityProcess (the app). */
export type ParserLauncher = 'node-fork' | 'electron-utility';

/**
 * Command-line flags for a parser process, shared by every launcher (Node's fork here, Electron's
 * utilityProcess in electron/main). The JS heap is capped with V8's `--max-old-space-size`; the RSS limit
 * is enforced by a watchdog inside the child, because image decoders and the canvas allocate outside the
 * JS heap.
 *
 * The two launchers need the heap cap spelled differently. Node's fork reads V8 options in execArgv.
 * A utility process does not: Electron passes its execArgv on as Chromium command-line switches
 * (`WithExtraCommandLineSwitches(params->exec_args)` in shell/browser/api/electron_api_utility_process.cc),
 * and V8 there is set up from the `--js-flags` switch alone (`JavascriptEnvironment::Initialize` in
 * shell/browser/javascript_environment.cc: `v8::V8::SetFlagsFromString(cmd->GetSwitchValueASCII(
 * kJavaScriptFlags))`), so a bare `--max-old-space-size` would be ignored and the parser left uncapped.
 */
export function parserChildArgs(limits: ParserLimits, launcher: ParserLauncher = 'node-fork'): { execArgv: string[]; args: string[] } {
  const mb = Math.max(64, Math.floor(limits.memoryMb));
  const heapCap = `--max-old-space-size=${mb}`;
  return { execArgv: [launcher === 'electron-utility' ? `--js-flags=${heapCap}` : heapCap], args: [`--rss-limit-mb=${mb}`] };
}

export function rssLimitFromArgv(argv: readonly string[]): number | null {
  const flag = argv.find((arg) => arg.startsWith('--rss-limit-mb='));
  const mb = flag ? Number(flag.slice('--rss-limit-mb='.length)) : NaN;
  return Number.isFinite(mb) && mb > 0 ? mb : null;
}
