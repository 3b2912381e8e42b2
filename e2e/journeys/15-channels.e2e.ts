import {
  expect,
  loginInBrowser,
  loginOwnerApi,
  openSettings,
  OWNER,
  test,
} from '../support/fixtures';

test('an owner adds a sandbox channel on the channels page, connects it, renames and pauses it, and removes it', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const name = `Testkanal ${Date.now().toString(36)}`;

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar`);
  await openSettings(page, 'Channels');
  await expect(page.getByRole('heading', { name: 'Channels', level: 1 })).toBeVisible();

  const add = page.getByRole('form', { name: 'Add channel' });
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Platform').selectOption('sandbox');
  await add.getByRole('button', { name: 'Add channel' }).click();

  const item = page.getByRole('listitem').filter({ hasText: name });
  await expect(item.getByTestId('channel-status')).toHaveText('Not connected');

  await item.getByRole('button', { name: 'Connect' }).click();
  const form = item.getByRole('form', { name: 'Connect the account' });
  await form.getByLabel('Account name (optional)').fill('Sandbox-Konto');
  await form.getByRole('button', { name: 'Check and connect' }).click();
  await expect(item.getByTestId('channel-status')).toHaveText('Connected');
  await expect(item).toContainText('Sandbox-Konto');
  await expect(item.getByRole('button', { name: 'Reconnect' })).toBeVisible();

  await item.getByRole('button', { name: 'Rename' }).click();
  await item.getByLabel('Name').fill(`${name} neu`);
  await item.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByRole('listitem').filter({ hasText: `${name} neu` });
  await expect(renamed.getByTestId('channel-status')).toHaveText('Connected');

  await renamed.getByRole('button', { name: 'Pause' }).click();
  await renamed.getByLabel('Reason for the pause').fill('Abstimmung mit der Rechtsabteilung');
  await renamed.getByRole('button', { name: 'Pause' }).click();
  await expect(renamed).toContainText('Paused');
  await expect(renamed).toContainText('Abstimmung mit der Rechtsabteilung');
  await renamed.getByRole('button', { name: 'Resume' }).click();
  await expect(renamed.getByRole('button', { name: 'Pause' })).toBeVisible();

  // X has no app on this server: its button says so instead of leading nowhere.
  await add.getByLabel('Name').fill(`${name} X`);
  await add.getByLabel('Platform').selectOption('x');
  await add.getByRole('button', { name: 'Add channel' }).click();
  const x = page.getByRole('listitem').filter({ hasText: `${name} X` });
  await expect(x).toContainText('Not configured on this server');
  await expect(x.getByRole('button', { name: 'Connect' })).toBeDisabled();

  for (const target of [x, renamed]) {
    await target.getByRole('button', { name: 'Remove' }).click();
    await target.getByRole('button', { name: 'Remove for good' }).click();
    await expect(target).toHaveCount(0);
  }
});
