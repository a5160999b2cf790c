import { useTranslation } from 'react-i18next';
import { describeError, type ErrorText } from '../ipc/errorMessages';
import { useDayStyle } from './dayStyle';

interface Props {
  error: ErrorText;
  testId?: string;
}

/**
 * An error in plain words. Said again from its source on every render, so that an error on screen when
 * the lawyer changes the interface language (on the unlock screen, in the settings) follows it.
 */
export function ErrorAlert({ error, testId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const shown = error.source ? describeError(t, error.source.error, error.source.overrides, dayStyle) : error;
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <p>{shown.message}</p>
      {shown.detail && <p className="alert-detail">{shown.detail}</p>}
    </div>
  );
}
