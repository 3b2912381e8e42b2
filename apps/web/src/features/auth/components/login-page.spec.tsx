/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { LoginPage, safeNext } from './login-page';

const me = {
  user: { id: '00000000-0000-4000-8000-0000000000aa', email: 'a@b.de', name: 'Anna', locale: null },
  workspaces: [],
};

function renderLogin(locale: 'de' | 'en', path = '/login') {
  return renderWithProviders(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/w/team/calendar" element={<p>calendar page</p>} />
        <Route path="/" element={<p>home page</p>} />
      </Routes>
    </MemoryRouter>,
    { locale },
  );
}

describe('LoginPage', () => {
  it('says in German that email or password is wrong', async () => {
    const calls = fakeFetch([
      {
        status: 401,
        body: { error: { code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' } },
      },
    ]);
    renderLogin('de');
    fireEvent.change(screen.getByLabelText('E-Mail'), { target: { value: ' a@b.de ' } });
    fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'secret-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect((await screen.findByRole('alert')).textContent).toBe('E-Mail oder Passwort ist falsch.');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: 'a@b.de', password: 'secret-secret' },
    });
  });

  it('goes back to where the person wanted to go', async () => {
    fakeFetch([{ status: 200, body: me }]);
    renderLogin('en', '/login?next=%2Fw%2Fteam%2Fcalendar');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'a@b.de' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(screen.getByText('calendar page')).toBeTruthy());
  });

  it('never redirects outside the app after login', () => {
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/w/team/calendar?view=week')).toBe('/w/team/calendar?view=week');
    expect(safeNext(null)).toBe('/');
  });
});
