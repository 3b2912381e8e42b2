/** @jest-environment jsdom */
import type { DuePost, Pause, PauseState, WorkspaceMembership } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CrisisBanner } from './crisis-banner';
import { routedFetch } from '../../../testing/routed-fetch';

const workspace = (role: WorkspaceMembership['role']): WorkspaceMembership => ({
  id: '00000000-0000-4000-8000-0000000000ff',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role,
});

const INSTA = '00000000-0000-4000-8000-0000000000c1';
const channels = {
  items: [{ id: INSTA, name: 'Instagram', platform: 'instagram', color: '#db2777', createdAt: '' }],
};

const pause = (over: Partial<Pause> = {}): Pause => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  scope: 'workspace',
  channel: null,
  reason: 'Shitstorm zum Gewinnspiel',
  pausedAt: '2026-11-21T08:15:00.000Z',
  pausedBy: { userId: '00000000-0000-4000-8000-0000000000b1', name: 'Olga Owner' },
  resumedAt: null,
  resumedBy: null,
  ...over,
});

const state = (over: Partial<PauseState> = {}): PauseState => ({
  workspace: pause(),
  channels: [],
  duePostCount: 0,
  ...over,
});

const duePost: DuePost = {
  id: '00000000-0000-4000-8000-000000000d01',
  version: 3,
  title: 'Adventsgewinnspiel',
  text: 'Was wünscht ihr euch?',
  plannedAt: '2026-11-21T10:00:00+01:00',
  channelIds: [INSTA],
  pauseIds: [pause().id],
};

describe('CrisisBanner', () => {
  it('shows every member what is paused, by whom, since when and why, without controls', async () => {
    routedFetch([
      { method: 'GET', path: /\/pause$/, body: state() },
      { method: 'GET', path: /\/channels$/, body: channels },
    ]);
    renderWithProviders(<CrisisBanner workspace={workspace('viewer')} />);
    const banner = await screen.findByTestId('crisis-banner');
    expect(
      within(banner).getByText('Publishing is paused for the whole workspace. Nothing goes out.'),
    ).toBeTruthy();
    // 08:15 UTC is 09:15 in Berlin: times are the workspace's.
    expect(within(banner).getByText(/Paused by Olga Owner since .*09:15/)).toBeTruthy();
    expect(within(banner).getByText('Shitstorm zum Gewinnspiel')).toBeTruthy();
    expect(within(banner).queryByRole('button')).toBeNull();
  });

  it('shows nothing while publishing runs', async () => {
    const calls = routedFetch([
      { method: 'GET', path: /\/pause$/, body: state({ workspace: null }) },
      { method: 'GET', path: /\/channels$/, body: channels },
    ]);
    renderWithProviders(<CrisisBanner workspace={workspace('owner')} />);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/pause'))).toBe(true));
    expect(screen.queryByTestId('crisis-banner')).toBeNull();
  });

  it('names a paused channel, in German too', async () => {
    routedFetch([
      {
        method: 'GET',
        path: /\/pause$/,
        body: state({
          workspace: null,
          channels: [
            pause({
              scope: 'channel',
              channel: { id: INSTA, name: 'Instagram', platform: 'instagram' },
              reason: 'Konto gehackt',
            }),
          ],
        }),
      },
      { method: 'GET', path: /\/channels$/, body: channels },
    ]);
    renderWithProviders(<CrisisBanner workspace={workspace('author')} />, { locale: 'de' });
    expect(
      await screen.findByText(
        'Die Veröffentlichung auf Instagram ist angehalten. Dort geht nichts raus.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Konto gehackt')).toBeTruthy();
  });

  it('lets an admin resume after confirming, then lists the posts that came due', async () => {
    const resumed = {
      pause: pause({ resumedAt: '2026-11-21T11:00:00.000Z' }),
      state: state({ workspace: null, duePostCount: 1 }),
      duePosts: [duePost],
    };
    const calls = routedFetch([
      { method: 'GET', path: /\/pause$/, body: state() },
      { method: 'GET', path: /\/channels$/, body: channels },
      { method: 'POST', path: /\/workspaces\/team\/resume$/, body: resumed },
    ]);
    renderWithProviders(<CrisisBanner workspace={workspace('admin')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Resume publishing' }));
    const confirm = screen.getByRole('dialog', { name: 'Resume publishing' });
    expect(within(confirm).getByText(/Shitstorm zum Gewinnspiel/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Resume now' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Posts that came due during the pause',
    });
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/v1/workspaces/team/resume',
    ]);
    expect(within(dialog).getByText('Adventsgewinnspiel')).toBeTruthy();
    expect(within(dialog).getByText(/Was planned for .*10:00 · Instagram/)).toBeTruthy();
  });

  it('reminds editors of posts still waiting for a decision, and opens them', async () => {
    routedFetch([
      { method: 'GET', path: /\/pause$/, body: state({ workspace: null, duePostCount: 1 }) },
      { method: 'GET', path: /\/channels$/, body: channels },
      {
        method: 'GET',
        path: /\/pause\/due-posts$/,
        body: { items: [duePost], timeZone: 'Europe/Berlin' },
      },
    ]);
    renderWithProviders(<CrisisBanner workspace={workspace('editor')} />);
    expect(
      await screen.findByText('Posts that came due during a pause and wait for your decision: 1'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Decide' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Posts that came due during the pause',
    });
    expect(within(dialog).getByText('Adventsgewinnspiel')).toBeTruthy();
  });

  it('keeps the reminder from authors, who cannot decide', async () => {
    const calls = routedFetch([
      { method: 'GET', path: /\/pause$/, body: state({ workspace: null, duePostCount: 3 }) },
      { method: 'GET', path: /\/channels$/, body: channels },
    ]);
    renderWithProviders(<CrisisBanner workspace={workspace('author')} />);
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/pause'))).toBe(true));
    expect(screen.queryByTestId('crisis-banner')).toBeNull();
  });
});
