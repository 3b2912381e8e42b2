/** @jest-environment jsdom */
import type { Invitation, Member, WorkspaceMembership } from '@postplan/contracts';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { queryKeys } from '../../../lib/api/endpoints';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { MembersPage } from './members-page';
import { routedFetch } from '../../../testing/routed-fetch';

const workspace = (role: WorkspaceMembership['role']): WorkspaceMembership => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  slug: 'team',
  name: 'Team Nord',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role,
});

const OLGA: Member = {
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'olga@example.com',
  name: 'Olga Owner',
  role: 'owner',
  // 23:30 UTC is already the next day in Berlin: the list shows the workspace's day.
  joinedAt: '2026-03-01T23:30:00Z',
};
const BEN: Member = {
  userId: '00000000-0000-4000-8000-000000000002',
  email: 'ben@example.com',
  name: 'Ben Berger',
  role: 'editor',
  joinedAt: '2026-05-10T08:00:00Z',
};
type Call = { method: string; url: string; body: unknown };
type Answer = { status: number; body?: unknown };
type Route = 'POST' | 'PATCH' | 'DELETE';

let calls: Call[] = [];
let stored: Member[] = [];
let invitations: Invitation[] = [];

const refusal = (status: number, code: string, details?: unknown): Answer => ({
  status,
  body: { error: { code, message: `server says ${code}`, details } },
});

/**
 * The members endpoints over a list that changes like the server's would. A test can give an
 * answer per method instead (a refusal); the list then stays as it is.
 */
function serve(members: Member[], answers: Partial<Record<Route, Answer>> = {}) {
  stored = [...members];
  invitations = [];
  const ONE = /\/members\/([^/?]+)$/;
  calls = routedFetch(
    [
      {
        method: 'GET',
        path: /\/workspaces\/team\/members$/,
        answer: () => ({ status: 200, body: { items: stored } }),
      },
      {
        method: 'GET',
        path: /\/workspaces\/team\/invitations$/,
        answer: () => ({ status: 200, body: { items: invitations } }),
      },
      {
        method: 'DELETE',
        path: /\/invitations\/([^/]+)$/,
        answer: (_call, match) => {
          invitations = invitations.filter((i) => i.id !== match![1]);
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: /\/workspaces\/team\/members$/,
        answer: ({ body }) => {
          const { email, role } = body as { email: string; role: Member['role'] };
          const invitation: Invitation = {
            id: '00000000-0000-4000-8000-0000000000f1',
            email,
            role,
            invitedBy: 'Ben Berger',
            createdAt: '2026-11-21T10:00:00Z',
            expiresAt: '2026-11-28T10:00:00Z',
          };
          if (answers.POST) return answers.POST;
          invitations = [invitation, ...invitations];
          return {
            status: 201,
            body: {
              invitation,
              inviteUrl: `https://postplan.example/invite/${'x'.repeat(43)}`,
              emailSent: false,
            },
          };
        },
      },
      {
        method: 'PATCH',
        path: ONE,
        answer: ({ body }, match) => {
          if (answers.PATCH) return answers.PATCH;
          const changed = { ...stored.find((m) => m.userId === match![1])!, ...(body as object) };
          stored = stored.map((m) => (m.userId === match![1] ? changed : m));
          return { status: 200, body: changed };
        },
      },
      {
        method: 'DELETE',
        path: ONE,
        answer: (_call, match) => {
          if (answers.DELETE) return answers.DELETE;
          stored = stored.filter((m) => m.userId !== match![1]);
          return { status: 204 };
        },
      },
    ],
    () => refusal(404, 'ROUTE_NOT_FOUND'),
  );
}

const sent = (method: string) =>
  calls
    .filter((c) => c.method === method)
    .map(({ method: m, url, body }) => ({ method: m, url, body }));
const rowOf = (name: string) =>
  screen.getAllByTestId('member-row').find((row) => row.textContent?.includes(name))!;
const toasts = () =>
  screen.queryAllByTestId('toast').map((toast) => toast.querySelector('p')?.textContent);

function fillForm(values: { email: string; role?: string }) {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: values.email } });
  if (values.role) {
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: values.role } });
  }
}

