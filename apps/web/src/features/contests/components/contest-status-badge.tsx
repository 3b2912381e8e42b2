import type { Contest } from '@postplan/contracts';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { contestStage } from '../utils/contest-view';

const ICONS = { upcoming: '◷', running: '●', ended: '◼', committed: '🔒', drawn: '✓' } as const;

export function ContestStatusBadge({ contest }: { contest: Pick<Contest, 'status' | 'phase'> }) {
  const { t } = useI18n();
  const stage = contestStage(contest);
  return (
    <span className={`contest-status contest-status--${stage}`} data-stage={stage}>
      <span aria-hidden="true">{ICONS[stage]}</span>
      {t(`contests.status.${stage}`)}
    </span>
  );
}
