/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { type Channel } from '@postplan/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type FakeCall, renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch, routeTable } from '../../../testing/routed-fetch';
import { AccountPicker } from './account-picker';

const CHANNEL: Channel = {
  id: '00000000-0000-4000-8000-0000000000f1',
  name: 'Bäckerei Facebook',
  platform: 'facebook',
  color: '#1877f2',
  settings: {},
  createdAt: '2030-04-01T07:00:00Z',
};
const CHOICES = `/api/v1/workspaces/nord/channels/${CHANNEL.id}/oauth/choices`;
const FACEBOOK = {
  platform: 'facebook',
  expiresAt: '2030-04-01T08:15:00Z',
  accounts: [
    { id: '104857600123', name: 'Bäckerei Muster', detail: 'Bakery' },
    { id: '104857600456', name: 'Bäckerei Muster Filiale', detail: 'Local business' },
  ],
};
const CONNECTED = {
  ...CHANNEL,
  settings: { pageId: '104857600456' },
  connection: {
    connected: true,
    status: 'connected',
    kind: 'oauth',
    accountName: 'Bäckerei Muster Filiale',
    connectedAt: '2030-04-01T08:05:00Z',
    verifiedAt: '2030-04-01T08:05:00Z',
    expiresAt: null,
    lastError: null,
    configured: true,
  },
};

let calls: FakeCall[] = [];
const serve = (routes: Record<string, { status: number; body?: unknown }>) => {
  calls = routedFetch(routeTable(routes));
};

describe('AccountPicker', () => {
  beforeEach(() => {
    document.cookie = 'postplan_csrf=tok; path=/';
  });

  it('lists the pages as labelled radio buttons and connects the one picked', async () => {
    serve({
      [`GET ${CHOICES}`]: { status: 200, body: FACEBOOK },
      [`POST ${CHOICES}`]: { status: 200, body: CONNECTED },
    });
    const onDone = jest.fn();
    renderWithProviders(<AccountPicker workspace="nord" channel={CHANNEL} onDone={onDone} />);
    const form = await screen.findByRole('form', {
      name: 'Which Facebook page should “Bäckerei Facebook” publish to?',
    });
    const radios = within(form).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(within(form).getByText('Bakery')).toBeTruthy();

    // Nothing picked yet: the person is told, nothing is sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Connect this account' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('Pick one of the accounts.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(within(form).getByRole('radio', { name: /Bäckerei Muster Filiale/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Connect this account' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe(CHOICES);
    expect(post.body).toEqual({ accountId: '104857600456' });
  });

  it('names the Facebook page an Instagram account is linked to, in German too', async () => {
    serve({
      [`GET ${CHOICES}`]: {
        status: 200,
        body: {
          platform: 'instagram',
          expiresAt: '2030-04-01T08:15:00Z',
          accounts: [
            { id: '17841400000000001', name: 'baeckerei.muster', detail: 'Bäckerei Muster' },
          ],
        },
      },
    });
    renderWithProviders(
      <AccountPicker
        workspace="nord"
        channel={{ ...CHANNEL, name: 'Insta', platform: 'instagram' }}
        onDone={() => undefined}
      />,
      { locale: 'de' },
    );
    const form = await screen.findByRole('form', {
      name: 'Auf welchem Instagram-Konto soll „Insta“ veröffentlichen?',
    });
    expect(
      within(form).getByRole('radio', {
        name: /baeckerei\.muster.*verknüpft mit der Seite Bäckerei Muster/,
      }),
    ).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Dieses Konto verbinden' })).toBeTruthy();
  });

  it('shows why a pick was refused and keeps the list', async () => {
    serve({
      [`GET ${CHOICES}`]: { status: 200, body: FACEBOOK },
      [`POST ${CHOICES}`]: {
        status: 410,
        body: {
          error: {
            code: 'OAUTH_CHOICE_EXPIRED',
            message: 'x',
            details: { expiredAt: '2030-04-01T08:15:00Z' },
          },
        },
      },
    });
    const onDone = jest.fn();
    renderWithProviders(<AccountPicker workspace="nord" channel={CHANNEL} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Bäckerei Muster Filiale/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect this account' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The choice waited too long (15 minutes). Connect the channel again.',
    );
    expect(screen.getAllByRole('radio')).toHaveLength(2);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('cancels: the waiting sign-in is deleted and the picker closes', async () => {
    serve({
      [`GET ${CHOICES}`]: { status: 200, body: FACEBOOK },
      [`DELETE ${CHOICES}`]: { status: 204 },
    });
    const onDone = jest.fn();
    renderWithProviders(<AccountPicker workspace="nord" channel={CHANNEL} onDone={onDone} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(false));
    expect(calls.some((c) => c.method === 'DELETE' && c.url === CHOICES)).toBe(true);
  });

  it('says so when the choice belongs to someone else', async () => {
    serve({
      [`GET ${CHOICES}`]: {
        status: 403,
        body: { error: { code: 'OAUTH_CHOICE_OTHER_USER', message: 'x' } },
      },
    });
    renderWithProviders(
      <AccountPicker workspace="nord" channel={CHANNEL} onDone={() => undefined} />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Someone else signed in for this channel; only they can pick the account.',
    );
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
