/** @jest-environment jsdom */
import type { Channel, Post, WorkspaceMembership } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { PostEditor, type EditorTarget } from './post-editor';

const USER = '00000000-0000-4000-8000-0000000000aa';
const workspace = (role: WorkspaceMembership['role'] = 'editor'): WorkspaceMembership => ({
  id: '00000000-0000-4000-8000-00000000000w',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role,
});
const channels: Channel[] = [
  {
    id: '00000000-0000-4000-8000-0000000000c1',
    name: 'Instagram',
    platform: 'instagram',
    color: '#db2777',
    createdAt: '',
  },
];
const post = (over: Partial<Post> = {}): Post => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: 2,
  status: 'draft',
  title: 'Teaser',
  text: 'Body',
  plannedAt: '2026-11-24T12:30:00+01:00',
  tags: [],
  variants: [],
  authorId: USER,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  deletedAt: null,
  ...over,
});

function open(target: EditorTarget, role: WorkspaceMembership['role'] = 'editor') {
  const onClose = jest.fn();
  renderWithProviders(
    <PostEditor
      workspace={workspace(role)}
      userId={USER}
      channels={channels}
      target={target}
      onClose={onClose}
    />,
  );
  return { onClose };
}

describe('PostEditor', () => {
  it('opens on the clicked slot and shows the workspace zone with its offset', () => {
    open({ kind: 'create', slot: { date: '2026-11-21', time: '09:00' }, status: 'draft' });
    expect(screen.getByRole('dialog', { name: 'New post' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Date').value).toBe('2026-11-21');
    expect(screen.getByLabelText<HTMLInputElement>('Time').value).toBe('09:00');
    expect(screen.getByText('Time zone of the workspace: Europe/Berlin (UTC+01:00)')).toBeTruthy();
  });

  it('asks which 02:30 is meant on the night the clocks go back, and sends that instant', async () => {
    const calls = fakeFetch([
      { status: 201, body: post({ plannedAt: '2026-10-25T02:30:00+01:00' }) },
    ]);
    const { onClose } = open({
      kind: 'create',
      slot: { date: '2026-10-25', time: '02:30' },
      status: 'draft',
    });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Zeitumstellung!' } });

    expect(screen.getByText(/happens twice in Europe\/Berlin/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create post' }));
    expect(calls).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('02:30 (UTC+01:00)'));
    fireEvent.click(screen.getByRole('button', { name: 'Create post' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/workspaces/team/posts' });
    expect(calls[0]?.body).toMatchObject({
      text: 'Zeitumstellung!',
      plannedAt: '2026-10-25T02:30:00+01:00',
    });
  });

  it('says at once that a time in the spring-forward gap does not exist, and blocks saving', () => {
    const calls = fakeFetch([]);
    open({ kind: 'create', slot: { date: '2026-03-29', time: '02:30' }, status: 'draft' });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'x' } });
    expect(screen.getByTestId('time-nonexistent').textContent).toContain(
      'does not exist in Europe/Berlin',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create post' }));
    expect(calls).toHaveLength(0);
  });

  it('shows a conflict when someone else saved first, and can load their version', async () => {
    const theirs = post({ version: 3, title: 'Changed elsewhere' });
    const calls = fakeFetch([
      {
        status: 409,
        body: { error: { code: 'STALE_VERSION', message: 'stale', details: { current: theirs } } },
      },
      { status: 200, body: { ...theirs, version: 4, title: 'Mine again' } },
    ]);
    const { onClose } = open({ kind: 'edit', post: post() });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'My title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Someone else changed this post')).toBeTruthy();
    expect(calls[0]).toMatchObject({
      method: 'PATCH',
      headers: { 'If-Match': '2' },
      body: { title: 'My title' },
    });
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Load current version' }));
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Changed elsewhere');
    expect(screen.getByText('Version 3')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Mine again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[1]).toMatchObject({ headers: { 'If-Match': '3' }, body: { title: 'Mine again' } });
  });

  it('lets a viewer read but not change anything', () => {
    open({ kind: 'edit', post: post({ authorId: 'someone-else' }) }, 'viewer');
    expect(screen.getByText('You can view this post but not change it.')).toBeTruthy();
    expect(screen.getByLabelText('Title').matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('keeps an author out of other people’s posts', () => {
    open({ kind: 'edit', post: post({ authorId: 'someone-else' }) }, 'author');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('deletes with the version and offers an undo that restores the post', async () => {
    const calls = fakeFetch([{ status: 204 }, { status: 200, body: post({ version: 4 }) }]);
    const { onClose } = open({ kind: 'edit', post: post() });
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ method: 'DELETE', headers: { 'If-Match': '2' } });

    expect(screen.getByText('Post “Teaser” deleted.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Post restored.')).toBeTruthy();
    expect(calls[1]).toMatchObject({
      method: 'POST',
      url: '/api/v1/workspaces/team/posts/00000000-0000-4000-8000-000000000001/restore',
    });
  });

  it('offers the server’s candidates when it finds the time ambiguous', async () => {
    fakeFetch([
      {
        status: 422,
        body: {
          error: {
            code: 'LOCAL_TIME_AMBIGUOUS',
            message: 'ambiguous',
            details: { candidates: ['2026-11-24T12:30:00+01:00', '2026-11-24T12:30:00+02:00'] },
          },
        },
      },
    ]);
    open({ kind: 'create', slot: { date: '2026-11-24', time: '12:30' }, status: 'draft' });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create post' }));
    expect(await screen.findByTestId('time-ambiguous')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('happens twice');
  });
});
