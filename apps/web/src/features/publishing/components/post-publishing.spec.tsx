/** @jest-environment jsdom */
import type { PostStatus, Publication, WorkspaceMembership } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { en } from '../../../lib/i18n/messages-en';
import { renderWithProviders } from '../../../testing/render-with-providers';
import {
  channels,
  INSTA,
  POST_ID,
  publication,
  routedFetch,
  workspace,
} from '../testing/publishing-fixtures';
import { PostPublishing } from './post-publishing';

const ME = '00000000-0000-4000-8000-0000000000b1';
const AUTHOR = '00000000-0000-4000-8000-0000000000b2';
const LIST = /\/posts\/[^/]+\/publications$/;
const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

function show(
  items: Publication[] | Publication[][],
  {
    role = 'editor',
    status = 'approved',
    locale = 'en',
    extra = [],
  }: {
    role?: WorkspaceMembership['role'];
    status?: PostStatus;
    locale?: 'en' | 'de';
    extra?: Parameters<typeof routedFetch>[0];
  } = {},
) {
  const pages = Array.isArray(items[0]) ? (items as Publication[][]) : [items as Publication[]];
  const calls = routedFetch([
    ...extra,
    { method: 'GET', path: LIST, bodies: pages.map((p) => ({ items: p })) },
  ]);
  renderWithProviders(
    <PostPublishing
      workspace={workspace(role)}
      post={{ id: POST_ID, version: 4, status, authorId: AUTHOR }}
      channels={channels}
      userId={ME}
    />,
    { locale },
  );
  return calls;
}

const item = async (channel: string) =>
  (await screen.findAllByTestId('publication')).find((li) =>
    within(li).queryByText(channel, { selector: '.publication__channel' }),
  )!;
const posts = (calls: ReturnType<typeof routedFetch>) => calls.filter((c) => c.method === 'POST');

