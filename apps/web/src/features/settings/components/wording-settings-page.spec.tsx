/** @jest-environment jsdom */
import type { BrandRule, WordingSettings, WorkspaceMembership } from '@postplan/contracts';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { WordingSettingsPage } from './wording-settings-page';
import { routedFetch } from '../../../testing/routed-fetch';

const workspace = (role: WorkspaceMembership['role']): WorkspaceMembership => ({
  id: '00000000-0000-4000-8000-00000000000w',
  slug: 'team',
  name: 'Team',
  timeZone: 'Europe/Berlin',
  locale: 'de',
  holidayCountry: 'DE',
  holidayRegion: null,
  role,
});

const RULE: BrandRule = {
  id: '00000000-0000-4000-8000-0000000000b1',
  kind: 'banned',
  term: 'Kunde',
  message: { de: 'Wir sagen Gast.' },
  inflect: true,
};

type Call = { method: string; url: string; body: unknown; headers: Record<string, string> };
type Answer = { status: number; body?: unknown };

let calls: Call[] = [];
/** The version GET settings answers with; a test moves it to play someone else's save. */
let storedVersion = 1;

/** The wording endpoints, with what PUT and POST answer given per test. */
function serve(
  settings: WordingSettings,
  rules: BrandRule[],
  answers: Partial<Record<'PUT settings' | 'PUT brand-rules' | 'POST csv', Answer>> = {},
) {
  storedVersion = 1;
  calls = routedFetch(
    [
      {
        method: 'GET',
        path: /\/wording\/settings$/,
        answer: () => ({
          status: 200,
          body: { settings, version: storedVersion, updatedAt: null },
        }),
      },
      { method: 'GET', path: /\/wording\/brand-rules$/, body: { items: rules } },
      {
        method: 'PUT',
        path: /\/wording\/settings$/,
        answer: ({ body }) =>
          answers['PUT settings'] ?? {
            status: 200,
            body: { settings: body, version: 2, updatedAt: '2026-11-21T10:00:00Z' },
          },
      },
      {
        method: 'PUT',
        path: /\/wording\/brand-rules$/,
        answer: () => answers['PUT brand-rules'] ?? { status: 200, body: { items: rules } },
      },
      {
        method: 'POST',
        path: /\/wording\/brand-rules\.csv/,
        answer: () => answers['POST csv'] ?? { status: 200, body: { items: rules, imported: 0 } },
      },
    ],
    () => ({ status: 404, body: { error: { code: 'ROUTE_NOT_FOUND', message: '' } } }),
  );
}

const sent = (method: string, suffix: string) =>
  calls.filter((c) => c.method === method && c.url.split('?')[0]!.endsWith(suffix));

