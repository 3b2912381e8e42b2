import { describe, expect, it } from '@jest/globals';
import { requiredPolicy } from './review.fixtures';
import { type ReviewDecision, type ReviewRound } from './review.model';
import {
  type ContentRevision,
  changesSince,
  lastApprovedContentHash,
  lastSeenContentHash,
  previousRoundContentHash,
} from './review-history.rules';

const revision = (number: number, text: string): ContentRevision => ({
  id: `r${number}`,
  number,
  createdAt: `2026-06-0${number}T08:00:00Z`,
  contentHash: `h-${text}`,
  content: { text },
});

const decision = (userId: string, kind: ReviewDecision['decision']): ReviewDecision => ({
  userId,
  role: 'editor',
  level: 0,
  decision: kind,
  at: '2026-06-01T08:00:00Z',
});

const round = (number: number, contentHash: string, decisions: ReviewDecision[]): ReviewRound => ({
  number,
  startedAt: '2026-06-01T08:00:00Z',
  authorId: 'u-anna',
  authorMaySelfApprove: false,
  contentHash,
  policy: requiredPolicy,
  levels: [
    {
      name: 'approval',
      mode: 'any',
      client: false,
      roles: ['editor'],
      userIds: [],
      resolvedApproverIds: ['u-ben', 'u-eva'],
    },
  ],
  decisions,
});

describe('changesSince', () => {
  const revisions = [
    revision(1, 'Samstag'),
    revision(2, 'Sonntag'),
    revision(3, 'Samstag'),
    revision(4, 'Montag'),
  ];

  it('diffs from the newest revision with the baseline hash to the newest revision', () => {
    const result = changesSince(revisions, 'h-Samstag');
    expect(result?.baseline?.number).toBe(3);
    expect(result?.latest.number).toBe(4);
    expect(result?.diff.text.segments).toEqual([
      { kind: 'delete', text: 'Samstag' },
      { kind: 'insert', text: 'Montag' },
    ]);
  });

  it('shows everything as new when the baseline is unknown or there was none', () => {
    expect(changesSince(revisions, null)?.diff.text.segments).toEqual([
      { kind: 'insert', text: 'Montag' },
    ]);
    expect(changesSince(revisions, 'h-never')?.baseline).toBeNull();
    expect(changesSince([], null)).toBeNull();
  });
});

describe('baselines between rounds', () => {
  const rounds = [
    round(1, 'h-1', [decision('u-ben', 'request_changes')]),
    round(2, 'h-2', [decision('u-eva', 'approve')]),
    round(3, 'h-3', []),
  ];

  it('finds the last approved content', () => {
    expect(lastApprovedContentHash(rounds)).toBe('h-2');
    expect(lastApprovedContentHash(rounds.slice(0, 1))).toBeNull();
  });

  it('finds the previous round', () => {
    expect(previousRoundContentHash(rounds)).toBe('h-2');
    expect(previousRoundContentHash(rounds.slice(0, 1))).toBeNull();
  });

  it("goes back to a reviewer's own last decision, so skipped rounds are included", () => {
    expect(lastSeenContentHash(rounds, 'u-ben')).toBe('h-1');
    expect(lastSeenContentHash(rounds, 'u-eva')).toBe('h-2');
    expect(lastSeenContentHash(rounds, 'u-new')).toBe('h-2');
  });
});
