import { expect, loginInBrowser, loginOwnerApi, OWNER, test } from '../support/fixtures';

test('switching the language changes every text, the calendar included, and is remembered', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar?view=month&date=2031-06-01`);

  // The browser says en-US, so the app starts in English.
  await expect(page.getByRole('button', { name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('calendar-title')).toHaveText('June 2031');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  const saved = page.waitForRequest(
    (r) => r.method() === 'PATCH' && r.url().endsWith('/api/v1/me'),
  );
  await page.getByTestId('language-select').first().selectOption('de');
  expect((await saved).postDataJSON()).toEqual({ locale: 'de' });

  await expect(page.getByRole('button', { name: 'Heute' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Neuer Beitrag' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Monat' }),
  ).toBeVisible();
  await expect(page.getByTestId('calendar-title')).toHaveText('Juni 2031');
  await expect(page.getByRole('heading', { name: 'Ideen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // Public holidays are named in the UI language too (Whit Monday 2031 is on 2 June).
  await expect(page.getByTestId('holiday').filter({ hasText: 'Pfingstmontag' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Heute' })).toBeVisible();

  await page.getByTestId('language-select').first().selectOption('en');
  await expect(page.getByRole('button', { name: 'Today' })).toBeVisible();
  await expect(page.getByTestId('calendar-title')).toHaveText('June 2031');
  await expect(page.getByTestId('holiday').filter({ hasText: 'Whit Monday' })).toBeVisible();
  await expect(page.getByText('Heute', { exact: true })).toHaveCount(0);
});
