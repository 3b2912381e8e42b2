import { LOCALES, type Locale } from '@postplan/contracts';
import { useId } from 'react';

type LanguageSelectProps = {
  value: Locale;
  onChange: (locale: Locale) => void;
  label: string;
  names: Record<Locale, string>;
};

export function LanguageSelect({ value, onChange, label, names }: LanguageSelectProps) {
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <span aria-hidden="true" className="language-select__icon">
        🌐
      </span>
      <select
        id={id}
        value={value}
        data-testid="language-select"
        onChange={(event) => {
          const next = LOCALES.find((l) => l === event.target.value);
          if (next) onChange(next);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {names[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
