/** @jest-environment jsdom */
import type { Channel, Post } from '@postplan/contracts';
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { distinctChannelColors } from '../utils/channel-display';
import { ChannelIcons, ChannelLegend } from './channel-icons';
import { ListEventContent } from './list-event-content';

const channels: Channel[] = [
  { id: 'c1', name: 'Stadtwerke IG', platform: 'instagram', color: '#d62976', createdAt: '' },
  { id: 'c2', name: 'Stadtwerke LI', platform: 'linkedin', color: '#0a66c2', createdAt: '' },
  { id: 'c3', name: 'Stadtwerke FB', platform: 'facebook', color: '#1877f2', createdAt: '' },
];
const byId = new Map(channels.map((c) => [c.id, c]));
const colors = distinctChannelColors(channels);
const post = {
  id: 'p1',
  status: 'in_review',
  title: 'Hafenfest',
  text: 'Am Samstag feiern wir am Hafen.\nKommt vorbei!',
  variants: [
    { channelId: 'c1', text: null },
    { channelId: 'c2', text: null },
  ],
} as unknown as Post;

describe('ChannelIcons', () => {
  it('shows one mark per channel and names each for screen readers', () => {
    renderWithProviders(<ChannelIcons post={post} channelsById={byId} colors={colors} />);
    const icons = screen.getByRole('img', {
      name: 'Goes to: Stadtwerke IG on Instagram, Stadtwerke LI on LinkedIn',
    });
    expect(icons.querySelectorAll('[data-platform]')).toHaveLength(2);
    expect(icons.textContent).toBe('IGin');
  });

  it('speaks German', () => {
    renderWithProviders(<ChannelIcons post={post} channelsById={byId} colors={colors} />, {
      locale: 'de',
    });
    expect(
      screen.getByRole('img', {
        name: 'Geht an: Stadtwerke IG auf Instagram, Stadtwerke LI auf LinkedIn',
      }),
    ).toBeTruthy();
  });
});

describe('ChannelLegend', () => {
  it('lists every channel with its mark, in colours that differ', () => {
    renderWithProviders(<ChannelLegend channels={channels} colors={colors} />);
    const legend = screen.getByRole('region', { name: 'Channels' });
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'IGStadtwerke IG (Instagram)',
      'inStadtwerke LI (LinkedIn)',
      'fStadtwerke FB (Facebook)',
    ]);
    const backgrounds = items.map(
      (i) => (i.querySelector('[data-platform]') as HTMLElement).style.background,
    );
    expect(new Set(backgrounds).size).toBe(3);
  });
});

describe('ListEventContent', () => {
  it('shows the channels and the start of the text in the list view', () => {
    renderWithProviders(
      <ListEventContent post={post} title="Hafenfest" channelsById={byId} colors={colors} />,
    );
    expect(screen.getByTestId('event-channel-names').textContent).toBe(
      'Stadtwerke IG, Stadtwerke LI',
    );
    expect(screen.getByTestId('event-preview').textContent).toBe(
      'Am Samstag feiern wir am Hafen. Kommt vorbei!',
    );
  });
});
