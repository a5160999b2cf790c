import { useTranslation } from 'react-i18next';

interface Props {
  /** Names the section and its test ids: `case-documents` / `case-document` / `case-document-remove`. */
  kind: 'document' | 'person';
  title: string;
  empty: string;
  members: { id: string; name: string }[];
  busy: boolean;
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
}

/** The documents or the persons of a case: each opens, and each can be taken out of the case. */
export function CaseMemberList({ kind, title, empty, members, busy, onOpen, onRemove }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="person-section" aria-labelledby={`case-${kind}s-title`} data-testid={`case-${kind}s`}>
      <h2 id={`case-${kind}s-title`}>{title}</h2>
      {members.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="relation-list">
          {members.map((member) => (
            <li key={member.id} className="case-member" data-testid={`case-${kind}`}>
              <button type="button" className="button-link" onClick={() => onOpen(member.id)}>
                {member.name}
              </button>
              <button
                type="button"
                className="button-quiet"
                disabled={busy}
                onClick={() => onRemove(member.id)}
                aria-label={t('cases.removeNamed', { name: member.name })}
                data-testid={`case-${kind}-remove`}
              >
                {t('cases.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
