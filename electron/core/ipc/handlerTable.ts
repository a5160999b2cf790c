import type { z } from 'zod';
import type { Channel } from '../../../shared/ipc/channels';
import type { contract, Input, Output } from '../../../shared/ipc/contract';

/**
 * The shape of the handler table (one function per contract channel) and of what only the shell can do.
 * Apart from handlers.ts, which builds the table, so that the modules answering a part of it
 * (bundleHandlers, backupHandlers) can name these types without importing what imports them.
 */
type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };

/** What only the shell can do: native dialogs. The test host answers these without a person. */
export interface ShellPorts {
  /** Show a folder picker; null when the user cancels. */
  pickFolder(purpose: Input<'dialog:pickFolder'>['purpose']): Promise<string | null>;
  /** Show the "Import…" file picker; empty when the user cancels. */
  pickFiles(): Promise<string[]>;
  /** Show an open dialog for a backup file (`*.dalelbackup`) to restore; null when the user cancels. */
  pickBackupFile?(): Promise<string | null>;
  /** Show a save dialog for an export (a bundle PDF or ZIP, a backup); null when the user cancels. */
  pickSavePath(purpose: Input<'dialog:pickSavePath'>['purpose'], suggestedName: string): Promise<string | null>;
  /**
   * Put a secret the lawyer asked to copy (the recovery code) on the system clipboard. Only the Electron
   * shell has one; where it is missing the page says to copy the code by hand.
   */
  copySecret?(text: string): Promise<void>;
  /** Open a file with the system's program for it (an exported bundle in the PDF reader); the CLI has none. */
  openPath?(path: string): Promise<void>;
  /** Show a file in the system's file manager, selected. */
  showInFolder?(path: string): void;
}
