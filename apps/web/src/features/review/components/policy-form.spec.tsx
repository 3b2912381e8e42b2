/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import type { ApprovalPolicy } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { routedFetch } from '../../../testing/routed-fetch';
import { LEGAL, members, workspace } from '../testing/review-fixtures';
import { ApprovalPolicyPage } from './approval-policy-page';
import { PolicyForm } from './policy-form';

const required: ApprovalPolicy = {
  kind: 'required',
  approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
  selfApprovalRoles: [],
};

const saved = (policy: unknown, version = 5) => ({
  status: 200,
  body: { policy, version, updatedAt: '2031-05-02T10:00:00Z' },
});

function show(policy: ApprovalPolicy = required, editable = true) {
  renderWithProviders(
    <PolicyForm workspace="team" policy={policy} version={4} editable={editable} />,
  );
}

const puts = (calls: ReturnType<typeof fakeFetch>) => calls.filter((c) => c.method === 'PUT');

describe('PolicyForm', () => {
  it('builds ordered levels with roles, named members, mode and a client level', async () => {
    const calls = fakeFetch([{ status: 200, body: { items: members } }, saved(required)]);
    show();
    await screen.findByRole('checkbox', { name: 'Lena Recht' });
    fireEvent.click(screen.getByRole('radio', { name: /Several levels in order/ }));

    const levels = () => screen.getAllByTestId('policy-level');
    fireEvent.change(within(levels()[0]!).getByLabelText('Name of the level'), {
      target: { value: 'Redaktion' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add level' }));
    const second = levels()[1]!;
    fireEvent.change(within(second).getByLabelText('Name of the level'), {
      target: { value: 'Recht' },
    });
    fireEvent.click(within(second).getByRole('checkbox', { name: 'Lena Recht' }));
    fireEvent.change(within(second).getByLabelText('How many must approve'), {
      target: { value: 'all' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add level' }));
    const third = levels()[2]!;
    fireEvent.change(within(third).getByLabelText('Name of the level'), {
      target: { value: 'Kunde' },
    });
    fireEvent.click(within(third).getByRole('checkbox', { name: /Client level/ }));
    expect(within(third).getByLabelText<HTMLSelectElement>('How many must approve').disabled).toBe(
      true,
    );
    // The client first, then legal: order is what the buttons say.
    fireEvent.click(within(third).getByRole('button', { name: 'Move level 3 up' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save approval policy' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]!.body).toEqual({
      policy: {
        kind: 'levels',
        levels: [
          {
            name: 'Redaktion',
            approvers: { roles: ['owner', 'admin', 'editor'], userIds: [] },
            mode: 'any',
            client: false,
          },
          { name: 'Kunde', approvers: { roles: [], userIds: [] }, mode: 'any', client: true },
          { name: 'Recht', approvers: { roles: [], userIds: [LEGAL] }, mode: 'all', client: false },
        ],
        selfApprovalRoles: [],
      },
    });
  });

  it('shows problems at the fields before sending anything', () => {
    const calls = fakeFetch([{ status: 200, body: { items: members } }]);
    show();
    fireEvent.click(screen.getByRole('radio', { name: /Several levels in order/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add level' }));
    const second = screen.getAllByTestId('policy-level')[1]!;
    fireEvent.click(screen.getByRole('button', { name: 'Save approval policy' }));

    expect(screen.getByTestId('policy-form-error').textContent).toContain(
      'The policy was not saved',
    );
    const name = within(second).getByLabelText('Name of the level');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(within(second).getByText('Give the level a name, e.g. “Redaktion”.')).toBeTruthy();
    expect(
      within(second).getByText('Name who approves: tick at least one role or person.'),
    ).toBeTruthy();
    expect(puts(calls)).toHaveLength(0);
  });

  it('puts the API’s validation answer at the field it names', async () => {
    fakeFetch([
      { status: 200, body: { items: members } },
      {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Approvers must be members of this workspace.',
            details: {
              issues: [{ path: 'approvers.userIds', message: 'Not a member' }],
            },
          },
        },
      },
    ]);
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Save approval policy' }));
    expect(await screen.findByTestId('policy-error')).toBeTruthy();
    expect(screen.getByTestId('policy-error').textContent).toBe(
      'Approvers must be members of this workspace.',
    );
  });

  it('saves against the version it read, and after a refusal lets the admin load the newer policy', async () => {
    const theirs: ApprovalPolicy = {
      kind: 'optional',
      approvers: { roles: ['owner'], userIds: [] },
      selfApprovalRoles: [],
    };
    const calls = fakeFetch([
      { status: 200, body: { items: members } },
      {
        status: 409,
        body: { error: { code: 'STALE_VERSION', message: 'x', details: { currentVersion: 5 } } },
      },
      saved(theirs, 5),
      saved(required, 6),
    ]);
    show();
    fireEvent.click(screen.getByRole('radio', { name: /No approval/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save approval policy' }));

    const alert = await screen.findByTestId('policy-form-error');
    expect(alert.textContent).toContain('Someone else changed the approval policy');
    expect(puts(calls)[0]!.headers['If-Match']).toBe('4');
    // The admin's choice is still there: nothing was overwritten on either side.
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /No approval/ }).checked).toBe(true);

    fireEvent.click(within(alert).getByRole('button', { name: 'Load the saved policy' }));
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('radio', { name: /Optional review/ }).checked).toBe(
        true,
      ),
    );
    expect(screen.queryByTestId('policy-form-error')).toBeNull();

    // The next save goes against the version just loaded.
    fireEvent.click(screen.getByRole('button', { name: 'Save approval policy' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(2));
    expect(puts(calls)[1]!.headers['If-Match']).toBe('5');
  });

  it('is read-only for members who may not change it', () => {
    fakeFetch([{ status: 200, body: { items: members } }]);
    show(required, false);
    expect(screen.getByRole('radio', { name: /No approval/ }).matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save approval policy' })).toBeNull();
  });
});

describe('ApprovalPolicyPage', () => {
  it('keeps the admin’s unsaved changes, and the version they came from, when the policy refreshes meanwhile', async () => {
    let stored = { policy: required, version: 4, updatedAt: null as string | null };
    const calls = routedFetch([
      { method: 'GET', path: /\/approval-policy$/, answer: () => ({ status: 200, body: stored }) },
      {
        method: 'PUT',
        path: /\/approval-policy$/,
        status: 409,
        body: { error: { code: 'STALE_VERSION', message: 'x', details: { currentVersion: 5 } } },
      },
      // Everything else it reads is the member list.
      { method: 'GET', path: /./, status: 200, body: { items: members } },
    ]);
    const { client } = renderWithProviders(
      <MemoryRouter>
        <ApprovalPolicyPage workspace={workspace('admin')} />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('radio', { name: /No approval/ }));

    // Another admin saves; this page refetches in the background (say, on returning to the tab).
    stored = {
      policy: { ...required, selfApprovalRoles: ['owner'] },
      version: 5,
      updatedAt: '2031-05-02T10:00:00Z',
    };
    await act(async () => {
      await client.refetchQueries();
      // TanStack Query tells components on the next macrotask: let the page render version 5.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /No approval/ }).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Save approval policy' }));
    expect(await screen.findByTestId('policy-form-error')).toBeTruthy();
    expect(puts(calls)[0]?.headers['If-Match']).toBe('4');
  });
});
