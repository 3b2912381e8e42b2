import type { APIRequestContext } from '@playwright/test';
import {
  apiPost,
  csrfToken,
  expect,
  loginInBrowser,
  loginOwnerApi,
  openSettings,
  OWNER,
  test,
} from '../support/fixtures';

async function ensureXChannel(request: APIRequestContext, slug: string) {
  const list = await request.get(`/api/v1/workspaces/${slug}/channels`);
  const { items } = (await list.json()) as { items: { id: string; name: string }[] };
  const existing = items.find((c) => c.name === 'X Stadtwerke');
  if (existing) return existing;
  return (await apiPost(request, `/api/v1/workspaces/${slug}/channels`, {
    name: 'X Stadtwerke',
    platform: 'x',
    color: '#111827',
  })) as { id: string; name: string };
}

test('the editor reviews wording as you type: X counts its way, errors block submitting, a brand fix is one click', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const x = await ensureXChannel(request, slug);
  // Someone other than the author must be able to approve (four-eyes), or submitting is refused.
  const added = await request.post(`/api/v1/workspaces/${slug}/members`, {
    data: {
      name: 'Erika Editor',
      email: 'erika@example.com',
      password: 'editor-password-1',
      role: 'editor',
    },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect([200, 201, 409], await added.text()).toContain(added.status());
  const post = (await apiPost(request, `/api/v1/workspaces/${slug}/posts`, {
    title: 'Rundbrief-Teaser',
    text: 'Abonniere unseren Newsletter! Was interessiert dich?',
    plannedAt: '2031-08-05T10:00',
    variants: [{ channelId: x.id, text: 'Kurz und knapp: Was meint ihr?' }],
  })) as { id: string };

  await loginInBrowser(page, OWNER.email, OWNER.password);

  // The brand wording is set up on the settings page, linked from the header.
  await openSettings(page, 'Wording rules');
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings/wording$`));
  await expect(page.getByRole('heading', { name: 'Wording rules' })).toBeVisible();
  await page.getByRole('button', { name: 'Add rule' }).click();
  const row = page.getByTestId('brand-row').last();
  await row.getByLabel(/^Type: /).selectOption('preferred');
  await row.getByLabel(/^Term: /).fill('Newsletter');
  await row.getByLabel('Replacement: Newsletter').fill('Rundbrief');
  await page.getByRole('button', { name: 'Save brand rules' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Brand rules saved.' })).toBeVisible();

  await page.goto(`/w/${slug}/calendar?view=month&date=2031-08-01`);
  await page.getByTestId('calendar-event').filter({ hasText: 'Rundbrief-Teaser' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit post' });
  const counter = editor.getByTestId(`counter-${x.id}`);
  const submit = editor.getByRole('button', { name: 'Submit for review…' });
  await expect(counter).toHaveText(/X Stadtwerke\s+30 \/ 280/);
  await expect(submit).toBeEnabled();

  // Past 280 weighted characters the X counter turns red and submitting is blocked, with the reason.
  const xText = editor.getByRole('textbox', { name: 'Own text for X Stadtwerke' });
  await xText.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(` ${'Noch ein Satz dazu. '.repeat(13)}`);
  await expect(counter).toHaveText(/X Stadtwerke\s+291 \/ 280/);
  await expect(counter).toHaveAttribute('data-over', 'true');
  await expect(counter).toHaveCSS('color', 'rgb(185, 28, 28)');
  await expect(counter.getByRole('status')).toHaveText('X Stadtwerke: the text is over the limit.');
  await expect(submit).toBeDisabled();
  await expect(editor.getByTestId('submit-blocked-note')).toHaveText('Errors block submitting: 1');
  await expect(
    editor.getByTestId(`text-${x.id}-findings`).getByText(/11 weighted characters too long/),
  ).toBeVisible();
  // The part that does not fit is underlined as an error.
  await expect(xText.locator('.cm-lintRange-error')).toContainText('dazu.');

  // The preferred term is underlined in the base text; its tooltip offers the fix.
  const baseText = editor.getByRole('textbox', { name: 'Text', exact: true });
  const mark = baseText.locator('.cm-lintRange-warning', { hasText: 'Newsletter' });
  await expect(mark).toBeVisible();
  await mark.hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await expect(tooltip).toContainText('Newsletter');
  await tooltip.getByRole('button', { name: 'Replace with “Rundbrief”' }).click();
  await expect(baseText).toHaveText('Abonniere unseren Rundbrief! Was interessiert dich?');
  await expect(baseText.locator('.cm-lintRange-warning', { hasText: 'Newsletter' })).toHaveCount(0);

  // Shortened again, the post can be submitted: the summary comes first, then the submission.
  await xText.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Kurz und knapp: Was meint ihr zum Rundbrief?');
  await expect(counter).toHaveAttribute('data-over', 'false');
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(editor.getByTestId('wording-summary')).toBeVisible();
  await expect(editor.getByTestId(`summary-${x.id}`)).toContainText('44 / 280');
  await expect(editor.getByText('No errors: the post can be submitted.')).toBeVisible();
  await editor.getByRole('button', { name: 'Submit now' }).click();
  await expect(editor).toBeHidden();
  await expect(
    page.getByTestId('toast').filter({ hasText: 'Submitted for review.' }),
  ).toBeVisible();

  const stored = await request.get(`/api/v1/workspaces/${slug}/posts/${post.id}`);
  const saved = (await stored.json()) as {
    text: string;
    status: string;
    variants: { channelId: string; text: string | null }[];
  };
  expect(saved.text).toBe('Abonniere unseren Rundbrief! Was interessiert dich?');
  expect(saved.variants).toEqual([
    { channelId: x.id, text: 'Kurz und knapp: Was meint ihr zum Rundbrief?' },
  ]);
  expect(saved.status).not.toBe('draft');
});
