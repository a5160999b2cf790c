import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleDefinition } from '../../../../shared/domain/bundle';
import { isBundleLanguage, type BundleLanguage } from '../../../../shared/domain/bundleWords';
import type { DalelError } from '../../../../shared/ipc/errors';
import { request } from '../../ipc/request';
import { mergeProposal } from './arrangement';
import { draftOf, isChanged, newDraft, proposeInput, saveInput, type BundleDraft, type BundleSource } from './bundleDraft';
import { bundleSaver } from './bundleSaves';
import { draftProblems } from './wizardSteps';

export interface BundleWizardState {
  /** null while the saved bundle or the proposal is loading. */
  draft: BundleDraft | null;
  loadError: DalelError | null;
  /** The definition differs from what is saved in the vault (or was never saved). */
  changed: boolean;
  saving: boolean;
  saveError: DalelError | null;
  /** Change the draft; `change` gets the newest draft, even between renders. */
  change: (change: (draft: BundleDraft) => BundleDraft) => void;
  /** Save the draft as it now is; the saved definition, or null when it was refused. */
  save: () => Promise<BundleDefinition | null>;
  /** Ask the core to arrange newly chosen documents (titled, dated, translations attached) and add them. */
  addDocuments: (docIds: string[]) => Promise<DalelError | null>;
}

/**
 * One bundle in the wizard: a saved one opened from the vault, or a new one proposed from where the
 * lawyer started (a person, a case, a search, documents). The draft lives here, above the steps, so
 * moving between steps keeps every edit; saving puts it in the vault, where leaving cannot lose it.
 */
export function useBundleWizard(source: BundleSource): BundleWizardState {
  const { t, i18n } = useTranslation();
  // A new bundle prints in the interface's language until the lawyer chooses another.
  const language: BundleLanguage = isBundleLanguage(i18n.language) ? i18n.language : 'en';
  const [draft, setDraft] = useState<BundleDraft | null>(null);
  const [saved, setSaved] = useState<BundleDraft | null>(null);
  const [loadError, setLoadError] = useState<DalelError | null>(null);
  // Saves still on their way: the wizard says "Saving…" until the last one is back.
  const [saving, setSaving] = useState(0);
  const [saveError, setSaveError] = useState<DalelError | null>(null);
  // The newest draft, for saves and merges that finish after further edits.
  const latest = useRef<BundleDraft | null>(null);
  const lastSaved = useRef<BundleDraft | null>(null);
  // One queue of saves for the whole run, so that the bundle is created once and updated after (bundleSaves.ts).
  const saver = useMemo(() => bundleSaver((draft) => request(() => window.dalel.bundles.save(saveInput(draft)))), []);
  const sourceKey = JSON.stringify(source);

  useEffect(() => {
    let live = true;
    const wanted = JSON.parse(sourceKey) as BundleSource;
    const show = (loaded: BundleDraft, isSaved: boolean) => {
      if (!live) return;
      latest.current = loaded;
      lastSaved.current = isSaved ? loaded : null;
      setDraft(loaded);
      setSaved(isSaved ? loaded : null);
      setLoadError(null);
    };
    const fail = (error: DalelError) => live && setLoadError(error);

    if (wanted.from === 'saved') {
      void request(() => window.dalel.bundles.get({ bundleId: wanted.bundleId })).then((got) => (got.ok ? show(draftOf(got.value), true) : fail(got.error)));
    } else if (wanted.from === 'documents' && wanted.docIds.length === 0) {
      // "New bundle": nothing to propose yet; the lawyer picks the documents in the first step.
      show(newDraft({ title: t('bundles.defaultTitle'), sections: [], language }), false);
    } else {
      const named = nameOf(wanted);
      void Promise.all([request(() => window.dalel.bundles.propose(proposeInput(wanted, language))), named]).then(([proposed, name]) => {
        if (!proposed.ok) return fail(proposed.error);
        const title = name ? t('bundles.titleFor', { name }) : t('bundles.defaultTitle');
        const personId = wanted.from === 'person' ? wanted.personId : null;
        const caseId = wanted.from === 'case' ? wanted.caseId : null;
        show(newDraft({ title, sections: proposed.value, personId, caseId, language }), false);
      });
    }
    return () => {
      live = false;
    };
  }, [sourceKey, t, language]);

  useEffect(
    () => () => {
      // Leaving the wizard any way at all (the header's buttons, a search) keeps the edits made since
      // the last save of a bundle that is already in the vault, when they can be saved as they are.
      const left = latest.current;
      if (left && (left.id || saver.id) && isChanged(left, lastSaved.current) && draftProblems(left).length === 0) {
        void saver.save(() => left);
      }
    },
    [saver],
  );

  const change = useCallback((edit: (draft: BundleDraft) => BundleDraft) => {
    if (!latest.current) return;
    latest.current = edit(latest.current);
    setDraft(latest.current);
  }, []);

  const save = useCallback(async () => {
    if (!latest.current) return null;
    setSaving((count) => count + 1);
    const { sent: asked, result: done } = await saver.save(() => latest.current!);
    setSaving((count) => count - 1);
    if (!done.ok) {
      setSaveError(done.error);
      return null;
    }
    setSaveError(null);
    const stored = draftOf(done.value);
    lastSaved.current = stored;
    setSaved(stored);
    // Edits made while saving stay; the draft only learns its id.
    latest.current = isChanged(latest.current!, asked) ? { ...latest.current!, id: done.value.id } : stored;
    setDraft(latest.current);
    return done.value;
  }, [saver]);

  const addDocuments = useCallback(async (docIds: string[]) => {
    if (docIds.length === 0) return null;
    const proposed = await request(() => window.dalel.bundles.propose({ docIds, language: latest.current?.language ?? 'en' }));
    if (!proposed.ok) return proposed.error;
    change((current) => ({ ...current, sections: mergeProposal(current.sections, proposed.value) }));
    return null;
  }, [change]);

  return { draft, loadError, changed: draft !== null && isChanged(draft, saved), saving: saving > 0, saveError, change, save, addDocuments };
}

/** The name a new bundle is titled after: the person's, the case's, or the search's words. */
async function nameOf(source: BundleSource): Promise<string | null> {
  switch (source.from) {
    case 'person': {
      const got = await request(() => window.dalel.persons.get({ personId: source.personId }));
      return got.ok ? got.value.person.name : null;
    }
    case 'case': {
      const got = await request(() => window.dalel.cases.get({ caseId: source.caseId }));
      return got.ok ? got.value.title : null;
    }
    case 'query':
      return source.query;
    default:
      return null;
  }
}
