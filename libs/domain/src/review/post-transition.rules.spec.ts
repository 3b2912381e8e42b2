import { describe, expect, it } from '@jest/globals';
import { ALLOWED_FROM, actionsFrom, transition } from './post-transition.rules';
import {
  EDITORIAL_STATUSES,
  type EditorialStatus,
  REVIEW_ACTIONS,
  type ReviewAction,
  type ReviewActor,
  type ReviewState,
} from './review.model';
import {
  EDITOR,
  author,
  client,
  ctx,
  draftPost,
  editor,
  expectOk,
  policy,
  requiredPolicy,
} from './review.fixtures';

/** A post in each status, reached through the real transitions so the fixtures stay honest. */
function postIn(status: EditorialStatus): ReviewState {
  const submitted = expectOk(
    transition(
      draftPost(),
      'submit',
      author,
      requiredPolicy,
      ctx({ resolvedApprovers: [[EDITOR]] }),
    ),
  ).next;
  switch (status) {
    case 'idea':
    case 'draft':
      return draftPost({ status });
    case 'in_review':
      return submitted;
    case 'changes_requested':
      return expectOk(transition(submitted, 'request_changes', editor, requiredPolicy, ctx())).next;
    case 'approved':
      return expectOk(transition(submitted, 'approve', editor, requiredPolicy, ctx())).next;
    case 'approval_expired':
      return expectOk(
        transition(
          draftPost(),
          'expire',
          author,
          requiredPolicy,
          ctx({ now: new Date('2026-06-06') }),
        ),
      ).next;
  }
}

const X = 'TRANSITION_NOT_ALLOWED';
type Cell = EditorialStatus | typeof X;

/** Rows: the status a post is in; columns: REVIEW_ACTIONS in order. The whole editorial lifecycle. */
// One row per status reads as a table; wrapped by Prettier it would not.
// prettier-ignore
const TABLE: Record<EditorialStatus, Record<ReviewAction, Cell>> = {
  idea: { promote: 'draft', submit: X, approve: X, request_changes: X, withdraw: X, reopen: X, edit_content: 'idea', move_time: 'idea', expire: X },
  draft: { promote: X, submit: 'in_review', approve: X, request_changes: X, withdraw: X, reopen: X, edit_content: 'draft', move_time: 'draft', expire: 'approval_expired' },
  in_review: { promote: X, submit: X, approve: 'approved', request_changes: 'changes_requested', withdraw: 'draft', reopen: X, edit_content: 'in_review', move_time: 'in_review', expire: 'approval_expired' },
  changes_requested: { promote: X, submit: 'in_review', approve: X, request_changes: X, withdraw: X, reopen: 'draft', edit_content: 'changes_requested', move_time: 'changes_requested', expire: 'approval_expired' },
  approved: { promote: X, submit: X, approve: X, request_changes: X, withdraw: 'draft', reopen: X, edit_content: 'approved', move_time: 'approved', expire: X },
  approval_expired: { promote: X, submit: X, approve: X, request_changes: X, withdraw: X, reopen: 'draft', edit_content: 'approval_expired', move_time: 'approval_expired', expire: X },
};

/** The actor who could do the action if the status allows it. */
const actorFor = (action: ReviewAction): ReviewActor =>
  action === 'approve' || action === 'request_changes' ? editor : author;

const cells = EDITORIAL_STATUSES.flatMap((status) =>
  REVIEW_ACTIONS.map((action) => [status, action] as const),
);

describe('transition: every status x every action', () => {
  it.each(cells)('%s + %s', (status, action) => {
    const expected = TABLE[status][action];
    const result = transition(
      postIn(status),
      action,
      actorFor(action),
      requiredPolicy,
      ctx({
        now: new Date('2026-06-06'),
        resolvedApprovers: [[EDITOR]],
        plannedAt: '2026-06-07T09:00:00Z',
      }),
    );
    if (expected === X) {
      expect(result).toMatchObject({ ok: false, code: X });
    } else {
      expect(expectOk(result).next.status).toBe(expected);
    }
  });

  it('agrees with ALLOWED_FROM, which the UI uses to offer actions', () => {
    for (const [status, action] of cells) {
      expect(ALLOWED_FROM[action].includes(status)).toBe(TABLE[status][action] !== X);
    }
    expect(actionsFrom('approved')).toEqual(['withdraw', 'edit_content', 'move_time']);
  });

  it('says which actions are possible when refusing one', () => {
    const result = transition(postIn('idea'), 'submit', author, requiredPolicy, ctx());
    expect(result).toMatchObject({
      ok: false,
      details: { from: 'idea', allowed: ['promote', 'edit_content', 'move_time'] },
    });
  });
});

