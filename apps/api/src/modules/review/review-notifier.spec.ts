import { type ApprovalPolicy, type ReviewRound } from '@postplan/domain';
import { notificationsFor, type TransitionNotice } from './review-notifier';

const AUTHOR = 'u-anna';
const EDITOR = 'u-ben';
const CHIEF = 'u-carla';
const LEGAL = 'u-dieter';

function round(decisions: ReviewRound['decisions'] = []): ReviewRound {
  const level = (name: string, ids: string[], client = false) => ({
    name,
    mode: 'any' as const,
    client,
    roles: [],
    userIds: ids,
    resolvedApproverIds: ids,
  });
  return {
    number: 1,
    startedAt: '2026-11-20T09:00:00Z',
    authorId: AUTHOR,
    authorMaySelfApprove: false,
    contentHash: 'h',
    policy: { kind: 'levels' } as unknown as ApprovalPolicy,
    levels: [level('Redaktion', [EDITOR, CHIEF]), level('Recht', [LEGAL])],
    decisions,
  };
}

const notice = (over: Partial<TransitionNotice>): TransitionNotice => ({
  workspaceId: 'w',
  postId: 'p',
  authorId: AUTHOR,
  actor: { type: 'user', userId: AUTHOR },
  round: round(),
  effects: [],
  ...over,
});

describe('who hears about a review transition', () => {
  it('asks the first level’s reviewers on submit, not the author who submitted', () => {
    expect(
      notificationsFor(
        notice({
          effects: [
            {
              type: 'reviewers_requested',
              round: 1,
              level: 0,
              userIds: [EDITOR, CHIEF, AUTHOR, EDITOR],
              client: false,
            },
          ],
        }),
      ),
    ).toEqual([{ kind: 'review_requested', userIds: [EDITOR, CHIEF], data: { level: 0 } }]);
  });

  it('tells nobody when the level is a client’s (the link is how they hear)', () => {
    expect(
      notificationsFor(
        notice({
          effects: [
            { type: 'reviewers_requested', round: 1, level: 0, userIds: [LEGAL], client: true },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('once a level approves, asks the next level, and tells the author when all approved', () => {
    const decision = {
      userId: EDITOR,
      role: 'editor' as const,
      level: 0,
      decision: 'approve' as const,
      at: '2026-11-20T10:00:00Z',
    };
    const next = notificationsFor(
      notice({
        actor: { type: 'user', userId: EDITOR },
        round: round([decision]),
        effects: [{ type: 'decision_recorded', round: 1, decision }],
      }),
    );
    expect(next).toEqual([{ kind: 'review_requested', userIds: [LEGAL], data: { level: 1 } }]);

    const approved = notificationsFor(
      notice({
        actor: { type: 'user', userId: LEGAL },
        effects: [
          {
            type: 'approval_granted',
            approval: {
              contentHash: 'h',
              at: '2026-11-20T11:00:00Z',
              kind: 'reviewed',
              round: 1,
              approverIds: [EDITOR, LEGAL],
            },
          },
        ],
      }),
    );
    expect(approved).toEqual([{ kind: 'approved', userIds: [AUTHOR] }]);
  });

  it('says nothing to the author about their own release without review', () => {
    expect(
      notificationsFor(
        notice({
          effects: [
            {
              type: 'approval_granted',
              approval: {
                contentHash: 'h',
                at: '2026-11-20T11:00:00Z',
                kind: 'not_required',
                round: null,
                approverIds: [],
              },
            },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('tells the author about requested changes, unless they asked themselves', () => {
    const effects: TransitionNotice['effects'] = [
      {
        type: 'status_changed',
        from: 'in_review',
        to: 'changes_requested',
        reason: 'changes_requested',
      },
    ];
    expect(notificationsFor(notice({ actor: { type: 'user', userId: CHIEF }, effects }))).toEqual([
      { kind: 'changes_requested', userIds: [AUTHOR] },
    ]);
    expect(notificationsFor(notice({ effects }))).toEqual([]);
  });

  it('tells the author and the reviewers still due when the planned time passed unapproved', () => {
    expect(
      notificationsFor(
        notice({
          actor: { type: 'system' },
          effects: [
            {
              type: 'status_changed',
              from: 'in_review',
              to: 'approval_expired',
              reason: 'planned_time_reached',
            },
          ],
        }),
      ),
    ).toEqual([{ kind: 'approval_expired', userIds: [AUTHOR, EDITOR, CHIEF] }]);
  });
});
