import {
  expect,
  linkInMail,
  loginInBrowser,
  loginOwnerApi,
  logOutInBrowser,
  OWNER,
  test,
} from '../support/fixtures';

const JONAS = {
  name: 'Jonas Junior',
  email: 'jonas.junior@example.com',
  password: 'morgens-kaffee-abends-tee',
  newPassword: 'neue-woche-neues-glueck',
};

test('a colleague joins from the invitation e-mail, then forgets the password and sets a new one from the reset e-mail', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/settings/members`);
  await page.getByLabel('E-mail').fill(JONAS.email);
  await page.getByLabel('Role', { exact: true }).selectOption('author');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(/An e-mail with the invitation is on its way/)).toBeVisible();
  await logOutInBrowser(page);

  // Jonas opens the invitation from his mailbox.
  const invitation = await linkInMail(JONAS.email, /\/invite\//);
  await page.goto(invitation);
  await expect(page.getByRole('heading', { name: 'You are invited' })).toBeVisible();
  await expect(page.getByText(/invites you to the workspace .* as Author/)).toBeVisible();
  await page.getByLabel('Your name', { exact: true }).fill(JONAS.name);
  // A common password is refused with a reason.
  await page.getByLabel('Your password', { exact: true }).fill('password1234');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toContainText('too short or too easy to guess');
  await page.getByLabel('Your password', { exact: true }).fill(JONAS.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/calendar`));
  await expect(
    page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Settings' }),
  ).toBeVisible();
  await logOutInBrowser(page);

  // A week later he has forgotten it.
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(JONAS.email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByTestId('reset-sent')).toContainText(JONAS.email);

  const reset = await linkInMail(JONAS.email, /\/reset-password\//);
  await page.goto(reset);
  await page.getByLabel('New password', { exact: true }).fill(JONAS.newPassword);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByTestId('reset-done')).toBeVisible();

  // The link works once; the old password is gone, the new one works.
  await page.goto(reset);
  await page.getByLabel('New password', { exact: true }).fill('noch-ein-versuch-bitte');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('alert')).toContainText('already used or expired');

  await page.goto('/login');
  await page.getByLabel('Email').fill(JONAS.email);
  await page.getByLabel('Password').fill(JONAS.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await loginInBrowser(page, JONAS.email, JONAS.newPassword);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/calendar`));
});
