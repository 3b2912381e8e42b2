import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { apiPost, expect, loginInBrowser, loginOwnerApi, OWNER, test } from '../support/fixtures';

test('an owner exports a month as XLSX and CSV, subscribes, prints the week and imports a CSV', async ({
  page,
  request,
  context,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  const channels = (await (await request.get(`${base}/channels`)).json()) as {
    items: { id: string; name: string }[];
  };
  const channel =
    channels.items.find((c) => c.name === 'Mastodon Export') ??
    ((await apiPost(request, `${base}/channels`, {
      name: 'Mastodon Export',
      platform: 'mastodon',
    })) as { id: string; name: string });
  await apiPost(request, `${base}/posts`, {
    title: 'Frühjahrsputz im Netz',
    text: 'Zeit, die Passwörter zu wechseln.',
    plannedAt: '2033-03-09T09:30',
    variants: [{ channelId: channel.id }],
  });
  await apiPost(request, `${base}/posts`, {
    title: 'Tag der offenen Tür',
    text: '=Kommt vorbei, wir zeigen das Wasserwerk.',
    plannedAt: '2033-03-24T14:00',
    variants: [{ channelId: channel.id }],
  });

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar?view=month&date=2033-03-01`);
  await expect(page.getByTestId('calendar-title')).toHaveText(/March 2033|März 2033/);

  const menu = page.getByTestId('export-menu');
  const download = async (testId: string) => {
    await menu.locator('summary').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(testId).click(),
    ]);
    return file;
  };

  // XLSX: real date cells showing Berlin wall-clock time, one row per post and channel.
  const xlsx = await download('export-xlsx');
  expect(xlsx.suggestedFilename()).toMatch(/^postplan-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  const bytes = await readFile(await xlsx.path());
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const sheet = book.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  const spring = rows.find((r) => r[7] === 'Frühjahrsputz im Netz')!;
  expect(spring).toBeTruthy();
  expect((spring[2] as Date).toISOString()).toBe('2033-03-09T09:30:00.000Z');
  expect(spring[4]).toBe('Mastodon Export');
  expect(rows.some((r) => r[7] === 'Tag der offenen Tür')).toBe(true);

  // CSV for German Excel: BOM, semicolons, and the formula-like text neutralised.
  const csv = await download('export-csv-semicolon');
  const text = await readFile(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text).toContain(';Frühjahrsputz im Netz;');
  expect(text).toContain(";'=Kommt vorbei");

  // The subscribe URL lands in the clipboard and serves the plan as a calendar.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await menu.locator('summary').click();
  await page.getByTestId('copy-subscribe-url').click();
  await expect(page.getByTestId('copy-subscribe-url')).toHaveText(/copied|kopiert/i);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/api\/v1\/feeds\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
  const feed = await request.get(new URL(copied).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');

  // The print view of the week with 9 March.
  await page.goto(`/w/${slug}/calendar?view=week&date=2033-03-07`);
  await menu.locator('summary').click();
  const [printView] = await Promise.all([
    context.waitForEvent('page'),
    page.getByTestId('export-print-week').click(),
  ]);
  await printView.waitForLoadState();
  await expect(printView.getByRole('heading', { level: 2 })).toHaveText(/(Week|KW) 10/);
  const entry = printView.getByTestId('print-entry').filter({ hasText: 'Frühjahrsputz im Netz' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('09:30');
  await expect(entry).toContainText('Mastodon Export');
  await expect(printView.getByText('Tag der offenen Tür')).toHaveCount(0);
  await printView.close();

  // Import: a scheduler's bulk file whose channel column needs matching by hand.
  await menu.locator('summary').click();
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-page')).toBeVisible();
  const bulk = (rows: string[]) =>
    Buffer.from(['Date;Time;Message;Kanalname', ...rows].join('\r\n'), 'utf8');
  await page.getByTestId('import-file').setInputFiles({
    name: 'bulk.csv',
    mimeType: 'text/csv',
    buffer: bulk([
      '12.04.2033;10:00;Osterbrunnen im Park;Mastodon Export',
      '13.04.2033;10:00;Eiersuche;Friendica',
    ]),
  });
  await expect(page.getByTestId('import-file-summary')).toContainText('2');
  await expect(page.getByTestId('map-date')).toHaveValue('0');
  await expect(page.getByTestId('map-text')).toHaveValue('2');
  await page.getByTestId('map-channel').selectOption({ label: 'Kanalname' });
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="import-row"][data-outcome="error"]')).toContainText(
    'Friendica',
  );
  await expect(page.getByTestId('import-run')).toBeDisabled();

  await page.getByTestId('import-file').setInputFiles({
    name: 'bulk-fixed.csv',
    mimeType: 'text/csv',
    buffer: bulk([
      '12.04.2033;10:00;Osterbrunnen im Park;Mastodon Export',
      '13.04.2033;10:00;Eiersuche;Mastodon Export',
    ]),
  });
  await expect(page.getByTestId('import-file-summary')).toContainText('bulk-fixed.csv');
  await page.getByTestId('map-channel').selectOption({ label: 'Kanalname' });
  await page.getByTestId('import-dry-run').click();
  await expect(page.locator('[data-testid="import-row"][data-outcome="create"]')).toHaveCount(2);
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-done')).toContainText('2');

  const imported = await request.get(`${base}/posts?from=2033-04-12&to=2033-04-14`);
  const items = ((await imported.json()) as { items: { text: string; status: string }[] }).items;
  expect(items.map((p) => [p.text, p.status]).sort()).toEqual([
    ['Eiersuche', 'draft'],
    ['Osterbrunnen im Park', 'draft'],
  ]);
});
