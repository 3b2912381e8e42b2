import { type FailureCounts } from './login-attempts.repository';
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  DEVICE_LIMIT,
  PAIR_LIMIT,
  decideThrottle,
} from './login-throttle';

const now = new Date('2026-11-21T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function counts(
  pair: number,
  account: number,
  address: number,
  oldestMinutesAgo = 5,
  device = 0,
): FailureCounts {
  const oldest = minutesAgo(oldestMinutesAgo);
  return {
    pair,
    account,
    address,
    device,
    oldest: { pair: oldest, account: oldest, address: oldest, device: oldest },
  };
}

describe('decideThrottle', () => {
  it('lets attempts through below every limit', () => {
    expect(
      decideThrottle(counts(PAIR_LIMIT - 1, ACCOUNT_LIMIT - 1, ADDRESS_LIMIT - 1), now, false),
    ).toEqual({ allowed: true });
  });

  it('blocks a pair after repeated failures until the oldest failure leaves the 15-minute window', () => {
    expect(decideThrottle(counts(PAIR_LIMIT, PAIR_LIMIT, PAIR_LIMIT, 5), now, false)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
  });

  it('blocks an address that tries many accounts', () => {
    expect(decideThrottle(counts(0, 0, ADDRESS_LIMIT), now, false).allowed).toBe(false);
  });

  it('blocks a spread-out attack on one account for unknown browsers only', () => {
    const c = counts(0, ACCOUNT_LIMIT, 1);
    expect(decideThrottle(c, now, false).allowed).toBe(false);
    expect(decideThrottle(c, now, true)).toEqual({ allowed: true });
  });

  it("lets the owner's known browser through every limit an attacker from the same address reached", () => {
    const attacked = counts(PAIR_LIMIT * 4, ACCOUNT_LIMIT * 2, ADDRESS_LIMIT * 2);
    expect(decideThrottle(attacked, now, false).allowed).toBe(false);
    expect(decideThrottle(attacked, now, true)).toEqual({ allowed: true });
  });

  it('keeps a limit of its own for a known browser', () => {
    expect(decideThrottle(counts(0, 0, 0, 5, DEVICE_LIMIT - 1), now, true).allowed).toBe(true);
    expect(decideThrottle(counts(0, 0, 0, 5, DEVICE_LIMIT), now, true)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
  });
});
