/**
 * Canonical JSON: the same value always gives the same string, whatever order its keys were
 * written in and whichever Unicode normalisation form its strings arrived in (macOS keyboards
 * send NFD, most others NFC). Keys are sorted by UTF-16 code units after NFC normalisation;
 * numbers use JavaScript's shortest round-trip form, which ECMAScript fixes exactly.
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form`);
      // -0 and 0 are one number to every reader of the JSON.
      return JSON.stringify(value === 0 ? 0 : value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      return canonicalObject(value);
    default:
      // Reachable from untyped callers (undefined in an array, a bigint from a driver).
      throw new CanonicalJsonError(`A ${typeof value} has no JSON form`);
  }
}

function canonicalObject(value: { [key: string]: JsonValue | undefined }): string {
  const entries = new Map<string, JsonValue>();
  for (const [rawKey, item] of Object.entries(value)) {
    // Like JSON.stringify: an undefined member is the same as an absent one.
    if (item === undefined) continue;
    const key = rawKey.normalize('NFC');
    if (entries.has(key)) {
      throw new CanonicalJsonError(
        `Two keys are the same text after Unicode normalisation: "${key}"`,
      );
    }
    entries.set(key, item);
  }
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(entries.get(k)!)}`).join(',')}}`;
}
