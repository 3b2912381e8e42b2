import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'postplan_session';
export const CSRF_COOKIE = 'postplan_csrf';
export const DEVICE_COOKIE = 'postplan_device';
export const CSRF_HEADER = 'x-csrf-token';

/** Secure whenever the browser reached us over https (directly or through a trusted proxy). */
function base(req: Request, maxAgeMs: number): CookieOptions {
  return { sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs };
}

export function setSessionCookies(
  req: Request,
  res: Response,
  session: { token: string; csrfToken: string; ttlMs: number },
): void {
  res.cookie(SESSION_COOKIE, session.token, { ...base(req, session.ttlMs), httpOnly: true });
  // Readable by the page on purpose: it echoes the value in X-CSRF-Token.
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base(req, session.ttlMs), httpOnly: false });
}

export function setDeviceCookie(req: Request, res: Response, value: string): void {
  res.cookie(DEVICE_COOKIE, value, { ...base(req, 365 * 24 * 3_600_000), httpOnly: true });
}

export function clearSessionCookies(req: Request, res: Response): void {
  const opts = { sameSite: 'lax' as const, secure: req.secure, path: '/' };
  res.clearCookie(SESSION_COOKIE, { ...opts, httpOnly: true });
  res.clearCookie(CSRF_COOKIE, opts);
}

export function readCookie(req: Request, name: string): string | undefined {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const v = cookies?.[name];
  return typeof v === 'string' && v.length > 0 && v.length < 512 ? v : undefined;
}
