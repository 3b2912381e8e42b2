import { describe, expect, it } from '@jest/globals';
import { type Certificate } from '@postplan/contracts';
import { renderCertificate } from './certificate';
import { currentWinners } from './contest-draw.service';
import { type DrawRow } from './contests.repository';

const entrant = (rank: number, id: string, prize: string | null) => ({
  rank,
  entrantId: id,
  maskedHandle: '@an…na',
  platform: 'sandbox' as const,
  prize,
});

const cert = (over: Partial<Certificate> = {}): Certificate => ({
  contest: {
    title: 'Advent <Verlosung>',
    organiser: 'Kaffee GmbH',
    entriesFrom: '2026-12-01T10:00:00+01:00',
    entriesUntil: '2026-12-24T18:00:00+01:00',
    timeZone: 'Europe/Berlin',
    rulesUrl: 'https://plan.example/c/t/rules',
  },
  status: 'drawn',
  commitment: {
    committedAt: '2026-12-24T17:00:00.000Z',
    algorithm: 'fisher-yates-sha256-v1',
    rulesVersion: 3,
    rulesHash: 'r'.repeat(64),
    eligibleCount: 4,
    entrantCount: 6,
    excludedCount: 2,
    entryCount: 7,
    listHash: 'l'.repeat(64),
    secretHash: 'h'.repeat(64),
  },
  eligible: [],
  draw: {
    drawnAt: '2026-12-24T17:05:00.000Z',
    algorithm: 'fisher-yates-sha256-v1',
    secret: 's'.repeat(64),
    publicValue: 'DAX 18.123,45',
    publicValueBy: 'Notarin Schulz',
    seed: 'e'.repeat(64),
    order: ['E-1', 'E-2', 'E-3'],
    winners: [entrant(1, 'E-1', 'Maschine')],
    alternates: [entrant(2, 'E-2', null), entrant(3, 'E-3', null)],
    currentWinners: [entrant(2, 'E-2', 'Maschine')],
    replacements: [
      {
        at: '2027-01-05T10:00:00.000Z',
        replacedEntrantId: 'E-1',
        byEntrantId: 'E-2',
        reason: 'Keine Antwort',
      },
    ],
  },
  recomputed: {
    listHashMatches: true,
    secretHashMatches: true,
    seed: 'e'.repeat(64),
    seedMatches: true,
    order: ['E-1', 'E-2', 'E-3'],
    orderMatches: true,
  },
  certificateUrl: null,
  certificatePdfUrl: null,
  verificationUrl: 'https://plan.example/c/t/verify',
  generatedAt: '2027-01-06T08:00:00.000Z',
  ...over,
});

describe('the certificate', () => {
  it('shows every published input, UTC times and the replacement, escaping what people typed', () => {
    const html = renderCertificate(cert(), 'en');
    for (const v of [
      'l'.repeat(64),
      'h'.repeat(64),
      's'.repeat(64),
      'e'.repeat(64),
      'DAX 18.123,45',
      'Notarin Schulz',
      'version 3',
    ]) {
      expect(html).toContain(v);
    }
    expect(html).toContain('2026-12-24 17:05:00 UTC');
    expect(html).toContain('Keine Antwort');
    expect(html).toContain('Advent &lt;Verlosung&gt;');
    expect(html).not.toContain('<Verlosung>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('the result matches');
  });

  it('says so loudly when the recomputation does not match', () => {
    const bad = cert({ recomputed: { ...cert().recomputed!, orderMatches: false } });
    expect(renderCertificate(bad, 'de')).toContain('Nachrechnung stimmt NICHT überein');
  });
});

describe('currentWinners', () => {
  const draw = { draw_order: ['A', 'B', 'C', 'D', 'E'], winners_count: 2 } as DrawRow;
  const r = (replaced: string, by: string) => ({
    position: 0,
    replaced_pseudonym: replaced,
    by_pseudonym: by,
    reason: 'x',
    recorded_by: null,
    recorded_by_name: null,
    recorded_at: new Date(),
  });

  it('puts each alternate into the place of the winner it replaced, in order', () => {
    expect(currentWinners(draw, [])).toEqual(['A', 'B']);
    expect(currentWinners(draw, [r('B', 'C')])).toEqual(['A', 'C']);
    expect(currentWinners(draw, [r('B', 'C'), r('C', 'D'), r('A', 'E')])).toEqual(['E', 'D']);
  });
});
