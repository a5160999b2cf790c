import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../ipc/errorMessages';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRegister } from '../persons/useRegister';
import { AddDeadlineForm } from './AddDeadlineForm';
import { DeadlineRow } from './DeadlineRow';
import { DEADLINE_WINDOWS, DEFAULT_WINDOW } from './dueLabel';
import { useDeadlines } from './useDeadlines';

interface Props {
  onOpenPerson: (personId: string) => void;
  onOpenDocument: (docId: string) => void;
}

/** What is due soon, shown first thing after unlock: a missed certificate extension is a disaster. */
export function DeadlinesDashboard({ onOpenPerson, onOpenDocument }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [days, setDays] = useState(DEFAULT_WINDOW);
  const [adding, setAdding] = useState(false);
  const { deadlines, error, busy, reload, setDone } = useDeadlines(days);
  const register = useRegister();

  return (
    <section className="deadlines" aria-labelledby={`${id}-title`} data-testid="deadlines-dashboard">
      <div className="deadlines-header">
        <h2 id={`${id}-title`}>{t('deadlines.title')}</h2>
        <label htmlFor={`${id}-days`}>{t('deadlines.window')}</label>
        <select id={`${id}-days`} value={days} onChange={(event) => setDays(Number(event.target.value))} data-testid="deadlines-window">
          {DEADLINE_WINDOWS.map((window) => (
            <option key={window} value={window}>
              {t('deadlines.days', { count: window })}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setAdding(true)} disabled={adding} data-testid="add-deadline">
          {t('deadlines.addOpen')}
        </button>
      </div>
      {adding && (
        <AddDeadlineForm
          persons={register.persons ?? []}
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
      {error && <ErrorAlert error={describeError(t, error)} testId="deadlines-error" />}
      {deadlines?.length === 0 && (
        <p className="hint" data-testid="deadlines-none">
          {t('deadlines.none', { count: days })}
        </p>
      )}
      {deadlines && deadlines.length > 0 && (
        <ul className="deadline-list" data-testid="deadline-list">
          {deadlines.map((deadline) => (
            <DeadlineRow
              key={deadline.id}
              deadline={deadline}
              busy={busy}
              onDone={(done) => void setDone(deadline.id, done)}
              onOpenPerson={onOpenPerson}
              onOpenDocument={onOpenDocument}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
