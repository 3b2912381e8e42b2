import type { ReviewQueueItem } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { createTranslate } from '../../../lib/i18n/translate';
import { detail, EDITOR, LEGAL } from '../testing/review-fixtures';
import { defaultRange, diffQuery } from './diff-modes';
import { levelViews } from './levels';
import {
  emptyLevel,
  fieldErrors,
  formToPolicy,
  issuesFromDetails,
  moveLevel,
  policyToForm,
  validatePolicyForm,
} from './policy-form';
import { bulkPayload, keepSelectable, visibleItems } from './queue';
import { statusExplanation } from './status-explanation';

const t = createTranslate('en');

describe('statusExplanation', () => {
  it('tells a post that is back in review from one that was just submitted', () => {
    expect(statusExplanation('in_review', 'content_changed')).toBe(
      'review.explain.inReviewChanged',
    );
    expect(statusExplanation('in_review', 'submitted')).toBe('review.explain.inReview');
  });

  it('tells a release without review from an approval', () => {
    expect(statusExplanation('approved', 'approved', 'reviewed')).toBe('review.explain.approved');
    expect(statusExplanation('approved', 'content_changed', 'not_required')).toBe(
      'review.explain.released',
    );
  });

  it('explains why a draft is a draft', () => {
    expect(statusExplanation('draft', 'withdrawn')).toBe('review.explain.draftWithdrawn');
    expect(statusExplanation('draft', 'content_changed')).toBe('review.explain.draftBlocked');
    expect(statusExplanation('draft', null)).toBe('review.explain.draft');
    expect(statusExplanation('approval_expired', 'planned_time_reached')).toBe(
      'review.explain.expired',
    );
  });
});

describe('levelViews', () => {
  const round = detail().review.round!;
  const label = (id: string) => ({ [EDITOR]: 'Ben', [LEGAL]: 'Lena' })[id] ?? '?';

  it('marks done, current and later levels, and who is awaited on the current one', () => {
    const views = levelViews(round, label, true);
    expect(views.map((v) => [v.name, v.state, v.approvedBy, v.waitingFor])).toEqual([
      ['Redaktion', 'done', ['Ben'], []],
      ['Recht', 'current', [], ['Lena']],
    ]);
  });

  it('awaits nobody once the round stopped (changes requested)', () => {
    expect(levelViews(round, label, false)[1]!.waitingFor).toEqual([]);
  });

  it('flags a current level nobody can approve any more', () => {
    const stuck = {
      ...round,
      levels: [round.levels[0]!, { ...round.levels[1]!, waitingFor: [] }],
    };
    expect(levelViews(stuck, label, true)[1]!.stuck).toBe(true);
  });

  it('gives the single level of a "required" policy no name of its own', () => {
    const single = { ...round, policyKind: 'required' as const };
    expect(levelViews(single, label, true)[0]!.name).toBeNull();
  });
});

describe('diff modes', () => {
  it('asks for a baseline from the review history, or for two revisions oldest first', () => {
    expect(diffQuery('my_last_review', null)).toEqual({ since: 'my_last_review' });
    expect(diffQuery('revisions', { from: 5, to: 2 })).toEqual({ from: 2, to: 5 });
    expect(diffQuery('revisions', null)).toBeNull();
  });

  it('compares the last two revisions by default, or the empty post with the only one', () => {
    expect(defaultRange([1, 3, 2])).toEqual({ from: 2, to: 3 });
    expect(defaultRange([1])).toEqual({ from: 0, to: 1 });
  });
});

