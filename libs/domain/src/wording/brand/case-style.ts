/**
 * Carries the case style of what the author wrote over to a replacement, relative to how the
 * rule spells its term: "BILLIG" -> "GÜNSTIG"; "Checkout" at a sentence start -> "Kasse";
 * "kunden" typed lower-case for the rule's "Kunden" -> "kundschaft".
 */
export function applyCaseStyle(original: string, ruleTerm: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (
    letters.length >= 2 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  ) {
    return replacement.toUpperCase();
  }
  const originalUpper = startsUpper(original);
  const termUpper = startsUpper(ruleTerm);
  if (originalUpper && !termUpper) return withFirst(replacement, (c) => c.toUpperCase());
  if (!originalUpper && termUpper) return withFirst(replacement, (c) => c.toLowerCase());
  return replacement;
}

function startsUpper(word: string): boolean {
  const first = [...word][0] ?? '';
  return first !== first.toLowerCase();
}

function withFirst(word: string, change: (c: string) => string): string {
  const first = [...word][0];
  if (first === undefined) return word;
  return change(first) + word.slice(first.length);
}
