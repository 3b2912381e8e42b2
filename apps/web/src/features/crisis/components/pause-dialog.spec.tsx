/** @jest-environment jsdom */
import type { Channel, WorkspaceMembership } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import { PauseDialog } from './pause-dialog';

const workspace: WorkspaceMembership = {
  id: '00000000-0000-4000-8000-0000000000ff',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role: 'admin',
};
const INSTA = '00000000-0000-4000-8000-0000000000c1';
const channels: Channel[] = [
  { id: INSTA, name: 'Instagram', platform: 'instagram', color: '#db2777', createdAt: '' },
];
const emptyState = { workspace: null, channels: [], duePostCount: 0 };

describe('PauseDialog', () => {
  it('asks for a reason before anything is paused', () => {
    const calls = routedFetch([]);
    renderWithProviders(
      <PauseDialog
        workspace={workspace}
        channels={channels}
        state={emptyState}
        onClose={jest.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Pause publishing' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pause now' }));
    expect(
      within(dialog).getByText('Give a reason, so the team knows why publishing stopped.'),
    ).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('pauses one channel with the trimmed reason', async () => {
    const onClose = jest.fn();
    const calls = routedFetch([
      { method: 'POST', path: /\/channels\/.*\/pause$/, status: 201, body: emptyState },
      {
        method: 'GET',
        path: /notifications/,
        body: { items: [], unreadCount: 0, nextCursor: null },
      },
    ]);
    renderWithProviders(
      <PauseDialog
        workspace={workspace}
        channels={channels}
        state={emptyState}
        onClose={onClose}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Pause publishing' });
    fireEvent.change(within(dialog).getByLabelText('What to pause'), { target: { value: INSTA } });
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: '  Konto gehackt  ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pause now' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `/api/v1/workspaces/team/channels/${INSTA}/pause`,
      body: { reason: 'Konto gehackt' },
    });
  });

  it('offers only what is not paused yet', () => {
    routedFetch([]);
    renderWithProviders(
      <PauseDialog
        workspace={workspace}
        channels={channels}
        state={{
          workspace: {
            id: '00000000-0000-4000-8000-0000000000a1',
            scope: 'workspace',
            channel: null,
            reason: 'x',
            pausedAt: '2026-11-21T08:00:00Z',
            pausedBy: null,
            resumedAt: null,
            resumedBy: null,
          },
          channels: [],
          duePostCount: 0,
        }}
        onClose={jest.fn()}
      />,
    );
    const options = within(screen.getByLabelText('What to pause')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Only Instagram']);
  });
});
