import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPattern, formatDay, parseDay } from './dayInput';
import { useDayStyle } from './dayStyle';

interface Props {
  /** YYYY-MM-DD, or '' for none */
  value: string;
  onChange: (day: string) => void;
  id?: string;
  testId?: string;
  /** the field's name for screen readers when no <label> points at it */
  ariaLabel?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

/**
 * Dalel's own date field (issue 14): a day typed and shown the way the interface language writes it
 * (08.04.2021 in Russian and Kazakh, 8 Apr 2021 in English; ISO understood everywhere), never the
 * browser's locale-bound picker, which wrote 04/08/2021 in one place and 08/04/2021 in another. What it
 * cannot read it says so under it, and reports no day.
 */
export function DayField({ value, onChange, id, testId, ariaLabel, required, disabled, className }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const dayStyle = useDayStyle();
  const problemId = useId();
  const shown = value ? formatDay(value, dayStyle) : '';
  // what the lawyer is typing, until it is a day (or they leave the field)
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? shown;
  const bad = typed !== null && typed.trim() !== '' && parseDay(typed) === null;

  const type = (next: string) => {
    setTyped(next);
    const day = next.trim() === '' ? '' : parseDay(next);
    if (day !== null) onChange(day);
    else if (value !== '') onChange('');
  };

  return (
    <span className={['day-field', className].filter(Boolean).join(' ')}>
      <input
        id={id}
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={dayPattern(dayStyle)}
        onChange={(event) => type(event.target.value)}
        // the day as the language writes it once the field is left
        onBlur={() => !bad && setTyped(null)}
        aria-label={ariaLabel}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? problemId : undefined}
        required={required}
        disabled={disabled}
        data-testid={testId}
        data-day={value}
      />
      {bad && (
        <span id={problemId} className="field-error day-field-problem" role="alert">
          {t('common.dayInvalid', { pattern: dayPattern(dayStyle) })}
        </span>
      )}
    </span>
  );
}
