import { retryDelayMs } from './publishing.engine';

describe('the wait after a retryable error', () => {
  it('is what the platform asked for, plus at most a tenth', () => {
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(30_000);
    expect(retryDelayMs(5, 30_000, () => 0.999)).toBeLessThanOrEqual(33_000);
  });

  it('otherwise grows from 10 s, with jitter, and never beyond 15 minutes', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, undefined, mid))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    expect(retryDelayMs(1, undefined, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(12_000);
    expect(retryDelayMs(30, undefined, () => 1)).toBe(15 * 60_000);
  });
});
