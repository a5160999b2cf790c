import { useTranslation } from 'react-i18next';
import { detailSentences, type CheckDetail } from './verifyDetail';

/** What a check found, worded from its facts; another program's own lines are shown as data. */
export function VerifyCheckDetail({ detail }: { detail: CheckDetail | null }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!detail) return null;
  return (
    <div className="alert-detail" data-testid="verify-check-detail">
      {detailSentences(t, detail).map((sentence, index) => (
        <p key={index}>{sentence}</p>
      ))}
      {detail.technical && (
        <pre className="verify-technical" lang="en" translate="no">
          {detail.technical.lines.join('\n')}
        </pre>
      )}
    </div>
  );
}
