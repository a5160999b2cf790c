import { useTranslation } from 'react-i18next';
import { typeWords } from '../viewer/suggestionWords';
import { formatDay } from '../../ui/dayInput';
import { orderTimeline, type TimelineEntry } from './timeline';
import { useDayStyle } from '../../ui/dayStyle';

interface Props {
  entries: TimelineEntry[];
  /** documents that name the person but are not tagged with them (listed under the timeline) */
  mentioned?: number;
  onOpenDocument: (docId: string) => void;
}

/** The person's documents in the order things happened; each opens in the viewer. */
export function Timeline({ entries, mentioned = 0, onOpenDocument }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  if (entries.length === 0) {
    return (
      <p className="hint" data-testid="timeline-empty">
        {mentioned > 0 ? t('persons.mentions.timelineEmpty', { count: mentioned }) : t('persons.timelineEmpty')}
      </p>
    );
  }
  return (
    <ol className="timeline" data-testid="timeline">
      {orderTimeline(entries).map((entry) => (
        <li key={entry.docId} className="timeline-entry" data-testid="timeline-entry" data-doc-id={entry.docId}>
          <span className="timeline-date">{entry.date ? formatDay(entry.date, dayStyle) : t('persons.undated')}</span>
          <button type="button" className="link-button timeline-title" onClick={() => onOpenDocument(entry.docId)} data-testid="timeline-open">
            {entry.title}
          </button>
          {entry.type && <span className="badge badge-info">{typeWords(t, entry.type)}</span>}
          {entry.validUntil && (
            <span className="timeline-valid" data-testid="timeline-valid-until">
              {t('suggestions.validUntil', { date: formatDay(entry.validUntil, dayStyle) })}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
