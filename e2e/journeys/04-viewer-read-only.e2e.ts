import {
  apiPost,
  csrfToken,
  dayCell,
  drag,
  expect,
  isInside,
  loginInBrowser,
  loginOwnerApi,
  test,
  VIEWER,
} from '../support/fixtures';

test('a viewer sees the plan but can neither create nor move posts', async ({ page, request }) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const added = await request.post(`/api/v1/workspaces/${slug}/members`, {
    data: { ...VIEWER, role: 'viewer' },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect([200, 201, 409], await added.text()).toContain(added.status());
  await apiPost(request, `/api/v1/workspaces/${slug}/posts`, {
    title: 'Nur zum Lesen',
    text: 'Ein geplanter Beitrag',
    plannedAt: '2031-07-08T10:00',
  });

  await loginInBrowser(page, VIEWER.email, VIEWER.password);
  await page.goto(`/w/${slug}/calendar?view=month&date=2031-07-01`);
  await expect(page.getByTestId('read-only-notice')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New post' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New idea' })).toHaveCount(0);

  const event = page.getByTestId('calendar-event').filter({ hasText: 'Nur zum Lesen' });
  const home = dayCell(page, '2031-07-08');
  await expect(event).toBeVisible();
  expect(await isInside(page, event, home)).toBe(true);

  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`);
  });

  // The calendar offers the viewer nothing to drag; a drag attempt changes nothing.
  await expect(event).toHaveAttribute('data-draggable', 'false');
  await drag(page, event, dayCell(page, '2031-07-10'));
  expect(await isInside(page, event, home)).toBe(true);

  // Clicking an empty day offers nothing to create. (An editor's click opens the editor at
  // once, so the dialog would be there by the time the next step looks.)
  const empty = (await dayCell(page, '2031-07-15').boundingBox())!;
  await page.mouse.click(empty.x + empty.width / 2, empty.y + empty.height - 8);

  // The post opens read-only, and it is the only dialog: the empty day's click opened none.
  await event.click();
  const panel = page.getByRole('dialog', { name: 'Edit post' });
  await expect(panel).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(panel.getByText('You can view this post but not change it.')).toBeVisible();
  await expect(panel.getByLabel('Title', { exact: true })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // The server still has it where it was, and the browser sent no change at any point: a drop
  // would have sent its PATCH before the reload's requests.
  await page.reload();
  await expect(event).toBeVisible();
  expect(await isInside(page, event, dayCell(page, '2031-07-08'))).toBe(true);
  expect(writes).toEqual([]);
});
