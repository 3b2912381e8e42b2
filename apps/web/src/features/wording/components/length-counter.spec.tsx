/** @jest-environment jsdom */
import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { LengthCounter } from './length-counter';

describe('LengthCounter', () => {
  it('shows the count against the limit in the platform’s counting', () => {
    renderWithProviders(
      <LengthCounter label="X" length={{ used: 243, limit: 280, unit: 'weighted' }} testId="c" />,
    );
    const counter = screen.getByTestId('c');
    expect(counter.textContent).toContain('X 243 / 280');
    expect(counter.getAttribute('data-over')).toBe('false');
    expect(counter.title).toBe(
      'Counted in weighted characters, as X counts (links 23, emoji and CJK 2)',
    );
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('turns red and tells screen readers once the text is over the limit', () => {
    renderWithProviders(
      <LengthCounter label="X" length={{ used: 291, limit: 280, unit: 'weighted' }} testId="c" />,
    );
    const counter = screen.getByTestId('c');
    expect(counter.className).toContain('length-counter--over');
    expect(counter.getAttribute('data-over')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('X: the text is over the limit.');
  });

  it('formats numbers the German way in German', () => {
    renderWithProviders(
      <LengthCounter
        label="Instagram"
        length={{ used: 2201, limit: 2200, unit: 'utf16' }}
        testId="c"
      />,
      { locale: 'de' },
    );
    expect(screen.getByTestId('c').textContent).toContain('2.201 / 2.200');
    expect(screen.getByRole('status').textContent).toBe('Instagram: Der Text ist zu lang.');
  });

  it('shows just the count where the platform has no limit', () => {
    renderWithProviders(
      <LengthCounter
        label="Characters"
        length={{ used: 12, limit: null, unit: 'graphemes' }}
        testId="c"
      />,
    );
    expect(screen.getByTestId('c').textContent).toContain('Characters 12');
    expect(screen.getByTestId('c').textContent).not.toContain('/');
  });
});
