/**
 * The media of a post (channel null) or of one variant as JSON, in order, with the library's
 * facts: the same shape in the post's own answer and in the calendar's.
 */
export function mediaJsonSql(post: string, channel: string | null): string {
  return `(SELECT coalesce(json_agg(json_build_object(
      'mediaId', m.id, 'altText', pm.alt_text, 'kind', m.kind, 'name', m.name,
      'mimeType', m.mime_type, 'bytes', m.bytes, 'width', m.width, 'height', m.height,
      'durationMs', m.duration_ms, 'sha256', m.sha256,
      'thumbnailUrl', '/api/v1/workspaces/' || m.workspace_id || '/media/' || m.id || '/thumbnail',
      'url', '/api/v1/workspaces/' || m.workspace_id || '/media/' || m.id || '/file'
    ) ORDER BY pm.position), '[]'::json)
    FROM post_media pm JOIN media m ON m.id = pm.media_id
   WHERE pm.post_id = ${post} AND ${channel === null ? 'pm.channel_id IS NULL' : `pm.channel_id = ${channel}`})`;
}
