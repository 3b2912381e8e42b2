import type { APIRequestContext, Page } from '@playwright/test';
import {
  apiPost,
  csrfToken,
  expect,
  loginInBrowser,
  loginOwnerApi,
  OWNER,
  setAppClock,
  test,
} from '../support/fixtures';

const ZONE = 'Europe/Berlin';
const TITLE = 'Adventsgewinnspiel Hafenbad';
const CAMPAIGN = 'Advent am Hafen';
const POST_TITLE = 'Gewinnspiel: Jahreskarte fürs Hafenbad';
const ENTRANTS = ['@mara_k', '@jonas.b', '@lea_sommer'];

/** Wall-clock date (DD/MM/YYYY, as the English UI writes it) and time in the workspace's zone. */
function berlin(at: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.day}/${parts.month}/${parts.year}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** A contest post on the sandbox, approved and published, so it can collect comments. */
async function publishedContestPost(request: APIRequestContext, base: string) {
  const channels = (await (await request.get(`${base}/channels`)).json()) as {
    items: { id: string; name: string }[];
  };
  const channel =
    channels.items.find((c) => c.name === 'Sandbox Gewinnspiele') ??
    ((await apiPost(request, `${base}/channels`, {
      name: 'Sandbox Gewinnspiele',
      platform: 'sandbox',
    })) as { id: string });
  const post = (await apiPost(request, `${base}/posts`, {
    title: POST_TITLE,
    text: 'Kommentiert bis heute Abend und gewinnt eine Jahreskarte! Teilnahmebedingungen im Profil.',
    variants: [{ channelId: channel.id }],
  })) as { id: string; version: number };
  const approved = (await apiPost(request, `${base}/posts/${post.id}/submit`, {
    version: post.version,
  })) as { version: number; status: string };
  expect(approved.status).toBe('approved');
  await apiPost(request, `${base}/posts/${post.id}/publish-now`, { version: approved.version });
  let platformPostId: string | null = null;
  await expect
    .poll(
      async () => {
        const list = (await (
          await request.get(`${base}/posts/${post.id}/publications`)
        ).json()) as {
          items: { status: string; platformPostId: string | null }[];
        };
        platformPostId = list.items[0]?.platformPostId ?? null;
        return list.items[0]?.status;
      },
      { timeout: 30_000 },
    )
    .toBe('published');
  return { postId: post.id, platformPostId: platformPostId! };
}

async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
  );
}

