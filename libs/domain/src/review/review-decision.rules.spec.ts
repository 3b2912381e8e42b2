import { describe, expect, it } from '@jest/globals';
import { evaluateRound, whoMayDecideNow } from './approval-round.evaluator';
import { transition } from './post-transition.rules';
import { type ReviewActor, type ReviewState } from './review.model';
import {
  AUTHOR,
  CHIEF,
  EDITOR,
  LEGAL,
  author,
  chief,
  client,
  ctx,
  draftPost,
  editor,
  expectOk,
  legal,
  policy,
  requiredPolicy,
} from './review.fixtures';

const threeLevels = policy({
  kind: 'levels',
  levels: [
    { name: 'Redaktion', approvers: { roles: ['editor'] } },
    { name: 'Chefredaktion', approvers: { roles: ['admin'], userIds: [LEGAL] }, mode: 'all' },
    { name: 'Kunde', client: true, approvers: { userIds: [EDITOR] } },
  ],
});
const resolved = [[EDITOR], [CHIEF, LEGAL], []];

const submitted = (
  p = threeLevels,
  approvers = resolved,
  state: ReviewState = draftPost(),
): ReviewState =>
  expectOk(transition(state, 'submit', author, p, ctx({ resolvedApprovers: approvers }))).next;

const approve = (state: ReviewState, actor: ReviewActor, extra = {}) =>
  transition(state, 'approve', actor, threeLevels, ctx(extra));

describe('approving level by level', () => {
  it('walks the levels in order and approves when the last one is satisfied', () => {
    let state = submitted();
    const first = expectOk(approve(state, editor));
    expect(first.next.status).toBe('in_review');
    expect(first.effects).toContainEqual({
      type: 'reviewers_requested',
      round: 1,
      level: 1,
      userIds: [CHIEF, LEGAL],
      client: false,
    });
    state = first.next;
    state = expectOk(approve(state, chief)).next;
    expect(whoMayDecideNow(state.round!)).toEqual({ level: 1, userIds: [LEGAL], client: false });
    state = expectOk(approve(state, legal)).next;
    expect(evaluateRound(state.round!).currentLevel).toBe(2);
    const done = expectOk(approve(state, client));
    expect(done.next.status).toBe('approved');
    expect(done.next.approval).toMatchObject({ kind: 'reviewed', round: 1, contentHash: 'hash-1' });
    expect(done.next.approval?.approverIds).toEqual([EDITOR, CHIEF, LEGAL, 'link-7']);
    expect(done.next.round?.decisions.at(-1)).toMatchObject({
      level: 2,
      viaLink: { linkId: 'link-7' },
    });
  });

  it('refuses a later level before the earlier one is complete', () => {
    expect(approve(submitted(), chief)).toMatchObject({ ok: false, code: 'LEVEL_NOT_REACHED' });
    expect(approve(submitted(), client)).toMatchObject({ ok: false, code: 'LEVEL_NOT_REACHED' });
    expect(approve(submitted(), editor, { level: 2 })).toMatchObject({
      ok: false,
      code: 'LEVEL_NOT_REACHED',
    });
  });

  it('counts nobody twice on one level and refuses to re-approve a finished level', () => {
    const afterEditor = expectOk(approve(submitted(), editor)).next;
    const afterChief = expectOk(approve(afterEditor, chief)).next;
    expect(approve(afterChief, chief)).toMatchObject({ code: 'ALREADY_DECIDED' });
    const otherEditor: ReviewActor = { userId: 'u-eva', role: 'editor', isAuthor: false };
    expect(approve(afterChief, otherEditor)).toMatchObject({ code: 'ALREADY_DECIDED' });
  });

  it("lets a member listed on a client level record the client's answer", () => {
    let state = expectOk(approve(submitted(), editor)).next;
    state = expectOk(approve(state, chief)).next;
    state = expectOk(approve(state, legal)).next;
    expect(expectOk(approve(state, editor)).next.status).toBe('approved');
  });

  it('keeps review-link visitors off member levels and members without the role off every level', () => {
    const demoted: ReviewActor = { userId: EDITOR, role: 'author', isAuthor: false };
    const reqd = submitted(requiredPolicy, [[EDITOR]]);
    expect(transition(reqd, 'approve', demoted, requiredPolicy, ctx())).toMatchObject({
      code: 'NOT_AN_APPROVER',
    });
    expect(transition(reqd, 'approve', client, requiredPolicy, ctx())).toMatchObject({
      code: 'NOT_AN_APPROVER',
    });
  });

  it('lets anyone on any level stop the round with a request for changes', () => {
    const stopped = expectOk(
      transition(submitted(), 'request_changes', chief, threeLevels, ctx({ note: 'Quelle fehlt' })),
    );
    expect(stopped.next.status).toBe('changes_requested');
    expect(stopped.next.round?.decisions).toEqual([
      {
        userId: CHIEF,
        role: 'admin',
        level: 1,
        decision: 'request_changes',
        at: '2026-06-01T08:00:00.000Z',
        note: 'Quelle fehlt',
      },
    ]);
  });
});

