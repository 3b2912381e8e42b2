import { describe, expect, it } from '@jest/globals';
import { checkWording } from '@postplan/domain';
import {
  combineFindings,
  countBySeverity,
  findingKey,
  fromEngine,
  fromServer,
  mergeLocalAndServer,
  type UiFinding,
} from './findings';

function make(rule: string, start: number, end: number, over: Partial<UiFinding> = {}): UiFinding {
  const base = { rule, severity: 'warning' as const, message: { de: rule, en: rule }, start, end };
  return { ...base, key: findingKey(base), fixes: [], source: 'local', channelIds: [], ...over };
}

describe('findings', () => {
  it('turns an engine finding with alternatives into a finding with all its fixes', () => {
    const result = checkWording({
      text: 'Wir danken allen Kunden.',
      platform: 'mastodon',
      workspace: { genderStyle: 'colon' },
      skipSpelling: true,
    });
    const engine = result.findings.find((f) => f.rule === 'gender.generic-masculine')!;
    const ui = fromEngine(engine, 'channel-1');
    expect(ui.channelIds).toEqual(['channel-1']);
    expect(ui.fixes.map((f) => f.replacement)).toContain('Kund:innen');
    expect(ui.message.de).toBe(engine.message.de);
  });

  it('reads a server finding in both languages, with its fixes', () => {
    const ui = fromServer(
      {
        rule: 'spelling.unknown-word',
        severity: 'warning',
        message: 'Unbekanntes Wort',
        messages: { de: 'Unbekanntes Wort', en: 'Unknown word' },
        start: 0,
        end: 4,
        fix: {
          start: 0,
          end: 4,
          replacement: 'Hallo',
          label: 'Hallo',
          labels: { de: 'Hallo', en: 'Hallo' },
        },
      },
      null,
    );
    expect(ui.message.en).toBe('Unknown word');
    expect(ui.fixes).toEqual([
      { start: 0, end: 4, replacement: 'Hallo', label: { de: 'Hallo', en: 'Hallo' } },
    ]);
  });

  it('takes spelling and stored-post duplicates from the server and the rest from the browser', () => {
    const local = [make('length.limit', 280, 300), make('spelling.unknown-word', 0, 3)];
    const server = [
      make('length.limit', 270, 300),
      make('spelling.unknown-word', 4, 8, { source: 'server' }),
      make('duplicate.recent', 0, 300, { source: 'server' }),
    ];
    expect(mergeLocalAndServer(local, server).map((f) => `${f.rule}@${f.start}`)).toEqual([
      'duplicate.recent@0',
      'spelling.unknown-word@4',
      'length.limit@280',
    ]);
  });

  it('shows a finding of a text shared by two channels once, naming both', () => {
    const combined = combineFindings([
      [make('brand.banned', 0, 5, { channelIds: ['x'] })],
      [make('brand.banned', 0, 5, { channelIds: ['insta'] }), make('length.limit', 10, 12)],
    ]);
    expect(combined).toHaveLength(2);
    expect(combined[0]!.channelIds).toEqual(['x', 'insta']);
  });

  it('counts by severity', () => {
    expect(
      countBySeverity([
        make('a', 0, 1, { severity: 'error' }),
        make('b', 0, 1),
        make('c', 0, 1, { severity: 'hint' }),
        make('d', 0, 1, { severity: 'hint' }),
      ]),
    ).toEqual({ error: 1, warning: 1, hint: 2 });
  });
});
