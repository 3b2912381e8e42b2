import type { Channel, Publication, WorkspaceMembership } from '@postplan/contracts';
import type { FakeCall } from '../../../testing/render-with-providers';

export const SANDBOX = '00000000-0000-4000-8000-0000000000c1';
export const INSTA = '00000000-0000-4000-8000-0000000000c2';
export const POST_ID = '00000000-0000-4000-8000-0000000000a1';

export const channels: Channel[] = [
  { id: SANDBOX, name: 'Sandbox', platform: 'sandbox', color: '#0ea5e9', createdAt: '' },
  { id: INSTA, name: 'Instagram', platform: 'instagram', color: '#db2777', createdAt: '' },
];

export const workspace = (role: WorkspaceMembership['role']): WorkspaceMembership => ({
  id: '00000000-0000-4000-8000-0000000000ff',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role,
});

let next = 1;
export function publication(over: Partial<Publication> = {}): Publication {
  const id = `00000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;
  return {
    id,
    postId: POST_ID,
    channelId: SANDBOX,
    platform: 'sandbox',
    status: 'pending',
    dueAt: '2026-11-21T09:00:00.000Z',
    attempts: 0,
    nextAttemptAt: '2026-11-21T09:00:00.000Z',
    platformPostId: null,
    url: null,
    lastError: null,
    publishedAt: null,
    updatedAt: '2026-11-21T08:00:00.000Z',
    ...over,
  };
}

type Route = {
  method: string;
  path: RegExp;
  status?: number;
  body?: unknown;
  /** Answers in turn, the last one repeated: a status that changes between two reads. */
  bodies?: unknown[];
};

/** A fetch double that answers by method and path, and records every call. */
export function routedFetch(routes: Route[]): FakeCall[] {
  const calls: FakeCall[] = [];
  const hits = new Map<Route, number>();
  globalThis.fetch = ((input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({
      url: input,
      method,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const route = routes.find((r) => r.method === method && r.path.test(input));
    const count = route ? (hits.get(route) ?? 0) : 0;
    if (route) hits.set(route, count + 1);
    const status = route ? (route.status ?? 200) : 500;
    const body = route
      ? route.bodies
        ? route.bodies[Math.min(count, route.bodies.length - 1)]
        : route.body
      : { error: { code: 'INTERNAL_ERROR', message: `no route for ${method} ${input}` } };
    return Promise.resolve({
      ok: status >= 200 && status < 300,
      status,
      text: () => Promise.resolve(body === undefined ? '' : JSON.stringify(body)),
    } as Response);
  }) as typeof globalThis.fetch;
  return calls;
}
