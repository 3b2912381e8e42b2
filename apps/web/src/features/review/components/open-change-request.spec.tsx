/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import type { PostDetail } from '@postplan/contracts';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { OpenChangeRequest } from './open-change-request';

const detail = (status: PostDetail['status']) =>
  ({
    status,
    review: {
      round: {
        decisions: [
          { userId: 'u1', name: 'Ben', level: 0, decision: 'approve', at: '2026-12-01T09:00:00Z' },
          {
            userId: 'u2',
            name: 'Clara',
            level: 1,
            decision: 'request_changes',
            at: '2026-12-01T10:00:00Z',
            note: 'Bitte den Preis nennen.',
          },
        ],
      },
    },
  }) as unknown as PostDetail;

describe('OpenChangeRequest', () => {
  it('shows who asked for what while changes are requested', () => {
    renderWithProviders(<OpenChangeRequest detail={detail('changes_requested')} userId="me" />, {
      locale: 'de',
    });
    const note = screen.getByRole('note', { name: 'Gewünschte Änderungen' });
    expect(note.textContent).toBe('Clara bittet um ÄnderungenBitte den Preis nennen.');
  });

  it('speaks to the reviewer as "you" and is gone once the post moved on', () => {
    const first = renderWithProviders(
      <OpenChangeRequest detail={detail('changes_requested')} userId="u2" />,
    );
    expect(screen.getByText('You asked for changes')).toBeTruthy();
    first.unmount();
    renderWithProviders(<OpenChangeRequest detail={detail('in_review')} userId="u2" />);
    expect(screen.queryByTestId('open-change-request')).toBeNull();
  });
});
