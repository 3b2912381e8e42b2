/**
 * The caller's signal plus a time limit, released as soon as the call is over (a timer per call
 * that lived on for its whole timeout would pile up under a burst).
 */
export function deadline(
  outer: AbortSignal,
  ms: number,
): { signal: AbortSignal; done: () => void } {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(outer.reason);
  if (outer.aborted) ctrl.abort(outer.reason);
  else outer.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () => ctrl.abort(new DOMException('The call took too long', 'TimeoutError')),
    ms,
  );
  return {
    signal: ctrl.signal,
    done: () => {
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
    },
  };
}
