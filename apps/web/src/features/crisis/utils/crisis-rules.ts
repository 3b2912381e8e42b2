import { hasRole, type DuePostAction, type DuePostDecision, type Role } from '@postplan/contracts';
import { resolveLocal } from '@postplan/domain';

/** As the API decides: owners and admins stop and resume publishing. */
export function canPause(role: Role): boolean {
  return hasRole(role, 'admin');
}

/** Editors and up decide what happens to the posts that came due during a pause. */
export function canDecideDuePosts(role: Role): boolean {
  return hasRole(role, 'editor');
}

export const MAX_REASON = 500;

export function reasonProblem(reason: string): 'required' | 'tooLong' | null {
  const trimmed = reason.trim();
  if (!trimmed) return 'required';
  if (trimmed.length > MAX_REASON) return 'tooLong';
  return null;
}

/** What a person picked for one post in the dialog. */
export type Choice = {
  action: DuePostAction | null;
  date: string;
  time: string;
  /** For a time that happens twice: the offset of the one they chose, e.g. "+01:00". */
  offset?: string;
};

export type ChoiceProblem =
  | { kind: 'incomplete' }
  | { kind: 'nonexistent'; nextValid: Date }
  | { kind: 'ambiguous'; earlier: Date; later: Date }
  | { kind: 'past' };

function offsetOf(instant: Date, local: { date: string; time: string }): string {
  const wall = Date.parse(`${local.date}T${local.time}:00Z`);
  const minutes = Math.round((wall - instant.getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function offsetsOf(
  problem: Extract<ChoiceProblem, { kind: 'ambiguous' }>,
  choice: Pick<Choice, 'date' | 'time'>,
): [string, string] {
  return [offsetOf(problem.earlier, choice), offsetOf(problem.later, choice)];
}

/**
 * Turns the choices into the request, checking each new time against the workspace's zone the
 * way the server will: a time the clocks skip is refused, one that happens twice needs the
 * offset, and a time in the past is no reschedule. Posts without a choice are left out.
 */
export function buildDecisions(
  choices: Record<string, Choice>,
  timeZone: string,
  now: Date,
): { decisions: DuePostDecision[]; problems: Record<string, ChoiceProblem> } {
  const decisions: DuePostDecision[] = [];
  const problems: Record<string, ChoiceProblem> = {};
  for (const [postId, c] of Object.entries(choices)) {
    if (c.action === null) continue;
    if (c.action !== 'reschedule') {
      decisions.push({ postId, action: c.action });
      continue;
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.date);
    const h = /^(\d{2}):(\d{2})$/.exec(c.time);
    if (!m || !h) {
      problems[postId] = { kind: 'incomplete' };
      continue;
    }
    const resolved = resolveLocal(
      {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(h[1]),
        minute: Number(h[2]),
        second: 0,
        millisecond: 0,
      },
      timeZone,
    );
    let instant: Date;
    if (resolved.kind === 'nonexistent') {
      problems[postId] = { kind: 'nonexistent', nextValid: resolved.nextValid };
      continue;
    } else if (resolved.kind === 'ambiguous') {
      const [early, late] = offsetsOf(
        { kind: 'ambiguous', earlier: resolved.earlier, later: resolved.later },
        c,
      );
      if (c.offset !== early && c.offset !== late) {
        problems[postId] = {
          kind: 'ambiguous',
          earlier: resolved.earlier,
          later: resolved.later,
        };
        continue;
      }
      instant = c.offset === early ? resolved.earlier : resolved.later;
    } else {
      instant = resolved.instant;
    }
    if (instant.getTime() <= now.getTime()) {
      problems[postId] = { kind: 'past' };
      continue;
    }
    decisions.push({
      postId,
      action: 'reschedule',
      plannedAt: `${c.date}T${c.time}${offsetOf(instant, c)}`,
    });
  }
  return { decisions, problems };
}