describe('PostPublishing', () => {
  it('shows a waiting channel with its time in the workspace zone and a countdown', async () => {
    show([publication({ status: 'pending', dueAt: inMinutes(4), nextAttemptAt: inMinutes(4) })]);
    const li = await item('Sandbox');
    expect(within(li).getByText('Waiting')).toBeTruthy();
    expect(li.textContent).toMatch(/Goes out (today|tomorrow) at \d{2}:\d{2}, in [34] min \d{2} s/);
  });

  it('says when a retryable error holds it back, and why', async () => {
    show([
      publication({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: inMinutes(2),
        lastError: { code: 'RATE_LIMITED', message: 'Too many requests', class: 'retryable' },
      }),
    ]);
    const li = await item('Sandbox');
    expect(li.textContent).toMatch(/The last attempt did not get through; next attempt/);
    expect(within(li).getByText('Reason: Too many requests')).toBeTruthy();
  });

  it('shows sending, and a published post with its link', async () => {
    show([
      publication({ status: 'sending' }),
      publication({
        channelId: INSTA,
        status: 'published',
        url: 'https://sandbox.example/p/42',
        publishedAt: '2026-11-21T09:00:02.000Z',
      }),
    ]);
    expect((await item('Sandbox')).textContent).toContain('Being sent to the platform right now.');
    const published = await item('Instagram');
    // 09:00 UTC is 10:00 in Berlin.
    expect(published.textContent).toMatch(/Published 21 Nov 2026, 10:00 \(UTC\+01:00\)/);
    const link = within(published).getByRole('link', { name: 'Open the post' });
    expect(link.getAttribute('href')).toBe('https://sandbox.example/p/42');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(within(published).queryByRole('button')).toBeNull();
  });

  it('shows why a publication failed and retries it', async () => {
    const failed = publication({
      status: 'failed',
      attempts: 1,
      lastError: {
        code: 'TOKEN_REVOKED',
        message: 'The access token was revoked',
        class: 'permanent',
      },
    });
    const calls = show(
      [[failed], [{ ...failed, status: 'pending', nextAttemptAt: inMinutes(0) }]],
      {
        extra: [
          {
            method: 'POST',
            path: /\/publications\/[^/]+\/retry$/,
            body: { ...failed, status: 'pending' },
          },
        ],
      },
    );
    const li = await item('Sandbox');
    expect(within(li).getByText('Failed')).toBeTruthy();
    expect(within(li).getByText('Reason: The access token was revoked')).toBeTruthy();
    fireEvent.click(within(li).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(posts(calls).map((c) => c.url)).toEqual([
        `/api/v1/workspaces/team/publications/${failed.id}/retry`,
      ]),
    );
    expect(await screen.findByText('Waiting')).toBeTruthy();
  });

  it('shows the server’s refusal in words and keeps the buttons', async () => {
    const failed = publication({ status: 'failed' });
    show([failed], {
      extra: [
        {
          method: 'POST',
          path: /\/retry$/,
          status: 409,
          body: {
            error: { code: 'PUBLICATION_STATE_CONFLICT', message: 'state changed', details: null },
          },
        },
      ],
    });
    const li = await item('Sandbox');
    fireEvent.click(within(li).getByRole('button', { name: 'Retry' }));
    const error = await within(li).findByTestId('publication-error');
    expect(error.textContent).toBe(en['error.PUBLICATION_STATE_CONFLICT']);
    expect(within(li).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('lets a person confirm an unconfirmed post with a checked URL', async () => {
    const unconfirmed = publication({
      status: 'unconfirmed',
      lastError: { code: 'TIMEOUT', message: 'No answer within 10 s', class: 'unknown' },
    });
    const calls = show([unconfirmed], {
      extra: [
        {
          method: 'POST',
          path: /\/confirm$/,
          body: { ...unconfirmed, status: 'published', url: 'https://sandbox.example/p/7' },
        },
      ],
    });
    const li = await item('Sandbox');
    expect(li.textContent).toContain('We cannot tell whether the post went out');
    fireEvent.click(within(li).getByRole('button', { name: 'It is online: here is the URL' }));
    const field = within(li).getByLabelText('Address of the published post');
    fireEvent.change(field, { target: { value: 'sandbox.example/p/7' } });
    fireEvent.click(within(li).getByRole('button', { name: 'Mark as published' }));
    expect(
      within(li).getByText('Enter the full address of the post, starting with https://'),
    ).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(li).getByRole('button', { name: 'Mark as published' }));
    expect(posts(calls)).toHaveLength(0);

    fireEvent.change(field, { target: { value: ' https://sandbox.example/p/7 ' } });
    fireEvent.click(within(li).getByRole('button', { name: 'Mark as published' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({
      url: `/api/v1/workspaces/team/publications/${unconfirmed.id}/confirm`,
      body: { url: 'https://sandbox.example/p/7' },
    });
  });

  it('warns that publishing again may post twice, and only then does it', async () => {
    const unconfirmed = publication({ status: 'unconfirmed' });
    const calls = show([unconfirmed], {
      extra: [
        { method: 'POST', path: /\/publish-again$/, body: { ...unconfirmed, status: 'pending' } },
      ],
    });
    const li = await item('Sandbox');
    fireEvent.click(within(li).getByRole('button', { name: 'Publish again' }));
    expect(within(li).getByText('It may appear twice')).toBeTruthy();
    expect(within(li).getByText(/publishing again posts it a second time/)).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
    fireEvent.click(within(li).getByRole('button', { name: 'Cancel' }));
    expect(within(li).queryByText('It may appear twice')).toBeNull();

    fireEvent.click(within(li).getByRole('button', { name: 'Publish again' }));
    fireEvent.click(within(li).getByRole('button', { name: 'Publish again anyway' }));
    await waitFor(() =>
      expect(posts(calls).map((c) => c.url)).toEqual([
        `/api/v1/workspaces/team/publications/${unconfirmed.id}/publish-again`,
      ]),
    );
  });

  it('offers a missed publication to publish now or to skip', async () => {
    const missed = publication({ status: 'missed' });
    const skipped = publication({ channelId: INSTA, status: 'missed' });
    const calls = show([missed, skipped], {
      extra: [
        { method: 'POST', path: /\/publish-again$/, body: { ...missed, status: 'pending' } },
        { method: 'POST', path: /\/skip$/, body: { ...skipped, status: 'cancelled' } },
      ],
    });
    const li = await item('Sandbox');
    expect(li.textContent).toMatch(/Missed: it was planned 21 Nov 2026, 10:00 \(UTC\+01:00\)/);
    expect(li.textContent).toContain('It was not posted late by itself.');
    fireEvent.click(within(li).getByRole('button', { name: 'Publish now' }));
    fireEvent.click(within(await item('Instagram')).getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(2));
    expect(posts(calls).map((c) => c.url)).toEqual([
      `/api/v1/workspaces/team/publications/${missed.id}/publish-again`,
      `/api/v1/workspaces/team/publications/${skipped.id}/skip`,
    ]);
  });

  it('shows viewers, and authors of other posts, the status but no buttons', async () => {
    for (const role of ['author', 'viewer'] as const) {
      const view = show(
        [
          publication({ status: 'failed' }),
          publication({ channelId: INSTA, status: 'pending', dueAt: inMinutes(30) }),
        ],
        { role },
      );
      const list = await screen.findByTestId('publication-list');
      expect(within(list).getByText('Failed')).toBeTruthy();
      expect(screen.queryByRole('button')).toBeNull();
      expect(view.some((c) => c.method === 'POST')).toBe(false);
      cleanup();
    }
  });

  it('publishes an approved post now, after confirming, with the version seen', async () => {
    const waiting = publication({
      status: 'pending',
      dueAt: inMinutes(30),
      nextAttemptAt: inMinutes(30),
    });
    const calls = show([waiting], {
      extra: [
        {
          method: 'POST',
          path: /\/posts\/[^/]+\/publish-now$/,
          body: { items: [{ ...waiting, status: 'sending' }] },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Publish now' }));
    expect(posts(calls)).toHaveLength(0);
    expect(screen.getByText(/publishes right away instead of at the planned time/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('publish-now-confirm'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({
      url: `/api/v1/workspaces/team/posts/${POST_ID}/publish-now`,
      body: { version: 4 },
    });
    expect(await screen.findByText('Publishing started.')).toBeTruthy();
  });

  it('lets the author of the post decide about its publications', async () => {
    routedFetch([
      { method: 'GET', path: LIST, body: { items: [publication({ status: 'failed' })] } },
    ]);
    renderWithProviders(
      <PostPublishing
        workspace={workspace('author')}
        post={{ id: POST_ID, version: 4, status: 'approved', authorId: ME }}
        channels={channels}
        userId={ME}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('does not offer "Publish now" once nothing waits, or to another author', async () => {
    show([publication({ status: 'published', url: 'https://sandbox.example/p/1' })]);
    await screen.findByTestId('publication-list');
    expect(screen.queryByRole('button', { name: 'Publish now' })).toBeNull();
    cleanup();
    show([publication({ status: 'pending', dueAt: inMinutes(30) })], { role: 'author' });
    await screen.findByTestId('publication-list');
    expect(screen.queryByRole('button', { name: 'Publish now' })).toBeNull();
  });

  it('has loading, empty and error states', async () => {
    show([], { status: 'approved' });
    expect(screen.getByText('Loading the publishing status…')).toBeTruthy();
    expect(await screen.findByText(/Approved, but not planned/)).toBeTruthy();
    cleanup();

    routedFetch([
      {
        method: 'GET',
        path: LIST,
        status: 404,
        body: { error: { code: 'POST_NOT_FOUND', message: 'gone', details: null } },
      },
    ]);
    renderWithProviders(
      <PostPublishing
        workspace={workspace('editor')}
        post={{ id: POST_ID, version: 1, status: 'approved', authorId: AUTHOR }}
        userId={ME}
        channels={channels}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The publishing status could not be loaded.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('speaks German with the glossary', async () => {
    show(
      [publication({ status: 'failed' }), publication({ channelId: INSTA, status: 'unconfirmed' })],
      { locale: 'de' },
    );
    await screen.findByTestId('publication-list');
    expect(screen.getByText('Fehlgeschlagen')).toBeTruthy();
    expect(screen.getByText('Unbestätigt')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Er ist online: hier ist die URL' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Noch einmal veröffentlichen' })).toBeTruthy();
  });
});
