/**
 * The @mention being typed at the caret, for the autocomplete. A mention starts with "@" at the
 * start of the text or after a space or punctuation (not inside an e-mail address) and may
 * contain single spaces, as in "@Jana Mü", so full names can be typed.
 */
export type MentionQuery = { start: number; end: number; query: string };

const MAX_QUERY_LENGTH = 40;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY_LENGTH) return null;
  if (at > 0 && WORD_CHAR.test(before[at - 1] ?? '')) return null;
  const query = before.slice(at + 1);
  // A line break, two spaces or a leading space end the mention being typed.
  if (/[\n\r\t]| {2}|^ /u.test(query)) return null;
  return { start: at, end: caret, query };
}

export type MemberOption = { userId: string; name: string; email?: string };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Members whose name (any word of it) or e-mail starts with the query; first-name hits first. */
export function matchMembers(
  members: readonly MemberOption[],
  query: string,
  limit = 6,
): MemberOption[] {
  const q = fold(query.trim());
  const scored: { member: MemberOption; score: number }[] = [];
  for (const member of members) {
    const name = fold(member.name);
    let score = -1;
    if (q === '' || name.startsWith(q)) score = 0;
    else if (name.split(/\s+/u).some((word) => word.startsWith(q))) score = 1;
    else if (member.email && fold(member.email).startsWith(q)) score = 2;
    if (score >= 0) scored.push({ member, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.member.name.localeCompare(b.member.name))
    .slice(0, limit)
    .map((s) => s.member);
}

/** Replaces the typed query by "@Full Name " and says where the caret goes. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  name: string,
): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(mention.end).replace(/^ /u, '');
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length,
  };
}
