/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { findingKey, type UiFinding } from '../utils/findings';
import { FindingsList } from './findings-list';

const TEXT = 'Liebe Kunden, unser Newsletter kommt!';

function finding(word: string, over: Partial<UiFinding>): UiFinding {
  const start = TEXT.indexOf(word);
  const base = {
    rule: 'brand.preferred',
    severity: 'warning' as const,
    message: { de: `Schreib nicht „${word}“.`, en: `Do not write “${word}”.` },
    start,
    end: start + word.length,
  };
  return { ...base, key: findingKey(base), fixes: [], source: 'local', channelIds: [], ...over };
}

const preferred = finding('Newsletter', {
  fixes: [
    {
      start: TEXT.indexOf('Newsletter'),
      end: TEXT.indexOf('Newsletter') + 10,
      replacement: 'Rundbrief',
      label: { de: 'Ersetzen durch „Rundbrief“', en: 'Replace with “Rundbrief”' },
    },
  ],
  channelIds: ['x'],
});
const gender = finding('Kunden', {
  rule: 'gender.generic-masculine',
  severity: 'hint',
  channelIds: ['x', 'ig'],
  fixes: [
    { start: 6, end: 12, replacement: 'Kund:innen', label: { de: 'Kund:innen', en: 'Kund:innen' } },
    { start: 6, end: 12, replacement: 'Kundschaft', label: { de: 'Kundschaft', en: 'Kundschaft' } },
  ],
});
const names = new Map([
  ['x', 'X'],
  ['ig', 'Instagram'],
]);

describe('FindingsList', () => {
  it('lists each finding with its severity, message, words and channels', () => {
    renderWithProviders(
      <FindingsList
        findings={[gender, preferred]}
        text={TEXT}
        channelNames={names}
        onShow={jest.fn()}
        onFix={jest.fn()}
      />,
    );
    const items = screen.getAllByTestId('wording-finding');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Hint');
    expect(items[0]!.textContent).toContain('X, Instagram');
    expect(items[1]!.textContent).toContain('Warning');
    expect(items[1]!.textContent).toContain('Do not write “Newsletter”.');
    expect(items[1]!.querySelector('q')?.textContent).toBe('Newsletter');
  });

  it('offers every fix as a button and reports the chosen one', () => {
    const onFix = jest.fn();
    renderWithProviders(
      <FindingsList findings={[gender]} text={TEXT} onShow={jest.fn()} onFix={onFix} />,
    );
    const item = screen.getByTestId('wording-finding');
    fireEvent.click(within(item).getByRole('button', { name: 'Kundschaft' }));
    expect(onFix).toHaveBeenCalledWith(gender.fixes[1]);
  });

  it('lets the keyboard reach each finding, which selects its words', () => {
    const onShow = jest.fn();
    renderWithProviders(
      <FindingsList findings={[preferred]} text={TEXT} onShow={onShow} onFix={jest.fn()} />,
    );
    const show = screen.getByRole('button', { name: /Do not write “Newsletter”/ });
    show.focus();
    expect(document.activeElement).toBe(show);
    fireEvent.click(show);
    expect(onShow).toHaveBeenCalledWith(preferred);
  });

  it('speaks German, and offers no fixes to someone who cannot edit', () => {
    renderWithProviders(
      <FindingsList
        findings={[preferred]}
        text={TEXT}
        onShow={jest.fn()}
        onFix={jest.fn()}
        readOnly
      />,
      { locale: 'de' },
    );
    expect(screen.getByTestId('wording-finding').textContent).toContain('Warnung');
    expect(screen.getByText('Schreib nicht „Newsletter“.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ersetzen durch „Rundbrief“' })).toBeNull();
  });

  it('renders nothing without findings', () => {
    const { container } = renderWithProviders(
      <FindingsList findings={[]} text={TEXT} onShow={jest.fn()} onFix={jest.fn()} />,
    );
    expect(container.querySelector('ul')).toBeNull();
  });
});
