import { useRef, useState, type InputHTMLAttributes } from 'react';
import { formatLocalDate, parseLocalDate, parseLocalTime } from '../../lib/dates/local-date-format';
import { useI18n } from '../../lib/i18n/i18n-context';
import './date-time-inputs.css';

type Passed = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'min' | 'max'
>;

type LocalInputProps = Passed & {
  /** ISO (`YYYY-MM-DD` or `HH:mm`), or '' for none. */
  value: string;
  /** ISO when what is typed is one, '' when the field is empty or holds no valid value. */
  onValueChange: (value: string) => void;
};

/**
 * Holds the typed text while it is being written; the value it reports is ISO (or '' while
 * the text is no date). A value changed from outside (cleared, reloaded) replaces the text.
 */
function useLocalText(
  value: string,
  format: (iso: string) => string,
  parse: (text: string) => string | null,
) {
  const [state, setState] = useState(() => ({ text: format(value), value }));
  let { text } = state;
  if (state.value !== value) {
    text = format(value);
    setState({ text, value });
  }
  const parsed = parse(text);
  const invalid = text.trim() !== '' && parsed === null;
  return {
    text,
    invalid,
    change: (next: string, report: (value: string) => void) => {
      const iso = next.trim() === '' ? '' : (parse(next) ?? '');
      setState({ text: next, value: iso });
      if (iso !== value) report(iso);
    },
    /** Shows a valid entry the way the language writes it once the person leaves the field. */
    settle: () => {
      if (parsed !== null) setState({ text: format(parsed), value: parsed });
    },
  };
}

/** A date in the app's language (`12.08.2026` in German), not the browser's locale. */
export function DateInput({
  value,
  onValueChange,
  min,
  max,
  className,
  ...rest
}: LocalInputProps & { min?: string; max?: string }) {
  const { t, intlLocale } = useI18n();
  const picker = useRef<HTMLInputElement>(null);
  const local = useLocalText(
    value,
    (iso) => formatLocalDate(iso, intlLocale),
    (text) => parseLocalDate(text, intlLocale),
  );
  return (
    <span className={`local-input${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('field.datePlaceholder')}
        value={local.text}
        aria-invalid={local.invalid || rest['aria-invalid'] ? true : undefined}
        onChange={(e) => local.change(e.target.value, onValueChange)}
        onBlur={local.settle}
      />
      {/* The browser's calendar to pick from; what it picked is shown in the app's language. */}
      <input
        ref={picker}
        type="date"
        className="local-input__picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        min={min}
        max={max}
        disabled={rest.disabled}
        onChange={(e) => onValueChange(e.target.value)}
      />
      <button
        type="button"
        className="button button--ghost button--small local-input__open"
        aria-label={t('field.pickDate')}
        title={t('field.pickDate')}
        disabled={rest.disabled || rest.readOnly}
        onClick={() => picker.current?.showPicker?.()}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {local.invalid && (
        <span className="field__error" role="alert">
          {t('field.dateInvalid', { pattern: t('field.datePlaceholder') })}
        </span>
      )}
    </span>
  );
}

/** A time of day in 24 hours, as both languages write it, whatever the browser's locale. */
export function TimeInput({ value, onValueChange, className, ...rest }: LocalInputProps) {
  const { t } = useI18n();
  const local = useLocalText(value, (iso) => iso, parseLocalTime);
  return (
    <span className={`local-input${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('field.timePlaceholder')}
        value={local.text}
        aria-invalid={local.invalid || rest['aria-invalid'] ? true : undefined}
        onChange={(e) => local.change(e.target.value, onValueChange)}
        onBlur={local.settle}
      />
      {local.invalid && (
        <span className="field__error" role="alert">
          {t('field.timeInvalid', { pattern: t('field.timePlaceholder') })}
        </span>
      )}
    </span>
  );
}
