import type { FakeCall } from './render-with-providers';

export type FakeAnswer = { status: number; body?: unknown };

/**
 * One endpoint of the fake API: a method and a path (a string matches the path without its
 * query exactly, a RegExp the whole URL), and what it answers: fixed (`status`, `body`) or
 * computed from the call (for fakes that keep state, like a list that grows on POST).
 */
export type FakeRoute = {
  method: string;
  path: string | RegExp;
  status?: number;
  body?: unknown;
  answer?: (call: FakeCall, match: RegExpExecArray | null) => FakeAnswer;
};

/**
 * Routes written as a table, `'METHOD /path'` to the answer, for specs whose API answers do
 * not change during the test: `routedFetch(routeTable({ 'GET /api/v1/me': { status: 200, body } }))`.
 */
export function routeTable(table: Record<string, FakeAnswer>): FakeRoute[] {
  return Object.entries(table).map(([key, answer]) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, path, status: answer.status, body: answer.body };
  });
}

const NO_ROUTE = (call: FakeCall): FakeAnswer => ({
  status: 500,
  body: { error: { code: 'INTERNAL_ERROR', message: `no route for ${call.method} ${call.url}` } },
});

/**
 * The web specs' one fetch double: answers by method and path from the routes, first match
 * wins, and records every call. Anything unrouted gets `fallback` (a 500 by default), so a
 * request a test did not expect shows up as an error, not as silence.
 */
export function routedFetch(
  routes: FakeRoute[],
  fallback: (call: FakeCall) => FakeAnswer = NO_ROUTE,
): FakeCall[] {
  const calls: FakeCall[] = [];
  globalThis.fetch = ((input: string, init?: RequestInit) => {
    const call: FakeCall = {
      url: input,
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
    };
    calls.push(call);
    const path = input.split('?')[0];
    let match: RegExpExecArray | null = null;
    const route = routes.find((r) => {
      if (r.method !== call.method) return false;
      if (typeof r.path === 'string') return r.path === path;
      match = r.path.exec(input);
      return match !== null;
    });
    const answer: FakeAnswer = route
      ? route.answer
        ? route.answer(call, match)
        : { status: route.status ?? 200, body: route.body }
      : fallback(call);
    return Promise.resolve({
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      text: () => Promise.resolve(answer.body === undefined ? '' : JSON.stringify(answer.body)),
    } as Response);
  }) as typeof globalThis.fetch;
  return calls;
}