describe('four eyes', () => {
  const selfAllowed = policy({
    kind: 'required',
    approvers: { roles: ['editor'] },
    selfApprovalRoles: ['editor'],
  });
  const editingAuthor: ReviewActor = { userId: AUTHOR, role: 'editor', isAuthor: true };

  it('never lets the author approve or reject their own post by default', () => {
    const state = submitted(requiredPolicy, [[EDITOR, AUTHOR]]);
    const authorAsEditor: ReviewActor = { ...editingAuthor };
    expect(transition(state, 'approve', authorAsEditor, requiredPolicy, ctx())).toMatchObject({
      code: 'SELF_APPROVAL_FORBIDDEN',
    });
    expect(
      transition(state, 'request_changes', authorAsEditor, requiredPolicy, ctx()),
    ).toMatchObject({
      code: 'SELF_APPROVAL_FORBIDDEN',
    });
  });

  it('lets the author approve when the policy allows it for their role', () => {
    const state = expectOk(
      transition(
        draftPost(),
        'submit',
        editingAuthor,
        selfAllowed,
        ctx({ resolvedApprovers: [[AUTHOR]] }),
      ),
    ).next;
    expect(
      expectOk(transition(state, 'approve', editingAuthor, selfAllowed, ctx())).next.status,
    ).toBe('approved');
  });

  it('does not wait for the author on an "all" level', () => {
    const allEditors = policy({
      kind: 'levels',
      levels: [{ name: 'Alle', approvers: { roles: ['editor'] }, mode: 'all' }],
    });
    const state = submitted(allEditors, [[EDITOR, AUTHOR]]);
    expect(whoMayDecideNow(state.round!).userIds).toEqual([EDITOR]);
    expect(expectOk(transition(state, 'approve', editor, allEditors, ctx())).next.status).toBe(
      'approved',
    );
  });
});

describe('the round keeps the policy it started with', () => {
  it('judges decisions by the snapshot even after the workspace changed its policy', () => {
    const state = submitted(requiredPolicy, [[EDITOR]]);
    const stricter = threeLevels;
    const result = expectOk(transition(state, 'approve', editor, stricter, ctx()));
    expect(result.next.status).toBe('approved');
  });
});

describe('what a decision covers', () => {
  it('refuses a decision when the content changed behind the round', () => {
    const state = submitted(requiredPolicy, [[EDITOR]]);
    expect(
      transition(state, 'approve', editor, requiredPolicy, ctx({ contentHash: 'hash-2' })),
    ).toMatchObject({
      code: 'CONTENT_CHANGED',
    });
    expect(
      transition(state, 'approve', editor, requiredPolicy, ctx({ seenContentHash: 'hash-0' })),
    ).toMatchObject({
      code: 'CONTENT_CHANGED',
    });
  });

  it('blocks approving, but not asking for changes, while the wording check reports errors', () => {
    const state = submitted(requiredPolicy, [[EDITOR]]);
    const findings = { blockingFindings: [{ rule: 'forbidden-word' }, { rule: 'forbidden-word' }] };
    const blocked = transition(state, 'approve', editor, requiredPolicy, ctx(findings));
    expect(blocked).toMatchObject({ code: 'BLOCKED_BY_FINDINGS' });
    expect(blocked.ok ? '' : blocked.message).toContain('2 error(s) (forbidden-word)');
    expect(transition(state, 'request_changes', editor, requiredPolicy, ctx(findings)).ok).toBe(
      true,
    );
  });

  it('records the decision of a level without approving the post', () => {
    const first = expectOk(approve(submitted(), editor));
    expect(first.next.approval).toBeNull();
    expect(first.effects[0]).toMatchObject({
      type: 'decision_recorded',
      decision: { userId: EDITOR, level: 0 },
    });
  });
});
