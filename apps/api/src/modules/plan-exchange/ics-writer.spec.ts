import { dateTimeProperty, escapeText, eventLines, foldLine } from './ics-writer';

describe('ICS TEXT escaping', () => {
  it('turns a line break into \\n, so a title cannot start a property of its own', () => {
    const line = `SUMMARY:${escapeText('Hallo\r\nATTENDEE:evil@example.com')}`;
    expect(line).toBe('SUMMARY:Hallo\\nATTENDEE:evil@example.com');
    expect(foldLine(line)).not.toMatch(/\r\nATTENDEE/);
  });

  it('escapes commas, semicolons and backslashes, and drops other control characters', () => {
    expect(escapeText('a,b;c\\d')).toBe('a\\,b\\;c\\\\d');
    expect(escapeText('a\rb\nc\u0000d\u0007e\tf')).toBe('a\\nb\\ncde\tf');
  });
});

describe('folding at 75 octets', () => {
  it('keeps every line at most 75 octets and never splits a UTF-8 sequence', () => {
    const summary = `SUMMARY:${escapeText('Grüße aus Köln 🌧️ — ' + 'ä€😀'.repeat(40))}`;
    const folded = foldLine(summary);
    const lines = folded.split('\r\n').filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      // A split sequence would decode to the replacement character.
      expect(Buffer.from(l, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    }
    lines.slice(1).forEach((l) => expect(l.startsWith(' ')).toBe(true));
    // Unfolding gives the line back exactly.
    expect(folded.replace(/\r\n /g, '').replace(/\r\n$/, '')).toBe(summary);
    // Lines are filled: a fold happens only when the next character would not fit.
    expect(Buffer.byteLength(lines[0]!, 'utf8')).toBeGreaterThan(71);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('BEGIN:VEVENT')).toBe('BEGIN:VEVENT\r\n');
  });
});

describe('DTSTART in the workspace zone', () => {
  it('writes local time with TZID for an ordinary instant', () => {
    expect(dateTimeProperty('DTSTART', new Date('2026-10-12T07:15:00Z'), 'Europe/Berlin')).toBe(
      'DTSTART;TZID=Europe/Berlin:20261012T091500',
    );
  });

  it('writes the first 02:30 of 2026-10-25 with TZID (RFC 5545 reads it as the first)', () => {
    expect(dateTimeProperty('DTSTART', new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(
      'DTSTART;TZID=Europe/Berlin:20261025T023000',
    );
  });

  it('writes the second 02:30 (CET) in UTC, the only exact form', () => {
    expect(dateTimeProperty('DTSTART', new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(
      'DTSTART:20261025T013000Z',
    );
  });

  it('makes a whole event with stable UID and SEQUENCE', () => {
    const text = eventLines(
      {
        uid: 'abc@postplan',
        sequence: 3,
        start: new Date('2026-10-25T01:30:00Z'),
        durationMinutes: 15,
        stamp: new Date('2026-10-01T00:00:00Z'),
        summary: 'Zeit, Umstellung; jetzt',
        description: 'Zeile 1\nZeile 2',
        categories: ['a,b'],
        status: 'TENTATIVE',
      },
      'Europe/Berlin',
      true,
    );
    expect(text).toContain('UID:abc@postplan\r\nSEQUENCE:3\r\n');
    expect(text).toContain('SUMMARY:Zeit\\, Umstellung\\; jetzt\r\n');
    expect(text).toContain('DESCRIPTION:Zeile 1\\nZeile 2\r\n');
    expect(text).toContain('CATEGORIES:a\\,b\r\n');
  });
});
