import type { APIRequestContext, Browser, Page } from '@playwright/test';
import {
  apiPost,
  csrfToken,
  expect,
  isInside,
  loginOwnerApi,
  OWNER,
  test,
} from '../support/fixtures';

/**
 * What a community manager tripped over, checked where she works: at 1440 and 1024 px on a
 * desktop and at 390 px on a phone, in German and in English.
 */

type Lang = 'de' | 'en';
type Channel = { id: string; name: string; platform: string };
type PostRef = { id: string; version: number; title: string };

const WIDTHS = [1440, 1024, 390] as const;
const LANGS: Lang[] = ['de', 'en'];

const T = {
  de: {
    goesTo: 'Geht an: Hafen Instagram auf Instagram, Hafen LinkedIn auf LinkedIn',
    legend: 'Kanäle',
    search: 'Suche',
    results: '1 Beitrag in diesem Zeitraum passt zu „Kisten“.',
    editor: 'Beitrag bearbeiten',
    save: 'Speichern',
    saved: 'Änderungen gespeichert.',
    fix: 'Durch „Der leere Kasten“ ersetzen',
    newLink: 'Neuer Freigabe-Link',
    approve: 'Ansehen, kommentieren und freigeben',
    warning: 'Dieser Link kann noch nicht freigeben',
    addLevel: 'Kundenstufe hinzufügen',
  },
  en: {
    goesTo: 'Goes to: Hafen Instagram on Instagram, Hafen LinkedIn on LinkedIn',
    legend: 'Channels',
    search: 'Search',
    results: '1 post in this period matches “Kisten”.',
    editor: 'Edit post',
    save: 'Save',
    saved: 'Changes saved.',
    fix: 'Replace with “Der leere Kasten”',
    newLink: 'New review link',
    approve: 'View, comment and approve',
    warning: 'This link cannot approve yet',
    addLevel: 'Add a client level',
  },
} as const;

async function channel(request: APIRequestContext, slug: string, name: string, platform: string) {
  const { items } = (await (await request.get(`/api/v1/workspaces/${slug}/channels`)).json()) as {
    items: Channel[];
  };
  return (
    items.find((c) => c.name === name) ??
    ((await apiPost(request, `/api/v1/workspaces/${slug}/channels`, { name, platform })) as Channel)
  );
}

async function post(
  request: APIRequestContext,
  slug: string,
  body: { title: string; text: string; plannedAt: string; variants: { channelId: string }[] },
): Promise<PostRef> {
  const list = await request.get(
    `/api/v1/workspaces/${slug}/posts?from=2031-09-01T00:00&to=2031-10-01T00:00`,
  );
  const { items } = (await list.json()) as { items: PostRef[] };
  return (
    items.find((p) => p.title.startsWith(body.title)) ??
    ((await apiPost(request, `/api/v1/workspaces/${slug}/posts`, body)) as PostRef)
  );
}

/** The workspace the journeys share, with what this journey needs in it. */
async function prepare(request: APIRequestContext) {
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const ig = await channel(request, slug, 'Hafen Instagram', 'instagram');
  const li = await channel(request, slug, 'Hafen LinkedIn', 'linkedin');
  const fb = await channel(request, slug, 'Hafen Facebook', 'facebook');
  const bsky = await channel(request, slug, 'Hafen Bluesky', 'bluesky');
  const hafenfest = await post(request, slug, {
    title: 'Hafenfest',
    text: 'Am Samstag feiern wir am Hafen. Kommt vorbei und bringt Freunde mit!',
    plannedAt: '2031-09-10T10:00',
    variants: [{ channelId: ig.id }, { channelId: li.id }],
  });
  await post(request, slug, {
    title: 'Spätschicht',
    text: 'Die Nachtschicht grüßt.',
    plannedAt: '2031-09-11T23:30',
    variants: [{ channelId: fb.id }],
  });
  const kiste = await post(request, slug, {
    title: 'Kistenaktion',
    text: 'Die leere Kiste steht im Flur.',
    plannedAt: '2031-09-12T09:00',
    variants: [{ channelId: bsky.id }],
  });
  // The brand term with its genders, so the fix can re-inflect the article.
  const rules = (await (
    await request.get(`/api/v1/workspaces/${slug}/wording/brand-rules`)
  ).json()) as {
    items: Record<string, unknown>[];
  };
  if (!rules.items.some((r) => r.term === 'Kiste')) {
    const saved = await request.put(`/api/v1/workspaces/${slug}/wording/brand-rules`, {
      data: {
        items: [
          ...rules.items,
          {
            kind: 'preferred',
            term: 'Kiste',
            replacement: 'Kasten',
            termGender: 'f',
            replacementGender: 'm',
          },
        ],
      },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }
  return { slug, hafenfest, kiste };
}

/** A browser in the language and at the width, signed in as the owner. */
async function open(browser: Browser, lang: Lang, width: number): Promise<Page> {
  const context = await browser.newContext({
    locale: lang === 'de' ? 'de-DE' : 'en-GB',
    timezoneId: 'America/New_York',
    viewport: { width, height: width < 600 ? 844 : 900 },
    hasTouch: width < 600,
  });
  const page = await context.newPage();
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: OWNER.email, password: OWNER.password },
  });
  expect(login.status()).toBe(200);
  return page;
}

