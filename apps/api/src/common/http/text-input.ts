import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type InvalidTextDetails } from '@postplan/contracts';
import { AppError } from '../errors/app-error';

export type TextProblem = InvalidTextDetails['problem'];

/**
 * PostgreSQL stores neither U+0000 (text and jsonb refuse it) nor a lone UTF-16 surrogate
 * (which has no UTF-8 form: the driver would silently write U+FFFD, jsonb refuses its escape).
 * A string with either is refused before anything reads it; everything else Unicode has is kept.
 */
export function textProblem(s: string): TextProblem | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'NUL';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'LONE_SURROGATE';
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'LONE_SURROGATE';
  }
  return null;
}

type Found = { path: string; problem: TextProblem };

/**
 * The first unstorable string in a parsed JSON value, keys included. Iterative: a 1 MB body can
 * nest deeper than the call stack.
 */
export function findUnstorableText(value: unknown): Found | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], join(path, String(i))]);
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        const problem = textProblem(key);
        if (problem) return { path: join(path, key), problem };
        stack.push([(v as Record<string, unknown>)[key], join(path, key)]);
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Decodes one percent-encoded URL part; a sequence that is not UTF-8 is a problem of its own. */
function decodeUrlPart(
  raw: string,
  plusIsSpace: boolean,
): { text: string } | { problem: TextProblem } {
  try {
    return { text: decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw) };
  } catch {
    return { problem: 'MALFORMED_ENCODING' };
  }
}

function invalidText(location: InvalidTextDetails['location'], found: Found) {
  const where = found.path ? `${location}.${found.path}` : location;
  const what =
    found.problem === 'NUL'
      ? 'a NUL character'
      : found.problem === 'LONE_SURROGATE'
        ? 'a lone UTF-16 surrogate'
        : 'a percent-encoding that is not UTF-8';
  return new AppError('INVALID_TEXT', `${where} contains ${what}, which cannot be stored.`, {
    location,
    path: found.path,
    problem: found.problem,
  });
}

/**
 * Looks at the path, the query and the JSON body of every request, before routing, guards and
 * validation, so that no route (anonymous ones included) ever hands such text to a query.
 * Bodies that are not JSON (the brand-rules CSV) are read by their route, which checks the
 * decoded text with `textProblem` the same way.
 */
export function textInput(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const url = req.originalUrl ?? req.url;
    const q = url.indexOf('?');
    const pathPart = q === -1 ? url : url.slice(0, q);
    const segments = pathPart.split('/');
    for (let i = 0; i < segments.length; i++) {
      const decoded = decodeUrlPart(segments[i]!, false);
      const problem = 'problem' in decoded ? decoded.problem : textProblem(decoded.text);
      if (problem) return next(invalidText('path', { path: String(i - 1), problem }));
    }
    if (q !== -1) {
      for (const pair of url.slice(q + 1).split('&')) {
        const eq = pair.indexOf('=');
        const rawKey = eq === -1 ? pair : pair.slice(0, eq);
        const key = decodeUrlPart(rawKey, true);
        const name = 'text' in key && !textProblem(key.text) ? key.text : '';
        for (const part of eq === -1 ? [rawKey] : [rawKey, pair.slice(eq + 1)]) {
          const decoded = decodeUrlPart(part, true);
          const problem = 'problem' in decoded ? decoded.problem : textProblem(decoded.text);
          if (problem) return next(invalidText('query', { path: name, problem }));
        }
      }
    }
    const found = findUnstorableText(req.body);
    if (found) return next(invalidText('body', found));
    next();
  };
}
