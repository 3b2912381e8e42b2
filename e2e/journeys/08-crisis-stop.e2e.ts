import {
  apiPost,
  appNow,
  csrfToken,
  expect,
  loginInBrowser,
  loginOwnerApi,
  logOutInBrowser,
  OWNER,
  setAppClock,
  test,
  VIEWER,
} from '../support/fixtures';

const REASON = 'Sturm in den Kommentaren nach dem Stromausfall: bis auf Weiteres nichts posten.';
const TITLE = 'Tipps zum Energiesparen';

/** "2031-09-10T10:00" for an instant, as the workspace (Europe/Berlin) reads it. */
function berlinMinute(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('an owner stops all publishing with a reason, everyone sees it on every page, and on resume decides about the post that came due', async ({
  page,
  request,
}) => {
  // Several logins on a shared machine; nothing here waits on the clock.
  test.setTimeout(120_000);
  const me = await loginOwnerApi(request);
  const slug = me.workspaces[0]!.slug;
  const base = `/api/v1/workspaces/${slug}`;
  const viewer = await request.post(`${base}/members`, {
    data: { ...VIEWER, role: 'viewer' },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect([200, 201, 409], await viewer.text()).toContain(viewer.status());
  // Without an approval step a submitted post is approved at once: the kind of post that would
  // have gone out during the pause.
  const previous = (await (await request.get(`${base}/approval-policy`)).json()) as {
    policy: unknown;
  };
  const policy = await request.put(`${base}/approval-policy`, {
    data: { policy: { kind: 'none' } },
    headers: { 'X-CSRF-Token': await csrfToken(request) },
  });
  expect(policy.status(), await policy.text()).toBe(200);
  const channel = (await apiPost(request, `${base}/channels`, {
    name: 'Mastodon Kundenservice',
    platform: 'mastodon',
  })) as { id: string };

  try {
    // 1. The owner pauses the whole workspace from the header, and must say why.
    await loginInBrowser(page, OWNER.email, OWNER.password);
    await page.getByTestId('crisis-control').click();
    const dialog = page.getByRole('dialog', { name: 'Pause publishing' });
    await dialog.getByRole('button', { name: 'Pause now' }).click();
    await expect(
      dialog.getByText('Give a reason, so the team knows why publishing stopped.'),
    ).toBeVisible();
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('button', { name: 'Pause now' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Publishing is paused.' }),
    ).toBeVisible();
    const pausedAt = await appNow(request);

    const banner = page.getByTestId('crisis-banner');
    await expect(banner).toContainText(
      'Publishing is paused for the whole workspace. Nothing goes out.',
    );
    await expect(banner).toContainText(`Paused by ${OWNER.name}`);
    await expect(banner).toContainText(REASON);

    // A post approved for the first minute after the pause began: it comes due while paused.
    const dueAt = Math.ceil((pausedAt + 1000) / 60_000) * 60_000;
    const post = (await apiPost(request, `${base}/posts`, {
      title: TITLE,
      text: 'Drei Tipps, wie ihr im Winter Strom spart. Welcher hilft euch am meisten?',
      plannedAt: berlinMinute(dueAt),
      variants: [{ channelId: channel.id }],
    })) as { id: string; version: number };
    const submitted = (await apiPost(request, `${base}/posts/${post.id}/submit`, {
      version: post.version,
    })) as { status: string };
    expect(submitted.status).toBe('approved');

    // 2. The banner is on every page of the workspace, after a reload too.
    await page.getByTestId('nav-review').click();
    await expect(page).toHaveURL(/\/review/);
    await expect(banner).toContainText(REASON);
    await page.goto(`/w/${slug}/settings/wording`);
    await expect(page.getByTestId('wording-settings')).toBeVisible();
    await expect(banner).toContainText(REASON);

    // ... and every member sees it, though only owners and admins may resume.
    await logOutInBrowser(page);
    await loginInBrowser(page, VIEWER.email, VIEWER.password);
    await expect(banner).toContainText(REASON);
    await expect(banner.getByRole('button', { name: 'Resume publishing' })).toHaveCount(0);
    await expect(page.getByTestId('crisis-control')).toHaveCount(0);

    // 3. Once the post's minute has passed (the app's clock moves there), the owner resumes.
    await logOutInBrowser(page);
    await loginInBrowser(page, OWNER.email, OWNER.password);
    await setAppClock(request, dueAt + 1000);
    await banner.getByRole('button', { name: 'Resume publishing' }).click();
    const resume = page.getByRole('dialog', { name: 'Resume publishing' });
    await expect(resume).toContainText(REASON);
    await resume.getByRole('button', { name: 'Resume now' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Publishing resumed.' }),
    ).toBeVisible();

    // 4. Nothing goes out late on its own: the post that came due waits for a decision.
    const due = page.getByRole('dialog', { name: 'Posts that came due during the pause' });
    const item = due.getByTestId('due-post').filter({ hasText: TITLE });
    await expect(item).toContainText('Mastodon Kundenservice');
    await item.getByRole('radio', { name: 'Skip' }).check();
    await due.getByRole('button', { name: 'Apply decisions (1)' }).click();
    await expect(
      page.getByTestId('toast').filter({ hasText: 'Decisions applied: 1' }),
    ).toBeVisible();
    await expect(banner).toHaveCount(0);

    // Skipped: still approved, without a planned time, so it waits among the ideas.
    const detail = (await (await request.get(`${base}/posts/${post.id}`)).json()) as {
      status: string;
      plannedAt: string | null;
    };
    expect(detail).toMatchObject({ status: 'approved', plannedAt: null });
    await page.goto(`/w/${slug}/calendar`);
    await expect(page.getByTestId('ideas')).toContainText(TITLE);
    await expect(banner).toHaveCount(0);
  } finally {
    await setAppClock(request, null);
    const state = (await (await request.get(`${base}/pause`)).json()) as {
      workspace: unknown;
    };
    if (state.workspace) {
      await request.post(`${base}/resume`, {
        headers: { 'X-CSRF-Token': await csrfToken(request) },
      });
    }
    await request.put(`${base}/approval-policy`, {
      data: { policy: previous.policy },
      headers: { 'X-CSRF-Token': await csrfToken(request) },
    });
  }
});
