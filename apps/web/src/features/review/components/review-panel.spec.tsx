/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { toPost } from '../api/use-post-review';
import { detail, LEGAL, members, POST_ID, workspace } from '../testing/review-fixtures';
import { ReviewPanel } from './review-panel';

describe('ReviewPanel', () => {
  it('moves between its tabs with the arrow keys and loads what changed since my last review', async () => {
    const current = detail();
    const calls = fakeFetch([
      { status: 200, body: current },
      { status: 200, body: { items: members } },
      {
        status: 200,
        body: {
          from: null,
          to: {
            id: '00000000-0000-4000-8000-0000000000e1',
            number: 1,
            createdAt: '2031-05-01T10:00:00Z',
            contentHash: 'x',
            authorId: null,
            authorName: null,
            content: { text: 'Neu' },
          },
          diff: {
            changed: true,
            title: { changed: false, segments: [] },
            text: { changed: true, segments: [{ kind: 'insert', text: 'Neu' }] },
            optionsChanged: false,
            media: [],
            variants: [],
          },
        },
      },
    ]);
    renderWithProviders(
      <ReviewPanel
        workspace={workspace('viewer')}
        userId={LEGAL}
        post={toPost(current)}
        channels={[]}
      />,
    );
    expect(await screen.findByTestId('approval-panel')).toBeTruthy();

    const approval = screen.getByRole('tab', { name: 'Approval' });
    expect(approval.getAttribute('aria-selected')).toBe('true');
    approval.focus();
    fireEvent.keyDown(approval, { key: 'ArrowRight' });
    const changes = screen.getByRole('tab', { name: 'Changes' });
    expect(changes.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(changes);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(changes.id);

    expect(await screen.findByTestId('diff-baseline')).toBeTruthy();
    expect(screen.getByTestId('diff-baseline').textContent).toBe(
      'There is no such earlier version yet, so everything is shown as new.',
    );
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2]!.url).toBe(
      `/api/v1/workspaces/team/posts/${POST_ID}/diff?since=my_last_review`,
    );
    expect(screen.getByTestId('diff-text').querySelector('ins')?.textContent).toContain('Neu');

    fireEvent.keyDown(changes, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
  });
});
