import { test, expect, type APIRequestContext, type Page } from '@playwright/test';

export const OWNER = {
  name: 'Olga Owner',
  email: 'olga@example.com',
  password: 'correct-horse-battery',
  workspaceName: 'Stadtwerke Social',
};

export const VIEWER = {
  name: 'Viktor Viewer',
  email: 'viktor@example.com',
  password: 'viewer-password-1',
};

export function appUrl(): string {
  const url = process.env.POSTPLAN_E2E_URL;
  if (!url)
    throw new Error('POSTPLAN_E2E_URL is unset: run the journeys through e2e/playwright.config.ts');
  return url;
}

export { test, expect };

export async function csrfToken(request: APIRequestContext): Promise<string> {
  const state = await request.storageState();
  const cookie = state.cookies.find((c) => c.name === 'postplan_csrf');
  if (!cookie) throw new Error('No postplan_csrf cookie: log in first');
  return cookie.value;
}

type Me = { user: { id: string }; workspaces: { slug: string; role: string }[] };

/**
 * Makes sure the first owner exists (through the API when the setup journey has not run) and
 * logs the request context in as that owner.
 */
export async function loginOwnerApi(request: APIRequestContext): Promise<Me> {
  const setup = await request.get('/api/v1/setup');
  const { needed } = (await setup.json()) as { needed: boolean };
  if (needed) {
    const created = await request.post('/api/v1/setup', {
      data: { ...OWNER, timeZone: 'Europe/Berlin', locale: 'de' },
    });
    expect(created.status(), await created.text()).toBeLessThan(300);
    return (await created.json()) as Me;
  }
  const login = await request.post('/api/v1/auth/login', {
    data: { email: OWNER.email, password: OWNER.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  return (await login.json()) as Me;
}

export async function apiPost(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(path, {
    data,
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

/** A channel to target, created once per name. */
export async function ensureChannel(
  request: APIRequestContext,
  slug: string,
  name: string,
  color: string,
) {
  const list = await request.get(`/api/v1/workspaces/${slug}/channels`);
  const { items } = (await list.json()) as { items: { id: string; name: string }[] };
  const existing = items.find((c) => c.name === name);
  if (existing) return existing;
  return (await apiPost(request, `/api/v1/workspaces/${slug}/channels`, {
    name,
    platform: 'instagram',
    color,
  })) as {
    id: string;
    name: string;
  };
}

/** Logs out and waits for the login page's full load, which would otherwise cut the next navigation short. */
export async function logOutInBrowser(page: Page) {
  await Promise.all([
    page.waitForURL(/\/login$/, { waitUntil: 'load' }),
    page.getByRole('button', { name: 'Log out' }).click(),
  ]);
}

export async function loginInBrowser(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/calendar/);
}

/** The calendar's day cell for a date in month view. */
export function dayCell(page: Page, date: string) {
  return page.getByTestId('calendar').locator(`[data-date="${date}"]`).first();
}

/** Whether the element's centre lies inside the day cell: what a person sees as "on that day". */
export async function isInside(
  page: Page,
  inner: ReturnType<Page['locator']>,
  outer: ReturnType<Page['locator']>,
) {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  const cx = a.x + a.width / 2;
  const cy = a.y + a.height / 2;
  return cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height;
}

/** Drags with real mouse moves, in steps, as FullCalendar's pointer handling expects. */
export async function drag(
  page: Page,
  from: ReturnType<Page['locator']>,
  to: ReturnType<Page['locator']>,
) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('Nothing to drag from or to');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** Opens a settings page the way people do: the header's one "Settings" entry, then its tab. */
export async function openSettings(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await page
    .getByRole('navigation', { name: 'Settings pages' })
    .getByRole('link', { name, exact: true })
    .click();
}

/**
 * The app's clock (POSTPLAN_TEST_CLOCK, which the global setup turns on): journeys move it to
 * the moment they need instead of waiting for it. `null` returns it to the wall clock.
 */
export async function setAppClock(request: APIRequestContext, at: number | null) {
  const response = await request.put('/api/test/clock', {
    data: { at: at === null ? null : new Date(at).toISOString() },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export async function appNow(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/test/clock');
  expect(response.status(), await response.text()).toBe(200);
  return Date.parse(((await response.json()) as { now: string }).now);
}
