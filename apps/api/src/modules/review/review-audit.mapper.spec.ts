import { type ApprovalPolicy, type ReviewRound } from '@postplan/domain';
import { reviewAuditEntry } from './review-audit.mapper';

const round = (number: number, levelNames: string[]): ReviewRound => ({
  number,
  startedAt: '2031-05-02T10:00:00Z',
  authorId: 'u-anna',
  authorMaySelfApprove: false,
  contentHash: 'h1',
  policy: { kind: 'levels', levels: [], selfApprovalRoles: [] } as unknown as ApprovalPolicy,
  levels: levelNames.map((name) => ({
    name,
    mode: 'any' as const,
    client: false,
    roles: [],
    userIds: [],
    resolvedApproverIds: [],
  })),
  decisions: [],
});

describe('what a review effect writes to the audit log', () => {
  it('names the level of a decision as its round froze it', () => {
    const decision = {
      userId: 'u-ben',
      role: 'editor' as const,
      level: 1,
      decision: 'approve' as const,
      at: '2031-05-03T09:00:00Z',
    };
    expect(
      reviewAuditEntry({ type: 'decision_recorded', round: 2, decision }, round(2, ['A', 'Recht'])),
    ).toEqual({
      action: 'post.decision_recorded',
      after: { round: 2, ...decision, levelName: 'Recht' },
    });
    // A decision of an earlier round is not named after the levels of a later one.
    expect(
      reviewAuditEntry({ type: 'decision_recorded', round: 1, decision }, round(2, ['A', 'Recht'])),
    ).toEqual({
      action: 'post.decision_recorded',
      after: { round: 1, ...decision, levelName: undefined },
    });
  });

  it('records a status change with where it came from, and a moved time as post.moved', () => {
    expect(
      reviewAuditEntry(
        { type: 'status_changed', from: 'draft', to: 'in_review', reason: 'submitted' },
        null,
      ),
    ).toEqual({
      action: 'post.status_changed',
      before: { status: 'draft' },
      after: { status: 'in_review', reason: 'submitted' },
    });
    expect(
      reviewAuditEntry(
        { type: 'planned_time_changed', from: null, to: '2031-06-10T07:00:00.000Z' },
        null,
      ),
    ).toEqual({
      action: 'post.moved',
      before: { plannedAt: null },
      after: { plannedAt: '2031-06-10T07:00:00.000Z' },
    });
  });
});
