/** How often an e-mail is tried before it is given up, and how long the waits between grow. */
export const MAX_MAIL_ATTEMPTS = 8;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/** The wait after the given failed attempt (1 = the first): 30 s, 2 min, 8 min, … at most 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 4 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
}

type MailError = { code?: string; responseCode?: number; permanent?: boolean; message?: string };

/**
 * A rejection of this very message (a 5xx for the recipient, say) is not worth repeating. Wrong
 * credentials are the operator's to fix, and everything about the connection may pass: those wait
 * and try again.
 */
export function isPermanentMailError(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as MailError;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return false;
  if (typeof e.permanent === 'boolean') return e.permanent;
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503;
}

/**
 * The error as stored for operators: bounded, on one line, and with any configured secret
 * blanked, in case a server echoes what it was sent.
 */
export function describeMailError(error: unknown, secrets: (string | undefined)[]): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as MailError;
  let text = [e.code, typeof error === 'string' ? error : e.message].filter(Boolean).join(': ');
  if (!text) text = 'unknown error';
  for (const secret of secrets) {
    if (secret && secret.length >= 3) text = text.split(secret).join('[redacted]');
  }
  // Credentials in a URL (smtp://user:password@host) never survive into a log or a column.
  text = text.replace(/(\w+:\/\/)[^\s/@]+@/g, '$1[redacted]@');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
