import { useI18n } from '../../../lib/i18n/i18n-context';
import { countdown, formatCountdown } from '../utils/countdown';
import { useNow } from './use-now';

/** "in 4 min 09 s", ticking every second; "any moment now" once the minute has come. */
export function CountdownText({ dueAt }: { dueAt: string }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const text = formatCountdown(countdown(now, Date.parse(dueAt)), {
    day: t('publishing.unit.day'),
    hour: t('publishing.unit.hour'),
    minute: t('publishing.unit.minute'),
    second: t('publishing.unit.second'),
  });
  return (
    <span className="publication-countdown" data-testid="publication-countdown">
      {text === null ? t('publishing.countdown.due') : t('publishing.countdown.in', { time: text })}
    </span>
  );
}
