import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type MediaKind, type MediaMimeType } from '@postplan/contracts';
import { checkMedia, type PlatformAdapter, type PublishMedia } from '@postplan/platforms';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { MEDIA_LINK_TTL_SECONDS, MediaService } from './media.service';

type Row = {
  id: string;
  kind: MediaKind;
  mime_type: MediaMimeType;
  bytes: string;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  sha256: string;
  alt_text: string | null;
  alt_required: boolean;
};

/**
 * The media of one publication as the adapter receives them: the channel's own list if its
 * variant has one, else the post's, in order, each with a signed link to its bytes. Checked
 * against the adapter's limits once more right before the call (a platform's limits may have
 * changed since the approval, or the workspace's alt text setting).
 */
@Injectable()
export class PublicationMedia {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly media: MediaService,
    private readonly clock: Clock,
  ) {}

  async forPublication(
    postId: string,
    channelId: string,
    adapter: PlatformAdapter,
  ): Promise<{ media: PublishMedia[]; problems: string[] }> {
    const [found] = await this.forPublications([{ postId, channelId, adapter }]);
    return found!;
  }

  /**
   * forPublication for a claimed batch: one read for all of them, answers in the order asked.
   * A publication without media costs nothing but its place in the list.
   */
  async forPublications(
    items: { postId: string; channelId: string; adapter: PlatformAdapter }[],
  ): Promise<{ media: PublishMedia[]; problems: string[] }[]> {
    if (items.length === 0) return [];
    const rows: (Row & { i: number })[] = await this.db.query(
      `SELECT q.i, m.id, m.kind, m.mime_type, m.bytes, m.width, m.height, m.duration_ms, m.sha256,
              pm.alt_text, w.media_alt_text_required AS alt_required
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS q(post_id, channel_id, i)
         JOIN post_media pm ON pm.post_id = q.post_id
         JOIN media m ON m.id = pm.media_id
         JOIN workspaces w ON w.id = m.workspace_id
         LEFT JOIN post_variants v ON v.post_id = pm.post_id AND v.channel_id = q.channel_id
        WHERE (coalesce(v.media_override, false) AND pm.channel_id = q.channel_id)
           OR (NOT coalesce(v.media_override, false) AND pm.channel_id IS NULL)
        ORDER BY q.i, pm.position`,
      [items.map((i) => i.postId), items.map((i) => i.channelId)],
    );
    const byItem = items.map((): Row[] => []);
    // ORDINALITY counts from 1 and comes back as a bigint string.
    for (const r of rows) byItem[Number(r.i) - 1]!.push(r);
    const expires = Math.floor(this.clock.nowMs() / 1000) + MEDIA_LINK_TTL_SECONDS;
    return items.map((item, i) => this.shape(byItem[i]!, item.adapter, expires));
  }

  private shape(
    rows: Row[],
    adapter: PlatformAdapter,
    expires: number,
  ): { media: PublishMedia[]; problems: string[] } {
    const media: PublishMedia[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      url: this.media.links.url(r.id, expires),
      mimeType: r.mime_type,
      altText: r.alt_text,
      width: r.width,
      height: r.height,
      durationMs: r.duration_ms,
      bytes: Number(r.bytes),
      sha256: r.sha256,
    }));
    const problems = checkMedia(
      adapter.platform,
      adapter.limits,
      media.map((m) => ({
        id: m.id,
        kind: m.kind!,
        mimeType: m.mimeType,
        bytes: m.bytes,
        width: m.width,
        height: m.height,
        durationMs: m.durationMs ?? null,
        altText: m.altText,
      })),
      { altTextRequired: rows[0]?.alt_required ?? false },
    ).map((p) => p.messages.en);
    return { media, problems };
  }
}
