import type { APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { apiPost, expect, loginInBrowser, loginOwnerApi, OWNER, test } from '../support/fixtures';

async function channel(
  request: APIRequestContext,
  slug: string,
  name: string,
  platform: string,
): Promise<{ id: string }> {
  const list = await request.get(`/api/v1/workspaces/${slug}/channels`);
  const { items } = (await list.json()) as { items: { id: string; name: string }[] };
  const existing = items.find((c) => c.name === name);
  if (existing) return existing;
  return (await apiPost(request, `/api/v1/workspaces/${slug}/channels`, {
    name,
    platform,
    color: '#0a66c2',
  })) as { id: string };
}

const TEXT =
  'Am Samstag feiern wir das Sommerfest im Hafen: Musik ab 14 Uhr, Kuchen vom Café Aurora und eine Tombola für den Sportverein. Alle sind eingeladen, auch eure Hunde!';

test('the editor previews a post per platform, keeps a LinkedIn option in the variant and attaches a photo with alt text', async ({
  page,
  request,
}) => {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const linkedin = await channel(request, slug, 'LinkedIn Vorschau', 'linkedin');
  const instagram = await channel(request, slug, 'Instagram Vorschau', 'instagram');
  const post = (await apiPost(request, `/api/v1/workspaces/${slug}/posts`, {
    title: 'Sommerfest-Vorschau',
    text: TEXT,
    plannedAt: '2031-09-09T10:00',
    variants: [{ channelId: linkedin.id }, { channelId: instagram.id }],
  })) as { id: string };

  await loginInBrowser(page, OWNER.email, OWNER.password);
  await page.goto(`/w/${slug}/calendar?view=month&date=2031-09-01`);
  await page.getByTestId('calendar-event').filter({ hasText: 'Sommerfest-Vorschau' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit post' });

  // Instagram folds the caption after 125 characters; "more" unfolds it.
  const ig = editor.getByTestId(`preview-${instagram.id}`);
  await expect(ig.getByTestId('preview-text')).toHaveText(`${TEXT.slice(0, 125).trimEnd()}… more`);
  await ig.getByRole('button', { name: 'more' }).click();
  await expect(ig.getByTestId('preview-text')).toContainText('auch eure Hunde!');
  await expect(ig.getByText('Instagram needs an image or a video.')).toBeVisible();

  // LinkedIn shows up to 210 characters: this text whole. Its options go into the preview.
  const li = editor.getByTestId(`preview-${linkedin.id}`);
  await expect(li.getByTestId('preview-text')).toHaveText(TEXT);
  const options = editor.getByTestId(`options-${linkedin.id}`);
  await options.getByText('Options for LinkedIn Vorschau').click();
  await options.getByLabel('Visibility').selectOption('CONNECTIONS');
  await options.getByLabel('First comment').fill('Alle Termine: https://example.com/sommerfest');
  await expect(li.getByTestId('preview-first-comment')).toContainText(
    'Alle Termine: https://example.com/sommerfest',
  );

  // An upload from the editor lands in the library and on the post; Instagram frames a tall
  // photo at 4:5 and no longer asks for an image.
  const photo = await sharp({
    create: { width: 1080, height: 1920, channels: 3, background: { r: 20, g: 90, b: 160 } },
  })
    .jpeg()
    .toBuffer();
  await editor.getByTestId('editor-media-add').click();
  await editor.getByTestId('editor-media-file').setInputFiles({
    name: 'hafen-hochkant.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  await editor.getByLabel('Alt text for hafen-hochkant.jpg').fill('Der Hafen am Abend');
  await expect(ig.getByRole('img', { name: 'Der Hafen am Abend' })).toBeVisible();
  await expect(ig.getByText('Cropped to 4:5')).toBeVisible();
  await expect(ig.getByText('Instagram needs an image or a video.')).toHaveCount(0);

  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Changes saved.' })).toBeVisible();

  const saved = await request.get(`/api/v1/workspaces/${slug}/posts/${post.id}`);
  const body = (await saved.json()) as {
    variants: { channelId: string; options: Record<string, unknown> }[];
    media: { name: string; altText: string | null }[];
  };
  expect(body.media).toEqual([
    expect.objectContaining({ name: 'hafen-hochkant.jpg', altText: 'Der Hafen am Abend' }),
  ]);
  expect(body.variants.find((v) => v.channelId === linkedin.id)?.options).toEqual({
    visibility: 'CONNECTIONS',
    firstComment: 'Alle Termine: https://example.com/sommerfest',
  });

  // Opened again, the option is there and the preview shows it.
  await page.getByTestId('calendar-event').filter({ hasText: 'Sommerfest-Vorschau' }).click();
  await expect(editor.getByTestId(`options-${linkedin.id}`).getByLabel('Visibility')).toHaveValue(
    'CONNECTIONS',
  );
  await expect(
    editor.getByTestId(`preview-${linkedin.id}`).getByTestId('preview-first-comment'),
  ).toBeVisible();
});
