import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../../ipc/errorMessages';
import { request } from '../../ipc/request';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocuments } from '../library/useDocuments';

interface Props {
  docId: string;
}

type Translations = { translations: string[]; translationOf: string | null };

/**
 * In the viewer: the translations attached to this document (a bundle places them right after it) or
 * the original it translates; "Attach translation…" chooses another document of the vault as one.
 */
export function TranslationControl({ docId }: Props): React.JSX.Element | null {
  const { t } = useTranslation();
  const id = useId();
  const { documents } = useDocuments();
  const [links, setLinks] = useState<Translations | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const sequence = useRef(0);

  const load = useCallback(() => {
    const mine = ++sequence.current;
    void request(() => window.dalel.documents.translations({ docId })).then((loaded) => {
      if (mine !== sequence.current) return;
      if (loaded.ok) setLinks(loaded.value);
      else setError(describeError(t, loaded.error));
    });
  }, [docId, t]);

  useEffect(() => {
    load();
    return () => void (sequence.current += 1);
  }, [load]);

  const attach = async (translationDocId: string, attached: boolean) => {
    if (!translationDocId) return;
    setBusy(true);
    const done = await request(() => window.dalel.documents.attachTranslation({ docId, translationDocId, attached }));
    setBusy(false);
    if (!done.ok) return setError(describeError(t, done.error));
    setError(null);
    setLinks(done.value);
    setChoosing(false);
  };

  const titleOf = (other: string) => documents?.find((doc) => doc.id === other)?.title ?? other;
  const taken = new Set([docId, ...(links?.translations ?? []), ...(links?.translationOf ? [links.translationOf] : [])]);
  const candidates = (documents ?? []).filter((doc) => !taken.has(doc.id));

  return (
    <div className="translation-control" data-testid="translation-control">
      {links?.translationOf && (
        <span className="hint" data-testid="translation-of">
          {t('bundles.translations.of', { title: titleOf(links.translationOf) })}
        </span>
      )}
      {links && links.translations.length > 0 && (
        <ul className="member-cases" aria-label={t('bundles.translations.label')}>
          {links.translations.map((other) => (
            <li key={other} className="removable-chip" data-testid="attached-translation" data-doc-id={other}>
              <span className="badge bundle-translation-badge">{t('bundles.translation')}</span>
              <span>{titleOf(other)}</span>
              <button
                type="button"
                className="button-quiet"
                disabled={busy}
                onClick={() => void attach(other, false)}
                aria-label={t('bundles.translations.detach', { title: titleOf(other) })}
                data-testid="detach-translation"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!links?.translationOf &&
        (choosing ? (
          <>
            <label htmlFor={id} className="visually-hidden">
              {t('bundles.translations.choose')}
            </label>
            <select id={id} value="" disabled={busy} onChange={(event) => void attach(event.target.value, true)} data-testid="attach-translation-select">
              <option value="">{t('bundles.translations.choose')}</option>
              {candidates.map((doc) => (
                <option key={doc.id} value={doc.id}>
                  {doc.title}
                </option>
              ))}
            </select>
            <button type="button" className="button-quiet" onClick={() => setChoosing(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setChoosing(true)} disabled={candidates.length === 0} data-testid="attach-translation">
            {t('bundles.translations.attach')}
          </button>
        ))}
      {error && <ErrorAlert error={error} testId="translation-error" />}
    </div>
  );
}
