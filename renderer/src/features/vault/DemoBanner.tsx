import { useTranslation } from 'react-i18next';
import { DEMO_VAULT_PASSPHRASE } from '../../../../shared/domain/demo';

interface Props {
  /** Lock the demo vault: the app then shows the lawyer's own vault, or the first-run screen. */
  onLeave: () => void;
  leaving: boolean;
}

/**
 * Above every screen of the demo vault, and staying there while the page scrolls: its documents are
 * fictional, its passphrase is public (shared/domain/demo.ts), so nothing real belongs in it.
 */
export function DemoBanner({ onLeave, leaving }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <aside className="demo-banner" aria-labelledby="demo-banner-text" data-testid="demo-banner">
      <p>
        <strong id="demo-banner-text">{t('demo.banner')}</strong>{' '}
        <span data-testid="demo-banner-passphrase">{t('demo.passphrase', { passphrase: DEMO_VAULT_PASSPHRASE })}</span>
      </p>
      <button type="button" onClick={onLeave} disabled={leaving} title={t('demo.leaveHint')} data-testid="demo-leave-button">
        {t('demo.leave')}
      </button>
    </aside>
  );
}
