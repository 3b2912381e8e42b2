/** @jest-environment jsdom */
import type {
  BrandRule,
  Channel,
  MediaCheckRequest,
  MediaCheckResponse,
  MediaItem,
  Post,
  WordingCheckResponse,
  WordingSettings,
  WorkspaceMembership,
} from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { EditorTarget } from '../../features/editor/components/post-editor';
import { detail } from '../../features/review/testing/review-fixtures';
import { setEditorText } from '../../features/wording/testing/editor-text';
import { renderWithProviders, type FakeCall } from '../../testing/render-with-providers';
import { type FakeAnswer, type FakeRoute, routedFetch } from '../../testing/routed-fetch';
import { ReviewedPostEditor } from './reviewed-post-editor';

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
  campaignId: null,
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  deletedAt: null,
  ...over,
});

const X_CHANNEL: Channel = {
  id: '00000000-0000-4000-8000-0000000000c2',
  name: 'X Stadtwerke',
  platform: 'x',
  color: '#111827',
  createdAt: '',
};

type Canned = { status: number; body?: unknown };

const emptyCheck: WordingCheckResponse = {
  findings: [],
  length: { used: 0, limit: null, unit: 'graphemes' },
  language: 'de',
};

/**
 * The API as the editor sees it: the wording endpoints answer from the given settings (the editor
 * reads them on its own schedule), changes from the queue, in order.
 */
function serve(
  queue: Canned[],
  wording: {
    settings?: WordingSettings;
    brandRules?: BrandRule[];
    check?: (body: { text: string; channelId?: string }) => WordingCheckResponse;
    /** The workspace's approval policy kind; unanswered (404) when left out. */
    policy?: 'none' | 'optional';
    /** The post's review state (GET /posts/:id); unanswered (404) when left out. */
    detail?: unknown;
    /** The media library (GET /media). */
    library?: MediaItem[];
    /** The live media check (POST /media/check); by default every platform takes them. */
    mediaCheck?: (body: MediaCheckRequest) => FakeAnswer;
  } = {},
) {
  const calls: FakeCall[] = [];
  const wordingCalls: FakeCall[] = [];
  const mediaChecks: MediaCheckRequest[] = [];
  const pending = [...queue];
  const wordingRoute = (
    method: string,
    path: RegExp,
    answer: (call: FakeCall) => FakeAnswer,
  ): FakeRoute => ({
    method,
    path,
    answer: (call) => {
      wordingCalls.push(call);
      return answer(call);
    },
  });
  routedFetch(
    [
      wordingRoute('GET', /\/wording\/settings$/, () => ({
        status: 200,
        body: { settings: wording.settings ?? {}, version: 1, updatedAt: null },
      })),
      wordingRoute('GET', /\/wording\/brand-rules$/, () => ({
        status: 200,
        body: { items: wording.brandRules ?? [] },
      })),
      wordingRoute('POST', /\/wording\/check$/, (call) => ({
        status: 200,
        body: wording.check?.(call.body as { text: string; channelId?: string }) ?? emptyCheck,
      })),
      // Reads of other panels in the editor (review state, members) are not what these tests
      // are about.
      { method: 'GET', path: /\/members$/, status: 200, body: { items: [] } },
      {
        method: 'POST',
        path: /\/media\/check$/,
        answer: (call) => {
          const body = call.body as MediaCheckRequest;
          mediaChecks.push(body);
          if (wording.mediaCheck) return wording.mediaCheck(body);
          const none: MediaCheckResponse = {
            channels: body.channels.map((c) => ({
              channelId: c.channelId,
              platform: 'x',
              problems: [],
            })),
          };
          return { status: 200, body: none };
        },
      },
      ...(wording.library
        ? [
            {
              method: 'GET',
              path: /\/media(\?|$)/,
              status: 200,
              body: { items: wording.library, nextCursor: null },
            },
          ]
        : []),
      ...(wording.detail
        ? [{ method: 'GET', path: /\/posts\/[0-9a-f-]+$/, status: 200, body: wording.detail }]
        : []),
      ...(wording.policy
        ? [
            {
              method: 'GET',
              path: /\/approval-policy$/,
              status: 200,
              body: {
                policy:
                  wording.policy === 'none'
                    ? { kind: 'none' }
                    : { kind: 'optional', approvers: { roles: ['editor'] } },
                version: 1,
                updatedAt: null,
              },
            },
          ]
        : []),
    ],
    (call) => {
      if (call.url.includes('/wording/')) {
        wordingCalls.push(call);
        return { status: 404, body: { error: { code: 'ROUTE_NOT_FOUND', message: 'no route' } } };
      }
      if (call.method === 'GET') {
        return { status: 404, body: { error: { code: 'POST_NOT_FOUND', message: 'not here' } } };
      }
      // Changes are answered from the queue, in order.
      calls.push(call);
      return (
        pending.shift() ?? {
          status: 500,
          body: { error: { code: 'INTERNAL_ERROR', message: 'no canned response' } },
        }
      );
    },
  );
  return { calls, wordingCalls, mediaChecks };
}

function open(
  target: EditorTarget,
  role: WorkspaceMembership['role'] = 'editor',
  withChannels: Channel[] = channels,
  locale: 'de' | 'en' = 'en',
) {
  const onClose = jest.fn();
  renderWithProviders(
    <ReviewedPostEditor
      workspace={workspace(role)}
      userId={USER}
      channels={withChannels}
      target={target}
      onClose={onClose}
    />,
    { locale },
  );
  return { onClose };
}