describe('transition: who may act', () => {
  it('keeps viewers from changing posts', () => {
    const viewer: ReviewActor = { userId: 'u-v', role: 'viewer', isAuthor: false };
    expect(transition(draftPost(), 'submit', viewer, requiredPolicy, ctx())).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
  });

  it('lets a review link only decide, never withdraw or edit', () => {
    const inReview = postIn('in_review');
    for (const action of ['withdraw', 'edit_content', 'move_time'] as const) {
      expect(transition(inReview, action, client, requiredPolicy, ctx())).toMatchObject({
        code: 'NOT_ALLOWED_VIA_LINK',
      });
    }
  });

  it('lets the system clock expire posts but not submit them', () => {
    const clock: ReviewActor = { userId: 'system', role: 'system', isAuthor: false };
    expect(transition(draftPost(), 'submit', clock, requiredPolicy, ctx())).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    expect(
      transition(draftPost(), 'expire', clock, requiredPolicy, ctx({ now: new Date('2026-06-06') }))
        .ok,
    ).toBe(true);
  });
});

describe('transition: time', () => {
  it('keeps the approval when an approved post is moved', () => {
    const approved = postIn('approved');
    const moved = expectOk(
      transition(
        approved,
        'move_time',
        author,
        requiredPolicy,
        ctx({ plannedAt: '2026-06-09T07:00:00Z' }),
      ),
    );
    expect(moved.next.status).toBe('approved');
    expect(moved.next.approval).toEqual(approved.approval);
    expect(moved.effects).toEqual([
      { type: 'planned_time_changed', from: '2026-06-05T10:00:00Z', to: '2026-06-09T07:00:00Z' },
    ]);
  });

  it('needs the new time to move a post', () => {
    expect(transition(draftPost(), 'move_time', author, requiredPolicy, ctx())).toMatchObject({
      ok: false,
    });
  });

  it('expires only when the planned time has been reached', () => {
    expect(transition(draftPost(), 'expire', author, requiredPolicy, ctx())).toMatchObject({
      code: 'NOT_YET_DUE',
    });
    const unplanned = draftPost({ plannedAt: null });
    expect(
      transition(unplanned, 'expire', author, requiredPolicy, ctx({ now: new Date('2030-01-01') })),
    ).toMatchObject({
      code: 'NOT_YET_DUE',
    });
    const atTheMinute = ctx({ now: new Date('2026-06-05T10:00:00Z') });
    expect(
      expectOk(transition(draftPost(), 'expire', author, requiredPolicy, atTheMinute)).next.status,
    ).toBe('approval_expired');
  });

  it('keeps an expired post expired when it is moved: reopening is a decision', () => {
    const expired = postIn('approval_expired');
    const moved = expectOk(
      transition(
        expired,
        'move_time',
        author,
        requiredPolicy,
        ctx({ plannedAt: '2026-07-01T10:00:00Z' }),
      ),
    );
    expect(moved.next.status).toBe('approval_expired');
  });
});

describe('transition: withdrawing', () => {
  it('voids the approval of an approved post, so nothing is published', () => {
    const withdrawn = expectOk(
      transition(postIn('approved'), 'withdraw', author, requiredPolicy, ctx()),
    );
    expect(withdrawn.next).toMatchObject({ status: 'draft', approval: null });
    expect(withdrawn.effects[0]).toEqual({ type: 'approval_voided', reason: 'withdrawn' });
  });

  it('keeps the round of a withdrawn review for the history', () => {
    const withdrawn = expectOk(
      transition(postIn('in_review'), 'withdraw', author, requiredPolicy, ctx()),
    );
    expect(withdrawn.next.round?.number).toBe(1);
  });
});

describe('transition: promote', () => {
  it('turns an idea into a draft, which can then be submitted', () => {
    const promoted = expectOk(
      transition(draftPost({ status: 'idea' }), 'promote', author, policy({ kind: 'none' }), ctx()),
    );
    expect(promoted.effects).toEqual([
      { type: 'status_changed', from: 'idea', to: 'draft', reason: 'promoted' },
    ]);
  });
});
