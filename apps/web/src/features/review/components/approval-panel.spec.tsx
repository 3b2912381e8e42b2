/** @jest-environment jsdom */
import type { PostDetail } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import {
  AUTHOR,
  can,
  detail,
  EDITOR,
  HASH,
  LEGAL,
  members,
  POST_ID,
  workspace,
} from '../testing/review-fixtures';
import { toPost } from '../api/use-post-review';
import { ApprovalPanel, type ApprovalPanelProps } from './approval-panel';

function show(
  current: PostDetail,
  options: Partial<ApprovalPanelProps> & { locale?: 'de' | 'en' } = {},
) {
  const { locale = 'en', ...props } = options;
  const onTransition = jest.fn();
  const onOutdated = jest.fn();
  const onRefresh = jest.fn<ApprovalPanelProps['onRefresh']>(() => Promise.resolve(current));
  renderWithProviders(
    <ApprovalPanel
      workspace={workspace('viewer')}
      userId={LEGAL}
      post={toPost(current)}
      detail={current}
      members={members}
      onTransition={onTransition}
      onOutdated={onOutdated}
      onRefresh={onRefresh}
      {...props}
    />,
    { locale },
  );
  return { onTransition, onOutdated, onRefresh };
}

describe('ApprovalPanel', () => {
  it('lists the levels in order with who approved and who is awaited, and the decisions with notes', () => {
    show(detail());
    const levels = screen.getAllByTestId('approval-level');
    expect(levels).toHaveLength(2);
    expect(levels[0]!.textContent).toContain('Redaktion');
    expect(levels[0]!.textContent).toContain('Done');
    expect(levels[0]!.textContent).toContain('Approved by Ben Redakteur');
    expect(levels[1]!.textContent).toContain('Recht');
    expect(levels[1]!.textContent).toContain('Now');
    expect(levels[1]!.textContent).toContain('Waiting for you');
    expect(levels[1]!.getAttribute('aria-current')).toBe('step');
    const decisions = screen.getByTestId('review-decisions');
    expect(decisions.textContent).toContain('Ben Redakteur approved');
    expect(decisions.textContent).toContain('Passt so.');
  });

  it('offers only the actions the server allows', () => {
    show(detail({ review: { can: can({ withdraw: true }) } }), { userId: AUTHOR });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Request changes' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Withdraw from review' })).toBeTruthy();
    expect(screen.getByText(/You wrote this post, so somebody else approves it/)).toBeTruthy();
  });

  it('approves with the version and the content hash that were shown', async () => {
    const approved = detail({
      version: 5,
      status: 'approved',
      review: { statusReason: 'approved', can: can({ withdraw: true }) },
    });
    const calls = fakeFetch([{ status: 200, body: approved }]);
    const { onTransition } = show(
      detail({ review: { can: can({ approve: true, requestChanges: true }) } }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onTransition).toHaveBeenCalled());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `/api/v1/workspaces/team/posts/${POST_ID}/approve`,
      body: { version: 4, contentHash: HASH },
    });
    expect(onTransition.mock.calls[0]![0]).toMatchObject({
      id: POST_ID,
      version: 5,
      status: 'approved',
    });
    expect(await screen.findByText('Approved.')).toBeTruthy();
  });

  it('does not request changes without a note, and sends the note once there is one', async () => {
    const calls = fakeFetch([
      {
        status: 200,
        body: detail({
          version: 5,
          status: 'changes_requested',
          review: { statusReason: 'changes_requested' },
        }),
      },
    ]);
    const { onTransition } = show(
      detail({ review: { can: can({ approve: true, requestChanges: true }) } }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Request changes' }));
    expect(calls).toHaveLength(0);
    const note = screen.getByRole('textbox', { name: 'Note (required when you request changes)' });
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('Say what should change, so the author knows what to do.'),
    ).toBeTruthy();
    expect(document.activeElement).toBe(note);

    fireEvent.change(note, { target: { value: '  Bitte das Datum nennen.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Request changes' }));
    await waitFor(() => expect(onTransition).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      url: `/api/v1/workspaces/team/posts/${POST_ID}/request-changes`,
      body: { version: 4, contentHash: HASH, note: 'Bitte das Datum nennen.' },
    });
  });

  it('explains a refused self-approval in the reader’s language', async () => {
    fakeFetch([
      {
        status: 403,
        body: { error: { code: 'SELF_APPROVAL_FORBIDDEN', message: 'The author cannot approve' } },
      },
    ]);
    show(detail({ review: { can: can({ approve: true }) } }), { userId: AUTHOR, locale: 'de' });
    fireEvent.click(screen.getByRole('button', { name: 'Freigeben' }));
    const alert = await screen.findByTestId('review-error');
    expect(alert.textContent).toContain('Du kannst deinen eigenen Beitrag nicht freigeben');
  });

  it('reloads and explains when the content changed under the reviewer, and decides nothing', async () => {
    const newer = detail({
      version: 6,
      text: 'Am Sonntag feiern wir.',
      review: { contentHash: 'b'.repeat(64) },
    });
    fakeFetch([{ status: 409, body: { error: { code: 'CONTENT_CHANGED', message: 'changed' } } }]);
    const onRefresh = jest.fn<ApprovalPanelProps['onRefresh']>(() => Promise.resolve(newer));
    const { onTransition, onOutdated } = show(detail({ review: { can: can({ approve: true }) } }), {
      onRefresh,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));

    const stale = await screen.findByTestId('review-stale');
    expect(stale.textContent).toContain('The post changed while you were looking at it');
    await waitFor(() => expect(onRefresh).toHaveBeenCalled());
    await waitFor(() => expect(onOutdated).toHaveBeenCalled());
    expect(onOutdated.mock.calls[0]![0]).toMatchObject({
      version: 6,
      text: 'Am Sonntag feiern wir.',
    });
    expect(onTransition).not.toHaveBeenCalled();
  });

  it('holds decisions back while the editor has unsaved changes or shows an older version', () => {
    const current = detail({ review: { can: can({ approve: true, requestChanges: true }) } });
    show(current, { unsaved: true });
    expect(screen.getByTestId('review-unsaved')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Approve' }).disabled).toBe(true);
  });

  it('asks to load the current version when the server has a newer one than the editor', () => {
    const current = detail({ review: { can: can({ approve: true }) } });
    const { onOutdated } = show(current, { post: { ...toPost(current), version: 3 } });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Approve' }).disabled).toBe(true);
    fireEvent.click(
      within(screen.getByTestId('review-outdated')).getByRole('button', {
        name: 'Load current version',
      }),
    );
    expect(onOutdated).toHaveBeenCalledWith(expect.objectContaining({ version: 4 }));
  });

  it('says why a post is back in review', () => {
    show(detail({ review: { statusReason: 'content_changed' } }), { userId: EDITOR, locale: 'de' });
    expect(screen.getByTestId('status-explanation').textContent).toBe(
      'Wieder in Prüfung: Der Text wurde nach der Freigabe geändert, die Freigabe gilt nicht mehr.',
    );
  });

  it('promotes an idea with the version only', async () => {
    const idea = detail({
      status: 'idea',
      review: { statusReason: 'created', round: null, can: can({ promote: true }) },
    });
    const calls = fakeFetch([{ status: 200, body: { ...idea, status: 'draft', version: 5 } }]);
    const { onTransition } = show(idea, { userId: AUTHOR });
    expect(screen.queryByTestId('approval-levels')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Turn into a draft' }));
    await waitFor(() => expect(onTransition).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      url: `/api/v1/workspaces/team/posts/${POST_ID}/promote`,
      body: { version: 4 },
    });
  });
});
