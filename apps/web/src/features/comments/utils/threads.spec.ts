import type { CommentThread } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { highlightsFor, selectionForComment, sortThreads } from './threads';

const thread = (id: string, over: Partial<CommentThread> = {}): CommentThread => ({
  id,
  postId: 'p',
  parentId: null,
  author: { type: 'user', userId: 'u', name: 'Jana' },
  body: id,
  mentions: [],
  createdAt: `2026-11-0${id.length}T10:00:00Z`,
  editedAt: null,
  deleted: false,
  postVersion: 1,
  anchor: null,
  suggestion: null,
  resolvedAt: null,
  resolvedBy: null,
  replies: [],
  ...over,
});

const anchor = (channelId: string | null, start: number | null) => ({
  channelId,
  quote: 'x',
  original: { start: 0, end: 1 },
  range: start === null ? null : { start, end: start + 1 },
  outdated: start === null,
});

describe('highlightsFor', () => {
  it('takes the open, placeable threads of one text only', () => {
    const threads = [
      thread('a', { anchor: anchor(null, 5) }),
      thread('b', { anchor: anchor('insta', 2) }),
      thread('c', { anchor: anchor(null, null) }),
      thread('d', { anchor: anchor(null, 1), resolvedAt: '2026-11-02T10:00:00Z' }),
      thread('e'),
      thread('f', {
        anchor: anchor(null, 9),
        suggestion: { text: 'y', state: 'open', decidedAt: null, decidedBy: null },
      }),
    ];
    expect(highlightsFor(threads, null)).toEqual([
      { threadId: 'a', from: 5, to: 6, suggestion: false },
      { threadId: 'f', from: 9, to: 10, suggestion: true },
    ]);
    expect(highlightsFor(threads, 'insta').map((h) => h.threadId)).toEqual(['b']);
  });
});

describe('sortThreads', () => {
  it('orders by where the words stand, base text first, then general and outdated ones', () => {
    const threads = [
      thread('general'),
      thread('late', { anchor: anchor(null, 20) }),
      thread('gone', { anchor: anchor(null, null) }),
      thread('insta', { anchor: anchor('insta', 0) }),
      thread('early', { anchor: anchor(null, 3) }),
    ];
    expect(sortThreads(threads, ['insta']).map((t) => t.id)).toEqual([
      'early',
      'late',
      'insta',
      'gone',
      'general',
    ]);
  });
});

describe('selectionForComment', () => {
  it('keeps a real selection in either direction and refuses an empty one', () => {
    expect(selectionForComment('am Montag', 9, 3, null)).toEqual({
      channelId: null,
      start: 3,
      end: 9,
      quote: 'Montag',
    });
    expect(selectionForComment('am Montag', 2, 3, null)).toBeNull();
    expect(selectionForComment('am Montag', 4, 4, 'c')).toBeNull();
  });
});
