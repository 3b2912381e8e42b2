import {
  apiPost,
  dayCell,
  ensureChannel,
  expect,
  loginInBrowser,
  loginOwnerApi,
  OWNER,
  test,
} from '../support/fixtures';

test('an owner creates a campaign with UTM tagging, puts a post in it, sees its band on the calendar and opens its page', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const channel = await ensureChannel(request, slug, 'Instagram', '#db2777');
  const name = `Herbstkampagne ${Date.now().toString(36)}`;
  const post = (await apiPost(request, `/api/v1/workspaces/${slug}/posts`, {
    title: 'Herbstkisten sind da',
    text: 'Jetzt bestellen: https://shop.example/herbst?farbe=rot.',
    plannedAt: '2032-09-10T10:00',
    variants: [{ channelId: channel.id }],
  })) as { id: string };

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar`);
  await page.getByRole('navigation').getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'New campaign' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('First day').fill('2032-09-01');
  await form.getByLabel('Last day').fill('2032-09-30');
  await form.getByRole('button', { name: 'Create campaign' }).click();

  const campaignPage = page.getByTestId('campaign-page');
  await expect(campaignPage).toBeVisible();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const campaignId = await campaignPage.getAttribute('data-campaign-id');

  // UTM defaults: switched on, the campaign parameter named by hand.
  const settings = page.getByTestId('campaign-form');
  await settings.getByLabel('Tag links in this campaign’s posts').check();
  await settings.getByLabel('utm_campaign').fill('herbst');
  await settings.getByRole('button', { name: 'Save campaign' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Campaign saved.' })).toBeVisible();

  // The post goes into the campaign in its editor, which shows the links as they will go out.
  await page.goto(`/w/${slug}/calendar?view=month&date=2032-09-01`);
  const event = page.locator(`[data-testid="calendar-event"][data-post-id="${post.id}"]`);
  await expect(event).toBeVisible();
  await page.getByRole('button').filter({ has: event }).click();
  const editor = page.getByRole('dialog', { name: 'Edit post' });
  await editor.getByTestId('campaign-select').selectOption({ label: name });
  await expect(editor.getByTestId('tagged-preview')).toContainText(
    'https://shop.example/herbst?farbe=rot&utm_source=instagram&utm_medium=social&utm_campaign=herbst.',
  );
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/posts/${post.id}`),
  );
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  expect((await saved).request().postDataJSON()).toEqual({ campaignId });
  await expect(page.getByTestId('toast').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The band lies behind the campaign's days, the post carries its colour mark.
  const band = page.locator(`[data-testid="campaign-band"][data-campaign-id="${campaignId}"]`);
  await expect(band.first()).toBeVisible();
  await expect(band.first()).toHaveText(name);
  // Behind the first and the last day of the period, not the days either side of it.
  const covered = async (date: string) => {
    const cell = (await dayCell(page, date).boundingBox())!;
    const x = cell.x + cell.width / 2;
    // A week's segment (the name's container) spans its days across the row.
    for (const segment of await band.all()) {
      const b = (await segment.locator('xpath=..').boundingBox())!;
      const sameRow = cell.y <= b.y && b.y < cell.y + cell.height;
      if (sameRow && b.x <= x && x <= b.x + b.width) return true;
    }
    return false;
  };
  expect(await covered('2032-09-01')).toBe(true);
  expect(await covered('2032-09-30')).toBe(true);
  expect(await covered('2032-08-31')).toBe(false);
  expect(await covered('2032-10-01')).toBe(false);
  await expect(
    event.locator(`[data-testid="campaign-marker"][data-campaign-id="${campaignId}"]`),
  ).toBeVisible();

  // Filtered by the campaign, the calendar shows its posts only.
  const other = (await apiPost(request, `/api/v1/workspaces/${slug}/posts`, {
    title: 'Ohne Kampagne',
    text: 'Nichts mit Herbst.',
    plannedAt: '2032-09-11T10:00',
  })) as { id: string };
  await page.reload();
  const otherEvent = page.locator(`[data-testid="calendar-event"][data-post-id="${other.id}"]`);
  await expect(otherEvent).toBeVisible();
  await page.getByTestId('campaign-filter').selectOption({ label: name });
  await expect(page).toHaveURL(new RegExp(`campaign=${campaignId}`));
  await expect(otherEvent).toBeHidden();
  await expect(event).toBeVisible();

  // The campaign page lists the post on its channel's lane and as still needing approval.
  await page.goto(`/w/${slug}/campaigns/${campaignId}`);
  await expect(
    page.locator(`[data-testid="timeline-post"][data-post-id="${post.id}"]`),
  ).toBeVisible();
  await expect(page.getByTestId('campaign-waiting')).toContainText('Herbstkisten sind da');
  await expect(page.getByText('1 post', { exact: false }).first()).toBeVisible();
  const report = page.getByRole('link', { name: 'Report (CSV)' });
  await expect(report).toHaveAttribute(
    'href',
    `/api/v1/workspaces/${slug}/exports/campaigns/${campaignId}/report.csv?lang=en`,
  );
});
