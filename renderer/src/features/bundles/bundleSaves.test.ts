import { describe, expect, it } from 'vitest';
import type { BundleDefinition } from '../../../../shared/domain/bundle';
import type { Result } from '../../../../shared/ipc/errors';
import { newDraft, type BundleDraft } from './bundleDraft';
import { bundleSaver } from './bundleSaves';

/**
 * A stand-in for bundles:save that answers like the vault (a draft without an id is a new bundle), as
 * slowly as the test says, so that saves can overlap as they do when the lawyer clicks through steps.
 */
function fakeVault() {
  const bundles = new Map<string, BundleDraft>();
  const answers: Array<() => void> = [];
  let created = 0;
  const send = (draft: BundleDraft): Promise<Result<BundleDefinition>> =>
    new Promise((resolve) => {
      answers.push(() => {
        if (draft.title === '') return resolve({ ok: false, error: { code: 'validation', message: 'A bundle needs a title.' } });
        const id = draft.id ?? `bnd_new${String(++created).padStart(3, '0')}`;
        bundles.set(id, draft);
        resolve({ ok: true, value: { ...draft, id, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' } as BundleDefinition });
      });
    });
  /** Answer the saves that have reached the vault, oldest first, until none is waiting. */
  const answerAll = async () => {
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const answer = answers.shift();
      if (answer) answer();
    }
  };
  return { bundles, send, answerAll };
}

const draft = (title = 'Appeal'): BundleDraft =>
  newDraft({ title, sections: [{ title: 'Decisions', entries: [{ docId: 'doc_abcdef', title: 'Refusal', date: null, description: '', translationDocIds: [] }] }], language: 'en' });

describe('one bundle per wizard run', () => {
  it('saves overlapping saves of a new bundle as one bundle', async () => {
    // "Redactions" then "Preview" clicked before the first save came back: the second save used to go
    // without an id and the vault made a second bundle.
    const vault = fakeVault();
    const saver = bundleSaver(vault.send);
    const current = draft();
    const first = saver.save(() => current);
    const second = saver.save(() => ({ ...current, title: 'Appeal 2' }));
    await vault.answerAll();
    const [a, b] = await Promise.all([first, second]);
    expect(vault.bundles.size).toBe(1);
    expect(a.result.ok && b.result.ok && a.result.value.id === b.result.value.id).toBe(true);
    expect([...vault.bundles.values()][0]!.title).toBe('Appeal 2');
    expect(b.sent.id).toBe(saver.id);
  });

  it('updates the saved bundle when going back and forth, even from a draft that has no id yet', async () => {
    const vault = fakeVault();
    const saver = bundleSaver(vault.send);
    const stale = draft();
    for (let visit = 0; visit < 3; visit++) {
      const saved = saver.save(() => stale);
      await vault.answerAll();
      expect((await saved).result.ok).toBe(true);
    }
    expect(vault.bundles.size).toBe(1);
  });

  it('sends the draft as it is when its turn comes', async () => {
    const vault = fakeVault();
    const saver = bundleSaver(vault.send);
    let current = draft('First');
    const first = saver.save(() => current);
    const second = saver.save(() => current);
    current = draft('Edited while the first save was on its way');
    await vault.answerAll();
    expect((await first).sent.title).toBe('Edited while the first save was on its way');
    expect((await second).sent.title).toBe('Edited while the first save was on its way');
  });

  it('goes on after a refused save, and keeps an id given before', async () => {
    const vault = fakeVault();
    const saver = bundleSaver(vault.send);
    const refused = saver.save(() => draft(''));
    const accepted = saver.save(() => draft());
    await vault.answerAll();
    expect((await refused).result.ok).toBe(false);
    expect((await accepted).result.ok).toBe(true);
    const id = saver.id;
    const again = saver.save(() => draft(''));
    await vault.answerAll();
    expect((await again).result.ok).toBe(false);
    expect(saver.id).toBe(id);
  });

  it('keeps the id of a bundle opened from the vault', async () => {
    const vault = fakeVault();
    const saver = bundleSaver(vault.send);
    const saved = saver.save(() => ({ ...draft(), id: 'bnd_opened1' }));
    await vault.answerAll();
    expect((await saved).sent.id).toBe('bnd_opened1');
    expect([...vault.bundles.keys()]).toEqual(['bnd_opened1']);
  });
});