for (const lang of LANGS) {
  for (const width of WIDTHS) {
    test(`calendar shows where posts go, keeps late posts on their day and finds posts (${lang}, ${width} px)`, async ({
      browser,
      request,
    }) => {
      const { slug } = await prepare(request);
      const page = await open(browser, lang, width);
      const t = T[lang];
      await page.goto(`/w/${slug}/calendar?view=month&date=2031-09-01`);
      const events = page.getByTestId('calendar-event');
      const hafenfest = events.filter({ hasText: 'Hafenfest' });
      // The calendar chunk loads lazily; on a busy machine that takes a while.
      await expect(hafenfest).toBeVisible({ timeout: 30_000 });

      // Every channel of the post has its mark, and the marks have names.
      await expect(hafenfest.getByTestId('event-channels')).toHaveAttribute('aria-label', t.goesTo);
      const legend = page.getByRole('region', { name: t.legend });
      await expect(legend.getByRole('listitem').filter({ hasText: 'Hafen Bluesky' })).toBeVisible();
      await expect(
        legend.getByRole('listitem').filter({ hasText: 'Hafen Facebook' }),
      ).toBeVisible();

      if (width < 600) {
        // A phone gets the month as a list: the text and the channels can be read.
        await expect(page.getByTestId('event-preview').first()).toBeVisible();
        await expect(hafenfest.getByTestId('event-preview')).toHaveText(
          'Am Samstag feiern wir am Hafen. Kommt vorbei und bringt Freunde mit!',
        );
        await expect(hafenfest.getByTestId('event-channel-names')).toHaveText(
          'Hafen Instagram, Hafen LinkedIn',
        );
        const box = await hafenfest.boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      } else {
        // Month grid: the status badge is at least 11 px and not cut off by its cell.
        const badge = hafenfest.locator('.status-badge');
        const size = await badge.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        expect(size).toBeGreaterThanOrEqual(11);
        const clipped = await badge.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
        expect(clipped).toBe(false);
        const cell = await hafenfest.boundingBox();
        const badgeBox = await badge.boundingBox();
        expect(badgeBox!.x + badgeBox!.width).toBeLessThanOrEqual(cell!.x + cell!.width + 1);

        // A post at 23:30 stays on its day, in the month and in the week.
        const late = events.filter({ hasText: 'Spätschicht' });
        const day = page.getByTestId('calendar').locator('[data-date="2031-09-11"]').first();
        expect(await isInside(page, late, day)).toBe(true);
        const lateBox = await late.boundingBox();
        const dayBox = await day.boundingBox();
        expect(lateBox!.width).toBeLessThanOrEqual(dayBox!.width);
        await page.goto(`/w/${slug}/calendar?view=week&date=2031-09-08`);
        await expect(
          page.getByTestId('calendar-event').filter({ hasText: 'Spätschicht' }),
        ).toHaveCount(1);
        await page.goto(`/w/${slug}/calendar?view=month&date=2031-09-01`);
      }

      // Full-text search with German stemming: "Kisten" finds the post about a "Kiste".
      await page.getByLabel(t.search, { exact: true }).fill('Kisten');
      await page.getByLabel(t.search, { exact: true }).press('Enter');
      await expect(page.getByTestId('search-results')).toHaveText(t.results);
      await expect(events.filter({ hasText: 'Kistenaktion' })).toBeVisible();
      await expect(events.filter({ hasText: 'Hafenfest' })).toHaveCount(0);
      await expect(page).toHaveURL(/[?&]q=Kisten/);
      await page.context().close();
    });
  }
}

