import { invalidInput } from '../errors/app-error';

/** If-Match carries the version the client read: 3, "3" and W/"3" all mean version 3. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) throw invalidInput('If-Match', 'If-Match must carry the version you read, such as "3".');
  return Number(m[1]);
}
