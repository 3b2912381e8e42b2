/** @jest-environment jsdom */
import '../../../testing/jsdom-text-encoding';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ReviewLinkInfo, ReviewPost } from '@postplan/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeFetch, renderWithProviders } from '../../../testing/render-with-providers';
import { ClientReviewPage } from './client-review-page';

const token = 'a'.repeat(43);

const info: ReviewLinkInfo = {
  label: 'Dezember-Plan',
  workspaceName: 'Stadtwerke Social',
  permission: 'approve',
  expiresAt: '2031-01-31T23:59:00+01:00',
  timeZone: 'Europe/Berlin',
  passwordRequired: true,
  unlocked: false,
};

const post: ReviewPost = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Adventsgewinnspiel',
  status: 'in_review',
  plannedAt: '2030-12-01T09:00:00+01:00',
  contentHash: 'c'.repeat(64),
  texts: [
    {
      channel: {
        id: '00000000-0000-4000-8000-0000000000c1',
        name: 'Instagram',
        platform: 'instagram',
      },
      text: 'Was wünscht ihr euch?',
    },
  ],
  clientLevels: [{ index: 0, name: 'Kunde', satisfied: false, current: true, approvedBy: [] }],
  decisions: [],
  can: { comment: true, approve: true, requestChanges: true },
};

const approved: ReviewPost = {
  ...post,
  status: 'approved',
  clientLevels: [
    { index: 0, name: 'Kunde', satisfied: true, current: false, approvedBy: ['Clara'] },
  ],
  decisions: [{ name: 'Clara', decision: 'approve', at: '2030-11-20T10:00:00Z', note: null }],
  can: { comment: true, approve: false, requestChanges: false },
};

beforeEach(() => window.localStorage.clear());

describe('ClientReviewPage', () => {
  it('asks for name and password, then lets the client approve what they saw', async () => {
    const calls = fakeFetch([
      { status: 200, body: info },
      {
        status: 401,
        body: { error: { code: 'REVIEW_LINK_PASSWORD_WRONG', message: 'wrong' } },
      },
      { status: 200, body: { unlockedUntil: '2030-11-20T14:00:00Z' } },
      { status: 200, body: { ...info, unlocked: true } },
      { status: 200, body: { items: [post], timeZone: 'Europe/Berlin' } },
      { status: 200, body: { items: [], postVersion: 1 } },
      { status: 200, body: approved },
    ]);
    renderWithProviders(<ClientReviewPage token={token} />, { locale: 'de' });

    expect(
      await screen.findByRole('heading', { name: 'Stadtwerke Social bittet um Ihre Freigabe' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    expect(screen.getByText('Bitte geben Sie Ihren Namen ein (bis zu 80 Zeichen).')).toBeTruthy();
    expect(calls).toHaveLength(1);

    fireEvent.change(screen.getByLabelText('Ihr Name'), { target: { value: ' Clara ' } });
    fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'falsch' } });
    fireEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    expect(await screen.findByText('Das Passwort stimmt nicht.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Passwort'), { target: { value: 'kunden-passwort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    expect(await screen.findByText('Was wünscht ihr euch?')).toBeTruthy();
    expect(calls[2]).toMatchObject({
      method: 'POST',
      url: `/api/v1/review/${token}/unlock`,
      body: { visitorName: 'Clara', password: 'kunden-passwort' },
    });
    expect(screen.getByText('Wartet auf Ihre Freigabe')).toBeTruthy();
    expect(screen.getByText(/Geplant für Sonntag, 1\. Dezember 2030 um 09:00/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Freigeben' }));
    expect(await screen.findByText('Freigegeben von Clara')).toBeTruthy();
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      url: `/api/v1/review/${token}/posts/${post.id}/approve`,
      body: { visitorName: 'Clara', contentHash: post.contentHash },
    });
    expect(screen.queryByRole('button', { name: 'Freigeben' })).toBeNull();
    expect(window.localStorage.getItem('postplan.review.visitorName')).toBe('Clara');
  });

  it('needs a note before it sends a request for changes', async () => {
    window.localStorage.setItem('postplan.review.visitorName', 'Clara');
    const calls = fakeFetch([
      { status: 200, body: { ...info, passwordRequired: false, unlocked: true } },
      { status: 200, body: { items: [post], timeZone: 'Europe/Berlin' } },
      { status: 200, body: { items: [], postVersion: 1 } },
      { status: 200, body: { ...post, status: 'changes_requested' } },
    ]);
    renderWithProviders(<ClientReviewPage token={token} />, { locale: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Request changes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    expect(screen.getByText('Please say what should change.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('What should change?'), {
      target: { value: 'Bitte das Datum nennen.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() =>
      expect(calls.at(-1)).toMatchObject({
        url: `/api/v1/review/${token}/posts/${post.id}/request-changes`,
        body: {
          visitorName: 'Clara',
          note: 'Bitte das Datum nennen.',
          contentHash: post.contentHash,
        },
      }),
    );
  });

  it('tells the client plainly when the link has expired', async () => {
    fakeFetch([
      { status: 410, body: { error: { code: 'REVIEW_LINK_EXPIRED', message: 'expired' } } },
    ]);
    renderWithProviders(<ClientReviewPage token={token} />, { locale: 'en' });
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeTruthy();
  });
});
