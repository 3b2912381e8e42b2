/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import type { Notification } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders, type FakeCall } from '../../../testing/render-with-providers';
import { NotificationBell } from './notification-bell';
import { routedFetch } from '../../../testing/routed-fetch';

const WS = {
  id: '00000000-0000-4000-8000-0000000000ff',
  slug: 'agentur-nord',
  name: 'Agentur Nord',
};
const POST = '00000000-0000-4000-8000-000000000001';
const note = (over: Partial<Notification>): Notification => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  kind: 'review_requested',
  workspace: WS,
  post: { id: POST, title: 'Adventsgewinnspiel' },
  actor: { type: 'user', userId: '00000000-0000-4000-8000-0000000000b1', name: 'Olga' },
  data: {},
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  readAt: null,
  ...over,
});
const items = [
  note({}),
  note({
    id: '00000000-0000-4000-8000-0000000000e2',
    kind: 'workspace_paused',
    post: null,
    data: { reason: 'Shitstorm', scope: 'channel', channelName: 'Instagram' },
    readAt: '2026-11-21T08:00:00.000Z',
  }),
];

function serve(): FakeCall[] {
  let unread = 1;
  return routedFetch([
    {
      method: 'POST',
      path: /\/read$/,
      answer: () => {
        unread = 0;
        return { status: 200, body: { updated: 1, unreadCount: 0 } };
      },
    },
    {
      method: 'GET',
      path: /./,
      answer: (call) => ({
        status: 200,
        body: {
          items: /limit=1(&|$)/.test(call.url) ? [] : items,
          unreadCount: unread,
          nextCursor: null,
        },
      }),
    },
  ]);
}

describe('NotificationBell', () => {
  it('shows the unread count and opens the inbox with links to the posts', async () => {
    const calls = serve();
    renderWithProviders(
      <MemoryRouter>
        <NotificationBell settingsHref="/w/agentur-nord/settings/notifications" />
      </MemoryRouter>,
    );
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    fireEvent.click(bell);
    const panel = screen.getByRole('dialog', { name: 'Notifications' });
    const first = await within(panel).findByRole('link', {
      name: /Olga asks you to review “Adventsgewinnspiel”/,
    });
    expect(first.getAttribute('href')).toBe(`/w/agentur-nord/calendar?post=${POST}`);
    expect(first.textContent).toMatch(/5 minutes ago · Agentur Nord/);
    const paused = within(panel).getByRole('link', {
      name: /Olga paused publishing for the channel Instagram/,
    });
    expect(paused.textContent).toContain('Shitstorm');
    expect(paused.getAttribute('href')).toBe('/w/agentur-nord/calendar');

    // Only the unread one can be marked read.
    const markButtons = within(panel).getAllByRole('button', { name: 'Mark read' });
    expect(markButtons).toHaveLength(1);
    fireEvent.click(markButtons[0]!);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        url: '/api/v1/me/notifications/read',
        body: { ids: [items[0]!.id] },
      }),
    );
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
  });

  it('speaks German', async () => {
    serve();
    renderWithProviders(
      <MemoryRouter>
        <NotificationBell settingsHref={null} />
      </MemoryRouter>,
      { locale: 'de' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' }));
    expect(
      await screen.findByRole('link', { name: /Olga bittet dich, „Adventsgewinnspiel“ zu prüfen/ }),
    ).toBeTruthy();
  });
});
