/** @jest-environment jsdom */
import type { Channel, DuePost, WorkspaceMembership } from '@postplan/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import { DuePostsDialog } from './due-posts-dialog';

const workspace: WorkspaceMembership = {
  id: '00000000-0000-4000-8000-0000000000ff',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role: 'editor',
};
const INSTA = '00000000-0000-4000-8000-0000000000c1';
const channelsById = new Map<string, Channel>([
  [INSTA, { id: INSTA, name: 'Instagram', platform: 'instagram', color: '#db2777', createdAt: '' }],
]);
const post = (n: number, title: string): DuePost => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  version: 2,
  title,
  text: `Text ${n}`,
  plannedAt: `2026-11-21T1${n}:00:00+01:00`,
  channelIds: [INSTA],
  pauseIds: ['00000000-0000-4000-8000-0000000000a1'],
});
const posts = [post(1, 'Gewinnspiel'), post(2, 'Rezept der Woche'), post(3, 'Teamfoto')];

function open() {
  const onClose = jest.fn();
  const onStale = jest.fn();
  renderWithProviders(
    <DuePostsDialog
      workspace={workspace}
      posts={posts}
      channelsById={channelsById}
      onClose={onClose}
      onStale={onStale}
    />,
  );
  return {
    onClose,
    onStale,
    dialog: screen.getByRole('dialog', { name: 'Posts that came due during the pause' }),
  };
}

const group = (dialog: HTMLElement, title: string) =>
  within(dialog).getByRole('group', { name: title });

describe('DuePostsDialog', () => {
  // Only the clock is fixed ("now" is 21 November 2026); timers run as usual.
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date('2026-11-21T12:00:00Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('lists each post with its old time in the workspace zone and its channels', () => {
    const { dialog } = open();
    expect(
      within(group(dialog, 'Gewinnspiel')).getByText(/Was planned for .*11:00 · Instagram/),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Apply decisions (0)' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('sends one decision per chosen post, a new time with its offset, and leaves the rest', async () => {
    const calls = routedFetch([
      {
        method: 'POST',
        path: /\/pause\/due-posts\/decide$/,
        body: { items: [], remaining: [] },
      },
    ]);
    const { dialog, onClose } = open();
    fireEvent.click(within(group(dialog, 'Gewinnspiel')).getByLabelText('Publish now'));
    const second = group(dialog, 'Rezept der Woche');
    fireEvent.click(within(second).getByLabelText('New time'));
    fireEvent.change(within(second).getByLabelText('Date'), { target: { value: '2026-11-24' } });
    fireEvent.change(within(second).getByLabelText('Time'), { target: { value: '18:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply decisions (2)' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      [
        'POST',
        '/api/v1/workspaces/team/pause/due-posts/decide',
        {
          decisions: [
            { postId: posts[0]!.id, action: 'publish_now' },
            { postId: posts[1]!.id, action: 'reschedule', plannedAt: '2026-11-24T18:30+01:00' },
          ],
        },
      ],
    ]);
  });

  it('stops at a time the clocks skip or one in the past, before asking the server', () => {
    const calls = routedFetch([]);
    const { dialog } = open();
    const first = group(dialog, 'Gewinnspiel');
    fireEvent.click(within(first).getByLabelText('New time'));
    fireEvent.change(within(first).getByLabelText('Date'), { target: { value: '2027-03-28' } });
    fireEvent.change(within(first).getByLabelText('Time'), { target: { value: '02:30' } });
    const third = group(dialog, 'Teamfoto');
    fireEvent.click(within(third).getByLabelText('New time'));
    fireEvent.change(within(third).getByLabelText('Date'), { target: { value: '2026-11-20' } });
    fireEvent.change(within(third).getByLabelText('Time'), { target: { value: '09:00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply decisions (2)' }));

    expect(within(first).getByRole('alert').textContent).toMatch(
      /does not exist in the workspace time zone/,
    );
    expect(within(third).getByRole('alert').textContent).toMatch(/must lie in the future/);
    expect(calls).toHaveLength(0);
  });

  it('asks which of a doubled hour is meant, and sends the chosen one', async () => {
    const calls = routedFetch([
      { method: 'POST', path: /decide$/, body: { items: [], remaining: [] } },
    ]);
    const { dialog } = open();
    const first = group(dialog, 'Gewinnspiel');
    fireEvent.click(within(first).getByLabelText('New time'));
    fireEvent.change(within(first).getByLabelText('Date'), { target: { value: '2027-10-31' } });
    fireEvent.change(within(first).getByLabelText('Time'), { target: { value: '02:30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply decisions (1)' }));
    expect(calls).toHaveLength(0);
    fireEvent.click(within(first).getByLabelText('2027-10-31 02:30 (UTC+01:00)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply decisions (1)' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({
      decisions: [
        { postId: posts[0]!.id, action: 'reschedule', plannedAt: '2027-10-31T02:30+01:00' },
      ],
    });
  });

  it('says so when someone else decided first, and lets the list reload', async () => {
    routedFetch([
      {
        method: 'POST',
        path: /decide$/,
        status: 409,
        body: {
          error: { code: 'POST_NOT_DUE', message: 'x', details: { postIds: [posts[2]!.id] } },
        },
      },
    ]);
    const { dialog, onClose, onStale } = open();
    fireEvent.click(within(group(dialog, 'Teamfoto')).getByLabelText('Skip'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply decisions (1)' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Some posts no longer wait for a decision: someone else decided or moved them meanwhile.',
    );
    expect(onStale).toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });
});
