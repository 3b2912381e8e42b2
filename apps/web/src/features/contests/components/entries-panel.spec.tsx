/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { describe, expect, it } from '@jest/globals';
import type { EntryCsvReport } from '@postplan/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import { contest, CONTEST_ID, entrants, entries, workspace } from '../testing/contest-fixtures';
import { EntriesPanel } from './entries-panel';

const base = `/api/v1/workspaces/hafen/contests/${CONTEST_ID}`;
const counts = { entries: 5, entrants: 4, eligible: 2, excluded: 2 };

function fakeEntriesApi(csv: (dryRun: boolean) => { status: number; body: unknown }) {
  return routedFetch([
    { method: 'GET', path: `${base}/entries`, body: { items: entries } },
    { method: 'GET', path: `${base}/entrants`, body: { items: entrants, counts } },
    {
      method: 'POST',
      path: `${base}/entries/collect`,
      body: {
        added: 2,
        seen: 5,
        sources: [
          {
            postId: '00000000-0000-4000-8000-0000000000b1',
            channelId: '00000000-0000-4000-8000-0000000000b2',
            platform: 'sandbox',
            outcome: 'collected',
            added: 2,
            message: null,
          },
        ],
      },
    },
    {
      method: 'POST',
      path: `${base}/entries/csv`,
      answer: (call) => csv(call.url.includes('dryRun=true')),
    },
  ]);
}

const rowOf = (handleText: string, index = 0) =>
  screen.getAllByRole('row').filter((r) => within(r).queryByText(handleText))[index]!;