describe('WordingSettingsPage', () => {
  beforeEach(() => {
    document.cookie = 'postplan_csrf=tok; path=/';
  });

  it('lets an admin tune rules, gender style and limits, and saves them', async () => {
    serve({ genderStyle: 'asterisk', rules: { 'style.all-caps': 'hint' } }, []);
    renderWithProviders(<WordingSettingsPage workspace={workspace('admin')} />);
    const caps = await screen.findByLabelText('Severity of “ALL CAPS”');
    expect((caps as HTMLSelectElement).value).toBe('hint');
    expect(screen.getAllByText('Error, set by the platform')).toHaveLength(8);

    fireEvent.change(screen.getByLabelText('Severity of “Spelling”'), { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('Gender-inclusive style'), {
      target: { value: 'colon' },
    });
    fireEvent.change(screen.getByLabelText('Words per sentence, German'), {
      target: { value: '15' },
    });
    fireEvent.change(screen.getByLabelText('Compare with the channel’s posts of the last days'), {
      target: { value: '14' },
    });
    fireEvent.change(screen.getByLabelText('Words the spell check accepts (one per line)'), {
      target: { value: 'Kiezfest\nStadtwerke' },
    });
    expect(screen.getByText('2 words')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Wording settings saved.')).toBeTruthy();
    expect(sent('PUT', '/wording/settings')[0]?.body).toEqual({
      genderStyle: 'colon',
      rules: { 'style.all-caps': 'hint', 'spelling.unknown-word': 'off' },
      readability: { maxSentenceWords: { de: 15 } },
      duplicates: { windowDays: 14 },
      wordList: ['Kiezfest', 'Stadtwerke'],
    });
  });

  it('saves against the version it read, and after a conflict loads the saved version on request', async () => {
    const stored: WordingSettings = { genderStyle: 'asterisk', wordList: ['Kiezfest'] };
    serve(stored, [], {
      'PUT settings': {
        status: 409,
        body: { error: { code: 'STALE_VERSION', message: 'x', details: { currentVersion: 2 } } },
      },
    });
    renderWithProviders(<WordingSettingsPage workspace={workspace('admin')} />);
    fireEvent.change(await screen.findByLabelText('Gender-inclusive style'), {
      target: { value: 'colon' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const alert = await screen.findByTestId('settings-error');
    expect(alert.textContent).toContain('Someone else changed these settings meanwhile');
    expect(sent('PUT', '/wording/settings')[0]?.headers['If-Match']).toBe('1');
    // The admin's entry is kept until they choose otherwise.
    expect(screen.getByLabelText<HTMLSelectElement>('Gender-inclusive style').value).toBe('colon');

    // Meanwhile an editor added a word.
    stored.wordList = ['Kiezfest', 'Quartiersfest'];
    storedVersion = 2;
    fireEvent.click(within(alert).getByRole('button', { name: 'Load the saved version' }));
    await waitFor(() =>
      expect(
        screen.getByLabelText<HTMLTextAreaElement>('Words the spell check accepts (one per line)')
          .value,
      ).toBe('Kiezfest\nQuartiersfest'),
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Gender-inclusive style').value).toBe(
      'asterisk',
    );
    expect(screen.queryByTestId('settings-error')).toBeNull();
  });

  it('keeps saving against the version its entries came from when the cache refreshes meanwhile', async () => {
    const stored: WordingSettings = { genderStyle: 'asterisk', wordList: ['Kiezfest'] };
    serve(stored, []);
    const { client } = renderWithProviders(<WordingSettingsPage workspace={workspace('admin')} />);
    fireEvent.change(await screen.findByLabelText('Gender-inclusive style'), {
      target: { value: 'colon' },
    });
    // An editor adds a word, and the page refetches in the background (say, on focus).
    stored.wordList = ['Kiezfest', 'Quartiersfest'];
    storedVersion = 2;
    await act(async () => {
      await client.refetchQueries();
      // TanStack Query tells components on the next macrotask: let the page render version 2.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(sent('PUT', '/wording/settings')).toHaveLength(1));
    // The form still holds the word list of version 1: saving it must not pass for version 2.
    expect(sent('PUT', '/wording/settings')[0]?.headers['If-Match']).toBe('1');
  });

  it('says which value is out of range and sends nothing', async () => {
    serve({}, []);
    renderWithProviders(<WordingSettingsPage workspace={workspace('owner')} />);
    const field = await screen.findByLabelText('Letters per word');
    fireEvent.change(field, { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Enter a whole number from 8 to 80.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-error').textContent).toContain('not valid');
    expect(sent('PUT', '/wording/settings')).toHaveLength(0);
  });

  it('shows an editor the rules read-only, with the export but no way to change them', async () => {
    serve({ genderStyle: 'colon' }, [RULE]);
    renderWithProviders(<WordingSettingsPage workspace={workspace('editor')} />);
    expect(screen.getByTestId('settings-read-only')).toBeTruthy();
    expect((await screen.findByLabelText('Gender-inclusive style')).matches(':disabled')).toBe(
      true,
    );
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save brand rules' })).toBeNull();
    expect(screen.queryByText('Import from CSV')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Term: Kunde').readOnly).toBe(true);
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/api/v1/workspaces/team/wording/brand-rules.csv',
    );
  });

  it('edits the brand rules as a table and marks a row that cannot be saved', async () => {
    serve({}, [RULE], {
      'PUT brand-rules': {
        status: 200,
        body: {
          items: [
            RULE,
            {
              id: '00000000-0000-4000-8000-0000000000b2',
              kind: 'preferred',
              term: 'Newsletter',
              replacement: 'Rundbrief',
              inflect: true,
            },
          ],
        },
      },
    });
    renderWithProviders(<WordingSettingsPage workspace={workspace('admin')} />);
    expect(await screen.findByLabelText('Term: Kunde')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    const rows = screen.getAllByTestId('brand-row');
    const added = within(rows[1]!);
    fireEvent.change(added.getByLabelText('Type: rule 2'), { target: { value: 'preferred' } });
    fireEvent.change(added.getByLabelText('Term: rule 2'), { target: { value: 'Newsletter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save brand rules' }));
    expect(added.getByText('A preferred term needs a replacement.')).toBeTruthy();
    expect(sent('PUT', '/wording/brand-rules')).toHaveLength(0);

    fireEvent.change(added.getByLabelText('Replacement: Newsletter'), {
      target: { value: 'Rundbrief' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save brand rules' }));
    expect(await screen.findByText('Brand rules saved.')).toBeTruthy();
    expect(sent('PUT', '/wording/brand-rules')[0]?.body).toEqual({
      items: [
        {
          id: RULE.id,
          kind: 'banned',
          term: 'Kunde',
          message: { de: 'Wir sagen Gast.' },
          inflect: true,
        },
        { kind: 'preferred', term: 'Newsletter', replacement: 'Rundbrief', inflect: true },
      ],
    });
  });

  it('imports a CSV file as it is and lists the rows the server refused', async () => {
    serve({}, [], {
      'POST csv': {
        status: 422,
        body: {
          error: {
            code: 'BRAND_CSV_INVALID',
            message: 'The file has 2 problem(s)',
            details: {
              errors: [
                {
                  line: 2,
                  column: 1,
                  field: 'kind',
                  message: 'Unbekannte Art „egal“',
                  messages: { de: 'Unbekannte Art „egal“', en: 'Unknown kind “egal”' },
                },
                {
                  line: 3,
                  column: 3,
                  field: 'replacement',
                  message: 'Ersatz fehlt',
                  messages: { de: 'Ersatz fehlt', en: 'A preferred term needs a replacement' },
                },
              ],
              total: 2,
            },
          },
        },
      },
    });
    renderWithProviders(<WordingSettingsPage workspace={workspace('owner')} />);
    const input = await screen.findByLabelText('CSV file');
    const file = new File(['kind;term\negal;Kunde\n'], 'regeln.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(screen.getByLabelText('Replace all rules with the file'));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    const errors = await screen.findByTestId('csv-errors');
    expect(errors.textContent).toContain('Line 2, column A: Unknown kind “egal”');
    expect(errors.textContent).toContain('Line 3, column C: A preferred term needs a replacement');
    expect(screen.getByTestId('brand-error').textContent).toContain(
      'Nothing was imported: the file has errors.',
    );
    const [upload] = sent('POST', '/wording/brand-rules.csv');
    expect(upload?.url).toBe('/api/v1/workspaces/team/wording/brand-rules.csv?mode=replace');
    expect(upload?.headers).toMatchObject({ 'Content-Type': 'text/csv', 'X-CSRF-Token': 'tok' });
    expect(upload?.body).toBe(file);
  });

  it('speaks German', async () => {
    serve({}, []);
    renderWithProviders(<WordingSettingsPage workspace={workspace('admin')} />, { locale: 'de' });
    expect(await screen.findByRole('heading', { name: 'Textregeln' })).toBeTruthy();
    expect(await screen.findByLabelText('Schweregrad von „Rechtschreibung“')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByText('Noch keine Regeln zur Markensprache.')).toBeTruthy(),
    );
  });
});