for (const lang of LANGS) {
  for (const width of [1440, 390] as const) {
    test(`the one-click fix keeps German grammatical, and a toast never covers the editor's buttons (${lang}, ${width} px)`, async ({
      browser,
      request,
    }) => {
      const { slug } = await prepare(request);
      const page = await open(browser, lang, width);
      const t = T[lang];
      await page.goto(`/w/${slug}/calendar?view=${width < 600 ? 'list' : 'month'}&date=2031-09-01`);
      const events = page.getByTestId('calendar-event');

      // Saving one post shows a toast; the next editor's buttons stay free of it.
      await events.filter({ hasText: 'Spätschicht' }).click();
      let editor = page.getByRole('dialog', { name: t.editor });
      const title = editor.getByRole('textbox', { name: /^(Title|Titel)$/ });
      const current = await title.inputValue();
      await title.fill(current.endsWith('!') ? 'Spätschicht' : 'Spätschicht!');
      await editor.getByRole('button', { name: t.save, exact: true }).click();
      const toast = page.getByTestId('toast').filter({ hasText: t.saved });
      await expect(toast).toBeVisible();
      await events.filter({ hasText: 'Kistenaktion' }).click();
      editor = page.getByRole('dialog', { name: t.editor });
      await expect(editor).toBeVisible();
      // The toast is still up (it stays 5 s) while the next editor is open: it must sit elsewhere.
      await expect(toast).toBeVisible();
      const toastBox = (await toast.boundingBox())!;
      const buttons = await editor.locator('.side-panel__footer button').all();
      expect(buttons.length).toBeGreaterThan(0);
      for (const button of buttons) {
        const b = (await button.boundingBox())!;
        const overlaps =
          b.x < toastBox.x + toastBox.width &&
          toastBox.x < b.x + b.width &&
          b.y < toastBox.y + toastBox.height &&
          toastBox.y < b.y + b.height;
        expect(overlaps, `toast over "${await button.textContent()}"`).toBe(false);
      }

      // "Die leere Kiste" with the brand term Kasten becomes "Der leere Kasten", not "Die leere Kasten".
      const baseText = editor.getByRole('textbox', { name: 'Text', exact: true });
      const mark = baseText.locator('.cm-lintRange-warning', { hasText: 'Kiste' });
      await expect(mark).toBeVisible();
      await mark.hover();
      const tooltip = page.locator('.cm-tooltip-lint');
      await tooltip.getByRole('button', { name: t.fix }).click();
      await expect(baseText).toHaveText('Der leere Kasten steht im Flur.');
      await page.context().close();
    });
  }
}

for (const lang of LANGS) {
  test(`a review link with "approve" warns without a client level (${lang})`, async ({
    browser,
    request,
  }) => {
    const { slug } = await prepare(request);
    const page = await open(browser, lang, 1024);
    const t = T[lang];
    await page.goto(`/w/${slug}/settings/review-links`);
    await page.getByRole('button', { name: t.newLink }).click();
    await page.getByLabel(t.approve).check();
    const warning = page.getByTestId('client-level-warning');
    await expect(warning).toContainText(t.warning);
    if (lang === 'en') {
      // The last run adds the level (the journeys share one database): the warning goes away.
      await warning.getByRole('button', { name: t.addLevel }).click();
      await expect(page.getByTestId('client-level-added')).toBeVisible();
      await expect(warning).toHaveCount(0);
    }
    await page.context().close();
  });
}
