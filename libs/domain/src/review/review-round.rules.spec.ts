import { describe, expect, it } from '@jest/globals';
import { transition } from './post-transition.rules';
import { type ReviewState } from './review.model';
import {
  AUTHOR,
  EDITOR,
  author,
  ctx,
  draftPost,
  editor,
  expectOk,
  policy,
  requiredPolicy,
} from './review.fixtures';

const none = policy({ kind: 'none' });
const optional = policy({ kind: 'optional', approvers: { roles: ['editor'] } });
const findings = { blockingFindings: [{ rule: 'missing-imprint' }] };

const inReview = (p = requiredPolicy): ReviewState =>
  expectOk(
    transition(
      draftPost(),
      'submit',
      author,
      p,
      ctx({ requestReview: true, resolvedApprovers: [[EDITOR]] }),
    ),
  ).next;
const approved = (p = requiredPolicy): ReviewState =>
  expectOk(transition(inReview(p), 'approve', editor, p, ctx())).next;

describe('submit', () => {
  it('starts round 1 under the required policy and asks the approvers, not the author', () => {
    const result = expectOk(
      transition(
        draftPost(),
        'submit',
        author,
        requiredPolicy,
        ctx({ resolvedApprovers: [[EDITOR, AUTHOR]] }),
      ),
    );
    expect(result.next.round).toMatchObject({
      number: 1,
      contentHash: 'hash-1',
      decisions: [],
      authorMaySelfApprove: false,
    });
    expect(result.effects).toEqual([
      { type: 'status_changed', from: 'draft', to: 'in_review', reason: 'submitted' },
      { type: 'round_started', round: 1, contentHash: 'hash-1' },
      { type: 'reviewers_requested', round: 1, level: 0, userIds: [EDITOR], client: false },
    ]);
  });

  it('refuses a round that only the author could approve', () => {
    expect(
      transition(
        draftPost(),
        'submit',
        author,
        requiredPolicy,
        ctx({ resolvedApprovers: [[AUTHOR]] }),
      ),
    ).toMatchObject({
      code: 'NO_ELIGIBLE_APPROVER',
    });
  });

  it('needs the approvers resolved for every level', () => {
    expect(transition(draftPost(), 'submit', author, requiredPolicy, ctx())).toMatchObject({
      code: 'APPROVERS_NOT_RESOLVED',
    });
    expect(
      transition(draftPost(), 'submit', author, requiredPolicy, ctx({ resolvedApprovers: [] })),
    ).toMatchObject({
      code: 'APPROVERS_NOT_RESOLVED',
    });
  });

  it('numbers rounds on: a resubmission after changes is round 2 with no decisions', () => {
    const changes = expectOk(
      transition(inReview(), 'request_changes', editor, requiredPolicy, ctx()),
    ).next;
    const again = expectOk(
      transition(
        changes,
        'submit',
        author,
        requiredPolicy,
        ctx({ contentHash: 'hash-2', resolvedApprovers: [[EDITOR]] }),
      ),
    );
    expect(again.next.round).toMatchObject({ number: 2, contentHash: 'hash-2', decisions: [] });
  });

  it('releases at once under "none": approved without review, ready to be scheduled', () => {
    const result = expectOk(transition(draftPost(), 'submit', author, none, ctx()));
    expect(result.next).toMatchObject({ status: 'approved', round: null });
    expect(result.next.approval).toEqual({
      contentHash: 'hash-1',
      at: '2026-06-01T08:00:00.000Z',
      kind: 'not_required',
      round: null,
      approverIds: [],
    });
  });

  it('does not release content with wording errors, even without review', () => {
    expect(transition(draftPost(), 'submit', author, none, ctx(findings))).toMatchObject({
      code: 'BLOCKED_BY_FINDINGS',
    });
  });

  it('under "optional" releases at once, or starts a review when the author asks for one', () => {
    expect(expectOk(transition(draftPost(), 'submit', author, optional, ctx())).next.status).toBe(
      'approved',
    );
    const asked = expectOk(
      transition(
        draftPost(),
        'submit',
        author,
        optional,
        ctx({ requestReview: true, resolvedApprovers: [[EDITOR]] }),
      ),
    );
    expect(asked.next.status).toBe('in_review');
    expect(
      expectOk(transition(asked.next, 'approve', editor, optional, ctx())).next.approval?.kind,
    ).toBe('reviewed');
  });
});

