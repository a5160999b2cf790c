import type { ErrorText } from '../ipc/errorMessages';

interface Props {
  error: ErrorText;
  testId?: string;
}

export function ErrorAlert({ error, testId }: Props): React.JSX.Element {
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <p>{error.message}</p>
      {error.detail && <p className="alert-detail">{error.detail}</p>}
    </div>
  );
}
