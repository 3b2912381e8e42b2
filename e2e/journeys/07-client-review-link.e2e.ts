import type { APIRequestContext } from '@playwright/test';
import {
  apiPost,
  appUrl,
  csrfToken,
  expect,
  joinWorkspace,
  loginOwnerApi,
  test,
} from '../support/fixtures';

// The post is written by a colleague: a link its own author created could not approve it.
const WRITER = {
  name: 'Wiebke Texterin',
  email: 'wiebke@example.com',
  password: 'Leuchtturm-Kompass-Nordwind-7',
};

// A client on a phone: the page must work at this size without zooming or sideways scrolling.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('a client opens a review link on the phone, enters password and name, and approves', async ({
  page,
  request,
  playwright,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  const headers = { 'X-CSRF-Token': await csrfToken(request) };

  // The team's policy: the client has the last word, through the link.
  const previous = await (await request.get(`${base}/approval-policy`)).json();
  const setPolicy = await request.put(`${base}/approval-policy`, {
    headers,
    data: { policy: { kind: 'levels', levels: [{ name: 'Kunde', client: true, mode: 'any' }] } },
  });
  expect(setPolicy.status(), await setPolicy.text()).toBe(200);

  try {
    // A channel that takes text alone (Instagram would ask for an image before review).
    const channel = (await apiPost(request, `${base}/channels`, {
      name: 'Mastodon Kunde',
      platform: 'mastodon',
    })) as { id: string };
    await joinWorkspace(request, slug, WRITER, 'author');
    const writer: APIRequestContext = await playwright.request.newContext({ baseURL: appUrl() });
    const login = await writer.post('/api/v1/auth/login', {
      data: { email: WRITER.email, password: WRITER.password },
    });
    expect(login.status(), await login.text()).toBe(200);
    const post = await apiPost(writer, `${base}/posts`, {
      title: 'Sommerfest am Hafen',
      text: 'Am Samstag feiern wir am Hafen. Kommt vorbei!',
      plannedAt: '2032-06-12T10:00',
      variants: [{ channelId: channel.id }],
    });
    const submitted = await apiPost(writer, `${base}/posts/${post.id as string}/submit`, {});
    expect(submitted.status).toBe('in_review');

    const link = (await apiPost(request, `${base}/review-links`, {
      label: 'Sommerkampagne',
      permission: 'approve',
      scope: { postIds: [post.id] },
      expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      password: 'hafen-passwort-2032',
    })) as { url: string; token: string };
    expect(link.url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);

    // The client has no account: a fresh browser context, nothing but the link.
    await page.goto(`/r/${link.token}`);
    await expect(page.getByRole('heading', { name: /asks for your review/ })).toBeVisible();
    await page.getByLabel('Your name').fill('Clara Client');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Continue' }).tap();
    await expect(page.getByText('The password is not right.')).toBeVisible();

    await page.getByLabel('Password').fill('hafen-passwort-2032');
    await page.getByRole('button', { name: 'Continue' }).tap();

    const card = page.getByTestId('client-post').filter({ hasText: 'Sommerfest am Hafen' });
    await expect(card).toBeVisible();
    await expect(card.getByText('Am Samstag feiern wir am Hafen. Kommt vorbei!')).toBeVisible();
    await expect(card.getByText('Mastodon Kunde')).toBeVisible();
    // Workspace time (Berlin), although the phone is in New York.
    await expect(card.getByText(/Planned for Saturday,? 12 June 2032.*10:00/)).toBeVisible();
    await expect(card.getByText('Waiting for your approval')).toBeVisible();

    const approve = card.getByRole('button', { name: 'Approve' });
    const box = (await approve.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await approve.tap();
    await expect(page.getByText('Thank you! The post is approved.')).toBeVisible();
    await expect(card.getByText('Approved by Clara Client')).toBeVisible();
    await expect(card.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    // The team sees it: approved, and the history names the client and the link.
    const after = await (await request.get(`${base}/posts/${post.id as string}`)).json();
    expect(after.status).toBe('approved');
    const history = await (await request.get(`${base}/posts/${post.id as string}/history`)).text();
    expect(history).toContain("Clara Client (via link 'Sommerkampagne')");

    // Coming back later on the same phone: still unlocked, name remembered, decision shown.
    await page.reload();
    await expect(card.getByText('Approved by Clara Client')).toBeVisible();
    await expect(page.getByText('You review as Clara Client.')).toBeVisible();
  } finally {
    await request.put(`${base}/approval-policy`, {
      headers,
      data: { policy: previous.policy },
    });
  }
});