describe('edit_content', () => {
  it('does nothing while the hash is unchanged (tags or time edited)', () => {
    const state = approved();
    expect(transition(state, 'edit_content', author, requiredPolicy, ctx())).toEqual({
      ok: true,
      next: state,
      effects: [],
    });
  });

  it('voids an approval and sends the post back to review as a new round', () => {
    const result = expectOk(
      transition(
        approved(),
        'edit_content',
        author,
        requiredPolicy,
        ctx({ contentHash: 'hash-2', resolvedApprovers: [[EDITOR]] }),
      ),
    );
    expect(result.next).toMatchObject({
      status: 'in_review',
      approval: null,
      round: { number: 2, contentHash: 'hash-2', decisions: [] },
    });
    expect(result.effects.slice(0, 2)).toEqual([
      { type: 'approval_voided', reason: 'content_changed' },
      { type: 'status_changed', from: 'approved', to: 'in_review', reason: 'content_changed' },
    ]);
  });

  it('voids the decisions of a running round and starts the next one', () => {
    const levels = policy({
      kind: 'levels',
      levels: [
        { name: 'A', approvers: { roles: ['editor'] } },
        { name: 'B', approvers: { roles: ['admin'] } },
      ],
    });
    const submitted = expectOk(
      transition(
        draftPost(),
        'submit',
        author,
        levels,
        ctx({ resolvedApprovers: [[EDITOR], ['u-carla']] }),
      ),
    ).next;
    const halfway = expectOk(transition(submitted, 'approve', editor, levels, ctx())).next;
    const edited = expectOk(
      transition(
        halfway,
        'edit_content',
        author,
        levels,
        ctx({ contentHash: 'hash-2', resolvedApprovers: [[EDITOR], ['u-carla']] }),
      ),
    );
    expect(edited.next.status).toBe('in_review');
    expect(edited.next.round).toMatchObject({ number: 2, decisions: [] });
    expect(edited.effects[0]).toEqual({
      type: 'decisions_voided',
      round: 1,
      reason: 'content_changed',
    });
    expect(edited.effects.some((e) => e.type === 'status_changed')).toBe(false);
  });

  it('re-releases under "none" with the new hash, or falls back to draft when the new text has errors', () => {
    const released = expectOk(transition(draftPost(), 'submit', author, none, ctx())).next;
    const edited = expectOk(
      transition(released, 'edit_content', author, none, ctx({ contentHash: 'hash-2' })),
    );
    expect(edited.next).toMatchObject({
      status: 'approved',
      approval: { contentHash: 'hash-2', kind: 'not_required' },
    });
    const broken = expectOk(
      transition(
        released,
        'edit_content',
        author,
        none,
        ctx({ contentHash: 'hash-2', ...findings }),
      ),
    );
    expect(broken.next).toMatchObject({ status: 'draft', approval: null });
  });

  it('under "optional" keeps a reviewed post publishable but marks the review as void', () => {
    const result = expectOk(
      transition(
        approved(optional),
        'edit_content',
        author,
        optional,
        ctx({ contentHash: 'hash-2' }),
      ),
    );
    expect(result.next.approval).toMatchObject({ kind: 'not_required', contentHash: 'hash-2' });
    expect(result.effects[0]).toEqual({ type: 'approval_voided', reason: 'content_changed' });
  });

  it('leaves drafts, ideas and expired posts where they are', () => {
    for (const status of ['idea', 'draft', 'changes_requested', 'approval_expired'] as const) {
      const result = expectOk(
        transition(
          draftPost({ status }),
          'edit_content',
          author,
          requiredPolicy,
          ctx({ contentHash: 'hash-9' }),
        ),
      );
      expect(result.next.status).toBe(status);
    }
  });
});
