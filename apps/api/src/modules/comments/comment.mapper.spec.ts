import { toThreads } from './comment.mapper';
import { type CommentRow } from './comments.repository';

const at = new Date('2026-11-20T09:00:00Z');

function row(id: string, over: Partial<CommentRow> = {}): CommentRow {
  return {
    id,
    workspace_id: 'w',
    post_id: 'p',
    parent_id: null,
    author_type: 'user',
    author_user_id: 'u1',
    author_name: 'Jana',
    link_id: null,
    link_label: null,
    visitor_name: null,
    body: `Kommentar ${id}`,
    mentions: [],
    post_version: 1,
    anchor_channel_id: null,
    anchor_quote: null,
    anchor_prefix: null,
    anchor_suffix: null,
    anchor_start: null,
    anchor_end: null,
    suggestion: null,
    suggestion_state: null,
    suggestion_decided_at: null,
    suggestion_decided_by: null,
    suggestion_decided_by_name: null,
    resolved_at: null,
    resolved_by: null,
    resolved_by_name: null,
    created_at: at,
    edited_at: null,
    deleted_at: null,
    ...over,
  };
}

const anchored = (channelId: string | null) => ({
  anchor_channel_id: channelId,
  anchor_quote: 'Montag',
  anchor_prefix: 'startet am ',
  anchor_suffix: '.',
  anchor_start: 11,
  anchor_end: 17,
});

describe('toThreads', () => {
  const post = { text: 'Es geht los am Montag.', variants: [{ channelId: 'c1', text: null }] };

  it('places anchors in the current text and marks vanished ones outdated', () => {
    const [base, variant] = toThreads([row('a', anchored(null)), row('b', anchored('c1'))], post);
    expect(base!.anchor).toMatchObject({ range: { start: 15, end: 21 }, outdated: false });
    // The channel no longer has text of its own: nothing to point at.
    expect(variant!.anchor).toMatchObject({ range: null, outdated: true, quote: 'Montag' });
  });

  it('keeps a deleted first comment as a placeholder only while replies remain', () => {
    const threads = toThreads(
      [
        row('a', { deleted_at: at, suggestion: 'x', suggestion_state: 'open', ...anchored(null) }),
        row('r1', { parent_id: 'a' }),
        row('r2', { parent_id: 'a', deleted_at: at }),
        row('b', { deleted_at: at }),
      ],
      post,
    );
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: 'a', body: null, deleted: true, suggestion: null });
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(['r1']);
  });

  it('names a link visitor with the link they came through', () => {
    const [thread] = toThreads(
      [
        row('a', {
          author_type: 'link',
          author_user_id: null,
          author_name: null,
          link_id: 'l1',
          link_label: 'Kunde Nord',
          visitor_name: 'Frau Schmidt',
        }),
      ],
      post,
    );
    expect(thread!.author).toEqual({
      type: 'link',
      linkId: 'l1',
      label: 'Kunde Nord',
      visitorName: 'Frau Schmidt',
    });
  });
});
