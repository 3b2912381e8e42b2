import { describe, expect, it } from '@jest/globals';
import { runDraw } from '@postplan/domain';
import { recomputeDraw, type PublishedDraw } from './verify-draw';

const SECRET = '9f'.repeat(16) + '0a1b2c3d'.repeat(4);

function published(tickets: string[], publicValue: string, winners: number, alternates: number) {
  const outcome = runDraw({ tickets, secret: SECRET, publicValue, winners, alternates });
  const draw: PublishedDraw = {
    algorithm: outcome.algorithm,
    eligible: [...tickets].sort(),
    listHash: outcome.listHash,
    secretHash: outcome.secretHash,
    secret: SECRET,
    publicValue,
    seed: outcome.seed,
    order: outcome.order,
  };
  return draw;
}

const people = Array.from(
  { length: 40 },
  (_, i) => `E-${(i * 7919).toString(16).padStart(16, '0')}`,
);

describe('recomputeDraw (WebCrypto, in the browser)', () => {
  it('agrees with the server’s draw for many inputs, tickets of one person included', async () => {
    for (const [value, winners, alternates] of [
      ['Lotto 3 17 22 31 40 45', 3, 2],
      ['  Zahl vom Livestream  ', 1, 0],
      ['Café', 5, 5],
    ] as const) {
      const tickets = [...people, `${people[0]}/2`, `${people[3]}/2`];
      const draw = published(tickets, value, winners, alternates);
      const check = await recomputeDraw(draw);
      expect(check).toMatchObject({ confirmed: true, order: draw.order, seed: draw.seed });
      expect(new Set(check.order).size).toBe(check.order.length);
    }
  });

  it('notices a changed public value, a ticket left out, a wrong secret and a swapped order', async () => {
    const draw = published(people, '4711', 2, 1);
    expect((await recomputeDraw({ ...draw, publicValue: '4712' })).seedMatches).toBe(false);

    const missing = await recomputeDraw({ ...draw, eligible: draw.eligible.slice(1) });
    expect(missing.listHashMatches).toBe(false);
    expect(missing.confirmed).toBe(false);

    const secret = await recomputeDraw({ ...draw, secret: '00'.repeat(32) });
    expect(secret).toMatchObject({ secretHashMatches: false, confirmed: false });

    const swapped = await recomputeDraw({
      ...draw,
      order: [draw.order[1]!, draw.order[0]!, draw.order[2]!],
    });
    expect(swapped).toMatchObject({ seedMatches: true, orderMatches: false, confirmed: false });
  });

  it('confirms nothing for an algorithm it does not know', async () => {
    const draw = published(people, '4711', 2, 1);
    expect((await recomputeDraw({ ...draw, algorithm: 'fisher-yates-sha256-v2' })).confirmed).toBe(
      false,
    );
  });
});
