import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../../shared/domain/tagging';
import { formatDay } from '../../ui/dayInput';
import { dueLabel, urgencyOf } from './dueLabel';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  deadline: Deadline;
  busy: boolean;
  onDone: (done: boolean) => void;
  onOpenPerson?: (personId: string) => void;
  onOpenDocument?: (docId: string) => void;
}

/** One deadline: when, how far off, for whom, from which document; ticked off when dealt with. */
export function DeadlineRow({ deadline, busy, onDone, onOpenPerson, onOpenDocument }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const label = dueLabel(deadline.daysLeft);
  const urgency = deadline.done ? 'done' : urgencyOf(deadline.daysLeft);
  // A deadline read from a document is stored as its kind and the document (the title it had then), and
  // named by the document as it is titled now, in the lawyer's language; one typed in keeps the lawyer's words.
  const document = deadline.documentTitle ?? deadline.title;
  const title = deadline.kind === 'manual' ? deadline.title : deadline.kind === 'validity' ? t('deadlines.validityOf', { title: document }) : document;

  return (
    <li className={`deadline deadline-${urgency}`} data-testid="deadline" data-urgency={urgency} data-done={deadline.done} data-due={deadline.due}>
      <label className="deadline-done">
        <input type="checkbox" checked={deadline.done} disabled={busy} onChange={(event) => onDone(event.target.checked)} data-testid="deadline-done" />
        <span className="visually-hidden">{t('deadlines.markDone', { title })}</span>
      </label>
      <span className="deadline-when">
        <span className="deadline-due">{formatDay(deadline.due, dayStyle)}</span>
        <span className="deadline-left" data-testid="deadline-left">
          {'count' in label ? t(label.key, { count: label.count }) : t(label.key)}
        </span>
      </span>
      <span className="deadline-what">
        <span className="deadline-title" data-testid="deadline-title">
          {deadline.kind === 'hearing' && <strong className="deadline-kind">{t('deadlines.kindHearing')}: </strong>}
          {deadline.kind === 'appeal' && <strong className="deadline-kind">{t('deadlines.kindAppeal')}: </strong>}
          {title}
          {deadline.time && <span className="deadline-time"> · {t('deadlines.at', { time: deadline.time })}</span>}
        </span>
        <span className="deadline-links">
          {!deadline.personId && !deadline.caseId && deadline.kind === 'validity' && (
            <span className="deadline-unassigned" data-testid="deadline-unassigned">
              {t('deadlines.unassigned')}
            </span>
          )}
          {deadline.personId && deadline.personName && onOpenPerson && (
            <button type="button" className="link-button" onClick={() => onOpenPerson(deadline.personId!)} data-testid="deadline-person">
              {deadline.personName}
            </button>
          )}
          {deadline.docId && onOpenDocument && (
            <button type="button" className="link-button" onClick={() => onOpenDocument(deadline.docId!)} data-testid="deadline-document">
              {t('deadlines.openDocument')}
            </button>
          )}
        </span>
      </span>
    </li>
  );
}
