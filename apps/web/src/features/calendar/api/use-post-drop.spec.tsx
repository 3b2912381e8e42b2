/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import type { Post } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch, type FakeRoute } from '../../../testing/routed-fetch';
import { usePostDrop } from './use-post-drop';

const POST: Post = {
  id: '00000000-0000-4000-8000-000000000001',
  version: 3,
  status: 'approved',
  title: 'Sommerfest',
  text: 'Am Samstag feiern wir.',
  plannedAt: '2026-11-24T12:30:00+01:00',
  tags: [],
  variants: [],
  campaignId: null,
  authorId: '00000000-0000-4000-8000-0000000000aa',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  deletedAt: null,
};
const WORKSPACE = { slug: 'team', timeZone: 'Europe/Berlin' };
const PATCH = /\/api\/v1\/workspaces\/team\/posts\/00000000-0000-4000-8000-000000000001$/;

/** Drops the post on the calendar the way FullCalendar reports it, with a spy as `revert`. */
function Dropper({
  drop,
  canEdit,
}: {
  drop: { startStr: string; allDay: boolean };
  canEdit: boolean;
}) {
  const onDrop = usePostDrop(WORKSPACE, () => canEdit);
  return (
    <button type="button" onClick={() => onDrop({ post: POST, ...drop, revert })}>
      drop
    </button>
  );
}
let revert = jest.fn<() => void>();

/** The words of the message shown (the toast also holds its close button). */
const message = (toast: HTMLElement) => toast.querySelector('.toast__message')?.textContent;

function dropOnce(
  routes: FakeRoute[],
  drop = { startStr: '2026-11-25T09:00:00+01:00', allDay: false },
  canEdit = true,
) {
  revert = jest.fn<() => void>();
  const calls = routedFetch(routes);
  renderWithProviders(<Dropper drop={drop} canEdit={canEdit} />);
  fireEvent.click(screen.getByRole('button', { name: 'drop' }));
  return calls;
}

describe('dropping a post on the calendar', () => {
  it('sends the new time with the version it was dropped from, and says where it went', async () => {
    const calls = dropOnce([
      {
        method: 'PATCH',
        path: PATCH,
        answer: (call) => ({
          status: 200,
          body: { ...POST, version: 4, ...(call.body as { plannedAt: string }) },
        }),
      },
    ]);
    expect(message(await screen.findByRole('status'))).toBe(
      'Moved “Sommerfest” to 25 Nov 2026, 09:00.',
    );
    expect(calls[0]).toMatchObject({
      method: 'PATCH',
      headers: expect.objectContaining({ 'If-Match': '3' }),
      body: { plannedAt: '2026-11-25T09:00:00+01:00' },
    });
    expect(revert).not.toHaveBeenCalled();
  });

  it('puts the event back and names the conflict when someone else changed the post meanwhile', async () => {
    dropOnce([
      {
        method: 'PATCH',
        path: PATCH,
        status: 409,
        body: {
          error: {
            code: 'STALE_VERSION',
            message: 'changed',
            details: { resource: 'post', currentVersion: 4, reason: 'version' },
          },
        },
      },
    ]);
    const alert = await screen.findByRole('alert');
    expect(message(alert)).toBe('Could not move “Sommerfest”: Someone else changed this post');
    expect(revert).toHaveBeenCalledTimes(1);
  });

  it('puts the event back with the server’s reason when the API refuses the time', async () => {
    dropOnce([
      {
        method: 'PATCH',
        path: PATCH,
        status: 422,
        body: {
          error: {
            code: 'LOCAL_TIME_DOES_NOT_EXIST',
            message: 'skipped',
            details: { localTime: '2027-03-28T02:30', nextValid: '2027-03-28T03:00:00+02:00' },
          },
        },
      },
    ]);
    await waitFor(() => expect(revert).toHaveBeenCalledTimes(1));
    expect(message(await screen.findByRole('alert'))).toContain(
      'This time does not exist in the workspace time zone',
    );
  });

  it('puts an all-day drop back at once, without asking the server', () => {
    const calls = dropOnce([], { startStr: '2026-11-25', allDay: true });
    expect(revert).toHaveBeenCalledTimes(1);
    expect(message(screen.getByRole('alert'))).toBe(
      'Could not move “Sommerfest”: A post needs a time of day; drop it on a time slot.',
    );
    expect(calls).toHaveLength(0);
  });

  it('puts the post back for someone who may not move it, without asking the server', () => {
    const calls = dropOnce([], undefined, false);
    expect(revert).toHaveBeenCalledTimes(1);
    expect(message(screen.getByRole('alert'))).toBe(
      'Could not move “Sommerfest”: You may not move this post.',
    );
    expect(calls).toHaveLength(0);
  });
});
