/**
 * @mentions in comments. People are mentioned by full name ("@Jana Müller"), by first name
 * when only one member has it ("@jana"), or by handle. Matching ignores case and Unicode
 * normalisation form (a name typed on a Mac arrives decomposed), and ranges are reported in
 * the original text so the editor can highlight them.
 */

export type MentionableMember = { userId: string; name: string; handle?: string | null };
export type Mention = { userId: string; start: number; end: number; text: string };
export type AmbiguousMention = { start: number; end: number; text: string; candidateIds: string[] };
export type MentionParseResult = { mentions: Mention[]; ambiguous: AmbiguousMention[] };

type Label = { pattern: RegExp; userIds: Set<string> };

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** NFC text plus, for each of its offsets, the matching offset in the original text. */
function normalizeWithOffsets(text: string): { nfc: string; toOriginal: number[] } {
  let nfc = '';
  const toOriginal: number[] = [];
  // A base character with its combining marks is normalised as one piece, so every piece
  // boundary exists in both texts.
  for (const match of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const piece = match[0].normalize('NFC');
    for (let i = 0; i < piece.length; i++) toOriginal.push(match.index);
    nfc += piece;
  }
  toOriginal.push(text.length);
  return { nfc, toOriginal };
}

function labelsOf(members: readonly MentionableMember[]): Label[] {
  const byKey = new Map<string, Label>();
  const add = (label: string, userId: string): void => {
    const clean = label.normalize('NFC').trim().replace(/\s+/gu, ' ');
    if (clean === '') return;
    const key = clean.toLowerCase();
    const existing = byKey.get(key);
    if (existing) {
      existing.userIds.add(userId);
      return;
    }
    // Any run of spaces (including a no-break space) may stand for the space in a name.
    const source = clean.split(' ').map(escapeRegExp).join('[\\s\\u00a0]+');
    byKey.set(key, {
      pattern: new RegExp(`${source}(?![\\p{L}\\p{N}_])`, 'iuy'),
      userIds: new Set([userId]),
    });
  };
  for (const m of members) {
    add(m.name, m.userId);
    if (m.handle) add(m.handle, m.userId);
    const first = m.name.trim().split(/\s+/u)[0];
    if (first && first !== m.name.trim()) add(first, m.userId);
  }
  return [...byKey.values()];
}

export function parseMentions(
  text: string,
  members: readonly MentionableMember[],
): MentionParseResult {
  const { nfc, toOriginal } = normalizeWithOffsets(text);
  const labels = labelsOf(members);
  const result: MentionParseResult = { mentions: [], ambiguous: [] };
  for (let at = nfc.indexOf('@'); at !== -1; at = nfc.indexOf('@', at + 1)) {
    // "jana@firma.de" is an e-mail address, not a mention.
    if (at > 0 && WORD_CHAR.test(nfc[at - 1] ?? '')) continue;
    let best: { end: number; userIds: Set<string> } | null = null;
    for (const label of labels) {
      label.pattern.lastIndex = at + 1;
      const match = label.pattern.exec(nfc);
      if (!match) continue;
      const end = at + 1 + match[0].length;
      if (!best || end > best.end) best = { end, userIds: new Set(label.userIds) };
      else if (end === best.end) label.userIds.forEach((id) => best?.userIds.add(id));
    }
    if (!best) continue;
    const start = toOriginal[at] ?? 0;
    const end = toOriginal[best.end] ?? text.length;
    const ids = [...best.userIds];
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) {
      result.mentions.push({ userId: only, start, end, text: text.slice(start, end) });
    } else {
      result.ambiguous.push({ start, end, text: text.slice(start, end), candidateIds: ids });
    }
    at = best.end - 1;
  }
  return result;
}

/** The people to notify, each once. */
export function mentionedUserIds(result: MentionParseResult): string[] {
  return [...new Set(result.mentions.map((m) => m.userId))];
}
