import type { Member, PostReview } from '@postplan/contracts';

export type NameOf = (userId: string) => string | null;

/**
 * Names for the user ids a round carries. The member list knows everyone in the workspace now;
 * the round's decisions know the people who decided, also those who left since.
 */
export function namesFrom(
  members: readonly Pick<Member, 'userId' | 'name'>[] | undefined,
  round: PostReview['round'],
): NameOf {
  const names = new Map<string, string>();
  for (const d of round?.decisions ?? []) names.set(d.userId, d.name);
  for (const m of members ?? []) names.set(m.userId, m.name);
  return (userId) => names.get(userId) ?? null;
}

/** "Anna, Ben and Carla" in the reader's language. */
export function listNames(names: readonly string[], intlLocale: string): string {
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'conjunction' }).format(names);
}

/** "Anna, Ben or Carla": for levels where one approval is enough. */
export function listAlternatives(names: readonly string[], intlLocale: string): string {
  return new Intl.ListFormat(intlLocale, { style: 'long', type: 'disjunction' }).format(names);
}
