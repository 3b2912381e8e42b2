/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch, routeTable } from '../../../testing/routed-fetch';
import { InvitationPage } from './invitation-page';

const TOKEN = 'a'.repeat(43);
const PREVIEW = {
  workspaceName: 'Stadtwerke Social',
  role: 'editor',
  email: 'petra@example.com',
  invitedBy: 'Olga Owner',
  expiresAt: '2026-12-10T09:00:00Z',
};
const ME = (email: string) => ({
  user: { id: '00000000-0000-4000-8000-0000000000aa', email, name: 'Petra', locale: null },
  workspaces: [
    {
      id: '00000000-0000-4000-8000-0000000000bb',
      slug: 'stadtwerke',
      name: 'Stadtwerke Social',
      timeZone: 'Europe/Berlin',
      locale: 'de',
      holidayCountry: 'DE',
      holidayRegion: null,
      role: 'editor',
    },
  ],
});

type Answer = { status: number; body?: unknown };
const error = (status: number, code: string): Answer => ({
  status,
  body: { error: { code, message: code } },
});

/** Answers by route (anything else: 404); records what was sent. */
function serve(routes: Record<string, Answer>) {
  return routedFetch(routeTable(routes), () => error(404, 'ROUTE_NOT_FOUND'));
}

function renderPage(locale: 'de' | 'en' = 'en') {
  return renderWithProviders(
    <MemoryRouter initialEntries={[`/invite/${TOKEN}`]}>
      <Routes>
        <Route path="/invite/:token" element={<InvitationPage token={TOKEN} />} />
        <Route path="/w/stadtwerke/calendar" element={<p>calendar of the workspace</p>} />
        <Route path="/login" element={<p>login page</p>} />
      </Routes>
    </MemoryRouter>,
    { locale },
  );
}

describe('InvitationPage', () => {
  it('lets a new address choose its own name and password, then opens the workspace', async () => {
    const calls = serve({
      [`GET /api/v1/invitations/${TOKEN}`]: { status: 200, body: PREVIEW },
      'GET /api/v1/me': error(401, 'UNAUTHENTICATED'),
      [`POST /api/v1/invitations/${TOKEN}/register`]: { status: 201, body: ME(PREVIEW.email) },
    });
    renderPage();
    expect(
      await screen.findByText(
        'Olga Owner invites you to the workspace “Stadtwerke Social” as Editor.',
      ),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: ' Petra Prüferin ' } });
    fireEvent.change(screen.getByLabelText('Your password'), {
      target: { value: 'vier-augen-prinzip' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    await waitFor(() => expect(screen.getByText('calendar of the workspace')).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Petra Prüferin',
      password: 'vier-augen-prinzip',
    });
  });

  it('tells an address that has an account to log in and accept', async () => {
    serve({
      [`GET /api/v1/invitations/${TOKEN}`]: { status: 200, body: PREVIEW },
      'GET /api/v1/me': error(401, 'UNAUTHENTICATED'),
      [`POST /api/v1/invitations/${TOKEN}/register`]: error(409, 'INVITATION_SIGN_IN_REQUIRED'),
    });
    renderPage('de');
    fireEvent.change(await screen.findByLabelText('Ihr Name'), { target: { value: 'Petra' } });
    fireEvent.change(screen.getByLabelText('Ihr Passwort'), {
      target: { value: 'vier-augen-prinzip' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Beitreten' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Zu dieser Adresse gibt es schon ein Konto: Melden Sie sich damit an, um die Einladung anzunehmen.',
    );
    expect(screen.getByRole('link', { name: 'Anmelden und annehmen' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/invite/${TOKEN}`)}`,
    );
  });

  it('lets the signed-in invited account accept and opens the workspace', async () => {
    const calls = serve({
      [`GET /api/v1/invitations/${TOKEN}`]: { status: 200, body: PREVIEW },
      'GET /api/v1/me': { status: 200, body: ME(PREVIEW.email) },
      [`POST /api/v1/invitations/${TOKEN}/accept`]: { status: 200, body: ME(PREVIEW.email) },
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));
    await waitFor(() => expect(screen.getByText('calendar of the workspace')).toBeTruthy());
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      `/api/v1/invitations/${TOKEN}/accept`,
    ]);
  });

  it('offers nothing to accept to another signed-in account', async () => {
    serve({
      [`GET /api/v1/invitations/${TOKEN}`]: { status: 200, body: PREVIEW },
      'GET /api/v1/me': { status: 200, body: ME('someone.else@example.com') },
    });
    renderPage();
    expect(await screen.findByRole('note')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain(
      'you are signed in as someone.else@example.com',
    );
    expect(screen.queryByRole('button', { name: 'Accept invitation' })).toBeNull();
    expect(screen.queryByLabelText('Your password')).toBeNull();
  });

  it('says when a link is used up or expired', async () => {
    serve({
      [`GET /api/v1/invitations/${TOKEN}`]: error(410, 'INVITATION_EXPIRED'),
      'GET /api/v1/me': error(401, 'UNAUTHENTICATED'),
    });
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This invitation has expired. Ask for a new one.',
    );
  });
});
