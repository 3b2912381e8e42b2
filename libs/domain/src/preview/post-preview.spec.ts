import { type PreviewInput, type PreviewMediaInput, buildPostPreview } from './post-preview';

const account = { name: 'Café Aurora', handle: 'cafe.aurora' };
const preview = (input: Omit<PreviewInput, 'account'>) => buildPostPreview({ account, ...input });

const image = (id: string, width: number | null, height: number | null): PreviewMediaInput => ({
  id,
  url: `https://media.example.com/${id}.jpg`,
  mimeType: 'image/jpeg',
  altText: `Bild ${id}`,
  width,
  height,
});

/** A text of exactly n characters of prose, no line breaks. */
const prose = (n: number) =>
  'Sommerfest im Café Aurora mit Musik, Kuchen und Gästen. '.repeat(20).slice(0, n);

describe('Instagram', () => {
  it('folds a long caption after 125 characters behind "more"', () => {
    const text = prose(300);
    const p = preview({ platform: 'instagram', text, media: [image('a', 1080, 1080)] });
    expect(p.text.foldIndex).toBe(125);
    expect(p.text.foldReason).toBe('characters');
    expect(p.text.visible).toBe(text.slice(0, 125).trimEnd());
    expect(p.text.moreLabel).toBe('more');
    expect(p.header).toEqual({ name: 'Café Aurora', handle: 'cafe.aurora' });
    // The picture comes first, the caption under it.
    expect(p.mediaFirst).toBe(true);
    expect(preview({ platform: 'linkedin', text }).mediaFirst).toBe(false);
  });

  it('shows a caption of 125 characters whole', () => {
    const text = prose(125);
    const p = preview({ platform: 'instagram', text, media: [image('a', 1080, 1080)] });
    expect(p.text).toMatchObject({ foldIndex: null, visible: text.trimEnd(), foldReason: null });
  });

  it('counts an emoji as the two UTF-16 units Instagram counts', () => {
    const text = '🎉'.repeat(70);
    const p = preview({ platform: 'instagram', text, media: [image('a', 1, 1)] });
    // 62 emoji are 124 units; the 63rd would be 126.
    expect(p.text.foldIndex).toBe(62 * 2);
  });

  it('folds after three lines when they come before 125 characters', () => {
    const text = 'Heute:\nKuchen\nMusik\nTanz bis Mitternacht';
    const p = preview({ platform: 'instagram', text, media: [image('a', 1, 1)] });
    expect(p.text.foldReason).toBe('lines');
    expect(p.text.visible).toBe('Heute:\nKuchen\nMusik');
    // Trailing empty lines hide nothing.
    expect(
      preview({ platform: 'instagram', text: 'A\nB\nC\n\n', media: [image('a', 1, 1)] }).text
        .foldIndex,
    ).toBeNull();
  });

  it('crops a feed image into 4:5 to 1.91:1 and a carousel into the first slide’s frame', () => {
    const tall = preview({ platform: 'instagram', text: 'x', media: [image('a', 1080, 1920)] });
    expect(tall.media[0]!.crop).toEqual({
      aspect: 0.8,
      originalAspect: 1080 / 1920,
      cropped: true,
    });
    const wide = preview({ platform: 'instagram', text: 'x', media: [image('a', 3000, 1000)] });
    expect(wide.media[0]!.crop).toMatchObject({ aspect: 1.91, cropped: true });
    const square = preview({ platform: 'instagram', text: 'x', media: [image('a', 1080, 1080)] });
    expect(square.media[0]!.crop).toMatchObject({ aspect: 1, cropped: false });

    const carousel = preview({
      platform: 'instagram',
      text: 'x',
      media: [image('a', 1080, 1350), image('b', 1080, 1080)],
    });
    expect(carousel.mediaLayout).toBe('carousel');
    expect(carousel.media.map((m) => [m.crop.aspect, m.crop.cropped])).toEqual([
      [0.8, false],
      [0.8, true],
    ]);
  });

  it('draws no link card and says a link in a caption is not clickable', () => {
    const p = preview({
      platform: 'instagram',
      text: 'Programm auf https://example.com/sommer',
      media: [image('a', 1, 1)],
    });
    expect(p.linkCard).toBeNull();
    expect(p.notes).toContain('links_not_clickable');
  });

  it('shows a story full screen in 9:16 without its caption, and a reel in 9:16', () => {
    const story = preview({
      platform: 'instagram',
      text: 'Nicht sichtbar',
      media: [image('a', 1080, 1080)],
      options: { format: 'story', firstComment: 'nie' },
    });
    expect(story.layout).toBe('story');
    expect(story.text).toMatchObject({ hidden: true, visible: '' });
    expect(story.media[0]!.crop).toMatchObject({ aspect: 9 / 16, cropped: true });
    expect(story.notes).toContain('story_without_caption');
    expect(story.firstComment).toBeNull();

    const reel = preview({
      platform: 'instagram',
      text: 'Reel',
      media: [image('v', 1080, 1920)],
      options: { format: 'reel', firstComment: 'Zuerst' },
    });
    expect(reel.layout).toBe('reel');
    expect(reel.media[0]!.crop).toMatchObject({ aspect: 9 / 16, cropped: false });
    expect(reel.firstComment).toBe('Zuerst');
  });

  it('notes that Instagram needs an image', () => {
    expect(preview({ platform: 'instagram', text: 'Ohne Bild' }).notes).toContain('media_required');
  });
});

