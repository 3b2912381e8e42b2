/** @jest-environment jsdom */
import {
  PostDetailSchema,
  type CommentThread,
  type PostDetail,
  type Role,
} from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CommentSidebar, type CommentSidebarProps } from './comment-sidebar';
import { routedFetch, type FakeRoute } from '../../../testing/routed-fetch';

const ME = '00000000-0000-4000-8000-0000000000aa';
const JANA = '00000000-0000-4000-8000-0000000000bb';
const POST = '00000000-0000-4000-8000-000000000001';
const CHANNEL = '00000000-0000-4000-8000-0000000000c1';
const BASE = `/api/v1/workspaces/team/posts/${POST}/comments`;

const thread = (id: string, over: Partial<CommentThread> = {}): CommentThread => ({
  id: `00000000-0000-4000-8000-0000000000${id}`,
  postId: POST,
  parentId: null,
  author: { type: 'user', userId: JANA, name: 'Jana Müller' },
  body: 'Passt das?',
  mentions: [],
  createdAt: '2026-11-20T09:00:00Z',
  editedAt: null,
  deleted: false,
  postVersion: 3,
  anchor: null,
  suggestion: null,
  resolvedAt: null,
  resolvedBy: null,
  replies: [],
  ...over,
});

const onMontag = thread('01', {
  body: 'Konkreter, bitte @Ben Autor',
  mentions: [{ userId: ME, start: 17, end: 27 }],
  anchor: {
    channelId: null,
    quote: 'am Montag',
    original: { start: 26, end: 35 },
    range: { start: 26, end: 35 },
    outdated: false,
  },
  suggestion: { text: 'am 1. Advent', state: 'open', decidedAt: null, decidedBy: null },
  replies: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      postId: POST,
      parentId: '00000000-0000-4000-8000-000000000001',
      author: { type: 'link', linkId: CHANNEL, label: 'Kunde Nord', visitorName: 'Frau Schmidt' },
      body: 'Finde ich auch',
      mentions: [],
      createdAt: '2026-11-20T10:00:00Z',
      editedAt: null,
      deleted: false,
      postVersion: 3,
    },
  ],
});
const gone = thread('02', {
  body: 'Dieses Wort stört',
  anchor: {
    channelId: CHANNEL,
    quote: 'Dienstag',
    original: { start: 3, end: 11 },
    range: null,
    outdated: true,
  },
});
const done = thread('03', {
  body: 'Erledigt',
  resolvedAt: '2026-11-20T11:00:00Z',
  resolvedBy: { userId: ME, name: 'Ben Autor' },
});

type Route = FakeRoute;
const routeFetch = (routes: Route[]) => routedFetch(routes);

const listed = (items: CommentThread[]): Route => ({
  method: 'GET',
  path: BASE,
  status: 200,
  body: { items, postVersion: 3 },
});
const members: Route = {
  method: 'GET',
  path: '/api/v1/workspaces/team/members',
  status: 200,
  body: {
    items: [
      { userId: ME, email: 'ben@agentur.de', name: 'Ben Autor', role: 'author', joinedAt: '' },
      { userId: JANA, email: 'jana@agentur.de', name: 'Jana Müller', role: 'editor', joinedAt: '' },
    ],
  },
};

function open(props: Partial<CommentSidebarProps> = {}, role: Role = 'author') {
  const onPostChanged = jest.fn();
  const onThreadsChange = jest.fn();
  renderWithProviders(
    <CommentSidebar
      workspace="team"
      timeZone="Europe/Berlin"
      post={{ id: POST, version: 3, authorId: ME }}
      userId={ME}
      role={role}
      channels={[{ id: CHANNEL, name: 'Instagram' }]}
      onPostChanged={onPostChanged}
      onThreadsChange={onThreadsChange}
      {...props}
    />,
  );
  return { onPostChanged, onThreadsChange };
}

