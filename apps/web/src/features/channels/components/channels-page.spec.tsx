/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { describe, expect, it } from '@jest/globals';
import { type WorkspaceMembership } from '@postplan/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { type FakeCall, renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch, routeTable } from '../../../testing/routed-fetch';
import { ChannelsPage } from './channels-page';

const WS = {
  id: '00000000-0000-4000-8000-0000000000a1',
  slug: 'nord',
  name: 'Agentur Nord',
  role: 'owner',
} as unknown as WorkspaceMembership;
const NOT_CONNECTED = {
  connected: false,
  status: 'not_connected',
  kind: 'oauth',
  accountName: null,
  connectedAt: null,
  verifiedAt: null,
  expiresAt: null,
  lastError: null,
  configured: true,
};
const FACEBOOK = {
  id: '00000000-0000-4000-8000-0000000000f1',
  name: 'Bäckerei Facebook',
  platform: 'facebook',
  color: '#1877f2',
  settings: {},
  connection: NOT_CONNECTED,
  createdAt: '2030-04-01T07:00:00Z',
};
const LINKEDIN = {
  ...FACEBOOK,
  id: '00000000-0000-4000-8000-0000000000f2',
  name: 'Firma LinkedIn',
  platform: 'linkedin',
};

let calls: FakeCall[] = [];
function renderAt(url: string) {
  calls = routedFetch(
    routeTable({
      'GET /api/v1/workspaces/nord/channels': {
        status: 200,
        body: { items: [FACEBOOK, LINKEDIN] },
      },
      'GET /api/v1/workspaces/nord/pause': {
        status: 200,
        body: { workspace: null, channels: [], duePostCount: 0 },
      },
      [`GET /api/v1/workspaces/nord/channels/${FACEBOOK.id}/oauth/choices`]: {
        status: 200,
        body: {
          platform: 'facebook',
          expiresAt: '2030-04-01T08:15:00Z',
          accounts: [{ id: '104857600123', name: 'Bäckerei Muster', detail: 'Bakery' }],
        },
      },
      [`POST /api/v1/workspaces/nord/channels/${LINKEDIN.id}/oauth/start`]: {
        status: 500,
        body: { error: { code: 'INTERNAL_ERROR', message: 'x' } },
      },
    }),
  );
  return renderWithProviders(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/w/nord/settings/channels" element={<ChannelsPage workspace={WS} />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('ChannelsPage after a sign-in', () => {
  it('says in words when the Facebook login manages no pages', async () => {
    renderAt('/w/nord/settings/channels?oauthError=OAUTH_NO_ACCOUNTS&platform=facebook');
    expect(await screen.findByText('This Facebook login manages no pages.')).toBeTruthy();
  });

  it('opens the picker in the channel the sign-in was for', async () => {
    renderAt(`/w/nord/settings/channels?choose=${FACEBOOK.id}`);
    const item = within(await screen.findByTestId(`channel-${FACEBOOK.id}`));
    expect(await item.findByRole('radio', { name: /Bäckerei Muster/ })).toBeTruthy();
    expect(within(screen.getByTestId(`channel-${LINKEDIN.id}`)).queryByRole('radio')).toBeNull();
  });

  it('connects a LinkedIn channel without an author as a company page', async () => {
    renderAt('/w/nord/settings/channels');
    const item = within(await screen.findByTestId(`channel-${LINKEDIN.id}`));
    fireEvent.click(item.getByRole('button', { name: 'Connect a company page' }));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/oauth/start'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/oauth/start'))!.body).toEqual({
      linkedinAuthor: 'organization',
    });
  });
});