describe('the entries table', () => {
  it('shows each entry with platform, handle, text and what became of it', async () => {
    fakeEntriesApi(() => ({ status: 500, body: {} }));
    renderWithProviders(<EntriesPanel workspace={workspace} contest={contest()} />, {
      locale: 'en',
    });
    await screen.findByTestId('entries-table');
    expect(screen.getByTestId('entries-summary').textContent).toBe(
      '5 entries from 4 people: 2 eligible, 2 excluded.',
    );

    const first = rowOf('@mara', 0);
    expect(within(first).getByText('Sandbox')).toBeTruthy();
    expect(within(first).getByText('Ich will gewinnen 001')).toBeTruthy();
    expect(within(first).getByText('Eligible')).toBeTruthy();
    expect(within(first).getByText('02/12/2031, 11:00')).toBeTruthy();

    const duplicate = rowOf('@mara', 1);
    expect(within(duplicate).getByText('Merged')).toBeTruthy();
    expect(within(duplicate).getByText(/2 entries in all/)).toBeTruthy();

    // The person's exclusion (staff) and the entry's own (too late) both say rule and reason.
    expect(within(rowOf('@hafen_team')).getByText('Staff: Member of the workspace')).toBeTruthy();
    expect(
      within(rowOf('@spaet')).getByText('Outside the entry period: After the entry period'),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'excluded' } });
    expect(screen.queryByText('@mara')).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Search handle or text'), { target: { value: 'jon' } });
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('collects entries from the contest posts and says what came in', async () => {
    const calls = fakeEntriesApi(() => ({ status: 500, body: {} }));
    renderWithProviders(<EntriesPanel workspace={workspace} contest={contest()} />, {
      locale: 'de',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Teilnahmen jetzt einsammeln' }));
    expect(await screen.findByText('2 neue Teilnahmen (5 gesehen).')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.url === `${base}/entries/collect`)).toBe(
      true,
    );
  });

  it('checks a CSV file first, lists the line errors and offers no import until they are fixed', async () => {
    const bad: EntryCsvReport = {
      dryRun: true,
      ok: false,
      encoding: 'windows-1252',
      rows: 3,
      imported: 0,
      issues: [
        { line: 3, column: 'handle', code: 'HANDLE_MISSING', severity: 'error', message: 'x' },
        { line: 4, column: 'age', code: 'INVALID_AGE', severity: 'error', message: 'x' },
      ],
    };
    const good: EntryCsvReport = { ...bad, ok: true, issues: [], encoding: 'utf-8' };
    let file = 'bad';
    const calls = fakeEntriesApi((dryRun) =>
      dryRun
        ? { status: 200, body: file === 'bad' ? bad : good }
        : { status: 200, body: { ...good, dryRun: false, imported: 3 } },
    );
    renderWithProviders(<EntriesPanel workspace={workspace} contest={contest()} />, {
      locale: 'en',
    });
    const input = await screen.findByLabelText('CSV file');
    fireEvent.change(input, {
      target: { files: [new File(['handle;age\n'], 'entries.csv', { type: 'text/csv' })] },
    });
    const report = await screen.findByTestId('csv-report');
    expect(within(report).getByText('Line 3, column handle: the handle is missing')).toBeTruthy();
    expect(within(report).getByText('Line 4, column age: not an age or birth date')).toBeTruthy();
    expect(within(report).getByText(/windows-1252/)).toBeTruthy();
    expect(
      within(report).getByRole<HTMLButtonElement>('button', { name: 'Import 3 rows' }).disabled,
    ).toBe(true);

    file = 'good';
    fireEvent.change(input, {
      target: { files: [new File(['handle\n@a\n@b\n@c\n'], 'fixed.csv', { type: 'text/csv' })] },
    });
    await waitFor(() => expect(screen.getByText(/No errors/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Import 3 rows' }));
    expect(await screen.findByText('3 rows imported.')).toBeTruthy();
    const csvCalls = calls.filter((c) => c.url.startsWith(`${base}/entries/csv`));
    expect(csvCalls.map((c) => c.url.split('?')[1])).toEqual([
      'dryRun=true',
      'dryRun=true',
      'dryRun=false',
    ]);
    expect(csvCalls[2]!.headers['Content-Type']).toBe('text/csv');
  });
});

describe('excluding a person by hand', () => {
  it('needs a reason, then sends it and shows the person excluded', async () => {
    let excluded = false;
    const calls = routedFetch([
      {
        method: 'GET',
        path: `${base}/entries`,
        body: { items: entries },
      },
      {
        method: 'GET',
        path: `${base}/entrants`,
        answer: () => ({
          status: 200,
          body: {
            counts,
            items: entrants.map((e) =>
              excluded && e.id === 'E-bbbbbbbbbbbbbbbb'
                ? {
                    ...e,
                    eligible: false,
                    exclusions: [
                      {
                        rule: 'manual',
                        reason: 'Gewinnt schon beim Partner',
                        reasons: {
                          de: 'Gewinnt schon beim Partner',
                          en: 'Gewinnt schon beim Partner',
                        },
                        entryId: null,
                        by: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Ben' },
                      },
                    ],
                  }
                : e,
            ),
          },
        }),
      },
      {
        method: 'POST',
        path: `${base}/entrants/E-bbbbbbbbbbbbbbbb/exclude`,
        answer: () => ((excluded = true), { status: 200, body: entrants[1] }),
      },
    ]);
    renderWithProviders(<EntriesPanel workspace={workspace} contest={contest()} />, {
      locale: 'en',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Exclude @jonas' }));
    fireEvent.click(screen.getByRole('button', { name: 'Exclude' }));
    expect(screen.getByText('The reason needs at least 3 characters.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Why is @jonas excluded?'), {
      target: { value: 'Gewinnt schon beim Partner' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Exclude' }));
    expect(
      await screen.findByText('Excluded by hand: Gewinnt schon beim Partner (Ben)'),
    ).toBeTruthy();
    expect(calls.find((c) => c.url.endsWith('/exclude'))?.body).toEqual({
      reason: 'Gewinnt schon beim Partner',
    });
    expect(within(rowOf('@jonas')).getByRole('button', { name: 'Include again' })).toBeTruthy();
  });
});
