/** @jest-environment jsdom */
import { NOTIFICATION_KINDS, DEFAULT_EMAIL_SETTINGS } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { NotificationSettingsPage } from './notification-settings-page';

const settings = (emailAvailable: boolean, comment = false) => ({
  emailAvailable,
  kinds: NOTIFICATION_KINDS.map((kind) => ({
    kind,
    inApp: true,
    email: kind === 'comment' ? comment : DEFAULT_EMAIL_SETTINGS[kind],
  })),
});

describe('NotificationSettingsPage', () => {
  it('keeps the inbox on and saves an e-mail choice at once', async () => {
    const calls = fakeFetch([
      { status: 200, body: settings(true) },
      { status: 200, body: settings(true, true) },
    ]);
    renderWithProviders(<NotificationSettingsPage />);
    const inApp = await screen.findByLabelText<HTMLInputElement>(
      'New comment on a post in the app (always on)',
    );
    expect(inApp.checked).toBe(true);
    expect(inApp.disabled).toBe(true);
    const email = screen.getByLabelText<HTMLInputElement>('New comment on a post by e-mail');
    expect(email.checked).toBe(false);
    fireEvent.click(email);
    await waitFor(() =>
      expect(
        screen.getByLabelText<HTMLInputElement>('New comment on a post by e-mail').checked,
      ).toBe(true),
    );
    expect(calls[1]).toMatchObject({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      body: { email: { comment: true } },
    });
  });

  it('says when the server sends no e-mail, and offers no e-mail choice', async () => {
    fakeFetch([{ status: 200, body: settings(false) }]);
    renderWithProviders(<NotificationSettingsPage />, { locale: 'de' });
    expect(await screen.findByText(/verschickt keine E-Mails/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Prüfung angefragt per E-Mail').disabled).toBe(
      true,
    );
  });
});
