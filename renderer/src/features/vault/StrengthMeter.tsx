import { useTranslation } from 'react-i18next';
import type { StrengthState } from './usePassphraseStrength';

const SEGMENTS = 5;

interface Props {
  state: StrengthState;
  id?: string;
}

export function StrengthMeter({ state, id }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const score = state.status === 'done' ? state.strength.score : null;
  const filled = score === null ? 0 : score + 1;

  let text = '';
  let warning = '';
  if (state.status === 'checking') text = t('strength.checking');
  else if (state.status === 'failed') text = t('strength.unavailable');
  else if (state.status === 'done') {
    text = t('strength.label', { level: t(`strength.levels.${state.strength.score}`) });
    if (state.strength.warning) warning = t(`strength.warnings.${state.strength.warning}`);
  }

  return (
    <div className="strength" id={id} data-testid="strength-meter" data-score={score ?? ''}>
      <div className={`strength-bar strength-${score ?? 'none'}`} aria-hidden="true">
        {Array.from({ length: SEGMENTS }, (_, index) => (
          <span key={index} className={index < filled ? 'strength-segment on' : 'strength-segment'} />
        ))}
      </div>
      <p className="strength-text" aria-live="polite">
        {text}
        {warning && <span className="strength-warning">{warning}</span>}
      </p>
    </div>
  );
}
