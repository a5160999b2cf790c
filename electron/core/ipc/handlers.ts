import type { z } from 'zod';
import type { Channel, EventName } from '../../../shared/ipc/channels';
import { contract, type EventPayload, type Input, type Output } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import { DalelFailure } from '../errors';
import type { VaultSession } from '../session/vaultSession';

/**
 * The handler table: one function per contract channel. `electron/main` registers it with
 * `ipcMain.handle`, the loopback test host serves it over HTTP; both go through `dispatch`, so inputs
 * are validated and errors shaped in one place.
 */
type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> };

export interface ShellPorts {
  /** Show a folder picker; null when the user cancels. Electron: the native dialog. */
  pickFolder(purpose: Input<'dialog:pickFolder'>['purpose']): Promise<string | null>;
}

export function createHandlers(session: VaultSession, shell: ShellPorts): Handlers {
  return {
    'vault:create': ({ path, passphrase }) => session.create(path, passphrase),
    'vault:unlock': ({ path, secret }) => session.unlock(path, secret),
    'vault:lock': () => session.lock('user'),
    'vault:status': () => session.status(),
    'vault:changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    'vault:verify': () => session.verify(),
    'settings:get': () => session.settings(),
    'settings:update': (change) => session.updateSettings(change),
    'session:activity': () => {
      session.activity();
      return null;
    },
    'dialog:pickFolder': async ({ purpose }) => ({ path: await shell.pickFolder(purpose) }),
  };
}

export interface DispatchOptions {
  /** Where unexpected errors go (never to the renderer, which gets a plain `internal` error). */
  logError?: (channel: Channel, error: unknown) => void;
}

/** Validate, run, and wrap the result in the envelope. Never throws. */
export async function dispatch(
  handlers: Handlers,
  channel: Channel,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  const schema = contract[channel];
  const parsed = schema.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'validation',
        message: 'The request was not understood.',
        details: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: schema.output.parse(value) };
  } catch (error) {
    if (error instanceof DalelFailure) return { ok: false, error: error.toError() };
    options.logError?.(channel, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Dalel. Nothing was changed; please try again.' },
    };
  }
}

/** Forward session status changes to a push-event sink (webContents.send, SSE). */
export function forwardEvents(
  session: VaultSession,
  send: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
): () => void {
  return session.onStatusChanged((status) => send('vault:statusChanged', status));
}
