/** @jest-environment jsdom */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { moveCursor, setEditorText } from '../testing/editor-text';
import { findingKey, type UiFinding } from '../utils/findings';
import { WordingField } from './wording-field';

const TEXT = 'Abonniere unseren Newsletter heute!';
const start = TEXT.indexOf('Newsletter');
const base = {
  rule: 'brand.preferred',
  severity: 'warning' as const,
  message: { de: 'Wir sagen „Rundbrief“.', en: 'We say “Rundbrief”.' },
  start,
  end: start + 'Newsletter'.length,
};
const preferred: UiFinding = {
  ...base,
  key: findingKey(base),
  source: 'local',
  channelIds: [],
  fixes: [
    {
      start,
      end: start + 'Newsletter'.length,
      replacement: 'Rundbrief',
      label: { de: 'Ersetzen durch „Rundbrief“', en: 'Replace with “Rundbrief”' },
    },
  ],
};

function Harness({
  findings,
  onChange,
  readOnly = false,
}: {
  findings: UiFinding[];
  onChange?: (text: string) => void;
  readOnly?: boolean;
}) {
  const [value, setValue] = useState(TEXT);
  return (
    <WordingField
      label="Text"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.(next);
      }}
      findings={value === TEXT ? findings : []}
      counters={[
        { key: 'x', label: 'X', length: { used: value.length, limit: 280, unit: 'weighted' } },
      ]}
      channelNames={new Map()}
      readOnly={readOnly}
      testId="field"
    />
  );
}

describe('WordingField', () => {
  it('underlines the exact words of a finding, with its severity', () => {
    renderWithProviders(<Harness findings={[preferred]} />);
    const box = screen.getByRole('textbox', { name: 'Text' });
    const marks = box.querySelectorAll('.cm-lintRange-warning');
    expect([...marks].map((m) => m.textContent)).toEqual(['Newsletter']);
  });

  it('applies a fix from the list: the words are replaced and the change is reported', async () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness findings={[preferred]} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Replace with “Rundbrief”' }));
    const box = screen.getByRole('textbox', { name: 'Text' });
    await waitFor(() => expect(box.textContent).toBe('Abonniere unseren Rundbrief heute!'));
    expect(onChange).toHaveBeenLastCalledWith('Abonniere unseren Rundbrief heute!');
    expect(screen.queryByTestId('wording-finding')).toBeNull();
  });

  it('explains the finding under the cursor for keyboard users', () => {
    renderWithProviders(<Harness findings={[preferred]} />);
    const box = screen.getByRole('textbox', { name: 'Text' });
    const here = () => screen.getAllByRole('status').find((s) => s.id.endsWith('-here'))!;
    expect(here().textContent).toBe('');
    moveCursor(box, start + 3);
    expect(here().textContent).toBe('Warning: We say “Rundbrief”.');
    expect(box.getAttribute('aria-describedby')).toContain(here().id);
    moveCursor(box, 2);
    expect(here().textContent).toBe('');
  });

  it('reports typing and keeps the counter next to the label', () => {
    const onChange = jest.fn();
    renderWithProviders(<Harness findings={[]} onChange={onChange} />);
    const box = screen.getByRole('textbox', { name: 'Text' });
    setEditorText(box, 'Neu');
    expect(onChange).toHaveBeenCalledWith('Neu');
    expect(screen.getByTestId('counter-x').textContent).toContain('3 / 280');
  });

  it('is read-only for people who cannot edit: no fixes, no typing', () => {
    renderWithProviders(<Harness findings={[preferred]} readOnly />);
    const box = screen.getByRole('textbox', { name: 'Text' });
    expect(box.getAttribute('contenteditable')).toBe('false');
    expect(box.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Replace with “Rundbrief”' })).toBeNull();
  });
});
