import type { Page } from '@playwright/test';
import sharp from 'sharp';
import {
  appNow,
  appUrl,
  csrfToken,
  dayCell,
  expect,
  isInside,
  joinWorkspace,
  loginInBrowser,
  loginOwnerApi,
  openSettings,
  OWNER,
  setAppClock,
  test,
} from '../support/fixtures';

const AUTHOR = { name: 'Mira Autorin', email: 'mira@example.com', password: 'mira-password-1' };
const TITLE = 'Hafenfest mit Bild';
const TEXT = 'Am Sonntag ist Hafenfest: Musik, Boote und Fischbrötchen ab 11 Uhr.';
const ALT = 'Drei Segelboote vor der Hafenmauer im Abendlicht';
const HANDLE = '@hafen.sandbox';

/** The day after `instant` in Berlin (the workspace's zone), as YYYY-MM-DD. */
function berlinTomorrow(instant: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(instant + 24 * 3600_000),
  );
}

/** 09:00 Berlin on that day, as an instant (what a click on the day cell plans). */
function nineInBerlin(day: string): number {
  for (const offset of ['+01:00', '+02:00']) {
    const at = Date.parse(`${day}T09:00:00${offset}`);
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(at));
    if (hour === '09') return at;
  }
  throw new Error(`No 09:00 in Berlin on ${day}`);
}

async function openEvent(page: Page, slug: string, day: string) {
  await page.goto(`/w/${slug}/calendar?view=month&date=${day}`);
  const event = page.getByTestId('calendar-event').filter({ hasText: TITLE });
  await expect(event).toBeVisible();
  return event;
}