const textBox = (name: string | RegExp) => screen.getByRole('textbox', { name });

describe('PostEditor', () => {
  it('opens on the clicked slot and shows the workspace zone with its offset', () => {
    open({ kind: 'create', slot: { date: '2026-11-21', time: '09:00' }, status: 'draft' });
    expect(screen.getByRole('dialog', { name: 'New post' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Date').value).toBe('21/11/2026');
    expect(screen.getByLabelText<HTMLInputElement>('Time').value).toBe('09:00');
    expect(screen.getByText('Time zone of the workspace: Europe/Berlin (UTC+01:00)')).toBeTruthy();
  });

  it('writes date and time as the app’s language does, not as the browser’s locale would', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }]);
    renderWithProviders(
      <ReviewedPostEditor
        workspace={workspace()}
        userId={USER}
        channels={channels}
        target={{ kind: 'edit', post: post() }}
        onClose={jest.fn()}
      />,
      { locale: 'de' },
    );
    const date = screen.getByLabelText<HTMLInputElement>('Datum');
    const time = screen.getByLabelText<HTMLInputElement>('Uhrzeit');
    expect(date.value).toBe('24.11.2026');
    expect(time.value).toBe('12:30');
    fireEvent.change(date, { target: { value: '1.12.26' } });
    fireEvent.blur(date);
    expect(date.value).toBe('01.12.2026');
    fireEvent.change(time, { target: { value: '1800' } });
    fireEvent.click(screen.getByTestId('editor-save'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toMatchObject({ plannedAt: '2026-12-01T18:00' });
  });

  it('says when a typed date is none, and does not save it', () => {
    const { calls } = serve([]);
    open({ kind: 'edit', post: post() });
    const date = screen.getByLabelText<HTMLInputElement>('Date');
    fireEvent.change(date, { target: { value: '31/02/2026' } });
    expect(screen.getByRole('alert').textContent).toBe('Enter the date as DD/MM/YYYY.');
    fireEvent.click(screen.getByTestId('editor-save'));
    expect(screen.getByText('Enter both a date and a time, or neither.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('asks which 02:30 is meant on the night the clocks go back, and sends that instant', async () => {
    const { calls } = serve([
      { status: 201, body: post({ plannedAt: '2026-10-25T02:30:00+01:00' }) },
    ]);
    const { onClose } = open({
      kind: 'create',
      slot: { date: '2026-10-25', time: '02:30' },
      status: 'draft',
    });
    setEditorText(textBox('Text'), 'Zeitumstellung!');

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
    const { calls } = serve([]);
    open({ kind: 'create', slot: { date: '2026-03-29', time: '02:30' }, status: 'draft' });
    setEditorText(textBox('Text'), 'x');
    expect(screen.getByTestId('time-nonexistent').textContent).toContain(
      'does not exist in Europe/Berlin',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create post' }));
    expect(calls).toHaveLength(0);
  });

  it('shows a conflict when someone else saved first, and can load their version', async () => {
    const theirs = post({ version: 3, title: 'Changed elsewhere' });
    const { calls } = serve([
      {
        status: 409,
        body: {
          error: {
            code: 'STALE_VERSION',
            message: 'stale',
            details: { resource: 'post', currentVersion: 3, reason: 'version', current: theirs },
          },
        },
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

  it('keeps your version beside the loaded one after a conflict, to copy from', async () => {
    const theirs = post({
      version: 3,
      title: 'Changed elsewhere',
      text: 'Their body',
      variants: [{ channelId: channels[0]!.id, text: null }],
    });
    serve([
      {
        status: 409,
        body: {
          error: {
            code: 'STALE_VERSION',
            message: 'stale',
            details: { resource: 'post', currentVersion: 3, reason: 'version', current: theirs },
          },
        },
      },
    ]);
    const writeText = jest.fn((_: string) => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    open({ kind: 'edit', post: post() });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'My title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Load current version' }));

    // The form holds the saved version; the own one stays readable beside it.
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Changed elsewhere');
    expect(screen.getByTestId<HTMLTextAreaElement>('conflict-yours').value).toBe(
      'My title\n\nBody',
    );
    expect(screen.getByTestId<HTMLTextAreaElement>('conflict-current').value).toBe(
      'Changed elsewhere\n\nTheir body',
    );
    expect(screen.getByText('Saved version 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy your version' }));
    expect(writeText).toHaveBeenCalledWith('My title\n\nBody');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Hide your version' }));
    expect(screen.queryByTestId('conflict-compare')).toBeNull();
  });

  it('keeps an unticked channel’s own text until save and brings it back with undo', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }]);
    const [instagram] = channels;
    const { onClose } = open(
      {
        kind: 'edit',
        post: post({ variants: [{ channelId: instagram!.id, text: 'Nur für Instagram' }] }),
      },
      'editor',
      [...channels, X_CHANNEL],
    );
    const box = () => screen.getByRole('checkbox', { name: /^Instagram/ });
    const variantText = () =>
      screen.getByTestId(`text-${instagram!.id}`).querySelector('.cm-content')?.textContent;
    fireEvent.click(box());
    expect(screen.queryByTestId(`text-${instagram!.id}`)).toBeNull();
    expect(screen.getByTestId('channel-removed').textContent).toContain(
      'Instagram removed; its own text is kept until you save.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(box()).toHaveProperty('checked', true);
    expect(screen.queryByTestId('channel-removed')).toBeNull();
    expect(variantText()).toBe('Nur für Instagram');

    // Unticking and ticking again brings the text back too; saving then changes nothing.
    fireEvent.click(box());
    fireEvent.click(box());
    expect(variantText()).toBe('Nur für Instagram');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls).toHaveLength(0);
  });

  it('says all of it in German: the undo after unticking and "Aktuelle Fassung laden"', async () => {
    const theirs = post({ version: 3, title: 'Anderswo geändert' });
    serve([
      {
        status: 409,
        body: {
          error: {
            code: 'STALE_VERSION',
            message: 'stale',
            details: { resource: 'post', currentVersion: 3, reason: 'version', current: theirs },
          },
        },
      },
    ]);
    const [instagram] = channels;
    open(
      {
        kind: 'edit',
        post: post({ variants: [{ channelId: instagram!.id, text: 'Eigener Text' }] }),
      },
      'editor',
      channels,
      'de',
    );
    fireEvent.click(screen.getByRole('checkbox', { name: /^Instagram/ }));
    expect(screen.getByTestId('channel-removed').textContent).toBe(
      'Instagram entfernt; der eigene Text bleibt bis zum Speichern erhalten. Rückgängig',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rückgängig' }));
    fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Mein Titel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Aktuelle Fassung laden' }));
    expect(screen.getByTestId<HTMLTextAreaElement>('conflict-yours').value).toBe(
      'Mein Titel\n\nBody\n\nInstagram:\nEigener Text',
    );
    expect(screen.getByText('Gespeicherte Fassung 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Deine Fassung kopieren' })).toBeTruthy();
  });

  it('shows what the reviewer asked for at the top of the editor', async () => {
    const asked = detail({
      id: post().id,
      status: 'changes_requested',
      review: {
        round: {
          ...detail().review.round!,
          decisions: [
            {
              userId: '00000000-0000-4000-8000-0000000000c3',
              name: 'Clara Recht',
              level: 1,
              decision: 'request_changes',
              at: '2031-05-02T12:00:00Z',
              note: 'Bitte den Preis nennen.',
            },
          ],
        },
      },
    });
    serve([], { detail: asked });
    open({ kind: 'edit', post: post({ status: 'changes_requested' }) });
    const note = await screen.findByRole('note', { name: 'Requested changes' });
    expect(note.textContent).toContain('Clara Recht asks for changes');
    expect(note.textContent).toContain('Bitte den Preis nennen.');
    // Before the form, not only in the review panel at the end.
    const form = screen.getByLabelText('Title');
    expect(note.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
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
    const { calls } = serve([{ status: 204 }, { status: 200, body: post({ version: 4 }) }]);
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
    serve([
      {
        status: 422,
        body: {
          error: {
            code: 'LOCAL_TIME_AMBIGUOUS',
            message: 'ambiguous',
            details: {
              local: '2026-11-24T12:30',
              timeZone: 'Europe/Berlin',
              candidates: ['2026-11-24T12:30:00+01:00', '2026-11-24T12:30:00+02:00'],
            },
          },
        },
      },
    ]);
    open({ kind: 'create', slot: { date: '2026-11-24', time: '12:30' }, status: 'draft' });
    setEditorText(textBox('Text'), 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Create post' }));
    expect(await screen.findByTestId('time-ambiguous')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('happens twice');
  });

  describe('wording review', () => {
    const xPost = (text: string | null, over: Partial<Post> = {}) =>
      post({ text: 'Basis', variants: [{ channelId: X_CHANNEL.id, text }], ...over });

    it('counts an X variant as X does; past 280 the counter turns red and submitting is blocked', async () => {
      serve([]);
      open({ kind: 'edit', post: xPost('Kurz und gut. Was meint ihr?') }, 'editor', [X_CHANNEL]);
      const counter = screen.getByTestId(`counter-${X_CHANNEL.id}`);
      expect(counter.textContent).toContain('28 / 280');
      expect(screen.getByRole('button', { name: 'Submit for review…' }).matches(':disabled')).toBe(
        false,
      );

      setEditorText(textBox('Own text for X Stadtwerke'), `${'Sehr lang. '.repeat(26)}Ende?`);
      expect(counter.textContent).toContain('291 / 280');
      expect(counter.getAttribute('data-over')).toBe('true');
      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: 'Submit for review…' }).matches(':disabled'),
        ).toBe(true),
      );
      expect(screen.getByTestId('submit-blocked-note').textContent).toBe(
        '1 error blocks submitting.',
      );
      const findings = within(screen.getByTestId(`text-${X_CHANNEL.id}-findings`));
      expect(findings.getByText(/too long: X allows 280/)).toBeTruthy();

      // The note opens the summary, which names the blocking finding.
      fireEvent.click(screen.getByTestId('submit-blocked-note'));
      const blocking = screen.getByTestId('wording-blocking');
      expect(blocking.textContent).toContain('X Stadtwerke:');
      expect(blocking.textContent).toContain('11 weighted characters too long');
      expect(screen.getByRole('button', { name: 'Submit now' }).matches(':disabled')).toBe(true);
    });

    it('shows a summary per variant before submitting, then submits the version seen', async () => {
      const { calls } = serve([
        { status: 200, body: xPost(null, { status: 'in_review', version: 3 }) },
      ]);
      const { onClose } = open({ kind: 'edit', post: xPost(null) }, 'editor', [X_CHANNEL]);
      await waitFor(() =>
        expect(
          screen.getByRole('button', { name: 'Submit for review…' }).matches(':disabled'),
        ).toBe(false),
      );
      fireEvent.click(screen.getByRole('button', { name: 'Submit for review…' }));

      const row = screen.getByTestId(`summary-${X_CHANNEL.id}`);
      expect(within(row).getByText('X Stadtwerke')).toBeTruthy();
      expect(row.textContent).toContain('5 / 280');
      expect(screen.getByText('No errors: the post can be submitted.')).toBeTruthy();
      expect(calls).toHaveLength(0);

      fireEvent.click(screen.getByRole('button', { name: 'Submit now' }));
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(calls[0]).toMatchObject({
        method: 'POST',
        url: `/api/v1/workspaces/team/posts/${xPost(null).id}/submit`,
        body: { version: 2 },
      });
      expect(screen.getByText('Submitted for review.')).toBeTruthy();
    });

    it('under an optional policy releases at once, or asks for a review when ticked', async () => {
      const { calls } = serve(
        [
          { status: 200, body: xPost(null, { status: 'approved', version: 3 }) },
          { status: 200, body: xPost(null, { status: 'in_review', version: 3 }) },
        ],
        { policy: 'optional' },
      );
      const first = open({ kind: 'edit', post: xPost(null) }, 'editor', [X_CHANNEL]);
      fireEvent.click(await screen.findByRole('button', { name: 'Release or ask for review…' }));
      fireEvent.click(screen.getByRole('button', { name: 'Release now' }));
      await waitFor(() => expect(first.onClose).toHaveBeenCalled());
      expect(calls[0]?.body).toEqual({ version: 2 });
      expect(screen.getByText('Released: it will be published as planned.')).toBeTruthy();
      cleanup();

      const second = open({ kind: 'edit', post: xPost(null) }, 'editor', [X_CHANNEL]);
      fireEvent.click(await screen.findByRole('button', { name: 'Release or ask for review…' }));
      fireEvent.click(screen.getByRole('checkbox', { name: /Ask for a review first/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Submit now' }));
      await waitFor(() => expect(second.onClose).toHaveBeenCalled());
      expect(calls[1]?.body).toEqual({ version: 2, requestReview: true });
      expect(screen.getByText('Submitted for review.')).toBeTruthy();
    });

    it('says a workspace without approvals releases the post as it is', async () => {
      serve([], { policy: 'none' });
      open({ kind: 'edit', post: xPost(null) }, 'editor', [X_CHANNEL]);
      fireEvent.click(await screen.findByRole('button', { name: 'Release for publishing…' }));
      expect(screen.getByText(/This workspace needs no approval/)).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Release now' })).toBeTruthy();
      expect(screen.queryByRole('checkbox', { name: /Ask for a review first/ })).toBeNull();
    });

    it('saves unsaved changes first and submits the version that save returned', async () => {
      const saved = xPost(null, { version: 3, title: 'Neuer Titel' });
      const { calls } = serve([
        { status: 200, body: saved },
        { status: 200, body: { ...saved, version: 4, status: 'in_review' } },
      ]);
      const { onClose } = open({ kind: 'edit', post: xPost(null) }, 'editor', [X_CHANNEL]);
      fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Neuer Titel' } });
      fireEvent.click(screen.getByRole('button', { name: 'Submit for review…' }));
      fireEvent.click(screen.getByRole('button', { name: 'Submit now' }));
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(calls.map((c) => `${c.method} ${c.url.split('/').pop()}`)).toEqual([
        `PATCH ${saved.id}`,
        'POST submit',
      ]);
      expect(calls[1]?.body).toEqual({ version: 3 });
    });

    it('names the findings the server refuses to submit with (WORDING_BLOCKED)', async () => {
      serve([
        {
          status: 422,
          body: {
            error: {
              code: 'WORDING_BLOCKED',
              message: 'blocked',
              details: {
                findings: [
                  {
                    channelId: X_CHANNEL.id,
                    rule: 'duplicate.x-identical',
                    message: 'This X channel posted the same text on 2026-11-20.',
                    messages: {
                      de: 'Denselben Text hat dieser X-Kanal am 2026-11-20 schon gepostet.',
                      en: 'This X channel posted the same text on 2026-11-20.',
                    },
                    start: 0,
                    end: 5,
                  },
                ],
              },
            },
          },
        },
      ]);
      const { onClose } = open({ kind: 'edit', post: xPost(null) }, 'editor', [X_CHANNEL]);
      fireEvent.click(screen.getByRole('button', { name: 'Submit for review…' }));
      fireEvent.click(screen.getByRole('button', { name: 'Submit now' }));
      const alert = await screen.findByTestId('editor-error');
      expect(alert.textContent).toContain('The wording check found errors that block submitting.');
      expect(alert.textContent).toContain(
        'X Stadtwerke: This X channel posted the same text on 2026-11-20.',
      );
      expect(onClose).not.toHaveBeenCalled();
    });

    it('applies the workspace’s brand rules as you type, with a one-click fix', async () => {
      const { calls } = serve([{ status: 200, body: post({ version: 3 }) }], {
        brandRules: [
          {
            id: '00000000-0000-4000-8000-0000000000b1',
            kind: 'preferred',
            term: 'Newsletter',
            replacement: 'Rundbrief',
            termGender: 'm',
            replacementGender: 'm',
            message: { en: 'We say Rundbrief.' },
          },
        ],
      });
      const { onClose } = open({ kind: 'edit', post: post({ text: 'Abonniere den Newsletter!' }) });
      const fix = await screen.findByRole('button', { name: 'Replace with “Rundbrief”' });
      expect(screen.getByText('We say Rundbrief.')).toBeTruthy();
      fireEvent.click(fix);
      await waitFor(() => expect(textBox('Text').textContent).toBe('Abonniere den Rundbrief!'));
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(onClose).toHaveBeenCalled());
      expect(calls[0]?.body).toEqual({ text: 'Abonniere den Rundbrief!' });
    });

    it('adds what only the server knows (spelling) once the writer pauses', async () => {
      const { wordingCalls } = serve([], {
        check: ({ text }) => {
          const start = text.indexOf('Somerfest');
          return {
            ...emptyCheck,
            findings:
              start < 0
                ? []
                : [
                    {
                      rule: 'spelling.unknown-word',
                      severity: 'warning',
                      message: 'Unknown word',
                      messages: { de: 'Unbekanntes Wort', en: 'Unknown word: Somerfest' },
                      start,
                      end: start + 9,
                      fix: {
                        start,
                        end: start + 9,
                        replacement: 'Sommerfest',
                        label: 'Sommerfest',
                        labels: { de: 'Sommerfest', en: 'Sommerfest' },
                      },
                    },
                  ],
          };
        },
      });
      open({ kind: 'edit', post: post({ text: 'Kommt zum Somerfest!' }) });
      expect(
        await screen.findByText('Unknown word: Somerfest', {}, { timeout: 3000 }),
      ).toBeTruthy();
      const check = wordingCalls.find((c) => c.url.endsWith('/wording/check'));
      expect(check?.body).toMatchObject({
        text: 'Kommt zum Somerfest!',
        platform: 'manual',
        postId: post().id,
      });

      // Typing before the word moves the server's finding along until the next answer.
      setEditorText(textBox('Text'), 'Hey! Kommt zum Somerfest!');
      const marks = textBox('Text').querySelectorAll('.cm-lintRange-warning');
      expect([...marks].map((m) => m.textContent)).toContain('Somerfest');
    });
  });
});

describe('per-platform options and previews', () => {
  const LINKEDIN: Channel = {
    id: '00000000-0000-4000-8000-0000000000c3',
    name: 'LinkedIn Stadtwerke',
    platform: 'linkedin',
    color: '#0a66c2',
    createdAt: '',
  };
  const [instagram] = channels;
  const long =
    'Am Samstag feiern wir das Sommerfest im Hafen: Musik ab 14 Uhr, Kuchen vom Café Aurora und eine Tombola für den Sportverein. Alle sind eingeladen!';

  it('sets a LinkedIn visibility and first comment, shows them in the preview, and saves them in the variant', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }]);
    const { onClose } = open(
      {
        kind: 'edit',
        post: post({
          text: long,
          variants: [
            { channelId: instagram!.id, text: null, options: {} },
            { channelId: LINKEDIN.id, text: null, options: {} },
          ],
        }),
      },
      'editor',
      [...channels, LINKEDIN],
    );
    const options = within(screen.getByTestId(`options-${LINKEDIN.id}`));
    fireEvent.change(options.getByLabelText('Visibility'), { target: { value: 'CONNECTIONS' } });
    fireEvent.change(options.getByLabelText('First comment'), {
      target: { value: 'Alle Termine im Kommentar' },
    });

    // Two platforms, each as its feed shows the same text: Instagram folds at 125 characters.
    const ig = within(screen.getByTestId(`preview-${instagram!.id}`));
    expect(ig.getByTestId('preview-text').textContent).toBe(
      `${long.slice(0, 125).trimEnd()}… more`,
    );
    fireEvent.click(ig.getByRole('button', { name: 'more' }));
    expect(ig.getByTestId('preview-text').textContent).toContain('Alle sind eingeladen!');
    expect(ig.getByText('Instagram needs an image or a video.')).toBeTruthy();
    const li = within(screen.getByTestId(`preview-${LINKEDIN.id}`));
    expect(li.getByTestId('preview-text').textContent).toBe(long);
    expect(li.getByTestId('preview-first-comment').textContent).toContain(
      'Alle Termine im Kommentar',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({
      variants: [
        { channelId: instagram!.id, text: null, options: {} },
        {
          channelId: LINKEDIN.id,
          text: null,
          options: { visibility: 'CONNECTIONS', firstComment: 'Alle Termine im Kommentar' },
        },
      ],
    });
  });

  it('marks an option the platform does not take and does not save it', () => {
    const { calls } = serve([]);
    const PINTEREST: Channel = { ...LINKEDIN, name: 'Pinterest', platform: 'pinterest' };
    open(
      {
        kind: 'edit',
        post: post({ variants: [{ channelId: PINTEREST.id, text: null, options: {} }] }),
      },
      'editor',
      [PINTEREST],
      'de',
    );
    const options = within(screen.getByTestId(`options-${PINTEREST.id}`));
    fireEvent.change(options.getByLabelText('Pinnwand-ID'), {
      target: { value: 'meine-pinnwand' },
    });
    expect(options.getByText('Dieser Wert passt nicht zu dieser Plattform.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect(calls).toHaveLength(0);
  });

  it('shows what the API refused and keeps the form', async () => {
    serve([
      {
        status: 422,
        body: {
          error: {
            code: 'VARIANT_OPTIONS_INVALID',
            message: 'invalid',
            details: {
              channels: [
                {
                  channelId: LINKEDIN.id,
                  platform: 'linkedin',
                  issues: [{ path: 'firstComment', message: 'Too long' }],
                },
              ],
            },
          },
        },
      },
    ]);
    const { onClose } = open(
      {
        kind: 'edit',
        post: post({ variants: [{ channelId: LINKEDIN.id, text: null, options: {} }] }),
      },
      'editor',
      [LINKEDIN],
    );
    const options = within(screen.getByTestId(`options-${LINKEDIN.id}`));
    fireEvent.change(options.getByLabelText('First comment'), { target: { value: 'Hallo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'Some platform options are invalid. Check the marked fields; nothing was saved.',
      ),
    ).toBeTruthy();
    expect(options.getByText('This value does not fit this platform.')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('media in the editor', () => {
  const item = (id: string, name: string, width: number, height: number): MediaItem => ({
    id,
    kind: 'image',
    name,
    mimeType: 'image/jpeg',
    bytes: 1000,
    width,
    height,
    durationMs: null,
    videoCodec: null,
    altText: `Bibliothek: ${name}`,
    sha256: 'a'.repeat(64),
    thumbnailUrl: `/api/v1/workspaces/w/media/${id}/thumbnail`,
    url: `/api/v1/workspaces/w/media/${id}/file`,
    usageCount: 0,
    uploadedBy: null,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
  });
  const A = item('00000000-0000-4000-8000-0000000000e1', 'hafen.jpg', 1080, 1920);
  const B = item('00000000-0000-4000-8000-0000000000e2', 'kuchen.jpg', 1080, 1080);
  const [instagram] = channels;

  it('attaches from the library, orders, describes, shows them in the preview and saves them in order', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }], { library: [A, B] });
    const { onClose } = open({
      kind: 'edit',
      post: post({ variants: [{ channelId: instagram!.id, text: null, options: {} }] }),
    });
    fireEvent.click(screen.getByTestId('editor-media-add'));
    fireEvent.click(await screen.findByRole('button', { name: 'Add hafen.jpg' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add kuchen.jpg' }));
    expect(screen.getByRole('button', { name: 'Add hafen.jpg' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Move kuchen.jpg earlier' }));
    fireEvent.change(screen.getByLabelText('Alt text for hafen.jpg'), {
      target: { value: 'Der Hafen bei Sonnenuntergang' },
    });

    // Instagram shows a carousel in the first slide's frame: the square first, the tall one cut.
    const ig = within(screen.getByTestId(`preview-${instagram!.id}`));
    const frames = ig.getAllByTestId('preview-image');
    expect(frames.map((f) => f.getAttribute('data-cropped'))).toEqual(['false', 'true']);
    expect(ig.getByRole('img', { name: 'Bibliothek: kuchen.jpg' })).toBeTruthy();
    expect(ig.queryByText('Instagram needs an image or a video.')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({
      media: [
        { mediaId: B.id, altText: 'Bibliothek: kuchen.jpg' },
        { mediaId: A.id, altText: 'Der Hafen bei Sonnenuntergang' },
      ],
    });
  });

  const usedAs = (m: MediaItem, altText: string | null, kind: MediaItem['kind'] = m.kind) => ({
    mediaId: m.id,
    altText,
    kind,
    name: m.name,
    mimeType: kind === 'video' ? ('video/mp4' as const) : m.mimeType,
    bytes: m.bytes,
    width: m.width,
    height: m.height,
    durationMs: kind === 'video' ? 12_000 : null,
    sha256: m.sha256,
    thumbnailUrl: m.thumbnailUrl,
    url: m.url,
  });
  const V = item('00000000-0000-4000-8000-0000000000e3', 'film.mp4', 1920, 1080);

  it('gives X its own selection: the video left out, the pictures in another order', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }]);
    const { onClose } = open(
      {
        kind: 'edit',
        post: post({
          media: [usedAs(V, 'Der Film', 'video'), usedAs(A, 'Hafen'), usedAs(B, 'Kuchen')],
          variants: [
            { channelId: instagram!.id, text: null, options: {} },
            { channelId: X_CHANNEL.id, text: null, options: {} },
          ],
        }),
      },
      'editor',
      [...channels, X_CHANNEL],
    );
    const x = within(screen.getByTestId(`channel-media-${X_CHANNEL.id}`));
    expect(x.getByTestId('channel-media-summary').textContent).toBe(
      'Uses the post’s media (3 items, in their order).',
    );
    fireEvent.click(x.getByRole('checkbox', { name: 'Own selection for X Stadtwerke' }));
    // The own list starts as the post's, with the post's alt texts.
    expect(x.getAllByTestId('channel-media-item').map((li) => li.dataset['mediaId'])).toEqual([
      V.id,
      A.id,
      B.id,
    ]);
    fireEvent.click(x.getByRole('button', { name: 'Leave film.mp4 out on X Stadtwerke' }));
    fireEvent.click(x.getByRole('button', { name: 'Move kuchen.jpg earlier on X Stadtwerke' }));
    fireEvent.change(x.getByLabelText('Alt text for hafen.jpg on X Stadtwerke'), {
      target: { value: 'Hafen, kurz' },
    });
    // What was left out is offered back.
    expect(x.getByRole('button', { name: 'Add film.mp4 back on X Stadtwerke' })).toBeTruthy();

    // X's preview shows its own two; Instagram's still the post's three, the film first.
    const xPreview = within(screen.getByTestId(`preview-${X_CHANNEL.id}`));
    expect(xPreview.getAllByTestId('preview-image')).toHaveLength(2);
    expect(xPreview.getByRole('img', { name: 'Kuchen' })).toBeTruthy();
    const igPreview = screen.getByTestId(`preview-${instagram!.id}`);
    expect(igPreview.querySelector('.platform-preview__media')?.getAttribute('data-count')).toBe(
      '3',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    // Only X's list is sent; the post's media and Instagram's stay as they are.
    expect(calls[0]!.body).toEqual({
      variants: [
        { channelId: instagram!.id, text: null, options: {} },
        {
          channelId: X_CHANNEL.id,
          text: null,
          options: {},
          media: [
            { mediaId: B.id, altText: 'Kuchen' },
            { mediaId: A.id, altText: 'Hafen, kurz' },
          ],
        },
      ],
    });
  });

  it('lets a channel with its own media follow the post’s again', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }]);
    const { onClose } = open(
      {
        kind: 'edit',
        post: post({
          media: [usedAs(A, 'Hafen'), usedAs(B, 'Kuchen')],
          variants: [
            { channelId: X_CHANNEL.id, text: null, options: {}, media: [usedAs(B, 'Nur Kuchen')] },
          ],
        }),
      },
      'editor',
      [X_CHANNEL],
    );
    const x = within(screen.getByTestId(`channel-media-${X_CHANNEL.id}`));
    expect(x.getAllByTestId('channel-media-item')).toHaveLength(1);
    fireEvent.click(x.getByRole('checkbox', { name: 'Own selection for X Stadtwerke' }));
    expect(x.queryAllByTestId('channel-media-item')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({
      variants: [{ channelId: X_CHANNEL.id, text: null, options: {}, media: null }],
    });
  });

  it('names the platform that refuses a channel’s media under that channel, in German', async () => {
    serve([
      {
        status: 422,
        body: {
          error: {
            code: 'MEDIA_PLATFORM_REJECTED',
            message: 'X: zu groß',
            details: {
              problems: [
                {
                  channelId: X_CHANNEL.id,
                  platform: 'x',
                  mediaId: A.id,
                  rule: 'image_size',
                  message: 'X takes images up to 5 MiB.',
                  messages: { de: 'X nimmt Bilder bis 5 MiB.', en: 'X takes images up to 5 MiB.' },
                },
              ],
            },
          },
        },
      },
    ]);
    const { onClose } = open(
      {
        kind: 'edit',
        post: post({
          media: [usedAs(A, 'Hafen')],
          variants: [{ channelId: X_CHANNEL.id, text: null, options: {} }],
        }),
      },
      'editor',
      [X_CHANNEL],
      'de',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Zur Freigabe einreichen …' }));
    fireEvent.click(screen.getByRole('button', { name: 'Jetzt einreichen' }));
    const problems = await screen.findByTestId('channel-media-problems');
    expect(problems.textContent).toBe('X nimmt Bilder bis 5 MiB.');
    expect(
      within(screen.getByTestId(`channel-media-${X_CHANNEL.id}`)).getByTestId(
        'channel-media-problems',
      ),
    ).toBe(problems);
    expect(onClose).not.toHaveBeenCalled();
    // Choosing X's own media clears the refusal: it was about what X would have got.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Eigene Auswahl für X Stadtwerke' }));
    expect(screen.queryByTestId('channel-media-problems')).toBeNull();
  });

  describe('the live media check', () => {
    const C = item('00000000-0000-4000-8000-0000000000e4', 'turm.jpg', 1080, 1080);
    const D = item('00000000-0000-4000-8000-0000000000e5', 'strand.jpg', 1080, 1080);
    const E = item('00000000-0000-4000-8000-0000000000e6', 'eis.jpg', 1080, 1080);
    /** X as the server checks it: at most four; every other platform takes anything. */
    const xTakesFour = (body: MediaCheckRequest): FakeAnswer => ({
      status: 200,
      body: {
        channels: body.channels.map((c) => {
          const n = (c.media ?? body.media ?? []).length;
          const onX = c.channelId === X_CHANNEL.id;
          return {
            channelId: c.channelId,
            platform: onX ? 'x' : 'instagram',
            problems:
              onX && n > 4
                ? [
                    {
                      mediaId: null,
                      rule: 'count',
                      messages: {
                        de: `X nimmt höchstens 4 Medien; angehängt sind ${n}.`,
                        en: `X takes at most 4 media; ${n} are attached.`,
                      },
                    },
                  ]
                : [],
          };
        }),
      } satisfies MediaCheckResponse,
    });
    const fourOnPost = () =>
      post({
        media: [usedAs(A, 'Hafen'), usedAs(B, 'Kuchen'), usedAs(C, 'Turm'), usedAs(D, 'Strand')],
        variants: [
          { channelId: instagram!.id, text: null, options: {} },
          { channelId: X_CHANNEL.id, text: null, options: {} },
        ],
      });

    it('names what X would refuse under X as media are attached, and counts it in the blocked submit', async () => {
      const { mediaChecks } = serve([], { library: [E], mediaCheck: xTakesFour });
      open({ kind: 'edit', post: fourOnPost() }, 'editor', [...channels, X_CHANNEL]);
      await waitFor(() => expect(mediaChecks).toHaveLength(1));
      expect(screen.queryByTestId('channel-media-problems')).toBeNull();
      expect(screen.getByTestId('editor-submit')).toHaveProperty('disabled', false);

      fireEvent.click(screen.getByTestId('editor-media-add'));
      fireEvent.click(await screen.findByRole('button', { name: 'Add eis.jpg' }));
      const problems = await screen.findByTestId('channel-media-problems');
      expect(problems.textContent).toBe('X takes at most 4 media; 5 are attached.');
      expect(
        within(screen.getByTestId(`channel-media-${X_CHANNEL.id}`)).getByTestId(
          'channel-media-problems',
        ),
      ).toBe(problems);
      expect(screen.getByTestId('submit-blocked-note').textContent).toBe(
        '1 error blocks submitting.',
      );
      expect(screen.getByTestId('editor-submit')).toHaveProperty('disabled', true);
      // The form as it stands, written as a save writes it.
      expect(mediaChecks.at(-1)).toEqual({
        media: [
          { mediaId: A.id, altText: 'Hafen' },
          { mediaId: B.id, altText: 'Kuchen' },
          { mediaId: C.id, altText: 'Turm' },
          { mediaId: D.id, altText: 'Strand' },
          { mediaId: E.id, altText: 'Bibliothek: eis.jpg' },
        ],
        channels: [
          { channelId: instagram!.id, media: null },
          { channelId: X_CHANNEL.id, media: null },
        ],
      });

      // Typing an alt text asks once, when the typing pauses, with the text as typed.
      const asked = mediaChecks.length;
      const alt = screen.getByLabelText('Alt text for eis.jpg');
      for (const value of ['E', 'Ei', 'Eis am Strand'])
        fireEvent.change(alt, { target: { value } });
      await waitFor(() => expect(mediaChecks).toHaveLength(asked + 1));
      expect(mediaChecks.at(-1)!.media!.at(-1)).toEqual({
        mediaId: E.id,
        altText: 'Eis am Strand',
      });

      // Back to four: the problem and the block go.
      fireEvent.click(screen.getByRole('button', { name: 'Remove hafen.jpg from the post' }));
      await waitFor(() => expect(screen.queryByTestId('channel-media-problems')).toBeNull());
      expect(screen.queryByTestId('submit-blocked-note')).toBeNull();
      expect(screen.getByTestId('editor-submit')).toHaveProperty('disabled', false);
    });

    it('says it in the reader’s language as soon as the post opens, only under the channel concerned', async () => {
      const { mediaChecks } = serve([], { mediaCheck: xTakesFour });
      const five = fourOnPost();
      five.media = [...five.media!, usedAs(E, 'Eis')];
      open({ kind: 'edit', post: five }, 'editor', [...channels, X_CHANNEL], 'de');
      const problems = await screen.findByTestId('channel-media-problems');
      expect(mediaChecks).toHaveLength(1);
      expect(problems.textContent).toBe('X nimmt höchstens 4 Medien; angehängt sind 5.');
      expect(
        within(screen.getByTestId(`channel-media-${instagram!.id}`)).queryByTestId(
          'channel-media-problems',
        ),
      ).toBeNull();
      expect(screen.getByTestId('submit-blocked-note').textContent).toBe(
        '1 Fehler blockiert das Einreichen.',
      );
    });

    it('shows nothing and blocks nothing when the check fails: submit still asks the server', async () => {
      const { mediaChecks } = serve([], {
        mediaCheck: () => ({
          status: 500,
          body: { error: { code: 'INTERNAL_ERROR', message: 'down' } },
        }),
      });
      const five = fourOnPost();
      five.media = [...five.media!, usedAs(E, 'Eis')];
      open({ kind: 'edit', post: five }, 'editor', [...channels, X_CHANNEL]);
      await waitFor(() => expect(mediaChecks).toHaveLength(1));
      // Let the failed answer arrive and render.
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(screen.queryByTestId('channel-media-problems')).toBeNull();
      expect(screen.queryByTestId('editor-error')).toBeNull();
      expect(screen.queryByTestId('submit-blocked-note')).toBeNull();
      expect(screen.getByTestId('editor-submit')).toHaveProperty('disabled', false);
    });

    it('asks nothing for a viewer, who cannot change the media anyway', async () => {
      const { mediaChecks } = serve([], { mediaCheck: xTakesFour });
      open({ kind: 'edit', post: fourOnPost() }, 'viewer', [...channels, X_CHANNEL]);
      await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(mediaChecks).toHaveLength(0);
    });
  });

  it('removes an attached medium', async () => {
    const { calls } = serve([{ status: 200, body: post({ version: 3 }) }]);
    const { onClose } = open({
      kind: 'edit',
      post: post({
        media: [
          {
            mediaId: A.id,
            altText: 'Hafen',
            kind: 'image',
            name: A.name,
            mimeType: 'image/jpeg',
            bytes: 1000,
            width: 1080,
            height: 1920,
            durationMs: null,
            sha256: A.sha256,
            thumbnailUrl: A.thumbnailUrl,
            url: A.url,
          },
        ],
      }),
    });
    expect(screen.getAllByTestId('editor-media-item')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Remove hafen.jpg from the post' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]!.body).toEqual({ media: [] });
  });
});
