import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, time-limited links to one stored file, for platforms that fetch media by URL
 * (Instagram, Threads, Pinterest) and for adapters that download and re-upload. Anyone with
 * the link can fetch that one file until it expires; nothing else is reachable with it.
 */
export class MediaLinks {
  private readonly key: Buffer;
  constructor(
    secretKey: Buffer,
    private readonly baseUrl: string,
  ) {
    // A key of its own, so a media signature can never stand in for any other.
    this.key = createHmac('sha256', secretKey).update('postplan media links v1').digest();
  }

  private signature(mediaId: string, expiresAtSeconds: number): string {
    return createHmac('sha256', this.key)
      .update(`${mediaId}.${expiresAtSeconds}`)
      .digest('base64url');
  }

  url(mediaId: string, expiresAtSeconds: number): string {
    const sig = this.signature(mediaId, expiresAtSeconds);
    return `${this.baseUrl}/api/media-links/${mediaId}?expires=${expiresAtSeconds}&signature=${sig}`;
  }

  verify(mediaId: string, expires: string, signature: string, nowMs: number): boolean {
    if (!/^\d{1,12}$/.test(expires)) return false;
    const expiresAt = Number(expires);
    if (expiresAt * 1000 < nowMs) return false;
    const expected = Buffer.from(this.signature(mediaId, expiresAt));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