describe('LinkedIn', () => {
  it('folds after 210 characters behind "see more"', () => {
    const text = prose(400);
    const p = preview({ platform: 'linkedin', text });
    expect(p.text).toMatchObject({
      foldIndex: 210,
      foldReason: 'characters',
      moreLabel: 'see_more',
    });
  });

  it('folds after three lines', () => {
    const p = preview({ platform: 'linkedin', text: 'Eins\nZwei\nDrei\nVier' });
    expect(p.text).toMatchObject({ visible: 'Eins\nZwei\nDrei', foldReason: 'lines' });
  });

  it('draws no link card for a link in the text (Postplan posts it as commentary)', () => {
    expect(
      preview({ platform: 'linkedin', text: 'Mehr: https://example.com' }).linkCard,
    ).toBeNull();
  });

  it('shows the first comment', () => {
    expect(
      preview({ platform: 'linkedin', text: 'x', options: { firstComment: 'Link im Kommentar' } })
        .firstComment,
    ).toBe('Link im Kommentar');
  });
});

describe('Facebook', () => {
  it('folds after 477 characters or five lines', () => {
    const p = preview({ platform: 'facebook', text: prose(600) });
    expect(p.text).toMatchObject({ foldIndex: 477, moreLabel: 'see_more' });
    expect(preview({ platform: 'facebook', text: '1\n2\n3\n4\n5\n6' }).text.visible).toBe(
      '1\n2\n3\n4\n5',
    );
  });

  it('draws a card for the link option, else for the first link of a text-only post', () => {
    const text = 'Tickets: https://tickets.example.com und https://www.example.org';
    expect(
      preview({ platform: 'facebook', text, options: { link: 'https://www.aurora.de/jazz' } })
        .linkCard,
    ).toEqual({ url: 'https://www.aurora.de/jazz', host: 'aurora.de', source: 'option' });
    expect(preview({ platform: 'facebook', text }).linkCard).toEqual({
      url: 'https://tickets.example.com',
      host: 'tickets.example.com',
      source: 'text',
    });
    expect(preview({ platform: 'facebook', text, media: [image('a', 1, 1)] }).linkCard).toBeNull();
  });

  it('lays several photos out in a grid of tiles', () => {
    const p = preview({
      platform: 'facebook',
      text: 'x',
      media: [image('a', 1000, 1000), image('b', 1000, 1000)],
    });
    expect(p.mediaLayout).toBe('grid');
    expect(p.media.map((m) => m.crop.aspect)).toEqual([8 / 9, 8 / 9]);
  });
});

describe('X', () => {
  it('shows a standard post whole and marks the part over 280 weighted characters', () => {
    // A URL counts 23 whatever its length; 'ä' counts 1, an emoji 2.
    const ok = `${'ä'.repeat(250)} https://example.com/ein/sehr/langer/pfad/der/nicht/zaehlt`;
    const within = preview({ platform: 'x', text: ok });
    expect(within.text).toMatchObject({ foldIndex: null, overLimit: null, visible: ok });

    const over = '🎉'.repeat(141);
    const p = preview({ platform: 'x', text: over });
    expect(p.text.overLimit).toEqual({ start: 280, used: 282, limit: 280, unit: 'weighted' });
    expect(p.text.foldIndex).toBeNull();
  });

  it('folds a Premium account’s long post at 280 behind "Show more"', () => {
    const text = prose(600);
    const p = preview({ platform: 'x', text, characterLimit: 25_000 });
    expect(p.text).toMatchObject({ foldIndex: 280, moreLabel: 'show_more', overLimit: null });
  });

  it('draws the card for the last link when there are no media', () => {
    const text = 'Erst https://a.example.com dann https://b.example.com';
    expect(preview({ platform: 'x', text }).linkCard?.url).toBe('https://b.example.com');
    expect(preview({ platform: 'x', text, media: [image('a', 1, 1)] }).linkCard).toBeNull();
  });

  it('keeps a single image between 3:4 and 2:1 and tiles several', () => {
    expect(
      preview({ platform: 'x', text: 'x', media: [image('a', 900, 1600)] }).media[0]!.crop,
    ).toMatchObject({ aspect: 0.75, cropped: true });
    expect(
      preview({ platform: 'x', text: 'x', media: [image('a', 1600, 900)] }).media[0]!.crop,
    ).toMatchObject({ aspect: 1600 / 900, cropped: false });
    const three = preview({
      platform: 'x',
      text: 'x',
      media: [image('a', 1, 1), image('b', 1, 1), image('c', 1, 1)],
    });
    expect(three.media.map((m) => m.crop.aspect)).toEqual([8 / 9, 16 / 9, 16 / 9]);
  });

  it('shows only the four images X takes', () => {
    const p = preview({
      platform: 'x',
      text: 'x',
      media: ['a', 'b', 'c', 'd', 'e'].map((id) => image(id, 1, 1)),
    });
    expect(p.media).toHaveLength(4);
    expect(p.notes).toContain('too_many_media');
  });
});

