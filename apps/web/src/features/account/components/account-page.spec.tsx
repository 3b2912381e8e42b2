/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders, type FakeCall } from '../../../testing/render-with-providers';
import { routedFetch, routeTable } from '../../../testing/routed-fetch';
import { AccountPage } from './account-page';

const ME = {
  user: {
    id: '00000000-0000-4000-8000-0000000000aa',
    email: 'olga@example.com',
    name: 'Olga',
    locale: null,
  },
  workspaces: [],
};
const TOKEN = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Reporting',
  prefix: 'pp_abcdefg',
  scopes: ['read'],
  createdAt: '2026-11-01T10:00:00Z',
  expiresAt: null,
  lastUsedAt: '2026-11-20T08:15:00Z',
};

type Answer = { status: number; body?: unknown };
let calls: FakeCall[] = [];

function serve(routes: Record<string, Answer>) {
  calls = routedFetch(routeTable(routes), () => ({
    status: 404,
    body: { error: { code: 'ROUTE_NOT_FOUND', message: 'x' } },
  }));
}

describe('AccountPage', () => {
  beforeEach(() => {
    document.cookie = 'postplan_csrf=tok; path=/';
  });

  it('lists tokens with scopes and last use, and creates one with the chosen scopes and expiry, shown once', async () => {
    serve({
      'GET /api/v1/me/invitations': { status: 200, body: { items: [] } },
      'GET /api/v1/me/tokens': { status: 200, body: { items: [TOKEN] } },
      'POST /api/v1/me/tokens': {
        status: 201,
        body: {
          ...TOKEN,
          id: '00000000-0000-4000-8000-0000000000c2',
          name: 'Planer',
          scopes: ['read', 'write'],
          expiresAt: '2027-02-19T10:00:00Z',
          lastUsedAt: null,
          token: 'pp_the-secret-shown-once',
        },
      },
    });
    renderWithProviders(<AccountPage me={ME} />);
    const row = within(await screen.findByTestId('token-row'));
    expect(row.getByText('Reporting')).toBeTruthy();
    expect(row.getByText('Read')).toBeTruthy();
    expect(row.getByText(/last used/)).toBeTruthy();
    expect(row.getByText('does not expire')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Name of the token'), { target: { value: 'Planer' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Write/ }));
    fireEvent.change(screen.getByLabelText('Expires after'), { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const created = await screen.findByTestId('created-token');
    expect(within(created).getByLabelText<HTMLInputElement>('Token').value).toBe(
      'pp_the-secret-shown-once',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Planer',
      scopes: ['read', 'write'],
      expiresInDays: 90,
    });
  });

  it('changes the password with the current one and says why a new one is refused', async () => {
    serve({
      'GET /api/v1/me/invitations': { status: 200, body: { items: [] } },
      'GET /api/v1/me/tokens': { status: 200, body: { items: [] } },
      'POST /api/v1/me/password': {
        status: 422,
        body: { error: { code: 'WEAK_PASSWORD', message: 'weak' } },
      },
    });
    renderWithProviders(<AccountPage me={ME} />, { locale: 'de' });
    fireEvent.change(await screen.findByLabelText('Aktuelles Passwort'), {
      target: { value: 'alt-und-bekannt-1' },
    });
    fireEvent.change(screen.getByLabelText('Neues Passwort'), { target: { value: 'passwort123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Passwort ändern' }));
    expect((await screen.findByRole('alert')).textContent).toContain('zu leicht zu erraten');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      currentPassword: 'alt-und-bekannt-1',
      newPassword: 'passwort123',
    });
  });

  it('accepts an invitation waiting for the person', async () => {
    serve({
      'GET /api/v1/me/invitations': {
        status: 200,
        body: {
          items: [
            {
              id: '00000000-0000-4000-8000-0000000000d1',
              workspaceName: 'Kunde Süd',
              role: 'author',
              invitedBy: 'Ben',
              expiresAt: '2026-12-01T10:00:00Z',
            },
          ],
        },
      },
      'GET /api/v1/me/tokens': { status: 200, body: { items: [] } },
      'POST /api/v1/me/invitations/00000000-0000-4000-8000-0000000000d1/accept': {
        status: 200,
        body: ME,
      },
    });
    renderWithProviders(<AccountPage me={ME} />);
    const item = await screen.findByTestId('my-invitation');
    expect(item.textContent).toContain('“Kunde Süd” as Author, from Ben');
    fireEvent.click(within(item).getByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('You joined “Kunde Süd”.')).toBeTruthy();
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
        '/api/v1/me/invitations/00000000-0000-4000-8000-0000000000d1/accept',
      ]),
    );
  });
});
