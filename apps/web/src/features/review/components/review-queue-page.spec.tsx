/** @jest-environment jsdom */
import type { ReviewQueueItem } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { toPost } from '../api/use-post-review';
import { detail, workspace } from '../testing/review-fixtures';
import { ReviewQueuePage } from './review-queue-page';

const item = (id: string, title: string, mine: boolean): ReviewQueueItem => ({
  post: { ...toPost(detail()), id, title, version: 3 },
  contentHash: `hash-${id}`,
  round: 1,
  level: { index: 0, name: 'Redaktion', client: false },
  waitingSince: '2031-05-02T08:00:00Z',
  mine,
});
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('ReviewQueuePage', () => {
  it('approves the selected posts and reports each result', async () => {
    const queue = {
      items: [item(A, 'Sommerfest', true), item(B, 'Hafenfest', true), item(C, 'Fremd', false)],
    };
    const calls = fakeFetch([
      { status: 200, body: queue },
      {
        status: 200,
        body: {
          results: [
            { id: A, ok: true },
            { id: B, ok: false, error: { code: 'CONTENT_CHANGED', message: 'changed' } },
          ],
        },
      },
      { status: 200, body: { items: [item(B, 'Hafenfest', true), item(C, 'Fremd', false)] } },
    ]);
    const onOpenPost = jest.fn();
    renderWithProviders(
      <ReviewQueuePage workspace={workspace()} channels={[]} onOpenPost={onOpenPost} />,
    );

    expect(await screen.findByRole('tab', { name: 'Waiting for me (2)' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'All in review (3)' })).toBeTruthy();
    const rows = screen.getAllByTestId('queue-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Redaktion');
    expect(rows[0]!.textContent).toContain('10 Jun 2031, 09:00');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all posts waiting for me' }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve selected (2)' }));
    const results = await screen.findByTestId('bulk-results');
    expect(calls[1]).toMatchObject({
      method: 'POST',
      url: '/api/v1/workspaces/team/review-queue/approve',
      body: {
        posts: [
          { id: A, version: 3, contentHash: `hash-${A}` },
          { id: B, version: 3, contentHash: `hash-${B}` },
        ],
      },
    });
    expect(results.textContent).toContain('1 approved, 1 not approved.');
    const lines = within(results).getAllByTestId('bulk-result');
    expect(lines[0]!.textContent).toBe('Sommerfest: Approved');
    expect(lines[1]!.textContent).toContain(
      'Hafenfest: Not approved: The post changed since you looked at it.',
    );

    fireEvent.click(screen.getByRole('tab', { name: /All in review/ }));
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(2));
    const other = screen.getAllByTestId('queue-row')[1]!;
    expect(within(other).queryByRole('checkbox')).toBeNull();
    fireEvent.click(within(other).getByRole('button', { name: 'Fremd' }));
    expect(onOpenPost).toHaveBeenCalledWith(expect.objectContaining({ id: C }));
  });
});
