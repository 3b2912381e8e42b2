/** @jest-environment jsdom */
import type { ContentDiff } from '@postplan/contracts';
import { diffContent } from '@postplan/domain';
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { ContentDiffView } from './content-diff';

const IG = '00000000-0000-4000-8000-0000000000c1';
const X = '00000000-0000-4000-8000-0000000000c2';
const names: Record<string, string> = { [IG]: 'Instagram', [X]: 'X Stadtwerke' };

function render(diff: ContentDiff, locale: 'de' | 'en' = 'en') {
  return renderWithProviders(
    <ContentDiffView diff={diff} channelName={(id) => names[id] ?? id} />,
    { locale },
  );
}

describe('ContentDiffView', () => {
  it('marks inserted and deleted words, and says so to screen readers', () => {
    render(
      diffContent(
        { title: 'Sommerfest', text: 'Am Samstag feiern wir.' },
        { title: 'Sommerfest', text: 'Am Sonntag feiern wir alle.' },
      ),
    );
    const text = screen.getByTestId('diff-text');
    const inserted = [...text.querySelectorAll('ins')].map((n) => n.textContent);
    const deleted = [...text.querySelectorAll('del')].map((n) => n.textContent);
    expect(deleted).toEqual(['deleted: Samstag (end of deletion)']);
    expect(inserted).toEqual([
      'inserted: Sonntag (end of insertion)',
      'inserted:  alle (end of insertion)',
    ]);
    // What a sighted reader sees: the words, without the spoken markers.
    const visible = [...text.childNodes]
      .map((node) =>
        [...(node.childNodes.length ? node.childNodes : [node])]
          .filter((c) => !(c instanceof HTMLElement && c.classList.contains('visually-hidden')))
          .map((c) => c.textContent)
          .join(''),
      )
      .join('');
    expect(visible).toBe('Am SamstagSonntag feiern wir alle.');
    expect(screen.queryByTestId('diff-title')).toBeNull();
  });

  it('shows each channel text that changed, and what happened to the channel', () => {
    render(
      diffContent(
        { text: 'Basis', channelIds: [IG], variants: [{ channelId: IG, text: 'Link in Bio' }] },
        {
          text: 'Basis',
          channelIds: [IG, X],
          variants: [
            { channelId: IG, text: 'Link in der Bio' },
            { channelId: X, text: null },
          ],
        },
      ),
    );
    const ig = screen.getByTestId(`diff-channel-${IG}`);
    expect(within(ig).getByRole('heading').textContent).toBe('Text for Instagram');
    expect(ig.querySelector('ins')?.textContent).toContain('der');
    const x = screen.getByTestId(`diff-channel-${X}`);
    expect(within(x).getByRole('heading').textContent).toContain('channel added');
    expect(screen.queryByTestId('diff-text')).toBeNull();
  });

  it('says when nothing changed, in German too', () => {
    render(diffContent({ text: 'Gleich' }, { text: 'Gleich' }), 'de');
    expect(screen.getByTestId('diff-unchanged').textContent).toBe('Nichts geändert.');
  });
});
