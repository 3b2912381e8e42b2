import type { PostReview } from '@postplan/contracts';
type Round = NonNullable<PostReview['round']>;

export type LevelState = 'done' | 'current' | 'later';

export type LevelView = {
  index: number;
  /** null: the single level of a "required" or "optional" policy, which has no name of its own. */
  name: string | null;
  mode: 'any' | 'all';
  client: boolean;
  state: LevelState;
  approvedBy: string[];
  /** Who is asked now; empty for levels that are done or not reached, and for client levels. */
  waitingFor: string[];
  /** The current level of a running round has nobody left who could approve it. */
  stuck: boolean;
};

/**
 * The round's levels in order, as the approval panel lists them. `running` is false once the
 * round ended without approval (changes requested, withdrawn): then nobody is waited for.
 */
export function levelViews(
  round: Round,
  /** A person's name as the sentence needs it: "von dir" (dative), "auf dich" (accusative). */
  label: (userId: string, grammaticalCase: 'dative' | 'accusative') => string,
  running: boolean,
): LevelView[] {
  const named = round.policyKind === 'levels';
  return round.levels.map((level): LevelView => {
    const state: LevelState = level.satisfied
      ? 'done'
      : level.index === round.currentLevel
        ? 'current'
        : 'later';
    const waiting = running && state === 'current' && !level.client;
    return {
      index: level.index,
      name: named ? level.name : null,
      mode: level.mode,
      client: level.client,
      state,
      approvedBy: level.approvedBy.map((id) => label(id, 'dative')),
      waitingFor: waiting ? level.waitingFor.map((id) => label(id, 'accusative')) : [],
      stuck: waiting && level.waitingFor.length === 0,
    };
  });
}

/** The name of a level for sentences such as "Approved by Ben (level Redaktion)". */
export function levelName(round: Round | null, index: number): string | null {
  if (!round || round.policyKind !== 'levels') return null;
  return round.levels[index]?.name ?? null;
}
