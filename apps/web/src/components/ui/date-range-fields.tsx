import { DateInput } from './date-time-inputs';

type DateRangeFieldsProps = {
  /** Prefix of the fields' ids (`${id}-from`, `${id}-to`). */
  id: string;
  from: string;
  to: string;
  labels: { from: string; to: string };
  onChange: (patch: { from?: string } | { to?: string }) => void;
  /** The id of the message that says why the range is not valid, while it is not. */
  errorId?: string;
  /** The class of each field's wrapper, as the filter bar around it lays fields out. */
  fieldClassName: string;
};

/**
 * A filter's "from" and "to" days, in the app's language (see DateInput). Both fields are
 * marked invalid together while the range is, pointing at the message that says why.
 */
export function DateRangeFields({
  id,
  from,
  to,
  labels,
  onChange,
  errorId,
  fieldClassName,
}: DateRangeFieldsProps) {
  const invalid = errorId ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <>
      <div className={fieldClassName}>
        <label htmlFor={`${id}-from`}>{labels.from}</label>
        <DateInput
          id={`${id}-from`}
          value={from}
          {...invalid}
          onValueChange={(value) => onChange({ from: value })}
        />
      </div>
      <div className={fieldClassName}>
        <label htmlFor={`${id}-to`}>{labels.to}</label>
        <DateInput
          id={`${id}-to`}
          value={to}
          {...invalid}
          onValueChange={(value) => onChange({ to: value })}
        />
      </div>
    </>
  );
}
