import { type DuePostAction, type DuePostDecision } from '@postplan/contracts';
import { parseZonedDateTime } from '@postplan/domain';
import { withTimeErrors } from '../../common/errors/time-errors';
import { CrisisError } from './crisis.errors';

export type PlannedDecision = { postId: string; action: DuePostAction; plannedAt: Date | null };

/**
 * What each decision does to the planned time: publish now sets it to now, reschedule to the new
 * time (a wall-clock time in the workspace zone, checked against its DST changes, and in the
 * future), skip clears it. Throws before anything is written, so a bad decision changes nothing.
 */
export function planDecisions(
  decisions: DuePostDecision[],
  timeZone: string,
  now: Date,
): PlannedDecision[] {
  return decisions.map((d) => {
    switch (d.action) {
      case 'publish_now':
        return { postId: d.postId, action: d.action, plannedAt: now };
      case 'skip':
        return { postId: d.postId, action: d.action, plannedAt: null };
      case 'reschedule': {
        const at = withTimeErrors(() => parseZonedDateTime(d.plannedAt, timeZone));
        if (at.getTime() <= now.getTime()) {
          throw new CrisisError(
            'PLANNED_TIME_IN_PAST',
            'A new planned time must lie in the future; choose "publish now" to send it at once.',
            { postId: d.postId, plannedAt: d.plannedAt },
          );
        }
        return { postId: d.postId, action: d.action, plannedAt: at };
      }
    }
  });
}