describe('Bluesky', () => {
  it('shows 300 graphemes whole and marks what is over', () => {
    const fits = 'ü'.normalize('NFD').repeat(300);
    expect(preview({ platform: 'bluesky', text: fits }).text.overLimit).toBeNull();
    const over = preview({ platform: 'bluesky', text: 'a'.repeat(301) });
    expect(over.text.overLimit).toMatchObject({ start: 300, used: 301, limit: 300 });
    expect(over.text.foldIndex).toBeNull();
  });

  it('draws no link card (links are facets) and shows the first comment as a reply', () => {
    const p = preview({
      platform: 'bluesky',
      text: 'https://example.com',
      options: { firstComment: 'Fotos folgen' },
    });
    expect(p.linkCard).toBeNull();
    expect(p.firstComment).toBe('Fotos folgen');
  });

  it('shows a single image in its own shape, down to 1:2', () => {
    expect(
      preview({ platform: 'bluesky', text: 'x', media: [image('a', 1000, 1500)] }).media[0]!.crop,
    ).toMatchObject({ aspect: 1000 / 1500, cropped: false });
    expect(
      preview({ platform: 'bluesky', text: 'x', media: [image('a', 500, 2000)] }).media[0]!.crop,
    ).toMatchObject({ aspect: 0.5, cropped: true });
  });
});

describe('Mastodon', () => {
  it('hides the text behind a content warning', () => {
    const p = preview({
      platform: 'mastodon',
      text: 'Spoiler: der Kuchen ist alle.',
      options: { spoilerText: 'Kuchen-Spoiler' },
    });
    expect(p.contentWarning).toBe('Kuchen-Spoiler');
    expect(p.text).toMatchObject({
      foldIndex: 0,
      foldReason: 'content_warning',
      visible: '',
      moreLabel: 'show_more',
    });
  });

  it('counts a link as 23 and uses the instance’s own limit', () => {
    const text = `${'a'.repeat(470)} https://example.com/${'x'.repeat(100)}`;
    expect(preview({ platform: 'mastodon', text }).text.overLimit).toBeNull();
    expect(
      preview({ platform: 'mastodon', text: 'a'.repeat(600), characterLimit: 1000 }).text.overLimit,
    ).toBeNull();
    expect(preview({ platform: 'mastodon', text: 'a'.repeat(501) }).text.overLimit).toMatchObject({
      start: 500,
    });
  });

  it('draws the card for the first link of a post without media', () => {
    const p = preview({
      platform: 'mastodon',
      text: 'Siehe https://www.example.com/a und https://b.example.com',
    });
    expect(p.linkCard).toEqual({
      url: 'https://www.example.com/a',
      host: 'example.com',
      source: 'text',
    });
  });
});

describe('other platforms', () => {
  it('Pinterest shows the title option, else the post title, and the destination link', () => {
    const p = preview({
      platform: 'pinterest',
      text: 'Beschreibung',
      title: 'Sommerfest',
      media: [image('a', 1000, 1500)],
      options: { link: 'https://example.com/rezept' },
    });
    expect(p.layout).toBe('pin');
    expect(p.title).toBe('Sommerfest');
    expect(p.linkCard).toMatchObject({ url: 'https://example.com/rezept', source: 'option' });
    expect(
      preview({ platform: 'pinterest', text: 'x', title: 'A', options: { title: 'B' } }).title,
    ).toBe('B');
  });

  it('Telegram draws no link preview when it is switched off', () => {
    expect(preview({ platform: 'telegram', text: 'https://example.com' }).linkCard).not.toBeNull();
    expect(
      preview({
        platform: 'telegram',
        text: 'https://example.com',
        options: { disableLinkPreview: true },
      }).linkCard,
    ).toBeNull();
  });

  it('a platform without rules of its own is shown whole and uncropped', () => {
    const p = preview({ platform: 'sandbox', text: prose(900), media: [image('a', 100, 900)] });
    expect(p.text.foldIndex).toBeNull();
    expect(p.media[0]!.crop).toMatchObject({ aspect: 100 / 900, cropped: false });
  });

  it('an image without known size is framed square and not called cropped', () => {
    const p = preview({ platform: 'linkedin', text: 'x', media: [image('a', null, null)] });
    expect(p.media[0]!.crop).toEqual({ aspect: 1, originalAspect: null, cropped: false });
  });
});
