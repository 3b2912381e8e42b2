/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Verification } from '@postplan/contracts';
import { runDraw } from '@postplan/domain';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import { VerificationPage } from './verification-page';

const TOKEN = 'tok_abc';
const tickets = [
  'E-00000000000000a1',
  'E-00000000000000b2',
  'E-00000000000000c3',
  'E-00000000000000d4',
];
const secret = 'ab'.repeat(32);
const outcome = runDraw({
  tickets,
  secret,
  publicValue: 'Lotto 4 8 15',
  winners: 1,
  alternates: 1,
});
const drawn = (id: string, rank: number, prize: string | null) => ({
  rank,
  entrantId: id,
  maskedHandle: `@${id.slice(-2)}…`,
  platform: 'sandbox' as const,
  prize,
});

const verification: Verification = {
  contest: {
    title: 'Adventsgewinnspiel',
    organiser: 'Stadtwerke Hafen GmbH',
    entriesFrom: '2031-12-01T09:00:00+01:00',
    entriesUntil: '2031-12-24T23:59:00+01:00',
    timeZone: 'Europe/Berlin',
    rulesUrl: `/c/${TOKEN}/rules`,
  },
  status: 'drawn',
  commitment: {
    committedAt: '2031-12-25T09:00:00Z',
    algorithm: 'fisher-yates-sha256-v1',
    rulesVersion: 2,
    rulesHash: 'c'.repeat(64),
    eligibleCount: 4,
    entrantCount: 5,
    excludedCount: 1,
    entryCount: 6,
    listHash: outcome.listHash,
    secretHash: outcome.secretHash,
  },
  eligible: [...tickets].sort(),
  draw: {
    drawnAt: '2031-12-25T10:00:00Z',
    algorithm: 'fisher-yates-sha256-v1',
    secret,
    publicValue: 'Lotto 4 8 15',
    publicValueBy: 'Notarin Weber',
    seed: outcome.seed,
    order: outcome.order,
    winners: [drawn(outcome.winners[0]!, 1, 'Jahresabo')],
    alternates: [drawn(outcome.alternates[0]!, 2, null)],
    currentWinners: [drawn(outcome.winners[0]!, 1, 'Jahresabo')],
    replacements: [],
  },
  recomputed: {
    listHashMatches: true,
    secretHashMatches: true,
    seed: outcome.seed,
    seedMatches: true,
    order: outcome.order,
    orderMatches: true,
  },
  certificateUrl: null,
  certificatePdfUrl: null,
};

beforeAll(() => {
  // jsdom brings no WebCrypto; the browser's is the platform's, as Node's is.
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });
});

function renderWith(body: Verification) {
  routedFetch([{ method: 'GET', path: `/api/v1/public/contests/${TOKEN}/verification`, body }]);
  renderWithProviders(
    <MemoryRouter>
      <VerificationPage token={TOKEN} />
    </MemoryRouter>,
    { locale: 'de' },
  );
}

describe('the public verification page', () => {
  it('confirms the result when the server and the browser both recompute the published draw', async () => {
    renderWith(verification);
    expect(await screen.findByText('Ergebnis bestätigt')).toBeTruthy();
    expect(screen.getAllByText('stimmt')).toHaveLength(8);
    expect(screen.getByText(outcome.listHash)).toBeTruthy();
  });

  it('does not confirm a result whose published order the inputs do not give', async () => {
    const order = [...outcome.order].reverse();
    renderWith({
      ...verification,
      draw: { ...verification.draw!, order },
      // A server that says all is well is not believed on its word.
      recomputed: { ...verification.recomputed!, order },
    });
    expect(
      await screen.findByText('Ergebnis nicht bestätigt: Sehen Sie sich die Prüfungen unten an.'),
    ).toBeTruthy();
    expect(screen.getAllByText('weicht ab')).toHaveLength(1);
  });

  it('says plainly when there is no such contest', async () => {
    routedFetch([
      {
        method: 'GET',
        path: `/api/v1/public/contests/${TOKEN}/verification`,
        status: 404,
        body: { error: { code: 'CONTEST_NOT_FOUND', message: 'none' } },
      },
    ]);
    renderWithProviders(
      <MemoryRouter>
        <VerificationPage token={TOKEN} />
      </MemoryRouter>,
      { locale: 'de' },
    );
    expect(await screen.findByRole('heading', { name: 'Gewinnspiel nicht gefunden' })).toBeTruthy();
  });
});
