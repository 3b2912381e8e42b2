import {
  expect,
  loginInBrowser,
  loginOwnerApi,
  openSettings,
  logOutInBrowser,
  OWNER,
  test,
} from '../support/fixtures';

const COLLEAGUE = {
  name: 'Petra Prüferin',
  email: 'petra.pruefer@example.com',
  password: 'vier-augen-prinzip',
};

test('an owner invites a colleague on the members page; she joins from the handed-over link with her own password, and her role can be changed', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar`);
  await openSettings(page, 'Members');
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
  // Nobody chooses a password for someone else.
  await expect(page.getByLabel(/password/i)).toHaveCount(0);

  await page.getByLabel('E-mail').fill(COLLEAGUE.email);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(
    page.getByText(`Invitation for ${COLLEAGUE.email} as “Editor” created.`),
  ).toBeVisible();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  // Not a member until she accepts: the invitation waits among the open ones.
  await expect(
    page.getByTestId('invitation-row').filter({ hasText: COLLEAGUE.email }),
  ).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: COLLEAGUE.email })).toHaveCount(0);

  await logOutInBrowser(page);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'You are invited' })).toBeVisible();
  await expect(page.getByText(`The invitation is for ${COLLEAGUE.email}`)).toBeVisible();
  await page.getByLabel('Your name', { exact: true }).fill(COLLEAGUE.name);
  await page.getByLabel('Your password', { exact: true }).fill(COLLEAGUE.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/calendar`));

  // The owner makes her a viewer for now.
  await logOutInBrowser(page);
  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/settings/members`);
  const row = page.getByRole('row').filter({ hasText: COLLEAGUE.email });
  await expect(row).toContainText(COLLEAGUE.name);
  await expect(page.getByLabel(`Role of ${COLLEAGUE.name}`)).toHaveValue('editor');
  await expect(page.getByTestId('invitation-row').filter({ hasText: COLLEAGUE.email })).toHaveCount(
    0,
  );
  await page.getByLabel(`Role of ${COLLEAGUE.name}`).selectOption('viewer');
  await page.getByRole('button', { name: `Save role of ${COLLEAGUE.name}` }).click();
  await expect(page.getByText(`The role of ${COLLEAGUE.name} is now “Viewer”.`)).toBeVisible();

  await logOutInBrowser(page);
  await loginInBrowser(page, COLLEAGUE.email, COLLEAGUE.password);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/calendar`));
  await expect(page.getByTestId('read-only-notice')).toBeVisible();

  // She sees the members too, read-only.
  await openSettings(page, 'Members');
  await expect(page.getByTestId('members-read-only')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: COLLEAGUE.email })).toContainText('(you)');
  await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
});
