/** @jest-environment jsdom */
import type { Channel } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { PostPreviews } from './post-previews';

const channel = (id: string, platform: Channel['platform'], name: string): Channel => ({
  id,
  name,
  platform,
  color: '#000000',
  createdAt: '',
});
const X = channel('00000000-0000-4000-8000-0000000000d1', 'x', 'Stadtwerke');
const MASTODON = channel('00000000-0000-4000-8000-0000000000d2', 'mastodon', 'Stadtwerke Social');
const FACEBOOK = channel('00000000-0000-4000-8000-0000000000d3', 'facebook', 'Stadtwerke Seite');
const image = {
  id: 'm1',
  url: 'https://media.example.com/m1.jpg',
  mimeType: 'image/jpeg',
  altText: 'Das Festgelände von oben',
  width: 1080,
  height: 1920,
};

describe('PostPreviews', () => {
  it('marks what X would refuse and shows the card for the last link', () => {
    renderWithProviders(
      <PostPreviews
        channels={[X]}
        title=""
        baseText={`${'🎉'.repeat(135)} https://a.example.com https://b.example.com/programm`}
        variants={[{ channelId: X.id, text: '' }]}
      />,
    );
    const x = within(screen.getByTestId(`preview-${X.id}`));
    expect(x.getByRole('note').textContent).toBe(
      'Over the limit: 318 of 280. The marked part cannot be published.',
    );
    expect(x.getByTestId('preview-link-card').textContent).toContain('b.example.com/programm');
  });

  it('hides a Mastodon post behind its content warning until "Mehr anzeigen"', () => {
    renderWithProviders(
      <PostPreviews
        channels={[MASTODON]}
        title=""
        baseText="Der Kuchen ist alle."
        variants={[{ channelId: MASTODON.id, text: '', options: { spoilerText: 'Kuchen' } }]}
      />,
      { locale: 'de' },
    );
    const m = within(screen.getByTestId(`preview-${MASTODON.id}`));
    expect(m.getByTestId('preview-cw').textContent).toBe('Inhaltswarnung: Kuchen');
    expect(m.queryByText('Der Kuchen ist alle.')).toBeNull();
    fireEvent.click(m.getByRole('button', { name: 'Mehr anzeigen' }));
    expect(m.getByText('Der Kuchen ist alle.')).toBeTruthy();
  });

  it('frames a tall photo as Facebook crops it, with its alt text, and uses the channel’s own text', () => {
    renderWithProviders(
      <PostPreviews
        channels={[FACEBOOK, X]}
        title=""
        baseText="Basis"
        baseMedia={[image]}
        variants={[
          { channelId: FACEBOOK.id, text: 'Nur für Facebook' },
          { channelId: X.id, text: '' },
        ]}
      />,
    );
    const fb = within(screen.getByTestId(`preview-${FACEBOOK.id}`));
    expect(fb.getByTestId('preview-text').textContent).toBe('Nur für Facebook');
    const frame = fb.getByTestId('preview-image');
    expect(frame.getAttribute('data-cropped')).toBe('true');
    expect(fb.getByText('Cropped to 4:5')).toBeTruthy();
    expect(fb.getByRole('img', { name: 'Das Festgelände von oben' })).toBeTruthy();
    // X keeps a tall photo down to 3:4.
    const x = within(screen.getByTestId(`preview-${X.id}`));
    expect(x.getByTestId('preview-text').textContent).toBe('Basis');
    expect(x.getByText('Cropped to 3:4')).toBeTruthy();
  });

  it('names the connected account in each header: the handle beside the name, or the page’s name', () => {
    const connected = (accountName: string) => ({
      connected: true,
      status: 'connected' as const,
      kind: 'form' as const,
      accountName,
      connectedAt: null,
      verifiedAt: null,
      expiresAt: null,
      lastError: null,
      configured: true,
    });
    const BSKY = {
      ...channel('00000000-0000-4000-8000-0000000000d4', 'bluesky', 'Stadtwerke Bluesky'),
      connection: connected('@brand.bsky.social'),
    };
    const LINKEDIN = {
      ...channel('00000000-0000-4000-8000-0000000000d5', 'linkedin', 'LinkedIn'),
      connection: connected('Stadtwerke Musterstadt GmbH'),
    };
    renderWithProviders(
      <PostPreviews
        channels={[BSKY, LINKEDIN, X]}
        title=""
        baseText="Hallo"
        variants={[
          { channelId: BSKY.id, text: '' },
          { channelId: LINKEDIN.id, text: '' },
          { channelId: X.id, text: '' },
        ]}
      />,
    );
    const who = (id: string) =>
      screen.getByTestId(`preview-${id}`).querySelector('.platform-preview__who')?.textContent;
    expect(who(BSKY.id)).toBe('Stadtwerke Bluesky@brand.bsky.social');
    expect(who(LINKEDIN.id)).toBe('Stadtwerke Musterstadt GmbH');
    // Not connected: the channel's own name, and no handle.
    expect(who(X.id)).toBe('Stadtwerke');
  });

  it('asks for a channel when none is chosen', () => {
    renderWithProviders(<PostPreviews channels={[X]} title="" baseText="x" variants={[]} />);
    expect(screen.getByText('Choose a channel to see how it will show the post.')).toBeTruthy();
  });
});
