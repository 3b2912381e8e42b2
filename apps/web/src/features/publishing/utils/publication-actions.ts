import { hasRole, type PostStatus, type PublicationStatus, type Role } from '@postplan/contracts';

/** What a person can do about one publication, by its status. */
export type PublicationAction = 'retry' | 'confirm' | 'publishAgain' | 'publishMissed' | 'skip';

/** Who is asking, about whose post: the API's rule depends on both. */
export type Decider = { role: Role; userId: string; authorId: string };

/**
 * The UI mirrors the API's rule: editors, admins and owners decide about every post's
 * publications, an author about their own post's. Viewers only see the status.
 */
export function canControlPublishing({ role, userId, authorId }: Decider): boolean {
  return hasRole(role, 'editor') || (hasRole(role, 'author') && authorId === userId);
}

/** The actions one status offers, in the order the buttons appear; none for those who may not. */
export function actionsFor(status: PublicationStatus, who: Decider): PublicationAction[] {
  if (!canControlPublishing(who)) return [];
  switch (status) {
    case 'failed':
      return ['retry'];
    case 'unconfirmed':
      return ['confirm', 'publishAgain'];
    case 'missed':
      return ['publishMissed', 'skip'];
    case 'pending':
    case 'sending':
    case 'published':
    case 'cancelled':
      return [];
  }
}

type PublicationLike = { status: PublicationStatus; dueAt: string };

/**
 * "Publish now" for the whole post: an approved post with a publication still waiting for its
 * time. Once everything has gone out (or needs a decision) there is nothing to bring forward.
 */
export function canPublishNow(
  post: { status: PostStatus },
  publications: readonly PublicationLike[],
  who: Decider,
  now: number,
): boolean {
  if (!canControlPublishing(who) || post.status !== 'approved') return false;
  return publications.some((p) => p.status === 'pending' && Date.parse(p.dueAt) > now);
}

/** Statuses that change by themselves soon: the screen asks again while one is shown. */
export function isInFlight(status: PublicationStatus): boolean {
  return status === 'pending' || status === 'sending';
}

/** The order of attention: what needs a person first, then what is under way, then the rest. */
const ATTENTION: Record<PublicationStatus, number> = {
  failed: 0,
  unconfirmed: 1,
  missed: 2,
  sending: 3,
  pending: 4,
  published: 5,
  cancelled: 6,
};

export function needsAttention(status: PublicationStatus): boolean {
  return ATTENTION[status] <= ATTENTION.missed;
}

export function byAttention<T extends { status: PublicationStatus }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => ATTENTION[a.status] - ATTENTION[b.status]);
}

/**
 * How often to ask the server again (ms), or false: every second while something is sending or
 * about to start, rarely while the time is far off, never once everything has settled.
 */
export function refreshInterval(items: readonly PublicationLike[], now: number): number | false {
  if (items.some((p) => p.status === 'sending')) return 1000;
  const pending = items.filter((p) => p.status === 'pending').map((p) => Date.parse(p.dueAt) - now);
  if (pending.length === 0) return false;
  const soonest = Math.min(...pending);
  if (soonest <= 90_000) return 1000;
  return 30_000;
}
