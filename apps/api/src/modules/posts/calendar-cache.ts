import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** A serialised answer, and its gzip form for clients that accept it (a month is ~1 MB of JSON). */
export type CachedAnswer = { body: Buffer; gzipped: Buffer | undefined; etag: string };

/**
 * Serialised calendar answers, least recently used first out, bounded in bytes. A key names
 * the workspace's calendar version, which moves in the same transaction as every change the
 * calendar shows; an entry is therefore never stale, only unreachable. Each API process has
 * its own cache and needs no coordination with the others.
 */
@Injectable()
export class CalendarCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.calendarCacheBytes;
  }

  async getOrCompute(
    key: string,
    version: string,
    /** The answer's JSON text, as the client gets it. */
    compute: () => Promise<string>,
  ): Promise<CachedAnswer> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const body = Buffer.from(await compute());
    const cacheable = this.maxBytes > 0 && body.length <= this.maxBytes / 4;
    const answer = {
      body,
      // Compressed once per calendar version, then served to every reader of it.
      gzipped: cacheable && body.length > 8192 ? gzipSync(body, { level: 6 }) : undefined,
      etag: `W/"${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`,
    };
    if (cacheable) {
      this.entries.set(key, answer);
      this.bytes += body.length + (answer.gzipped?.length ?? 0);
      for (const [k, v] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(k);
        this.bytes -= v.body.length + (v.gzipped?.length ?? 0);
      }
    }
    return answer;
  }
}
