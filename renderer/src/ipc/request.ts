import type { Result } from '../../../shared/ipc/errors';

/**
 * `window.dalel` answers every call with a Result and never throws, but the transport under it (IPC,
 * or HTTP in the test host) can still fail. Fold that into the same envelope so screens handle one
 * shape.
 */
export async function request<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The request did not reach Dalel.' } };
  }
}
