import type { APIRequestContext } from '@playwright/test';
import {
  apiPost,
  appUrl,
  csrfToken,
  expect,
  joinWorkspace,
  loginInBrowser,
  loginOwnerApi,
  OWNER,
  test,
} from '../support/fixtures';

const AUTHOR = { name: 'Paula Autorin', email: 'paula@example.com', password: 'paula-password-1' };
const TITLE = 'Freibad öffnet am Wochenende';
const TEXT = 'Ab Samstag hat das Freibad wieder geöffnet: 9 bis 20 Uhr, bei jedem Wetter.';
const FAILING = 'Störung im Netz Nord behoben';

/** A request context signed in as the author, who writes and submits the posts. */
async function author(playwright: {
  request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> };
}) {
  const context = await playwright.request.newContext({ baseURL: appUrl() });
  const login = await context.post('/api/v1/auth/login', {
    data: { email: AUTHOR.email, password: AUTHOR.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  return context;
}

test('an approved post counts down to its minute, goes out to the sandbox with a link to it, and a failed one shows its reason and is retried', async ({
  page,
  request,
  playwright,
}) => {
  // The posts are planned some seconds ahead and really wait for their time.
  test.setTimeout(180_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  await joinWorkspace(request, slug, AUTHOR, 'author');
  const previous = (await (await request.get(`${base}/approval-policy`)).json()) as {
    policy: unknown;
  };
  // Four eyes: the author writes, the owner approves.
  const policy = await request.put(`${base}/approval-policy`, {
    data: { policy: { kind: 'required', approvers: { roles: ['owner'] } } },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect(policy.status(), await policy.text()).toBe(200);
  const sandbox = (await apiPost(request, `${base}/channels`, {
    name: 'Sandbox Stadtwerke',
    platform: 'sandbox',
  })) as { id: string };
  // A platform this server has no adapter for: its publications fail, with a reason.
  const unsupported = (await apiPost(request, `${base}/channels`, {
    name: 'Mastodon Netz',
    platform: 'mastodon',
  })) as { id: string };

  const writer = await author(playwright);
  try {
    // The author plans two posts shortly ahead and submits them.
    const plannedAt = new Date(Date.now() + 50_000).toISOString();
    const submit = async (title: string, text: string, channelId: string) => {
      const post = (await apiPost(writer, `${base}/posts`, {
        title,
        text,
        plannedAt,
        variants: [{ channelId }],
      })) as { id: string; version: number };
      const submitted = (await apiPost(writer, `${base}/posts/${post.id}/submit`, {
        version: post.version,
      })) as { id: string; version: number; status: string };
      expect(submitted.status).toBe('in_review');
      return submitted;
    };
    const good = await submit(TITLE, TEXT, sandbox.id);
    const bad = await submit(FAILING, 'Die Störung ist behoben.', unsupported.id);
    // The second one the owner approves at once, so it comes due beside the first.
    const approved = await request.post(`${base}/posts/${bad.id}/approve`, {
      data: { version: bad.version },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
    expect(approved.status(), await approved.text()).toBe(200);

    // 1. The owner opens the post from its link and approves it in the editor.
    await loginInBrowser(page, OWNER.email, OWNER.password);
    await page.goto(`/w/${slug}/calendar?post=${good.id}`);
    let editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.getByTestId('review-panel').getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Approved.' })).toBeVisible();

    // 2. The channel waits for its minute, with a countdown that runs.
    const publishing = editor.getByTestId('post-publishing');
    const item = publishing.getByTestId('publication').filter({ hasText: 'Sandbox Stadtwerke' });
    await expect(item).toHaveAttribute('data-status', 'pending');
    await expect(item).toContainText(/Goes out today at \d{2}:\d{2}, in \d+ s|in \d+ min \d{2} s/);
    const countdown = item.getByTestId('publication-countdown');
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first ?? '');

    // 3. At its time it goes out, and links to the published post.
    await expect(item).toHaveAttribute('data-status', 'published', { timeout: 75_000 });
    await expect(item).toContainText('Published today at');
    const link = item.getByRole('link', { name: 'Open the post' });
    const [sandboxPage] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await sandboxPage.waitForLoadState();
    await expect(sandboxPage.locator('h1')).toHaveText(TITLE);
    await expect(sandboxPage.locator('body')).toContainText(TEXT);
    await sandboxPage.close();

    // The history tab tells the attempt.
    const review = editor.getByTestId('review-panel');
    await review.getByRole('tab', { name: 'History' }).click();
    await expect(review.getByTestId('publication-attempt')).toContainText('Published');
    await expect(review.getByTestId('history-timeline')).toContainText(
      'Attempt 1 on Sandbox Stadtwerke: published',
    );
    await page.keyboard.press('Escape');

    // The calendar's event shows the channel as published, with the link.
    await page.goto(`/w/${slug}/calendar`);
    const event = page.getByTestId('calendar-event').filter({ hasText: TITLE });
    await expect(event.getByTestId('publication-chip')).toHaveAttribute('data-status', 'published');

    // 4. The other post failed on a platform this server has no adapter for.
    const badEvent = page.getByTestId('calendar-event').filter({ hasText: FAILING });
    await expect(badEvent.getByTestId('publication-chip')).toHaveAttribute(
      'data-status',
      'failed',
      { timeout: 75_000 },
    );
    await badEvent.getByText(FAILING).click();
    editor = page.getByRole('dialog', { name: 'Edit post' });
    const failed = editor.getByTestId('publication').filter({ hasText: 'Mastodon Netz' });
    await expect(failed).toHaveAttribute('data-status', 'failed', { timeout: 75_000 });
    await expect(failed.getByTestId('publication-reason')).toContainText(/Reason: \S+/);
    await expect(failed).toContainText('Nothing was posted.');

    // Retrying sends it again: it fails again for the same reason, on its second attempt.
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 30_000 });
    const history = editor.getByTestId('review-panel');
    await history.getByRole('tab', { name: 'History' }).click();
    await expect(history.getByTestId('history-timeline')).toContainText(
      /Attempt 2 on Mastodon Netz failed: \S+/,
      { timeout: 30_000 },
    );
    await expect(history.getByTestId('history-timeline')).toContainText(
      `${OWNER.name} retried publishing on Mastodon Netz`,
    );
    await page.keyboard.press('Escape');

    // 5. The publishing log lists both, and filters what needs attention.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page
      .getByRole('navigation', { name: 'Settings pages' })
      .getByRole('link', { name: 'Publishing log' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings/publishing$`));
    const rows = page.getByTestId('publishing-log-row');
    await expect(rows.filter({ hasText: TITLE })).toContainText('Published');
    await expect(
      rows.filter({ hasText: TITLE }).getByRole('link', { name: 'Open the post' }),
    ).toHaveAttribute('href', /\/api\/sandbox\//);
    await expect(rows.filter({ hasText: FAILING })).toContainText('Failed');
    await expect(rows.filter({ hasText: FAILING })).toContainText(`By ${AUTHOR.name}`);
    await page.getByLabel('Outcome').selectOption({ label: 'Needs attention' });
    await expect(rows.filter({ hasText: FAILING })).toBeVisible();
    await expect(rows.filter({ hasText: TITLE })).toHaveCount(0);
  } finally {
    await writer.dispose();
    const restored = await request.put(`${base}/approval-policy`, {
      data: { policy: previous.policy },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }
});