describe('review queue selection', () => {
  const item = (id: string, mine: boolean): ReviewQueueItem => ({
    post: { ...detail(), id, version: 7 },
    contentHash: `hash-${id}`,
    round: 1,
    level: { index: 0, name: 'approval', client: false },
    waitingSince: '2031-05-02T10:00:00Z',
    mine,
  });
  const items = [item('a', true), item('b', false), item('c', true)];

  it('shows only what waits for me on the first tab', () => {
    expect(visibleItems(items, 'mine').map((i) => i.post.id)).toEqual(['a', 'c']);
    expect(visibleItems(items, 'all')).toHaveLength(3);
  });

  it('sends each selected post with the version and hash it was listed with, never others’', () => {
    expect(bulkPayload(items, new Set(['a', 'b']))).toEqual([
      { id: 'a', version: 7, contentHash: 'hash-a' },
    ]);
  });

  it('forgets selections of posts that left the queue', () => {
    expect([...keepSelectable(new Set(['a', 'gone']), items)]).toEqual(['a']);
  });
});

describe('policy form', () => {
  it('round-trips every kind', () => {
    const policies = [
      { kind: 'none', selfApprovalRoles: [] },
      {
        kind: 'optional',
        approvers: { roles: ['editor'], userIds: [LEGAL] },
        selfApprovalRoles: ['owner'],
      },
      {
        kind: 'levels',
        levels: [
          {
            name: 'Redaktion',
            approvers: { roles: ['editor'], userIds: [] },
            mode: 'any',
            client: false,
          },
          { name: 'Kunde', approvers: { roles: [], userIds: [] }, mode: 'any', client: true },
        ],
        selfApprovalRoles: [],
      },
    ] as const;
    for (const policy of policies)
      expect(formToPolicy(policyToForm(policy as never))).toEqual(policy);
  });

  it('keeps the approvers when switching from "required" to levels and back', () => {
    const form = policyToForm({
      kind: 'required',
      approvers: { roles: ['admin'], userIds: [] },
      selfApprovalRoles: [],
    });
    expect(form.levels[0]!.approvers).toEqual({ roles: ['admin'], userIds: [] });
    expect(formToPolicy({ ...form, kind: 'required' })).toMatchObject({
      approvers: { roles: ['admin'], userIds: [] },
    });
  });

  it('forces a client level to "any", as link holders cannot be counted', () => {
    const form = policyToForm({ kind: 'none', selfApprovalRoles: [] });
    const policy = formToPolicy({
      ...form,
      kind: 'levels',
      levels: [{ ...emptyLevel(), name: 'Kunde', client: true, mode: 'all' }],
    });
    expect(policy).toMatchObject({ levels: [{ mode: 'any', client: true }] });
  });

  it('finds duplicate level names and levels without approvers, at their fields', () => {
    const form = policyToForm({ kind: 'none', selfApprovalRoles: [] });
    const errors = validatePolicyForm(
      {
        ...form,
        kind: 'levels',
        levels: [
          { ...emptyLevel(), name: 'Recht', approvers: { roles: ['admin'], userIds: [] } },
          { ...emptyLevel(), name: 'recht' },
        ],
      },
      t,
    );
    expect(errors.get('levels.1.name')).toBe('Two levels have this name; give each level its own.');
    expect(errors.get('levels.1.approvers')).toBe(
      'Name who approves: tick at least one role or person.',
    );
    expect(errors.has('levels.0.name')).toBe(false);
  });

  it('reads the API’s issue paths relative to the policy, and nothing from details off the contract', () => {
    const issues = issuesFromDetails({
      issues: [
        { path: 'policy.levels.0.name', code: 'too_small', message: 'Give the level a name' },
        { path: 'approvers.userIds', message: 'Not a member' },
      ],
    });
    expect(issuesFromDetails({ issues: [{ path: ['approvers'], message: 'x' }] })).toEqual([]);
    expect(issues.map((i) => i.path)).toEqual(['levels.0.name', 'approvers.userIds']);
    const errors = fieldErrors(issues, t);
    expect(errors.get('levels.0.name')).toBe('Give the level a name, e.g. “Redaktion”.');
    expect(errors.get('approvers')).toBe('Approvers must be members of this workspace.');
  });

  it('moves levels within bounds', () => {
    const [a, b, c] = [emptyLevel(), emptyLevel(), emptyLevel()];
    expect(moveLevel([a, b, c], 2, 0)).toEqual([c, a, b]);
    expect(moveLevel([a, b], 0, -1)).toEqual([a, b]);
  });
});