test('a contest in a campaign: form, generated rules, sandbox entries collected, commitment and draw, the public certificate on a phone', async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(150_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  await setAppClock(request, null);
  const previous = (await (await request.get(`${base}/approval-policy`)).json()) as {
    policy: unknown;
  };
  const setPolicy = async (policy: unknown) => {
    const response = await request.put(`${base}/approval-policy`, {
      data: { policy },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  // Submitting releases at once here: the journey is about the contest, not the review.
  await setPolicy({ kind: 'none' });

  try {
    const { platformPostId } = await publishedContestPost(request, base);

    // The campaign the contest belongs to.
    const now = Date.now();
    const campaign = (await apiPost(request, `${base}/campaigns`, {
      name: CAMPAIGN,
      color: '#0f766e',
      startsOn: berlinDay(now - 86_400_000),
      endsOn: berlinDay(now + 7 * 86_400_000),
    })) as { id: string };

    // Campaigns and contests sit behind the header's one "Campaigns" entry.
    await loginInBrowser(page, OWNER.email, OWNER.password);
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    const sections = page.getByRole('navigation', { name: 'Campaigns and contests' });
    await expect(sections.getByRole('link')).toHaveText(['Campaigns', 'Contests']);
    await page.goto(`/w/${slug}/campaigns/${campaign.id}`);
    const ofCampaign = page.getByTestId('campaign-contests');
    await expect(ofCampaign).toContainText('This campaign has no contest yet.');
    await ofCampaign.getByRole('link', { name: 'New contest' }).click();
    await expect(sections.getByRole('link', { name: 'Contests' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    // The entry period runs from an hour ago to a few minutes ahead, in the workspace's zone.
    const from = berlin(now - 60 * 60_000);
    const until = berlin(now + 5 * 60_000);
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Prize 1').fill('Jahreskarte Hafenbad');
    await page.getByLabel('Alternates').fill('1');
    await page.getByLabel('Start date').fill(from.date);
    await page.getByLabel('Start time').fill(from.time);
    await page.getByLabel('End date').fill(until.date);
    await page.getByLabel('End time').fill(until.time);
    await page.getByLabel('Find a post to link').fill('Jahreskarte Hafenbad');
    await page.getByRole('checkbox', { name: POST_TITLE }).first().check();
    await page.getByLabel('Organiser').fill('Stadtwerke Hafen GmbH');
    await page.getByLabel('Address').fill('Hafenstraße 1\n20457 Hamburg');
    await page.getByRole('button', { name: 'Create contest' }).click();

    // A new contest opens on its rules, with the way back to its campaign.
    await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the campaign' })).toHaveAttribute(
      'href',
      `/w/${slug}/campaigns/${campaign.id}`,
    );
    await expect(page.getByRole('tab', { name: 'Rules' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Generate rules' }).click();
    await expect(page.getByTestId('rules-in-force')).toContainText('In force: version 1.');
    await expect(page.getByTestId('rules-text')).toContainText('Stadtwerke Hafen GmbH');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await expect(page.getByTestId('rules-text')).toContainText('Teilnahme');

    // People comment on the sandbox post (one of them twice), then the entries are collected.
    for (const [index, author] of [...ENTRANTS, ENTRANTS[0]!].entries()) {
      const comment = await request.post(`/api/sandbox/posts/${platformPostId}/comments`, {
        data: { author, text: `Ich bin dabei! #${index + 1}` },
      });
      expect(comment.status(), await comment.text()).toBeLessThan(300);
    }
    await page.getByRole('tab', { name: 'Entries' }).click();
    await page.getByRole('button', { name: 'Collect entries now' }).click();
    await expect(page.getByTestId('collect-result')).toContainText('4 new entries');
    await expect(page.getByTestId('entries-summary')).toHaveText(
      '4 entries from 3 people: 3 eligible, 0 excluded.',
    );
    const table = page.getByTestId('entries-table');
    await expect(table.locator('tr[data-status="merged"]')).toHaveCount(1);
    await expect(table.locator('tr[data-status="eligible"]')).toHaveCount(3);

    // The period ends; the entries are frozen and the commitment published before the draw.
    await setAppClock(request, now + 10 * 60_000);
    await page.reload();
    await page.getByRole('tab', { name: 'Draw' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Freeze entries and publish the commitment' }).click();
    await expect(page.getByTestId('list-hash')).toHaveText(/^[0-9a-f]{64}$/);
    const listHash = (await page.getByTestId('list-hash').textContent())!;

    await page.getByLabel('Public value').fill('Lotto 3 9 17 28 33 41');
    await page.getByLabel('Supplied by').fill('Notarin Weber');
    await page.getByRole('button', { name: 'Draw now' }).click();
    const winners = page.getByTestId('current-winners');
    await expect(winners.getByRole('listitem')).toHaveCount(1);
    await expect(winners).toContainText('Jahreskarte Hafenbad');
    await expect(page.getByTestId('alternates').getByRole('listitem')).toHaveCount(1);
    // There is no second draw to offer.
    await expect(page.getByRole('button', { name: 'Draw now' })).toHaveCount(0);
    const certificateHref = await page
      .getByRole('link', { name: 'Open the certificate' })
      .getAttribute('href');
    expect(certificateHref).toMatch(/^\/c\/[^/]+\/certificate$/);

    // The campaign's page lists its contest, drawn.
    await page.getByRole('link', { name: 'Open the campaign' }).click();
    await expect(ofCampaign.getByRole('listitem').filter({ hasText: TITLE })).toContainText(
      'Drawn',
    );

    // On a phone the contest's own pages keep to the screen; the table scrolls in its card.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('tab', { name: 'Entries' }).click();
    await expect(page.getByTestId('entries-table')).toBeVisible();
    expect(await overflowsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1440, height: 960 });

    // Anyone opens the certificate on a phone, without an account.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 812 },
      locale: 'de-DE',
      timezoneId: 'America/New_York',
    });
    try {
      const visitor = await phone.newPage();
      await visitor.goto(certificateHref!);
      const certificate = visitor.getByTestId('certificate');
      await expect(certificate.getByRole('heading', { name: TITLE })).toBeVisible();
      await expect(certificate).toContainText('fisher-yates-sha256-v1');
      await expect(visitor.getByTestId('certificate-list-hash')).toHaveText(listHash);
      await expect(visitor.getByTestId('public-winners').getByRole('listitem')).toHaveCount(1);
      const pdf = visitor.getByRole('link', { name: 'Als PDF herunterladen' });
      await expect(pdf).toHaveAttribute('href', /certificate\.pdf$/);
      expect(await overflowsSideways(visitor)).toBe(false);

      // The rules the draw was bound to, in the reader's language.
      await visitor.getByRole('link', { name: 'Fassung 1' }).click();
      await expect(visitor.getByTestId('public-rules')).toContainText('Stadtwerke Hafen GmbH');
      await expect(visitor.getByText('Fassung 1 vom', { exact: false })).toBeVisible();
      expect(await overflowsSideways(visitor)).toBe(false);
      await visitor.goBack();

      // The verification page recomputes the draw on the server and in the browser.
      await visitor.getByRole('link', { name: 'Auslosung prüfen' }).click();
      await expect(visitor.getByTestId('verdict')).toHaveText('Ergebnis bestätigt');
      expect(await overflowsSideways(visitor)).toBe(false);
    } finally {
      await phone.close();
    }
  } finally {
    await setAppClock(request, null);
    await setPolicy(previous.policy);
  }
});

function berlinDay(at: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
