import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/errors';
import { dispatch, type Handlers } from '../core/ipc/handlers';
import { isTrustedSender } from './senderPolicy';

export interface IpcOptions {
  handlers: Handlers;
  /** The main window's top frame, looked up per call: the window may have been recreated. */
  appFrame(): WebFrameMain | null;
  /** `app://dalel`, or the dev server's origin under `npm run dev` (devServer.ts). */
  pageOrigin: string;
  logError(channel: Channel, error: unknown): void;
}

/**
 * Every channel is registered here and only here, through `handle`, so no handler can forget the
 * sender check. Validation and the result envelope come from `dispatch`, the same path the loopback
 * test host uses.
 */
export function registerIpc(options: IpcOptions): () => void {
  const handle = (channel: Channel, run: (input: unknown) => Promise<Result<unknown>>) => {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame, options.appFrame(), options.pageOrigin)) {
        console.warn(`[dalel] refused ${channel} from a frame that is not the app's own page`);
        return {
          ok: false,
          error: { code: 'internal', message: 'This request did not come from Dalel itself and was refused.' },
        };
      }
      return run(input);
    });
  };

  for (const channel of CHANNELS) {
    handle(channel, (input) => dispatch(options.handlers, channel, input, { logError: options.logError }));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
