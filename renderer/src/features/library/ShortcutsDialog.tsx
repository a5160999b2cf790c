import { useTranslation } from 'react-i18next';
import { Modal } from '../../ui/Modal';

/** Every shortcut Dalel has, and where it works; the key names are the keyboard's, the rest in the interface language. */
export const SHORTCUTS = [
  { keys: ['Ctrl+K', '/'], what: 'search' },
  { keys: ['Ctrl+L'], what: 'lock' },
  { keys: ['Esc'], what: 'escape' },
  { keys: ['PgDn', 'PgUp'], what: 'pages' },
  { keys: ['↓', '↑'], what: 'results' },
  { keys: ['←', '→', 'Home', 'End'], what: 'tabs' },
  { keys: ['Tab', 'Shift+Tab'], what: 'move' },
  { keys: ['?'], what: 'help' },
] as const;

/** "?" (or the header's "Keyboard" button): the shortcuts, so a lawyer who works from the keyboard finds them. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.what} data-testid="shortcut">
              <th scope="row">
                {shortcut.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{t(`shortcuts.${shortcut.what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="button-primary" onClick={onClose} autoFocus data-testid="shortcuts-close">
          {t('shortcuts.close')}
        </button>
      </div>
    </Modal>
  );
}
