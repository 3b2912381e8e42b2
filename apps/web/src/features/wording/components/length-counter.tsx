import { useI18n } from '../../../lib/i18n/i18n-context';
import { counterView, type LengthInfo } from '../utils/counter';

type LengthCounterProps = {
  /** What is counted for: the channel's name (the base text may go to several). */
  label: string;
  length: LengthInfo;
  testId?: string;
};

/**
 * "243 / 280" in the platform's own counting. It turns red past the limit, and a screen reader
 * hears that once, when the text crosses the limit, not on every keystroke.
 */
export function LengthCounter({ label, length, testId }: LengthCounterProps) {
  const { t, intlLocale } = useI18n();
  const view = counterView(length, intlLocale);
  const unit = t(`wording.unit.${length.unit}`);
  const state = view.over ? 'over' : view.near ? 'near' : 'ok';
  return (
    <span
      className={`length-counter length-counter--${state}`}
      data-testid={testId}
      data-over={view.over}
      title={t('wording.counter.title', { unit })}
    >
      <span className="length-counter__label">{label}</span>{' '}
      <span className="length-counter__value">{view.text}</span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {view.over ? t('wording.counter.over', { label }) : ''}
      </span>
    </span>
  );
}
