import type { BundleDefinition } from '../../../../shared/domain/bundle';
import type { Result } from '../../../../shared/ipc/errors';
import type { BundleDraft } from './bundleDraft';

/**
 * Saves of one wizard run, one at a time. The vault gives a new bundle its id on its first save, and
 * every later save must name that id or it adds another bundle. Saves overlap easily — the steps'
 * buttons stay live while "Next" saves, the review saves as the lawyer works — so a save waits for the
 * one before it, and goes with the id that one got even when the draft it was given has none yet.
 */
export interface BundleSaver {
  /**
   * Save the draft as it is when this save's turn comes (`draft` is asked then, so edits made while
   * waiting go with it). Resolves with the draft sent and the core's answer.
   */
  save(draft: () => BundleDraft): Promise<{ sent: BundleDraft; result: Result<BundleDefinition> }>;
  /** The bundle's id in the vault, once a save has given it one. */
  readonly id: string | undefined;
}

export function bundleSaver(send: (draft: BundleDraft) => Promise<Result<BundleDefinition>>): BundleSaver {
  let id: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get id() {
      return id;
    },
    save(draft) {
      const turn = queue.then(async () => {
        const asked = draft();
        const known = asked.id ?? id;
        const sent = known ? { ...asked, id: known } : asked;
        const result = await send(sent);
        if (result.ok) id = result.value.id;
        return { sent, result };
      });
      // One refused save does not keep the next from being tried.
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
