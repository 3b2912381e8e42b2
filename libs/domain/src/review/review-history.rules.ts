import { evaluateRound } from './approval-round.evaluator';
import { type ApprovableContent } from './content-hash.rules';
import { type ReviewRound } from './review.model';
import { type ContentDiff, diffContent } from './revision-diff.util';

/** A stored version of a post's approvable content, as the revisions endpoint lists them. */
export type ContentRevision = {
  id: string;
  /** Increases with every saved change. */
  number: number;
  createdAt: string;
  contentHash: string;
  content: ApprovableContent;
};

export type ChangesSince = {
  /** The newest revision with the baseline hash; null when none has it (then all is new). */
  baseline: ContentRevision | null;
  latest: ContentRevision;
  diff: ContentDiff;
};

const EMPTY: ApprovableContent = { text: '' };

/**
 * What changed from the content a reviewer last saw (identified by its hash) to the newest
 * revision. Several revisions may share a hash (an edit undone); the newest of them is the
 * baseline, which is the one closest to what the reviewer remembers.
 */
export function changesSince(
  revisions: readonly ContentRevision[],
  baselineHash: string | null,
): ChangesSince | null {
  const ordered = [...revisions].sort((a, b) => a.number - b.number);
  const latest = ordered.at(-1);
  if (!latest) return null;
  const baseline =
    baselineHash === null
      ? null
      : (ordered.findLast((r) => r.contentHash === baselineHash) ?? null);
  return { baseline, latest, diff: diffContent(baseline?.content ?? EMPTY, latest.content) };
}

const byNumber = (rounds: readonly ReviewRound[]): ReviewRound[] =>
  [...rounds].sort((a, b) => a.number - b.number);

/** The content of the newest round that ended fully approved: "changed since the last approval". */
export function lastApprovedContentHash(rounds: readonly ReviewRound[]): string | null {
  return byNumber(rounds).findLast((r) => evaluateRound(r).fullyApproved)?.contentHash ?? null;
}

/** The content the round before the newest one was about: "changed since the last round". */
export function previousRoundContentHash(rounds: readonly ReviewRound[]): string | null {
  const ordered = byNumber(rounds);
  return ordered.at(-2)?.contentHash ?? null;
}

/**
 * The content this reviewer last decided on, in an earlier round than the newest one, so a
 * reviewer who skipped a round still sees everything since their own last look. Falls back to
 * the previous round for someone who never decided.
 */
export function lastSeenContentHash(rounds: readonly ReviewRound[], userId: string): string | null {
  const earlier = byNumber(rounds).slice(0, -1);
  const own = earlier.findLast((r) => r.decisions.some((d) => d.userId === userId));
  return own?.contentHash ?? previousRoundContentHash(rounds);
}
