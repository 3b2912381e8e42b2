import type { FakeCall } from '../../../testing/render-with-providers';

type Route = { method: string; path: RegExp; status?: number; body?: unknown };

/** A fetch double that answers by method and path, and records every call. */
export function routedFetch(routes: Route[]): FakeCall[] {
  const calls: FakeCall[] = [];
  globalThis.fetch = ((input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({
      url: input,
      method,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const route = routes.find((r) => r.method === method && r.path.test(input));
    const status = route ? (route.status ?? 200) : 500;
    const body = route
      ? route.body
      : { error: { code: 'INTERNAL_ERROR', message: `no route for ${method} ${input}` } };
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      text: () => Promise.resolve(body === undefined ? '' : JSON.stringify(body)),
    } as Response);
  }) as typeof globalThis.fetch;
  return calls;
}
