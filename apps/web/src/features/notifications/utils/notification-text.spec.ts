import { describe, expect, it } from '@jest/globals';
import type { Notification } from '@postplan/contracts';
import { createTranslate } from '../../../lib/i18n/translate';
import { describeNotification } from './notification-text';

const base: Notification = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'mention',
  workspace: { id: '00000000-0000-4000-8000-000000000002', slug: 'nord', name: 'Nord' },
  post: { id: '00000000-0000-4000-8000-000000000003', title: 'Hafenfest' },
  actor: { type: 'user', userId: '00000000-0000-4000-8000-000000000004', name: 'Jana' },
  data: { commentId: 'c1', excerpt: 'Schau mal' },
  createdAt: '2026-12-01T10:00:00Z',
  readAt: null,
};

describe('a notification about a comment', () => {
  it('quotes the comment, and says so when it was deleted', () => {
    const t = createTranslate('de');
    expect(describeNotification(base, t).detail).toBe('Schau mal');
    const deleted = { ...base, kind: 'comment' as const, data: { commentDeleted: true } };
    expect(describeNotification(deleted, t).detail).toBe('Der Kommentar wurde gelöscht.');
    expect(describeNotification(deleted, createTranslate('en')).detail).toBe(
      'The comment was deleted.',
    );
  });
});
