/** @jest-environment jsdom */
import '../../testing/jsdom-text-encoding';
import type { Post } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { routedFetch } from '../../testing/routed-fetch';
import { useLinkedPost } from './use-linked-post';

const ID = '00000000-0000-4000-8000-000000000001';
const post: Post = {
  id: ID,
  version: 2,
  status: 'draft',
  title: 'Teaser',
  text: 'Body',
  plannedAt: '2026-11-24T12:30:00+01:00',
  tags: [],
  variants: [],
  authorId: '00000000-0000-4000-8000-0000000000aa',
  campaignId: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  deletedAt: null,
};

/** The hook at `/w/<slug>/calendar?post=<id>`, with the address it leaves behind. */
function setUp(slug: string, search: string) {
  const onPost = jest.fn<(p: Post) => void>();
  const onError = jest.fn<(e: unknown) => void>();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[`/w/${slug}/calendar${search}`]}>{children}</MemoryRouter>
  );
  const hook = renderHook(
    ({ ws }: { ws: string }) => {
      useLinkedPost(ws, onPost, onError);
      return useLocation();
    },
    { wrapper, initialProps: { ws: slug } },
  );
  return { ...hook, onPost, onError };
}

/** A GET of the post that answers only when the test lets it. */
function slowPost(slug: string) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  routedFetch([{ method: 'GET', path: `/api/v1/workspaces/${slug}/posts/${ID}`, body: post }]);
  const answer = globalThis.fetch;
  globalThis.fetch = (async (input: string, init?: RequestInit) => {
    await gate;
    return answer(input, init);
  }) as typeof fetch;
  return { release };
}

describe('useLinkedPost', () => {
  it('opens the linked post even though the link leaves the address before the post arrives', async () => {
    const { release } = slowPost('team');
    const { result, onPost } = setUp('team', `?post=${ID}&view=week`);
    // The address is cleaned at once; the load it started goes on.
    await waitFor(() => expect(result.current.search).toBe('?view=week'));
    expect(onPost).not.toHaveBeenCalled();
    await act(() => Promise.resolve(release()));
    await waitFor(() => expect(onPost).toHaveBeenCalledWith(expect.objectContaining({ id: ID })));
    expect(onPost).toHaveBeenCalledTimes(1);
  });

  it('drops a post that arrives after the workspace was switched', async () => {
    const { release } = slowPost('team');
    const { rerender, onPost, onError } = setUp('team', `?post=${ID}`);
    rerender({ ws: 'other' });
    await act(() => Promise.resolve(release()));
    await new Promise((r) => setTimeout(r, 20));
    expect(onPost).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('does nothing without a link', () => {
    const calls = routedFetch([]);
    const { onPost } = setUp('team', '');
    expect(calls).toHaveLength(0);
    expect(onPost).not.toHaveBeenCalled();
  });
});