test('an owner connects a sandbox channel; an author plans a post with a photo and alt text and sees it previewed; the owner approves and it goes out with the photo', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  const channelName = `Sandbox Hafen ${Date.now().toString(36)}`;
  await joinWorkspace(request, slug, AUTHOR, 'author');
  const previous = (await (await request.get(`${base}/approval-policy`)).json()) as {
    policy: unknown;
  };
  // Four eyes: the author plans, the owner approves.
  const policy = await request.put(`${base}/approval-policy`, {
    data: { policy: { kind: 'required', approvers: { roles: ['owner'] } } },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect(policy.status(), await policy.text()).toBe(200);
  const day = berlinTomorrow(await appNow(request));
  const dueAt = nineInBerlin(day);
  const authorContext = await browser.newContext({ baseURL: appUrl() });

  try {
    // 1. The owner adds a sandbox channel on the channels page and connects it to an account.
    await page.setViewportSize({ width: 1024, height: 768 });
    await loginInBrowser(page, OWNER.email, OWNER.password);
    await openSettings(page, 'Channels');
    const add = page.getByRole('form', { name: 'Add channel' });
    await add.getByLabel('Name').fill(channelName);
    await add.getByLabel('Platform').selectOption('sandbox');
    await add.getByRole('button', { name: 'Add channel' }).click();
    const item = page.getByRole('listitem').filter({ hasText: channelName });
    await item.getByRole('button', { name: 'Connect' }).click();
    const form = item.getByRole('form', { name: 'Connect the account' });
    await form.getByLabel('Account name (optional)').fill(HANDLE);
    await form.getByRole('button', { name: 'Check and connect' }).click();
    await expect(item.getByTestId('channel-status')).toHaveText('Connected');

    // 2. The author plans a post for tomorrow 09:00 with a photo uploaded in the editor.
    const writer = await authorContext.newPage();
    await loginInBrowser(writer, AUTHOR.email, AUTHOR.password);
    await writer.goto(`/w/${slug}/calendar?view=month&date=${day}`);
    const cell = dayCell(writer, day);
    const box = (await cell.boundingBox())!;
    await writer.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
    const editor = writer.getByRole('dialog', { name: 'New post' });
    await expect(editor.getByLabel('Time', { exact: true })).toHaveValue('09:00');
    await editor.getByLabel('Title', { exact: true }).fill(TITLE);
    await editor.getByLabel('Text', { exact: true }).fill(TEXT);
    await editor.getByRole('checkbox', { name: new RegExp(`^${channelName}`) }).check();
    const photo = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 110, b: 170 } },
    })
      .jpeg()
      .toBuffer();
    await editor.getByTestId('editor-media-add').click();
    await editor.getByTestId('editor-media-file').setInputFiles({
      name: 'segelboote.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await editor.getByLabel('Alt text for segelboote.jpg', { exact: true }).fill(ALT);

    // The preview names the connected account and shows the photo with its alt text.
    const preview = editor.getByTestId('post-previews').locator('article').first();
    await expect(preview.locator('header')).toContainText(HANDLE);
    await expect(preview.getByRole('img', { name: ALT })).toBeVisible();
    await editor.getByRole('button', { name: 'Create post' }).click();
    await expect(writer.getByTestId('toast').filter({ hasText: 'Post created.' })).toBeVisible();

    // The calendar entry shows the photo, small, inside its day; then the author submits.
    const event = await openEvent(writer, slug, day);
    await expect(event.getByTestId('event-thumbnail')).toHaveAttribute('alt', ALT);
    await event.getByText(TITLE).click();
    const edit = writer.getByRole('dialog', { name: 'Edit post' });
    await edit.getByRole('button', { name: 'Submit for review…' }).click();
    await edit.getByRole('button', { name: 'Submit now' }).click();
    await expect(
      writer.getByTestId('toast').filter({ hasText: 'Submitted for review.' }),
    ).toBeVisible();

    // 3. The owner sees it at 1024 px in month and week view, the photo within the day, and
    // approves it.
    const ownerEvent = await openEvent(page, slug, day);
    const thumb = ownerEvent.getByTestId('event-thumbnail');
    await expect(thumb).toHaveAttribute('alt', ALT);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    expect(await isInside(page, thumb, dayCell(page, day))).toBe(true);
    await page.goto(`/w/${slug}/calendar?view=week&date=${day}`);
    const weekEvent = page.getByTestId('calendar-event').filter({ hasText: TITLE });
    const weekBox = (await weekEvent.boundingBox())!;
    const thumbBox = (await weekEvent.getByTestId('event-thumbnail').boundingBox())!;
    expect(thumbBox.x + thumbBox.width).toBeLessThanOrEqual(weekBox.x + weekBox.width + 1);
    expect(thumbBox.width).toBe(24);
    await weekEvent.getByText(TITLE).click();
    const review = page.getByRole('dialog', { name: 'Edit post' });
    await expect(review.getByTestId(`preview-${await channelId()}`)).toContainText(HANDLE);
    await review.getByTestId('review-panel').getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Approved.' })).toBeVisible();

    // 4. Its minute comes (the app's clock moves there): it goes out, with a link to the post.
    const postId = (await weekEvent.getAttribute('data-post-id'))!;
    await setAppClock(request, dueAt + 1000);
    await expect
      .poll(
        async () => {
          const list = await request.get(`${base}/posts/${postId}/publications`);
          const body = (await list.json()) as { items: { status: string }[] };
          return body.items[0]?.status;
        },
        { timeout: 30_000 },
      )
      .toBe('published');
    // The browser's own clock stays a day behind, so it would not look again for a while: the
    // owner opens the post anew.
    await page.goto(`/w/${slug}/calendar?post=${postId}`);
    const publication = page
      .getByRole('dialog', { name: 'Edit post' })
      .getByTestId('post-publishing')
      .getByTestId('publication')
      .filter({ hasText: channelName });
    await expect(publication).toHaveAttribute('data-status', 'published');
    const link = publication.getByRole('link', { name: 'Open the post' });
    const [sandboxPage] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await sandboxPage.waitForLoadState();
    await expect(sandboxPage.locator('h1')).toHaveText(TITLE);
    await expect(sandboxPage.locator('body')).toContainText(TEXT);
    const published = sandboxPage.getByRole('img', { name: ALT });
    await expect(published).toBeVisible();
    // The bytes arrived: the picture is drawn at its stored size, not a broken-image icon.
    await expect
      .poll(() => published.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(1200);
    await sandboxPage.close();
  } finally {
    await setAppClock(request, null);
    await authorContext.close();
    const restored = await request.put(`${base}/approval-policy`, {
      data: { policy: previous.policy },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
    expect(restored.status(), await restored.text()).toBe(200);
  }

  async function channelId(): Promise<string> {
    const list = await request.get(`${base}/channels`);
    const { items } = (await list.json()) as { items: { id: string; name: string }[] };
    return items.find((c) => c.name === channelName)!.id;
  }
});
