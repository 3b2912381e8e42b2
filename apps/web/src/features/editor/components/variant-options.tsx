import type { Channel, VariantOptions as Options } from '@postplan/contracts';
import { Field } from '../../../components/ui/field';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { optionFieldsFor, type OptionField } from '../utils/variant-option-fields';
import './variant-options.css';

type VariantOptionsProps = {
  channel: Channel;
  options: Options;
  /** Problems by field key ('' for options the form has no field for). */
  issues: ReadonlyMap<string, string>;
  readOnly: boolean;
  onChange: (key: string, value: unknown) => void;
};

/** A channel's per-platform options (first comment, board, format ...), as its platform takes them. */
export function VariantOptions({
  channel,
  options,
  issues,
  readOnly,
  onChange,
}: VariantOptionsProps) {
  const { t } = useI18n();
  const fields = optionFieldsFor(channel.platform);
  if (fields.length === 0) return null;
  const error = (key: string) => (issues.has(key) ? t('options.invalid') : null);
  return (
    <details
      className="variant-options"
      data-testid={`options-${channel.id}`}
      open={Object.keys(options).length > 0 || issues.size > 0}
    >
      <summary className="variant-options__summary">
        {t('options.title', { channel: channel.name })}
      </summary>
      <div className="variant-options__fields">
        {fields.map((field) => (
          <OptionInput
            key={field.key}
            field={field}
            value={options[field.key]}
            error={error(field.key)}
            readOnly={readOnly}
            onChange={(value) => onChange(field.key, value)}
          />
        ))}
        {issues.has('') && <p className="field__error">{t('options.unknown')}</p>}
      </div>
    </details>
  );
}

function OptionInput({
  field,
  value,
  error,
  readOnly,
  onChange,
}: {
  field: OptionField;
  value: unknown;
  error: string | null;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const { t } = useI18n();
  const hint = field.hint ? t(field.hint) : undefined;
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'checkbox':
      return (
        <label className="choice variant-options__check">
          <input
            type="checkbox"
            checked={value === true}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.checked)}
          />
          <span>
            {t(field.label)}
            {hint && <span className="field__hint"> {hint}</span>}
          </span>
        </label>
      );
    case 'select':
      return (
        <Field label={t(field.label)} hint={hint} error={error}>
          <select value={text} disabled={readOnly} onChange={(e) => onChange(e.target.value)}>
            {field.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </Field>
      );
    case 'textarea':
      return (
        <Field label={t(field.label)} hint={hint} error={error}>
          <textarea
            rows={2}
            value={text}
            readOnly={readOnly}
            maxLength={field.maxLength}
            onChange={(e) => onChange(e.target.value)}
          />
        </Field>
      );
    case 'text':
    case 'url':
      return (
        <Field label={t(field.label)} hint={hint} error={error}>
          <input
            type={field.kind === 'url' ? 'url' : 'text'}
            inputMode={field.kind === 'url' ? 'url' : undefined}
            value={text}
            readOnly={readOnly}
            maxLength={field.maxLength}
            onChange={(e) => onChange(e.target.value)}
          />
        </Field>
      );
  }
}
