import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { type AppConfig } from '../../config/app-config';
import { type FeedAnswer } from './plan-links.service';

/** The configured public address wins; without one, the address the caller reached us at. */
export function originOf(config: AppConfig, req: Request): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * Runs a streaming writer. A failure before the first byte goes to the exception filter (a
 * coded JSON error); after it, the only honest thing left is to cut the connection, so the
 * client sees a broken download rather than a file that looks complete.
 */
export async function streamTo(res: Response, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
    res.end();
  } catch (e) {
    if (!res.headersSent) throw e;
    res.destroy(e as Error);
  }
}

export function attachment(res: Response, type: string, fileName: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
}

/** An ICS feed: 304 for a matching ETag, without reading a post; otherwise the calendar. */
export async function sendFeed(req: Request, res: Response, answer: FeedAnswer): Promise<void> {
  res.setHeader('ETag', answer.etag);
  res.setHeader('Cache-Control', 'private, no-cache');
  if (answer.notModified) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', 'inline; filename="postplan.ics"');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await streamTo(res, () => answer.write(res));
}

export const nonce = () => randomBytes(16).toString('base64');
