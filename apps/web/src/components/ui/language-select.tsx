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
      <svg
        className="language-select__icon"
        viewBox="0 0 24 24"
        width="16"
        height="16"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path
          d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
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
