import { AppError } from '../../common/errors/app-error';
import { planDecisions } from './due-decisions';

const NOW = new Date('2026-11-21T09:00:00Z');
const A = '00000000-0000-4000-8000-00000000000a';

describe('planDecisions', () => {
  it('sets now, the new time in the workspace zone, or no time', () => {
    expect(
      planDecisions(
        [
          { postId: A, action: 'publish_now' },
          { postId: A, action: 'reschedule', plannedAt: '2026-11-22T10:00' },
          { postId: A, action: 'skip' },
        ],
        'Europe/Berlin',
        NOW,
      ).map((d) => d.plannedAt?.toISOString() ?? null),
    ).toEqual(['2026-11-21T09:00:00.000Z', '2026-11-22T09:00:00.000Z', null]);
  });

  it('refuses a time the clocks skip, or one in the past', () => {
    const code = (plannedAt: string) => {
      try {
        planDecisions([{ postId: A, action: 'reschedule', plannedAt }], 'Europe/Berlin', NOW);
      } catch (e) {
        return (e as AppError).code;
      }
      return 'accepted';
    };
    expect(code('2027-03-28T02:30')).toBe('LOCAL_TIME_DOES_NOT_EXIST');
    expect(code('2027-10-31T02:30')).toBe('LOCAL_TIME_AMBIGUOUS');
    expect(code('2027-10-31T02:30+01:00')).toBe('accepted');
    expect(code('2026-11-21T09:59')).toBe('PLANNED_TIME_IN_PAST');
    expect(code('2026-11-21T10:01')).toBe('accepted');
  });
});
