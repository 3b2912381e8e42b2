/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import type { PublicationLogEntry } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { publication, routedFetch, workspace } from '../testing/publishing-fixtures';
import { PublishingLogPage } from './publishing-log-page';

const entry = (over: Partial<PublicationLogEntry>): PublicationLogEntry => ({
  ...publication(),
  post: {
    id: '00000000-0000-4000-8000-0000000000a1',
    title: 'Adventsgewinnspiel',
    authorId: '00000000-0000-4000-8000-0000000000b1',
    authorName: 'Anna Author',
  },
  channel: { id: '00000000-0000-4000-8000-0000000000c1', name: 'Sandbox', platform: 'sandbox' },
  lastActor: null,
  ...over,
});

const LOG = /\/workspaces\/team\/publications(\?|$)/;

function show(items: PublicationLogEntry[], initial = '/w/team/publishing') {
  const calls = routedFetch([{ method: 'GET', path: LOG, body: { items, nextCursor: null } }]);
  renderWithProviders(
    <MemoryRouter initialEntries={[initial]}>
      <PublishingLogPage workspace={workspace('author')} />
    </MemoryRouter>,
  );
  return calls;
}

describe('PublishingLogPage', () => {
  it('lists who, what, when, the outcome and the link', async () => {
    show([
      entry({
        status: 'published',
        url: 'https://sandbox.example/p/3',
        publishedAt: '2026-11-21T09:00:01.000Z',
      }),
      entry({
        status: 'failed',
        attempts: 3,
        lastError: { code: 'TOKEN_REVOKED', message: 'The token was revoked', class: 'permanent' },
        lastActor: { userId: '00000000-0000-4000-8000-0000000000b2', name: 'Erik Editor' },
      }),
    ]);
    const rows = await screen.findAllByTestId('publishing-log-row');
    expect(rows).toHaveLength(2);
    const [published, failed] = rows as [HTMLElement, HTMLElement];
    // 09:00 UTC is 10:00 in the workspace's zone.
    expect(published.textContent).toContain('21 Nov 2026, 10:00 (UTC+01:00)');
    expect(
      within(published).getByRole('link', { name: 'Adventsgewinnspiel' }).getAttribute('href'),
    ).toBe('/w/team/calendar?post=00000000-0000-4000-8000-0000000000a1');
    expect(within(published).getByText('Published')).toBeTruthy();
    expect(within(published).getByText('By Anna Author')).toBeTruthy();
    expect(within(published).getByText('sent automatically')).toBeTruthy();
    expect(
      within(published).getByRole('link', { name: 'Open the post' }).getAttribute('href'),
    ).toBe('https://sandbox.example/p/3');
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('The token was revoked')).toBeTruthy();
    expect(within(failed).getByText('3 attempts')).toBeTruthy();
    expect(within(failed).getByText('last action: Erik Editor')).toBeTruthy();
  });

  it('filters by outcome and by period in the workspace’s days', async () => {
    const calls = show([entry({})]);
    await screen.findAllByTestId('publishing-log-row');
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'attention' } });
    await waitFor(() =>
      expect(calls.at(-1)?.url).toContain('status=failed%2Cunconfirmed%2Cmissed'),
    );
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-31' } });
    await waitFor(() => expect(calls.at(-1)?.url).toContain('to=2026-11-01'));
    expect(calls.at(-1)?.url).toContain('from=2026-10-01');

    const count = calls.length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    expect(await screen.findByText('The end lies before the start.')).toBeTruthy();
    expect(calls.length).toBe(count);
  });

  it('says when nothing has been published, or nothing matches', async () => {
    show([]);
    expect(await screen.findByText('Nothing has been published yet.')).toBeTruthy();
  });

  it('reads its filters from the address, and says when they match nothing', async () => {
    const calls = show([], '/w/team/publishing?status=missed');
    expect(await screen.findByText('Nothing matches these filters.')).toBeTruthy();
    expect(calls[0]?.url).toContain('status=missed');
    expect(screen.getByLabelText<HTMLSelectElement>('Outcome').value).toBe('missed');
  });

  it('shows a load failure with the reason and a way to try again', async () => {
    routedFetch([
      {
        method: 'GET',
        path: LOG,
        status: 403,
        body: { error: { code: 'FORBIDDEN_ROLE', message: 'no', details: null } },
      },
    ]);
    renderWithProviders(
      <MemoryRouter>
        <PublishingLogPage workspace={workspace('viewer')} />
      </MemoryRouter>,
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The publishing log could not be loaded.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