describe('CommentSidebar', () => {
  it('shows threads with their quote, replies, authors via link and mentions', async () => {
    routeFetch([listed([gone, onMontag, done]), members]);
    const { onThreadsChange } = open();
    const cards = await screen.findAllByTestId('comment-thread');
    // Placed words first, then outdated ones; resolved ones are folded away.
    expect(cards.map((c) => c.querySelector('.comment__body')?.textContent)).toEqual([
      'Konkreter, bitte @Ben Autor',
      'Dieses Wort stört',
    ]);
    const first = within(cards[0]!);
    expect(first.getByRole('button', { name: 'am Montag' })).toBeTruthy();
    expect(first.getByText('@Ben Autor').className).toBe('comment-mention');
    expect(first.getByText('Frau Schmidt (via link “Kunde Nord”)')).toBeTruthy();
    expect(first.getByText('Finde ich auch')).toBeTruthy();
    expect(screen.getByText('2 open')).toBeTruthy();
    expect(onThreadsChange).toHaveBeenCalledWith([gone, onMontag, done]);

    fireEvent.click(screen.getByRole('button', { name: 'Show resolved (1)' }));
    expect(screen.getByText('Resolved by Ben Autor, 20 Nov 2026, 12:00')).toBeTruthy();
  });

  it('marks a thread whose words are gone as outdated, and its suggestion cannot be accepted', async () => {
    routeFetch([
      listed([
        {
          ...gone,
          suggestion: { text: 'Mittwoch', state: 'open', decidedAt: null, decidedBy: null },
        },
      ]),
      members,
    ]);
    open();
    const card = await screen.findByTestId('comment-thread');
    expect(within(card).getByTestId('outdated').textContent).toBe('Outdated');
    expect(within(card).getByText('in the text for Instagram')).toBeTruthy();
    expect(within(card).getByText('Dienstag', { selector: 's' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Accept' }).matches(':disabled')).toBe(true);
    expect(within(card).getByText('This suggestion no longer fits the text.')).toBeTruthy();
  });

  it('accepts a suggestion at the post’s version and hands the new post to the editor', async () => {
    const accepted = {
      ...onMontag,
      resolvedAt: '2026-11-20T12:00:00Z',
      resolvedBy: { userId: ME, name: 'Ben Autor' },
      suggestion: {
        text: 'am 1. Advent',
        state: 'accepted' as const,
        decidedAt: '2026-11-20T12:00:00Z',
        decidedBy: { userId: ME, name: 'Ben Autor' },
      },
    };
    const calls = routeFetch([
      listed([onMontag]),
      members,
      {
        method: 'POST',
        path: `${BASE}/${onMontag.id}/accept-suggestion`,
        status: 200,
        body: { thread: accepted, post: { ...fullPost(), version: 4 } },
      },
    ]);
    const { onPostChanged } = open();
    const card = await screen.findByTestId('comment-thread');
    expect(within(card).getByTestId('suggestion').textContent).toContain(
      'am Montag → am 1. Advent',
    );
    fireEvent.click(within(card).getByRole('button', { name: 'Accept' }));

    await waitFor(() => expect(onPostChanged).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: `${BASE}/${onMontag.id}/accept-suggestion`,
      body: { version: 3 },
    });
    expect(onPostChanged.mock.calls[0]![0]).toMatchObject({ version: 4 });
    expect(
      await screen.findByText('Suggestion applied. The post is now at version 4.'),
    ).toBeTruthy();
  });

  it('says why an outdated suggestion failed, and does not accept over unsaved edits', async () => {
    routeFetch([
      listed([onMontag]),
      members,
      {
        method: 'POST',
        path: `${BASE}/${onMontag.id}/accept-suggestion`,
        status: 409,
        body: { error: { code: 'SUGGESTION_OUTDATED', message: 'gone' } },
      },
    ]);
    const { onPostChanged } = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('The suggested words are no longer in the text.')).toBeTruthy();
    expect(onPostChanged).not.toHaveBeenCalled();
  });

  it('blocks accepting while the editor holds unsaved text', async () => {
    routeFetch([listed([onMontag]), members]);
    open({ hasUnsavedChanges: true });
    const accept = await screen.findByRole('button', { name: 'Accept' });
    expect(accept.matches(':disabled')).toBe(true);
    expect(
      screen.getByText('Save or discard your changes to the text before accepting a suggestion.'),
    ).toBeTruthy();
  });

  it('does not anchor to words selected in unsaved edits', async () => {
    routeFetch([listed([]), members]);
    open({
      selection: { channelId: null, start: 0, end: 4, quote: 'Neu!' },
      hasUnsavedChanges: true,
    });
    expect(
      await screen.findByText('Save your changes to comment on the selected words.'),
    ).toBeTruthy();
    expect(screen.queryByText('On “Neu!”')).toBeNull();
  });

  it('anchors a new comment with a suggestion to the selected words', async () => {
    const calls = routeFetch([
      listed([]),
      members,
      { method: 'POST', path: BASE, status: 201, body: onMontag },
    ]);
    const onClearSelection = jest.fn();
    open({
      selection: { channelId: null, start: 26, end: 35, quote: 'am Montag' },
      onClearSelection,
    });
    expect(
      await screen.findByText('No comments yet. Select words in the text to comment on them.'),
    ).toBeTruthy();
    expect(screen.getByText('On “am Montag”')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Suggest a change'));
    fireEvent.change(screen.getByLabelText('Replace with'), { target: { value: 'am 1. Advent' } });
    fireEvent.change(screen.getByLabelText('New comment'), { target: { value: 'Konkreter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));

    await waitFor(() => expect(onClearSelection).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      body: 'Konkreter',
      anchor: { channelId: null, start: 26, end: 35, quote: 'am Montag' },
      suggestion: 'am 1. Advent',
    });
  });

  it('completes an @mention from the members list', async () => {
    routeFetch([listed([]), members]);
    open();
    await screen.findByText('No comments yet. Select words in the text to comment on them.');
    const field = screen.getByLabelText<HTMLTextAreaElement>('New comment');
    fireEvent.change(field, { target: { value: 'Frag mal @ja', selectionStart: 12 } });
    const option = await screen.findByRole('option', { name: /Jana Müller/ });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(field.value).toBe('Frag mal @Jana Müller ');
    expect(option.isConnected).toBe(false);
  });

  it('lets a viewer read but offers no writing', async () => {
    routeFetch([listed([onMontag]), members]);
    open({}, 'viewer');
    const card = await screen.findByTestId('comment-thread');
    expect(screen.getByText('You can read the comments but not write any.')).toBeTruthy();
    expect(screen.queryByLabelText('New comment')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Resolve' })).toBeNull();
  });
});

/** A post as the API answers it after the edit, checked against the contract. */
function fullPost(): PostDetail {
  return PostDetailSchema.parse({
    id: POST,
    version: 3,
    status: 'draft',
    title: '',
    text: 'Unser Gewinnspiel startet am 1. Advent.',
    plannedAt: null,
    tags: [],
    variants: [],
    campaignId: null,
    authorId: ME,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    deletedAt: null,
    review: {
      contentHash: 'h',
      statusReason: null,
      approval: null,
      round: null,
      can: {
        promote: false,
        submit: true,
        approve: false,
        requestChanges: false,
        withdraw: false,
        reopen: false,
      },
    },
    wording: { variants: [], blocking: [] },
  });
}
