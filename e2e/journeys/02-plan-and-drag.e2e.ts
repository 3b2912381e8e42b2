import {
  dayCell,
  drag,
  ensureChannel,
  expect,
  isInside,
  loginInBrowser,
  loginOwnerApi,
  OWNER,
  test,
} from '../support/fixtures';

test('an owner plans a post on a day, drags it to another day, and it stays there after a reload', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  await ensureChannel(request, slug, 'Instagram', '#db2777');

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar?view=month&date=2031-06-01`);
  await expect(page.getByTestId('calendar-title')).toHaveText('June 2031');

  // Clicking a day (below its number) opens the editor for that day at 09:00 workspace time.
  const from = dayCell(page, '2031-06-10');
  const box = (await from.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
  const editor = page.getByRole('dialog', { name: 'New post' });
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Date', { exact: true })).toHaveValue('10/06/2031');
  await expect(editor.getByLabel('Time', { exact: true })).toHaveValue('09:00');
  await expect(editor.getByTestId('zone-hint')).toHaveText(
    'Time zone of the workspace: Europe/Berlin (UTC+02:00)',
  );
  await expect(editor.getByLabel('Title', { exact: true })).toBeFocused();

  await editor.getByLabel('Title', { exact: true }).fill('Sommerfest Teaser');
  await editor.getByLabel('Text', { exact: true }).fill('Am Samstag feiern wir – kommt vorbei!');
  await editor.getByLabel('Tags', { exact: true }).fill('sommer, event');
  await editor.getByRole('checkbox', { name: /Instagram/ }).check();
  await editor.getByLabel('Own text for Instagram').fill('Sommerfest! 🎉 Link in Bio.');
  await editor.getByRole('button', { name: 'Create post' }).click();

  await expect(editor).toBeHidden();
  await expect(page.getByTestId('toast').filter({ hasText: 'Post created.' })).toBeVisible();
  const event = page.getByTestId('calendar-event').filter({ hasText: 'Sommerfest Teaser' });
  await expect(event).toBeVisible();
  // Shown in the workspace's zone, although this browser runs on New York time.
  await expect(event).toContainText('09:00');
  await expect(event).toContainText('Draft');
  expect(await isInside(page, event, from)).toBe(true);

  const to = dayCell(page, '2031-06-12');
  const patch = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && /\/posts\/[^/]+$/.test(r.url()),
  );
  await drag(page, event, to);
  const response = await patch;
  expect(response.status()).toBe(200);
  expect(response.request().headers()['if-match']).toBe('1');
  expect(response.request().postDataJSON()).toEqual({ plannedAt: '2031-06-12T09:00:00+02:00' });
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Moved “Sommerfest Teaser”' }),
  ).toBeVisible();
  await expect.poll(() => isInside(page, event, to)).toBe(true);

  await page.reload();
  await expect(event).toBeVisible();
  expect(await isInside(page, event, dayCell(page, '2031-06-12'))).toBe(true);
  expect(await isInside(page, event, dayCell(page, '2031-06-10'))).toBe(false);

  // Opened from the keyboard, the editor agrees: same wall-clock time on the new day, and
  // the channel text survived.
  const eventButton = page.getByRole('button').filter({ has: event });
  await eventButton.focus();
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit post' });
  await expect(edit.getByLabel('Date', { exact: true })).toHaveValue('12/06/2031');
  await expect(edit.getByLabel('Time', { exact: true })).toHaveValue('09:00');
  // The text fields are CodeMirror editors (contenteditable), not inputs.
  await expect(edit.getByLabel('Own text for Instagram')).toHaveText('Sommerfest! 🎉 Link in Bio.');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(eventButton).toBeFocused();
});
