import { expect, logOutInBrowser, OWNER, test } from '../support/fixtures';

test('a fresh installation shows the setup page, which creates the owner and opens the calendar', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up Postplan' })).toBeVisible();

  // The login page is not offered while the installation has no owner.
  await page.goto('/login');
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel('Your name').fill(OWNER.name);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('too-short');
  await page.getByLabel('Workspace name').fill(OWNER.workspaceName);
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('The password needs at least 10 characters.')).toBeVisible();

  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create workspace' }).click();

  await expect(page).toHaveURL(/\/w\/[^/]+\/calendar/);
  await expect(page.getByText(`Signed in as ${OWNER.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Today' })).toBeVisible();
  await expect(page.getByText('Times in Europe/Berlin')).toBeVisible();
  await expect(page.getByTestId('ideas')).toContainText('No unscheduled ideas');

  // Logging out leads to the login page; logging in again returns to the workspace.
  await logOutInBrowser(page);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('wrong-password-123');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/calendar/);
});
