/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ContestDraw } from '@postplan/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import {
  committed,
  contest,
  CONTEST_ID,
  drawn,
  redrawn,
  workspace,
} from '../testing/contest-fixtures';
import { DrawPanel } from './draw-panel';

const base = `/api/v1/workspaces/hafen/contests/${CONTEST_ID}`;

/** A fake API that keeps the draw's state, as the server does. */
function fakeDrawApi(start: ContestDraw, options: { drawConflict?: boolean } = {}) {
  let state = start;
  const calls = routedFetch([
    { method: 'GET', path: `${base}/draw`, answer: () => ({ status: 200, body: state }) },
    {
      method: 'POST',
      path: `${base}/commit`,
      answer: () => ((state = committed), { status: 200, body: state }),
    },
    {
      method: 'POST',
      path: `${base}/draw`,
      answer: () => {
        if (options.drawConflict || state.result) {
          state = drawn;
          return {
            status: 409,
            body: { error: { code: 'CONTEST_ALREADY_DRAWN', message: 'already drawn' } },
          };
        }
        state = drawn;
        return { status: 200, body: state };
      },
    },
    {
      method: 'POST',
      path: `${base}/redraw`,
      answer: () => ((state = redrawn), { status: 200, body: state }),
    },
    { method: 'GET', path: `${base}/notifications`, body: { items: [] } },
  ]);
  return calls;
}

beforeEach(() => {
  window.confirm = () => true;
});

describe('the draw, step by step', () => {
  it('freezes the entries, shows the commitment’s SHA-256, draws once and offers no second draw', async () => {
    const calls = fakeDrawApi({ commitment: null, result: null });
    renderWithProviders(<DrawPanel workspace={workspace} contest={contest()} />, { locale: 'en' });

    // Before the commitment there is nothing to draw.
    await screen.findByRole('button', { name: 'Freeze entries and publish the commitment' });
    expect(screen.queryByRole('button', { name: 'Draw now' })).toBeNull();

    fireEvent.click(
      screen.getByRole('button', { name: 'Freeze entries and publish the commitment' }),
    );
    expect(await screen.findByTestId('list-hash')).toHaveProperty('textContent', '4f'.repeat(32));
    expect(calls.find((c) => c.url === `${base}/commit`)).toMatchObject({
      method: 'POST',
      body: { version: 3 },
    });

    // The public value is required before anything is sent.
    fireEvent.click(screen.getByRole('button', { name: 'Draw now' }));
    expect(screen.getByText('Enter a value of at least 4 characters.')).toBeTruthy();
    expect(screen.getByText('Say who supplied the value.')).toBeTruthy();
    expect(calls.filter((c) => c.url === `${base}/draw` && c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Public value'), { target: { value: 'Lotto 7 12 19' } });
    fireEvent.change(screen.getByLabelText('Supplied by'), { target: { value: 'Notarin Weber' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draw now' }));

    const winners = await screen.findByTestId('current-winners');
    expect(within(winners).getByText('@ma…ra (Sandbox)')).toBeTruthy();
    expect(within(screen.getByTestId('alternates')).getByText('@jo…as (Sandbox)')).toBeTruthy();
    expect(calls.find((c) => c.url === `${base}/draw` && c.method === 'POST')?.body).toEqual({
      publicValue: 'Lotto 7 12 19',
      publicValueBy: 'Notarin Weber',
    });
    // Drawn: no way to draw again, only to replace a winner.
    expect(screen.queryByRole('button', { name: 'Draw now' })).toBeNull();
    expect(screen.getByText(/There is no second draw/)).toBeTruthy();
  });

  it('shows the API’s refusal when someone else drew meanwhile, then the result as it is', async () => {
    fakeDrawApi(committed, { drawConflict: true });
    renderWithProviders(
      <DrawPanel workspace={workspace} contest={contest({ status: 'committed' })} />,
      {
        locale: 'de',
      },
    );
    fireEvent.change(await screen.findByLabelText('Öffentlicher Wert'), {
      target: { value: 'Lotto 1 2 3' },
    });
    fireEvent.change(screen.getByLabelText('Genannt von'), { target: { value: 'Kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Jetzt auslosen' }));
    expect(
      await screen.findByText(
        'Dieses Gewinnspiel ist schon ausgelost. Eine zweite Auslosung gibt es nicht; ersetze einen Gewinner durch einen Nachrücker.',
      ),
    ).toBeTruthy();
    expect(await screen.findByTestId('current-winners')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Jetzt auslosen' })).toBeNull();
  });

  it('replaces a winner only with a reason and keeps the original result in view', async () => {
    const calls = fakeDrawApi(drawn);
    renderWithProviders(
      <DrawPanel workspace={workspace} contest={contest({ status: 'drawn' })} />,
      {
        locale: 'en',
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Replace @ma…ra…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move the next alternate up' }));
    expect(screen.getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    expect(calls.some((c) => c.url === `${base}/redraw`)).toBe(false);

    fireEvent.change(screen.getByLabelText('Why is @ma…ra replaced?'), {
      target: { value: 'Keine Antwort binnen 7 Tagen' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Move the next alternate up' }));
    await waitFor(() =>
      expect(
        within(screen.getByTestId('current-winners')).getByText('@jo…as (Sandbox)'),
      ).toBeTruthy(),
    );
    expect(calls.find((c) => c.url === `${base}/redraw`)?.body).toEqual({
      entrantId: 'E-aaaaaaaaaaaaaaaa',
      reason: 'Keine Antwort binnen 7 Tagen',
    });
    const original = screen.getByTestId('original-winners');
    expect(within(original).getByText('@ma…ra (Sandbox) · Jahresabo').className).toBe(
      'contest-winners__replaced',
    );
    expect(
      within(screen.getByTestId('replacements')).getByText(/Keine Antwort binnen 7 Tagen/),
    ).toBeTruthy();
  });

  it('offers viewers the result but none of the decisions', async () => {
    fakeDrawApi(committed);
    renderWithProviders(
      <DrawPanel
        workspace={{ ...workspace, role: 'viewer' }}
        contest={contest({ status: 'committed' })}
      />,
      { locale: 'en' },
    );
    expect(await screen.findByTestId('list-hash')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Draw now' })).toBeNull();
  });
});