describe('MembersPage', () => {
  beforeEach(() => {
    document.cookie = 'postplan_csrf=tok; path=/';
  });

  it('lists every member with e-mail, role and the day they joined, and marks the reader', async () => {
    serve([OLGA, BEN]);
    renderWithProviders(<MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />);

    expect(
      await screen.findByRole('heading', { name: 'People in this workspace (2)' }),
    ).toBeTruthy();
    const olga = within(rowOf('Olga Owner'));
    expect(olga.getByRole('rowheader').textContent).toBe('Olga Owner (you)');
    expect(olga.getByText('olga@example.com')).toBeTruthy();
    expect(olga.getByLabelText<HTMLSelectElement>('Role of Olga Owner').value).toBe('owner');
    expect(olga.getByText('2 Mar 2026')).toBeTruthy();
    const ben = within(rowOf('Ben Berger'));
    expect(ben.getByRole('rowheader').textContent).toBe('Ben Berger');
    expect(ben.getByText('10 May 2026')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Members' })).toBeTruthy();
  });

  it('lets an admin invite a colleague by address and role only, shows the link once, and lists the invitation', async () => {
    serve([OLGA, BEN]);
    renderWithProviders(<MembersPage workspace={workspace('admin')} currentUserId={BEN.userId} />);
    await screen.findByText('Olga Owner');

    // An admin cannot make anyone an owner, so the form does not offer it.
    const roles = [...screen.getByLabelText<HTMLSelectElement>('Role').options].map((o) => o.value);
    expect(roles).toEqual(['admin', 'editor', 'author', 'viewer']);
    // Nobody sets a password for someone else any more.
    expect(screen.queryByLabelText(/password/i)).toBeNull();

    fillForm({ email: ' anna@example.com ', role: 'author' });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(
      await screen.findByText('Invitation for anna@example.com as “Author” created.'),
    ).toBeTruthy();
    expect(sent('POST')).toEqual([
      {
        method: 'POST',
        url: '/api/v1/workspaces/team/members',
        body: { email: 'anna@example.com', role: 'author' },
      },
    ]);
    const link = within(screen.getByTestId('invite-link'));
    expect(
      link.getByText(/This server sends no e-mail: hand this link to anna@example.com/),
    ).toBeTruthy();
    expect(link.getByLabelText<HTMLInputElement>('Invitation link').value).toBe(
      `https://postplan.example/invite/${'x'.repeat(43)}`,
    );
    // Not a member yet: the invitation waits among the open ones, and can be revoked.
    expect(screen.getAllByTestId('member-row')).toHaveLength(2);
    const row = await screen.findByTestId('invitation-row');
    expect(row.textContent).toContain('anna@example.com');
    expect(screen.getByLabelText<HTMLInputElement>('E-mail').value).toBe('');
    fireEvent.click(
      screen.getByRole('button', { name: 'Revoke the invitation for anna@example.com' }),
    );
    expect(
      await screen.findByText('The invitation for anna@example.com was revoked.'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.getByText('No open invitations.')).toBeTruthy());
  });

  it('insists on a valid address before sending anything', async () => {
    serve([OLGA]);
    renderWithProviders(<MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />);
    await screen.findByText('Olga Owner');

    fillForm({ email: 'anna@' });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(screen.getByText('Enter a valid email address, e.g. name@example.com.')).toBeTruthy();
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(sent('POST')).toHaveLength(0);
  });

  it('shows why the server refused an invitation and keeps what was entered', async () => {
    serve([OLGA, BEN], { POST: refusal(409, 'MEMBER_EXISTS') });
    renderWithProviders(<MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />);
    await screen.findByText('Olga Owner');

    fillForm({ email: 'ben@example.com', role: 'viewer' });
    fireEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    const alert = await screen.findByTestId('add-member-error');
    expect(alert.textContent).toBe('This person is already a member of the workspace.');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText<HTMLInputElement>('E-mail').value).toBe('ben@example.com');
    expect(screen.getByLabelText<HTMLSelectElement>('Role').value).toBe('viewer');
    expect(screen.getAllByTestId('member-row')).toHaveLength(2);
    expect(screen.queryByTestId('invite-link')).toBeNull();
  });

  it('shows a viewer the list only: no form, no role choice, no remove buttons', async () => {
    serve([OLGA, BEN]);
    renderWithProviders(<MembersPage workspace={workspace('viewer')} currentUserId={BEN.userId} />);
    await screen.findByText('Olga Owner');

    expect(screen.getByTestId('members-read-only').textContent).toBe(
      'Only owners and admins can add members, change roles or remove someone.',
    );
    expect(screen.queryByTestId('add-member-form')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(within(rowOf('Olga Owner')).getByText('Owner')).toBeTruthy();
    expect(within(rowOf('Ben Berger')).getByText('Editor')).toBeTruthy();
  });

  it('does not offer an admin to change or remove an owner', async () => {
    serve([OLGA, BEN]);
    renderWithProviders(<MembersPage workspace={workspace('admin')} currentUserId={BEN.userId} />);
    await screen.findByText('Olga Owner');
    const olga = within(rowOf('Olga Owner'));
    expect(olga.queryByRole('combobox')).toBeNull();
    expect(olga.queryByRole('button')).toBeNull();
    expect(olga.getByText('Only an owner can change an owner.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove Ben Berger' })).toBeTruthy();
  });

  it('changes a role only when it is saved, with PATCH', async () => {
    serve([OLGA, BEN]);
    const { client } = renderWithProviders(
      <MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />,
    );
    client.setQueryData(queryKeys.me, { user: { id: OLGA.userId } });
    const select = await screen.findByLabelText<HTMLSelectElement>('Role of Ben Berger');

    fireEvent.change(select, { target: { value: 'viewer' } });
    expect(sent('PATCH')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Save role of Ben Berger' }));

    expect(await screen.findByText('The role of Ben Berger is now “Viewer”.')).toBeTruthy();
    expect(sent('PATCH')).toEqual([
      {
        method: 'PATCH',
        url: `/api/v1/workspaces/team/members/${BEN.userId}`,
        body: { role: 'viewer' },
      },
    ]);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Save role of Ben Berger' })).toBeNull(),
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Role of Ben Berger').value).toBe('viewer');
    // Someone else's role: what the app knows about the reader stays as it is.
    expect(client.getQueryState(queryKeys.me)?.isInvalidated).toBe(false);
  });

  it('says why a role change was refused and shows the role the member still has', async () => {
    serve([OLGA, BEN], { PATCH: refusal(409, 'LAST_OWNER') });
    const { client } = renderWithProviders(
      <MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />,
    );
    client.setQueryData(queryKeys.me, { user: { id: OLGA.userId } });
    fireEvent.change(await screen.findByLabelText('Role of Olga Owner'), {
      target: { value: 'admin' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save role of Olga Owner' }));

    expect(
      await screen.findByText(
        'A workspace needs at least one owner: make someone else owner first.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>('Role of Olga Owner').value).toBe('owner'),
    );
    // Her own role: the app reads anew what she may do.
    expect(client.getQueryState(queryKeys.me)?.isInvalidated).toBe(true);
  });

  it('asks before removing someone, then sends DELETE and drops them from the list', async () => {
    serve([OLGA, BEN]);
    renderWithProviders(<MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Ben Berger' }));

    const dialog = screen.getByRole('dialog', { name: 'Remove Ben Berger?' });
    expect(dialog.textContent).toContain('Ben Berger (ben@example.com) loses access');
    expect(sent('DELETE')).toHaveLength(0);

    // Cancelling sends nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent('DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Ben Berger' }));
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove member' }),
    );

    expect(await screen.findByText('Ben Berger was removed from the workspace.')).toBeTruthy();
    expect(sent('DELETE')).toEqual([
      {
        method: 'DELETE',
        url: `/api/v1/workspaces/team/members/${BEN.userId}`,
        body: undefined,
      },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(screen.queryByText('Ben Berger')).toBeNull());
  });

  it('shows the last owner why they cannot leave, and stays', async () => {
    serve([OLGA, BEN], { DELETE: refusal(409, 'LAST_OWNER') });
    const onLeft = jest.fn();
    renderWithProviders(
      <MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} onLeft={onLeft} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Olga Owner' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave “Team Nord”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave workspace' }));

    expect((await screen.findByTestId('remove-member-error')).textContent).toBe(
      'A workspace needs at least one owner: make someone else owner first.',
    );
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(onLeft).not.toHaveBeenCalled();
    expect(toasts()).toEqual([]);
  });

  it('lets an admin leave: the app reads anew where they belong and moves on', async () => {
    serve([OLGA, BEN]);
    const onLeft = jest.fn();
    const { client } = renderWithProviders(
      <MembersPage workspace={workspace('admin')} currentUserId={BEN.userId} onLeft={onLeft} />,
    );
    client.setQueryData(queryKeys.me, { user: { id: BEN.userId } });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Ben Berger' }));
    expect(screen.getByRole('dialog').textContent).toContain(
      'Only an owner or admin can add you again.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Leave workspace' }));

    await waitFor(() => expect(onLeft).toHaveBeenCalledTimes(1));
    expect(toasts()).toContain('You left “Team Nord”.');
    expect(sent('DELETE')).toHaveLength(1);
    expect(client.getQueryState(queryKeys.me)?.isInvalidated).toBe(true);
    // The list of a workspace one has left cannot be read: it is not asked for again.
    expect(sent('GET').filter((c) => c.url.endsWith('/members'))).toHaveLength(1);
  });

  it('speaks German, with “du”', async () => {
    serve([OLGA, BEN]);
    renderWithProviders(
      <MembersPage workspace={workspace('owner')} currentUserId={OLGA.userId} />,
      { locale: 'de' },
    );
    await screen.findByText('Olga Owner');
    expect(screen.getByRole('heading', { level: 1, name: 'Mitglieder' })).toBeTruthy();
    expect(within(rowOf('Olga Owner')).getByRole('rowheader').textContent).toBe('Olga Owner (du)');
    expect(screen.getByRole('button', { name: 'Entfernen: Ben Berger' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Einladung senden' })).toBeTruthy();
    expect(within(rowOf('Ben Berger')).getByText('10.05.2026')).toBeTruthy();
  });
});
