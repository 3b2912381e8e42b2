import { type MediaItem, MEDIA_PATHS, type PostMedia } from '@postplan/contracts';
import { type MediaRow } from './media.repository';

export function toMediaItem(row: MediaRow): MediaItem {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    mimeType: row.mime_type,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    videoCodec: row.video_codec,
    altText: row.alt_text,
    sha256: row.sha256,
    thumbnailUrl: MEDIA_PATHS.thumbnail(row.workspace_id, row.id),
    url: MEDIA_PATHS.file(row.workspace_id, row.id),
    usageCount: row.usage_count,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** An attached item as a post shows it: the use's alt text with the library's facts. */
export function toPostMedia(row: MediaRow, altText: string | null): PostMedia {
  const item = toMediaItem(row);
  return {
    mediaId: item.id,
    altText,
    kind: item.kind,
    name: item.name,
    mimeType: item.mimeType,
    bytes: item.bytes,
    width: item.width,
    height: item.height,
    durationMs: item.durationMs,
    sha256: item.sha256,
    thumbnailUrl: item.thumbnailUrl,
    url: item.url,
  };
}
