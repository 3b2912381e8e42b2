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

test('an owner adds a colleague on the members page, who can log in at once', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar`);
  await openSettings(page, 'Members');
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();

  await page.getByLabel('E-mail').fill(COLLEAGUE.email);
  await page.getByLabel('Full name').fill(COLLEAGUE.name);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByLabel('Initial password').fill(COLLEAGUE.password);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText(`${COLLEAGUE.name} was added as “Editor”.`)).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: COLLEAGUE.email });
  await expect(row).toContainText(COLLEAGUE.name);
  await expect(page.getByLabel(`Role of ${COLLEAGUE.name}`)).toHaveValue('editor');

  // An editor can approve in the four-eyes review; this one should only read for now.
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
  await expect(page.getByRole('button', { name: 'Add member' })).toHaveCount(0);
});
