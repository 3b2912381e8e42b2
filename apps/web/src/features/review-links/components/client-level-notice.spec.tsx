/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { describe, expect, it } from '@jest/globals';
import type { WorkspaceMembership } from '@postplan/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { ClientLevelNotice } from './client-level-notice';

const workspace = (role: WorkspaceMembership['role']): WorkspaceMembership =>
  ({
    id: '00000000-0000-4000-8000-0000000000aa',
    slug: 'stadtwerke',
    name: 'Stadtwerke',
    role,
    timeZone: 'Europe/Berlin',
    locale: 'de',
    holidayCountry: 'DE',
    holidayRegion: null,
  }) as WorkspaceMembership;

const required = {
  policy: {
    kind: 'required',
    approvers: { roles: ['editor'], userIds: [] },
    selfApprovalRoles: [],
  },
  version: 4,
  updatedAt: null,
};

describe('ClientLevelNotice', () => {
  it('warns that "approve" cannot count and adds a client level in one click', async () => {
    const calls = fakeFetch([
      { status: 200, body: required },
      {
        status: 200,
        body: {
          policy: {
            kind: 'levels',
            levels: [
              {
                name: 'Redaktion',
                approvers: { roles: ['editor'], userIds: [] },
                mode: 'any',
                client: false,
              },
              { name: 'Kunde', approvers: { roles: [], userIds: [] }, mode: 'any', client: true },
            ],
            selfApprovalRoles: [],
          },
          version: 5,
          updatedAt: '2026-12-01T10:00:00Z',
        },
      },
    ]);
    renderWithProviders(<ClientLevelNotice workspace={workspace('admin')} />, { locale: 'de' });
    const warning = await screen.findByTestId('client-level-warning');
    expect(warning.textContent).toContain('Dieser Link kann noch nicht freigeben');
    fireEvent.click(screen.getByRole('button', { name: 'Kundenstufe hinzufügen' }));
    await screen.findByTestId('client-level-added');
    const put = calls[1]!;
    expect(put.method).toBe('PUT');
    expect(put.headers['If-Match']).toBe('4');
    expect(put.body).toMatchObject({
      policy: {
        kind: 'levels',
        levels: [{ name: 'Redaktion' }, { name: 'Kunde', client: true }],
      },
    });
    expect(screen.queryByTestId('client-level-warning')).toBeNull();
  });

  it('tells someone who may not change the policy whom to ask, in English too', async () => {
    fakeFetch([{ status: 200, body: required }]);
    renderWithProviders(<ClientLevelNotice workspace={workspace('editor')} />);
    await screen.findByTestId('client-level-warning');
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/Ask an owner or admin/u)).toBeTruthy();
  });

  it('says nothing when the policy already has a client level', async () => {
    const calls = fakeFetch([
      {
        status: 200,
        body: {
          ...required,
          policy: {
            kind: 'levels',
            levels: [
              { name: 'Kunde', approvers: { roles: [], userIds: [] }, mode: 'any', client: true },
            ],
            selfApprovalRoles: [],
          },
        },
      },
    ]);
    const { container } = renderWithProviders(<ClientLevelNotice workspace={workspace('admin')} />);
    await waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});
