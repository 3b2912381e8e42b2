import type { Page } from '@playwright/test';
import { apiPost, expect, loginInBrowser, loginOwnerApi, OWNER, test } from '../support/fixtures';

/**
 * How the header's parts lie: in how many rows (by their vertical middles), and whether any two
 * overlap (a squeezed link running under the next control also looks like "one line").
 */
async function headerLayout(page: Page): Promise<{ rows: number; overlaps: string[] }> {
  const header = page.locator('header.app-header');
  const parts = [
    header.locator('.brand'),
    page.getByTestId('workspace-switcher'),
    ...(await header.getByRole('navigation').getByRole('link').all()),
    page.getByTestId('crisis-control'),
    page.getByTestId('language-select').first(),
    header.getByRole('button', { name: /Log out|Abmelden/ }),
  ];
  const boxes: { name: string; x: number; right: number; middle: number }[] = [];
  for (const part of parts) {
    const box = await part.boundingBox();
    if (!box) continue;
    const name = ((await part.textContent()) ?? '').trim().slice(0, 24);
    boxes.push({ name, x: box.x, right: box.x + box.width, middle: box.y + box.height / 2 });
  }
  const rows: number[] = [];
  for (const m of boxes.map((b) => b.middle).sort((a, b) => a - b)) {
    if (rows.length === 0 || m - rows[rows.length - 1]! > 8) rows.push(m);
  }
  const byX = [...boxes].sort((a, b) => a.x - b.x);
  const overlaps = byX.flatMap((b, i) =>
    i > 0 && b.x < byX[i - 1]!.right - 1 ? [`${byX[i - 1]!.name} / ${b.name}`] : [],
  );
  return { rows: rows.length, overlaps };
}

/** The elements (of those the selector finds) that reach past the right edge of the window. */
async function runsOffTheSide(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) =>
      [...document.querySelectorAll(css)]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').trim().slice(0, 24)}`),
    selector,
  );
}

/** A long address, as people have them: it must wrap, not widen the page. */
const INVITED = 'maximiliane.langname-beispielhaft@kommunikation.stadtwerke-musterstadt.example';

async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  );
}

test('the header stays one line down to 1024 px in both languages; settings have their own tabs; dates follow the language', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  await apiPost(request, `/api/v1/workspaces/${slug}/posts`, {
    title: 'Navigationsprobe',
    text: 'Ein Beitrag, um Datum und Uhrzeit zu sehen',
    plannedAt: '2031-08-12T10:00',
  });
  await apiPost(request, `/api/v1/workspaces/${slug}/members`, {
    email: INVITED,
    role: 'editor',
  });

  await loginInBrowser(page, OWNER.email, OWNER.password);
  try {
    for (const language of ['en', 'de'] as const) {
      await page.getByTestId('language-select').first().selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const width of [1440, 1280, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await headerLayout(page), `${language} at ${width} px`).toEqual({
          rows: 1,
          overlaps: [],
        });
        expect(await overflowsSideways(page), `${language} at ${width} px`).toBe(false);
      }
    }

    // The settings pages sit behind one entry; its tabs lead to each of them.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page
      .getByRole('navigation', { name: 'Arbeitsbereich' })
      .getByRole('link', { name: 'Einstellungen' })
      .click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings/wording$`));
    const tabs = page.getByRole('navigation', { name: 'Bereiche der Einstellungen' });
    await expect(tabs.getByRole('link')).toHaveText([
      'Textregeln',
      'Kanäle',
      'Mitglieder',
      'Medien',
      'Benachrichtigungen',
      'Konto',
      'Veröffentlichungen',
      'Freigabe-Links',
      'Plan-Links',
      'Freigaberegeln',
      'Protokoll',
    ]);
    await tabs.getByRole('link', { name: 'Freigaberegeln' }).click();
    await expect(page.getByTestId('approval-policy-page')).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Freigaberegeln' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(
      page
        .getByRole('navigation', { name: 'Arbeitsbereich' })
        .getByRole('link', { name: 'Einstellungen' }),
    ).toHaveAttribute('aria-current', 'page');

    // An English browser, a German UI: the date and time read as German writes them.
    await page.goto(`/w/${slug}/calendar?view=month&date=2031-08-01`);
    await page.getByTestId('calendar-event').filter({ hasText: 'Navigationsprobe' }).click();
    const editor = page.getByRole('dialog', { name: 'Beitrag bearbeiten' });
    await expect(editor.getByLabel('Datum', { exact: true })).toHaveValue('12.08.2031');
    await expect(editor.getByLabel('Uhrzeit', { exact: true })).toHaveValue('10:00');
    await page.keyboard.press('Escape');

    // On a phone the header may wrap, but nothing runs off the side and settings stay reachable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/${slug}/settings/members`);
    await expect(page.getByRole('heading', { name: 'Mitglieder', level: 1 })).toBeVisible();
    expect(await runsOffTheSide(page, 'header.app-header, header.app-header *')).toEqual([]);
    expect(await runsOffTheSide(page, '.settings-tabs, .settings-tabs *')).toEqual([]);
    // The members page with everything it shows: the table, an open invitation, the form.
    await expect(page.getByText(INVITED)).toBeVisible();
    expect(
      await overflowsSideways(page),
      `members page, running off the side: ${(await runsOffTheSide(page, 'body *')).join(', ')}`,
    ).toBe(false);
    await tabs.getByRole('link', { name: 'Textregeln' }).click();
    await expect(page.getByTestId('wording-settings')).toBeVisible();
    expect(
      await overflowsSideways(page),
      `running off the side: ${(await runsOffTheSide(page, 'body *')).join(', ')}`,
    ).toBe(false);
  } finally {
    await page.setViewportSize({ width: 1440, height: 960 });
    await page.getByTestId('language-select').first().selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
});
