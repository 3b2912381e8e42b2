/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import { contest, workspace } from '../testing/contest-fixtures';
import { ContestsPage } from './contests-page';

const list = '/api/v1/workspaces/hafen/contests';

function renderPage() {
  return renderWithProviders(
    <MemoryRouter initialEntries={['/w/hafen/contests']}>
      <Routes>
        <Route
          path="/w/hafen/contests"
          element={
            <ContestsPage workspace={workspace} contestHref={(id) => `/w/hafen/contests/${id}`} />
          }
        />
        <Route path="/w/hafen/contests/:id" element={<p>contest page</p>} />
      </Routes>
    </MemoryRouter>,
    { locale: 'en' },
  );
}

describe('creating a contest', () => {
  it('marks what is missing without sending, then sends the period with the zone’s offset', async () => {
    const calls = routedFetch([
      { method: 'GET', path: list, body: { items: [] } },
      {
        method: 'POST',
        path: list,
        answer: (call) => ({ status: 201, body: { ...contest(), ...(call.body as object) } }),
      },
    ]);
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'New contest' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create contest' }));
    expect(screen.getByText('Give the contest a title (up to 200 characters).')).toBeTruthy();
    expect(screen.getByText('Enter the start date and time.')).toBeTruthy();
    expect(screen.getByText('Link at least one contest post, or untick this way.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Adventsgewinnspiel' } });
    fireEvent.change(screen.getByLabelText('Prize 1'), { target: { value: 'Jahresabo' } });
    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '01/12/2031' } });
    fireEvent.change(screen.getByLabelText('Start time'), { target: { value: '09:00' } });
    fireEvent.change(screen.getByLabelText('End date'), { target: { value: '24/12/2031' } });
    // Comments need a linked post; a CSV-only contest needs none.
    fireEvent.click(screen.getByLabelText('Comments or replies on the contest posts'));
    fireEvent.click(screen.getByLabelText('CSV upload of entries from elsewhere'));
    fireEvent.change(screen.getByLabelText('Organiser'), {
      target: { value: 'Stadtwerke Hafen GmbH' },
    });
    fireEvent.change(screen.getByLabelText('Address'), { target: { value: 'Hafenstraße 1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create contest' }));

    expect(await screen.findByText('contest page')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({
      title: 'Adventsgewinnspiel',
      prizes: [{ name: 'Jahresabo', quantity: 1, value: null }],
      entriesFrom: '2031-12-01T09:00:00+01:00',
      entriesUntil: '2031-12-24T23:59:00+01:00',
      entryMethods: ['csv'],
      postIds: [],
      eligibility: { minimumAge: 18, countries: ['DE', 'AT', 'CH'] },
    });
  });

  it('lists the contests with their period in the workspace zone and where they stand', async () => {
    routedFetch([
      {
        method: 'GET',
        path: list,
        body: {
          items: [
            contest(),
            contest({
              id: '00000000-0000-4000-8000-0000000000c2',
              title: 'Osterquiz',
              status: 'drawn',
            }),
          ],
        },
      },
    ]);
    renderPage();
    const row = (await screen.findByRole('link', { name: 'Adventsgewinnspiel' })).closest('tr')!;
    expect(row.textContent).toContain('01/12/2031, 09:00 to 24/12/2031, 23:59');
    expect(row.textContent).toContain('Entry period over');
    expect(screen.getByRole('link', { name: 'Osterquiz' }).closest('tr')!.textContent).toContain(
      'Drawn',
    );
  });
});
