import sharp from 'sharp';
import { expect, loginInBrowser, loginOwnerApi, OWNER, test } from '../support/fixtures';

const png = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

test('a community manager fills the media library: drop and pick files, describe them, find them again', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/settings`);
  await expect(page.getByRole('link', { name: /^(Medien|Media)$/ })).toHaveAttribute(
    'href',
    `/w/${slug}/settings/media`,
  );
  // The library also opens on its own, without the settings around it.
  await page.goto(`/w/${slug}/media`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Mediathek|Media library/);

  // Picked with the file dialog.
  const name = `Strandfest-${Date.now()}.png`;
  await page.getByTestId('media-file-input').setInputFiles({
    name,
    mimeType: 'image/png',
    buffer: await png(1200, 800, '#f4a261'),
  });
  const card = page.getByTestId('media-card').filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card).toContainText('1200 × 800');
  // The thumbnail really loads (an authenticated route, not a broken image).
  await expect
    .poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(card).toContainText(/Noch kein Alternativtext|No alt text yet/);

  // Described for screen readers; the description survives a reload.
  await card.getByTestId('media-alt').fill('Lampions über dem Strand am Abend');
  await card.getByRole('button', { name: /^(Speichern|Save)$/ }).click();
  // Saved: the card no longer warns that the file has no alt text.
  await expect(page.getByTestId('media-card').filter({ hasText: name })).not.toContainText(
    /Noch kein Alternativtext|No alt text yet/,
  );
  await page.reload();
  await expect(
    page.getByTestId('media-card').filter({ hasText: name }).getByTestId('media-alt'),
  ).toHaveValue('Lampions über dem Strand am Abend');

  // Dropped onto the page.
  const dropped = `Bühne-${Date.now()}.png`;
  const bytes = (await png(400, 400, '#2a9d8f')).toString('base64');
  await page.getByTestId('media-upload').evaluate(
    (zone, { bytes, dropped }) => {
      const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], dropped, { type: 'image/png' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    },
    { bytes, dropped },
  );
  await expect(page.getByTestId('media-card').filter({ hasText: dropped })).toBeVisible();

  // Search finds by the description, not only by the name.
  await page.getByTestId('media-search').fill('Lampions');
  await expect(page.getByTestId('media-card')).toHaveCount(1);
  await expect(page.getByTestId('media-card')).toContainText(name);

  // A PNG named .jpg is refused with a reason, and not added.
  await page.getByTestId('media-search').fill('');
  await expect(page.getByTestId('media-card')).toHaveCount(2);
  await page.getByTestId('media-file-input').setInputFiles({
    name: 'umbenannt.jpg',
    mimeType: 'image/jpeg',
    buffer: await png(50, 50, '#000000'),
  });
  await expect(
    page.getByText(/„umbenannt\.jpg“ wurde nicht gespeichert|“umbenannt\.jpg” was not stored/),
  ).toBeVisible();
  await expect(page.getByTestId('media-card')).toHaveCount(2);
});
