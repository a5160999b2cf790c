import type { Clipboard } from 'electron';

/**
 * The renderer's one way to the clipboard: the recovery-code screen's Copy button. Every permission
 * request from the page is refused (hardening.ts), clipboard-sanitized-write included, and that stays so;
 * the page asks main instead, over the contract channel `clipboard:copyRecoveryCode`, whose input
 * schema admits a recovery code and nothing else (a compromised page cannot use it to plant a command
 * or an address on the clipboard). Main writes with Electron's clipboard module, which needs no
 * permission.
 *
 * The code is a secret: when nothing else was copied in the meantime it is taken off the clipboard
 * again after CLEAR_AFTER_MS, the way password managers clear a copied password (KeePassXC's "clear
 * clipboard after" setting). Two minutes leaves time to paste it into a password manager.
 */
export const CLEAR_AFTER_MS = 2 * 60 * 1000;

export interface SecretCopier {
  copy(text: string): Promise<void>;
}

/** Electron 45's clipboard is promise-based, like navigator.clipboard (electron.d.ts: `writeText(text): Promise<void>`). */
export function secretCopier(
  clipboard: Pick<Clipboard, 'writeText' | 'readText' | 'clear'>,
  schedule: (run: () => void, ms: number) => { unref?(): void } = setTimeout,
): SecretCopier {
  return {
    async copy(text) {
      await clipboard.writeText(text);
      const timer = schedule(() => {
        void clipboard
          .readText()
          .then((now) => {
            if (now === text) clipboard.clear();
          })
          .catch(() => undefined);
      }, CLEAR_AFTER_MS);
      timer.unref?.();
    },
  };
}
