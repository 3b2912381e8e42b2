import type { DiffQuery } from '../../../lib/api/endpoints';

export const DIFF_MODES = ['my_last_review', 'last_round', 'last_approval', 'revisions'] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

export function isDiffMode(value: string): value is DiffMode {
  return (DIFF_MODES as readonly string[]).includes(value);
}

/**
 * The query for a comparison. Between two revisions, the older one always goes first, so
 * picking them "the wrong way round" still reads as what changed from old to new.
 */
export function diffQuery(
  mode: DiffMode,
  range: { from: number; to: number } | null,
): DiffQuery | null {
  if (mode !== 'revisions') return { since: mode };
  if (!range) return null;
  const [from, to] = range.from <= range.to ? [range.from, range.to] : [range.to, range.from];
  if (to < 1) return null;
  return { from, to };
}

/** The usual question between two revisions: what did the last save change? */
export function defaultRange(revisionNumbers: readonly number[]): { from: number; to: number } {
  const sorted = [...revisionNumbers].sort((a, b) => a - b);
  const to = sorted.at(-1) ?? 1;
  const from = sorted.at(-2) ?? 0;
  return { from, to };
}
