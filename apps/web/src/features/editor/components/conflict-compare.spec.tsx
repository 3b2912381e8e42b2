/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import type { Channel, Post } from '@postplan/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { ConflictCompare } from './conflict-compare';

const channels = new Map<string, Channel>([
  ['ig', { id: 'ig', name: 'Instagram', platform: 'instagram', color: '#d62976', createdAt: '' }],
]);
const current = {
  id: 'p1',
  version: 4,
  title: 'Hafenfest',
  text: 'Am Samstag am Hafen.',
  variants: [{ channelId: 'ig', text: null }],
} as unknown as Post;
const mine = {
  title: 'Hafenfest',
  text: 'Am Sonntag am Hafen!',
  channels: [{ channelId: 'ig', text: 'Sonntag, 11 Uhr #hafen' }],
};

describe('ConflictCompare', () => {
  it('shows both versions side by side and copies yours', async () => {
    const writeText = jest.fn((_: string) => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    renderWithProviders(<ConflictCompare mine={mine} current={current} channelsById={channels} />, {
      locale: 'de',
    });
    expect(screen.getByTestId<HTMLTextAreaElement>('conflict-yours').value).toBe(
      'Hafenfest\n\nAm Sonntag am Hafen!\n\nInstagram:\nSonntag, 11 Uhr #hafen',
    );
    expect(screen.getByTestId<HTMLTextAreaElement>('conflict-current').value).toBe(
      'Hafenfest\n\nAm Samstag am Hafen.',
    );
    expect(screen.getByRole('heading', { name: 'Gespeicherte Fassung 4' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Deine Fassung kopieren' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Kopiert' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(
      'Hafenfest\n\nAm Sonntag am Hafen!\n\nInstagram:\nSonntag, 11 Uhr #hafen',
    );
  });
});
