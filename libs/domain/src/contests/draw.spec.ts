import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  DRAW_ALGORITHM,
  Sha256CounterStream,
  drawOrder,
  drawSeed,
  runDraw,
  secretHash,
  sortTickets,
  ticketListHash,
} from './draw';
import { decideEligibility, ticketsFor } from './eligibility';

const hex = (s: string): string => createHash('sha256').update(s).digest('hex');
const secretOf = (i: number): string => hex(`secret-${i}`);

describe('fisher-yates-sha256-v1', () => {
  it('commits to the sorted list, whatever order the tickets came in', () => {
    const sorted = ['E-02', 'E-10', 'E-1a'];
    expect(ticketListHash(sortTickets(['E-1a', 'E-02', 'E-10']))).toBe(hex('E-02\nE-10\nE-1a'));
    expect(ticketListHash(sorted)).not.toBe(ticketListHash(['E-10', 'E-02', 'E-1a']));
  });

  it('derives the seed exactly as docs/contests.md spells it', () => {
    const listHash = hex('E-01\nE-02');
    const secret = secretOf(1);
    expect(drawSeed({ listHash, secret, publicValue: '  Lotto 4 8 15  ' })).toBe(
      hex(`${DRAW_ALGORITHM}\n${listHash}\n${secret}\nLotto 4 8 15`),
    );
    expect(secretHash(secret)).toBe(
      createHash('sha256').update(Buffer.from(secret, 'hex')).digest('hex'),
    );
  });

  it('reads its words from SHA-256 in counter mode', () => {
    const seed = secretOf(2);
    const block0 = createHash('sha256')
      .update(Buffer.concat([Buffer.from(seed, 'hex'), Buffer.from([0, 0, 0, 0])]))
      .digest();
    const block1 = createHash('sha256')
      .update(Buffer.concat([Buffer.from(seed, 'hex'), Buffer.from([0, 0, 0, 1])]))
      .digest();
    const stream = new Sha256CounterStream(seed);
    const words = Array.from({ length: 9 }, () => stream.nextWord());
    expect(words.slice(0, 8)).toEqual(
      Array.from({ length: 8 }, (_, i) => block0.readUInt32BE(i * 4)),
    );
    expect(words[8]).toBe(block1.readUInt32BE(0));
  });

  it('gives the same winners for the same inputs, in whatever order the list arrives', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^E-[0-9a-f]{16}$/), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.string({ minLength: 4, maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (tickets, s, publicValue, winners, alternates) => {
          const input = { tickets, secret: secretOf(s), publicValue, winners, alternates };
          const a = runDraw(input);
          const b = runDraw({ ...input, tickets: [...tickets].reverse() });
          expect(b).toEqual(a);
          expect(a.order).toHaveLength(Math.min(tickets.length, winners + alternates));
          expect(new Set(a.order).size).toBe(a.order.length);
          for (const id of a.order) expect(tickets).toContain(id);
        },
      ),
    );
  });

  it('places every eligible entry first equally often over many seeds (chi-squared)', () => {
    const tickets = sortTickets(['E-a', 'E-b', 'E-c', 'E-d', 'E-e', 'E-f', 'E-g']);
    const trials = 14_000;
    const counts = new Map(tickets.map((t) => [t, 0]));
    for (let i = 0; i < trials; i++) {
      const [first] = drawOrder(tickets, secretOf(i), 1);
      counts.set(first as string, (counts.get(first as string) ?? 0) + 1);
    }
    const expected = trials / tickets.length;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 6 degrees of freedom: P(chi2 > 22.46) = 0.001. A biased draw lands far above.
    expect(chi2).toBeLessThan(22.46);
    for (const c of counts.values()) expect(c).toBeGreaterThan(0);
  });

  it('produces every full order of four equally often (chi-squared over 24 permutations)', () => {
    const tickets = ['E-1', 'E-2', 'E-3', 'E-4'];
    const trials = 24_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < trials; i++) {
      const key = drawOrder(tickets, secretOf(100_000 + i), 4).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const expected = trials / 24;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 23 degrees of freedom: P(chi2 > 49.73) = 0.001.
    expect(chi2).toBeLessThan(49.73);
  });

  it('rejects words at or above the limit instead of folding them (no modulo bias)', () => {
    // n = 2^31 + 1: limit = 2^31 + 1, so about half of all words are skipped.
    const n = 2 ** 31 + 1;
    let i = 0;
    let words: number[] = [];
    for (; ; i++) {
      const probe = new Sha256CounterStream(secretOf(i));
      words = [probe.nextWord(), probe.nextWord()];
      if ((words[0] as number) >= n && (words[1] as number) < n) break;
    }
    expect(new Sha256CounterStream(secretOf(i)).below(n)).toBe(words[1]);
  });

  it('never lets an excluded entrant win, however the seed falls', () => {
    const from = new Date('2026-12-01T00:00:00Z');
    const until = new Date('2026-12-24T00:00:00Z');
    const entry = (
      id: string,
      handle: string,
      text = 'Ich will gewinnen',
    ): Parameters<typeof decideEligibility>[1][number] => ({
      id,
      personKey: `sandbox:${handle}`,
      source: 'comment',
      text,
      enteredAt: new Date('2026-12-05T10:00:00Z'),
      email: null,
      age: null,
      country: null,
      handle,
    });
    const decided = decideEligibility(
      {
        entriesFrom: from,
        entriesUntil: until,
        minimumAge: null,
        countries: [],
        onePerPerson: true,
        excludeStaff: true,
        requiredMentions: 0,
        keyword: null,
      },
      [entry('1', 'anna'), entry('2', 'staffer'), entry('3', 'bert'), entry('4', 'carla')],
      { staff: new Set(['staffer']), previousWinners: new Set(), manual: new Map() },
    );
    const tickets = ticketsFor(
      decided.people.map((p) => ({
        pseudonym: `E-${p.personKey.split(':')[1]}`,
        tickets: p.tickets,
      })),
      true,
    );
    expect(tickets).not.toContain('E-staffer');
    for (let i = 0; i < 500; i++) {
      const out = runDraw({
        tickets,
        secret: secretOf(i),
        publicValue: `v${i}`,
        winners: 2,
        alternates: 1,
      });
      expect(out.order).not.toContain('E-staffer');
      expect(out.order).toHaveLength(3);
    }
  });

  it('with several entries per person, still places each person once', () => {
    const tickets = ticketsFor(
      [
        { pseudonym: 'E-a', tickets: 5 },
        { pseudonym: 'E-b', tickets: 1 },
      ],
      false,
    );
    expect(tickets).toHaveLength(6);
    for (let i = 0; i < 50; i++) {
      expect([...drawOrder(sortTickets(tickets), secretOf(i), 2)].sort()).toEqual(['E-a', 'E-b']);
    }
  });
});
