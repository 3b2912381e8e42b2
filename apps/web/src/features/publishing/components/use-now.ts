import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `interval` ms (a countdown's tick). The interval may depend on
 * the time itself (tick every second only when something is close); null stops the clock.
 */
export function useNow(interval: number | null | ((now: number) => number | null)): number {
  const [now, setNow] = useState(() => Date.now());
  const ms = typeof interval === 'function' ? interval(now) : interval;
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
