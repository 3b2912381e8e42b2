import type { APIRequestContext, Page } from '@playwright/test';
import {
  apiPost,
  appUrl,
  csrfToken,
  expect,
  loginInBrowser,
  loginOwnerApi,
  openSettings,
  logOutInBrowser,
  OWNER,
  test,
} from '../support/fixtures';

const AUTHOR = { name: 'Anna Autorin', email: 'anna@example.com', password: 'anna-password-1' };
const APPROVER = { name: 'Ben Redakteur', email: 'ben@example.com', password: 'ben-password-1' };
const TITLE = 'Sommerfest im Stadtpark';
const TEXT = 'Am Samstag feiern wir das Sommerfest im Stadtpark. Kommt vorbei!';

async function addMember(
  request: APIRequestContext,
  slug: string,
  member: typeof AUTHOR,
  role: string,
) {
  const added = await request.post(`/api/v1/workspaces/${slug}/members`, {
    data: { ...member, role },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect([200, 201, 409], await added.text()).toContain(added.status());
}

/** A request context signed in as someone else than the owner, for the steps done by API. */
async function signedIn(
  playwright: { request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> } },
  who: typeof AUTHOR,
) {
  const context = await playwright.request.newContext({ baseURL: appUrl() });
  const login = await context.post('/api/v1/auth/login', {
    data: { email: who.email, password: who.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  return context;
}

async function switchUser(page: Page, who: { email: string; password: string }) {
  await logOutInBrowser(page);
  await loginInBrowser(page, who.email, who.password);
}

test('an author submits, an approver asks for a change with a suggestion, the author takes it and resubmits, the approver sees the diff and approves', async ({
  page,
  request,
  playwright,
}) => {
  test.setTimeout(120_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  await addMember(request, slug, AUTHOR, 'author');
  await addMember(request, slug, APPROVER, 'editor');
  const previous = (await (await request.get(`${base}/approval-policy`)).json()) as {
    policy: unknown;
  };
  // A channel that takes text alone (Instagram would ask for an image before review).
  const channel = (await apiPost(request, `${base}/channels`, {
    name: 'Mastodon Stadtwerke',
    platform: 'mastodon',
  })) as { id: string };

  try {
    // The owner sets up one named review level in the settings.
    await loginInBrowser(page, OWNER.email, OWNER.password);
    await page.goto(`/w/${slug}/settings/approval`);
    await page.getByRole('radio', { name: /Several levels in order/ }).check();
    const level = page.getByTestId('policy-level').first();
    await level.getByLabel('Name of the level').fill('Redaktion');
    await level.getByRole('checkbox', { name: 'Editor', exact: true }).check();
    await page.getByRole('button', { name: 'Save approval policy' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Approval policy saved.' }),
    ).toBeVisible();

    // The author's draft, planned in September.
    const author = await signedIn(playwright, AUTHOR);
    const created = await author.post(`${base}/posts`, {
      data: {
        title: TITLE,
        text: TEXT,
        plannedAt: '2031-09-10T10:00',
        variants: [{ channelId: channel.id }],
      },
      headers: { 'X-CSRF-Token': await csrfToken(author) },
    });
    expect(created.status(), await created.text()).toBe(201);
    const postId = ((await created.json()) as { id: string }).id;

    // 1. The author submits from the editor.
    await switchUser(page, AUTHOR);
    await page.goto(`/w/${slug}/calendar?view=month&date=2031-09-01`);
    const event = page.getByTestId('calendar-event').filter({ hasText: TITLE });
    await expect(event).toContainText('Draft');
    await event.click();
    let editor = page.getByRole('dialog', { name: 'Edit post' });
    await editor.getByRole('button', { name: 'Submit for review…' }).click();
    await editor.getByRole('button', { name: 'Submit now' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Submitted for review.' }),
    ).toBeVisible();
    await expect(event).toContainText('In review');

    // 2. The approver finds it in the review queue.
    await switchUser(page, APPROVER);
    const nav = page.getByTestId('nav-review');
    await expect(nav).toContainText('1 waiting for you');
    await nav.click();
    const row = page.getByTestId('queue-row').filter({ hasText: TITLE });
    await expect(row).toContainText('Redaktion');
    await expect(row).toContainText('Mastodon Stadtwerke');
    await row.getByRole('button', { name: TITLE }).click();
    editor = page.getByRole('dialog', { name: 'Edit post' });
    const panel = editor.getByTestId('review-panel');
    await expect(panel.getByTestId('status-explanation')).toHaveText(
      'In review: waiting for approval.',
    );
    await expect(panel.getByTestId('approval-level')).toContainText('Waiting for one of');

    // ... selects "Samstag" in the text and suggests "Sonntag" in the comment sidebar ...
    const text = editor.getByRole('textbox', { name: 'Text', exact: true });
    await text.click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Am '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'Samstag'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    const sidebar = editor.getByTestId('comment-sidebar');
    const composer = sidebar.getByTestId('comment-composer');
    await expect(composer).toContainText('On “Samstag”');
    await composer.getByRole('combobox', { name: 'New comment' }).fill('Das Fest ist am Sonntag.');
    await composer.getByRole('checkbox', { name: 'Suggest a change' }).check();
    await composer.getByLabel('Replace with').fill('Sonntag');
    await composer.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(sidebar).toContainText('Das Fest ist am Sonntag.');
    await expect(sidebar).toContainText('Suggested change');
    await expect(text.locator('.cm-comment-mark')).toHaveText('Samstag');

    // ... and requests changes: not without saying what.
    await panel.getByRole('button', { name: 'Request changes' }).click();
    await expect(
      panel.getByText('Say what should change, so the author knows what to do.'),
    ).toBeVisible();
    await panel
      .getByLabel('Note (required when you request changes)')
      .fill('Bitte den Tag korrigieren, siehe Vorschlag.');
    await panel.getByRole('button', { name: 'Request changes' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Changes requested. The author has been told.' }),
    ).toBeVisible();
    await expect(panel.getByTestId('status-explanation')).toHaveText(
      'Changes requested. Rework the post and submit it again.',
    );
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('queue-row')).toHaveCount(0);
    await expect(page.getByText('Nothing is waiting for you.')).toBeVisible();

    // 3. The author reads the request, takes the suggestion and submits again.
    await switchUser(page, AUTHOR);
    await page.goto(`/w/${slug}/calendar?view=month&date=2031-09-01`);
    await expect(event).toContainText('Changes requested');
    await event.click();
    editor = page.getByRole('dialog', { name: 'Edit post' });
    const authorPanel = editor.getByTestId('review-panel');
    await expect(authorPanel.getByTestId('review-decisions')).toContainText(
      'Ben Redakteur requested changes',
    );
    await expect(authorPanel.getByTestId('review-decisions')).toContainText(
      'Bitte den Tag korrigieren, siehe Vorschlag.',
    );
    const thread = editor.getByTestId('comment-sidebar').locator('[data-thread-id]').first();
    await expect(thread).toContainText('Das Fest ist am Sonntag.');
    await thread.getByRole('button', { name: 'Accept' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Suggestion applied.' }),
    ).toBeVisible();
    await expect(editor.getByRole('textbox', { name: 'Text', exact: true })).toHaveText(
      'Am Sonntag feiern wir das Sommerfest im Stadtpark. Kommt vorbei!',
    );
    await editor.getByRole('button', { name: 'Submit for review…' }).click();
    await editor.getByRole('button', { name: 'Submit now' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Submitted for review.' }),
    ).toBeVisible();

    // 4. The approver sees exactly what changed since their review, and approves.
    await switchUser(page, APPROVER);
    await page.getByTestId('nav-review').click();
    await page
      .getByTestId('queue-row')
      .filter({ hasText: TITLE })
      .getByRole('button', { name: TITLE })
      .click();
    editor = page.getByRole('dialog', { name: 'Edit post' });
    const review = editor.getByTestId('review-panel');
    await review.getByRole('tab', { name: 'Changes' }).click();
    await expect(review.getByTestId('diff-mode')).toHaveValue('my_last_review');
    const diff = review.getByTestId('diff-text');
    await expect(diff.locator('del')).toHaveText('deleted: Samstag (end of deletion)');
    await expect(diff.locator('ins')).toHaveText('inserted: Sonntag (end of insertion)');
    await expect(diff).toContainText('feiern wir das Sommerfest im Stadtpark.');

    await review.getByRole('tab', { name: 'History' }).click();
    const history = review.getByTestId('history-timeline');
    await expect(history).toContainText('Anna Autorin submitted it for review');
    await expect(history).toContainText('Changes requested by Ben Redakteur (level Redaktion)');
    await expect(history).toContainText('Anna Autorin accepted a suggestion');

    await review.getByRole('tab', { name: 'Approval' }).click();
    await review.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Approved.' })).toBeVisible();
    await expect(review.getByTestId('approval-summary')).toContainText('by you.');
    await page.keyboard.press('Escape');

    await page.goto(`/w/${slug}/calendar?view=month&date=2031-09-01`);
    await expect(event).toContainText('Approved');
    const detail = (await (await request.get(`${base}/posts/${postId}`)).json()) as {
      status: string;
      text: string;
    };
    expect(detail).toMatchObject({
      status: 'approved',
      text: 'Am Sonntag feiern wir das Sommerfest im Stadtpark. Kommt vorbei!',
    });
    // 5. The owner finds both decisions in the workspace's audit log.
    await switchUser(page, OWNER);
    await openSettings(page, 'Audit log');
    await page.getByLabel('Action').selectOption({ label: 'Approvals and change requests' });
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Approved by Ben Redakteur');
    await expect(rows.nth(1)).toContainText('Changes requested by Ben Redakteur');
    await expect(rows.nth(1)).toContainText('Bitte den Tag korrigieren, siehe Vorschlag.');

    await author.dispose();
  } finally {
    const restored = await request.put(`${base}/approval-policy`, {
      data: { policy: previous.policy },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }
});
