import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { transition } from './post-transition.rules';
import { REVIEW_ACTIONS, type ReviewActor, type ReviewState } from './review.model';
import { CHIEF, EDITOR, author, chief, client, draftPost, editor, policy } from './review.fixtures';

const policies = [
  policy({ kind: 'none' }),
  policy({ kind: 'optional', approvers: { roles: ['editor'] } }),
  policy({ kind: 'required', approvers: { roles: ['editor', 'admin'] } }),
  policy({
    kind: 'levels',
    levels: [
      { name: 'Redaktion', approvers: { roles: ['editor'] } },
      { name: 'Chef', approvers: { roles: ['admin'] }, mode: 'all' },
      { name: 'Kunde', client: true },
    ],
  }),
];
const resolvedFor = [[], [[EDITOR]], [[EDITOR, CHIEF]], [[EDITOR], [CHIEF], []]];
const actors: ReviewActor[] = [author, editor, chief, client];

const step = fc.record({
  // Deciding is weighted up so that rounds run to their end often, not once in a thousand runs.
  action: fc.oneof(
    { arbitrary: fc.constantFrom(...REVIEW_ACTIONS), weight: 3 },
    { arbitrary: fc.constantFrom('submit', 'approve', 'request_changes' as const), weight: 2 },
  ),
  actor: fc.constantFrom(...actors),
  policyIndex: fc.nat({ max: policies.length - 1 }),
  // Rare enough that rounds get to finish between edits, findings and the deadline.
  edits: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  findings: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  hours: fc.integer({ min: 0, max: 24 }),
});

describe('transition over random histories', () => {
  it('keeps its invariants: approval exactly when approved, bound to the current content', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 15, maxLength: 40 }), (steps) => {
        let state: ReviewState = draftPost({ status: 'idea' });
        let version = 1;
        let now = new Date('2026-06-01T08:00:00Z').getTime();
        for (const s of steps) {
          now += s.hours * 3_600_000;
          // A content edit is always followed by edit_content, as the API does on every save.
          const action = s.edits ? 'edit_content' : s.action;
          if (s.edits) version += 1;
          const result = transition(state, action, s.actor, policies[s.policyIndex]!, {
            now: new Date(now),
            contentHash: `hash-${version}`,
            resolvedApprovers: resolvedFor[s.policyIndex],
            blockingFindings: s.findings ? [{ rule: 'forbidden-word' }] : [],
            plannedAt: '2026-06-10T10:00:00Z',
            requestReview: true,
          });
          if (!result.ok) {
            // A refused edit is not saved (the API checks before writing), so the content stays.
            if (s.edits) version -= 1;
            continue;
          }
          state = result.next;
          reached.add(state.status);
          expect(state.approval !== null).toBe(state.status === 'approved');
          if (state.approval) expect(state.approval.contentHash).toBe(`hash-${version}`);
          if (state.status === 'in_review')
            expect(state.round?.contentHash).toBe(`hash-${version}`);
          for (const e of result.effects) {
            if (e.type === 'approval_granted') expect(s.findings).toBe(false);
          }
        }
      }),
      { numRuns: 400 },
    );
    // Guards against a vacuous property: the random histories do reach every status.
    expect([...reached].sort()).toEqual(
      ['approval_expired', 'approved', 'changes_requested', 'draft', 'idea', 'in_review'].sort(),
    );
  });
});
