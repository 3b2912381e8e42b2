/** @jest-environment jsdom */
import type { PublicationSummary } from '@postplan/contracts';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { channels, INSTA, SANDBOX } from '../testing/publishing-fixtures';
import { CountdownText } from './countdown-text';
import { PublicationChips } from './publication-chips';

const byId = new Map(channels.map((c) => [c.id, c]));
const NOW = Date.parse('2026-11-21T09:55:00Z');
let next = 100;
const summary = (over: Partial<PublicationSummary>): PublicationSummary => ({
  id: `00000000-0000-4000-8000-000000000${next++}`,
  channelId: SANDBOX,
  status: 'pending',
  dueAt: '2026-11-21T10:00:00.000Z',
  url: null,
  ...over,
});

describe('PublicationChips on a calendar event', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(NOW);
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts down within the last hour, second by second', () => {
    render(
      <I18nProvider initialLocale="en">
        <PublicationChips publications={[summary({})]} channelsById={byId} />
      </I18nProvider>,
    );
    const chip = screen.getByTestId('publication-chip');
    expect(chip.textContent).toContain('5 min 00 s');
    expect(chip.textContent).toContain('Sandbox: Waiting');
    act(() => jest.advanceTimersByTime(3000));
    expect(chip.textContent).toContain('4 min 57 s');
  });

  it('links a published post without opening the editor, and names each channel', () => {
    const onEventClick = jest.fn();
    render(
      <I18nProvider initialLocale="en">
        <div onClick={onEventClick}>
          <PublicationChips
            publications={[
              summary({ channelId: INSTA, status: 'failed', dueAt: '2026-11-21T08:00:00Z' }),
              summary({ status: 'published', url: 'https://sandbox.example/p/9' }),
              summary({ status: 'cancelled' }),
            ]}
            channelsById={byId}
          />
        </div>
      </I18nProvider>,
    );
    const chips = screen.getAllByTestId('publication-chip');
    expect(chips.map((c) => c.dataset.status)).toEqual(['failed', 'published']);
    expect(within(chips[0]!).getByText('Instagram: Failed')).toBeTruthy();
    const link = screen.getByRole('link', { name: /Open the post on Sandbox/ });
    expect(link.getAttribute('href')).toBe('https://sandbox.example/p/9');
    fireEvent.click(link);
    expect(onEventClick).not.toHaveBeenCalled();
  });

  it('shows nothing for a post that is not being published', () => {
    const { container } = render(
      <I18nProvider initialLocale="en">
        <PublicationChips publications={undefined} channelsById={byId} />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('');
  });

  it('says "any moment now" once the minute has come, in German too', () => {
    render(
      <I18nProvider initialLocale="de">
        <CountdownText dueAt="2026-11-21T09:55:02Z" />
      </I18nProvider>,
    );
    const text = screen.getByTestId('publication-countdown');
    expect(text.textContent).toBe('noch 2 Sek.');
    act(() => jest.advanceTimersByTime(2000));
    expect(text.textContent).toBe('jeden Moment');
  });
});
