import { checkWording, type WordingCheckInput } from './check-wording';
import { blockingFindings, fixesOf, type WordingFinding } from './core/types';
import {
  ChannelWordingSettingsSchema,
  WorkspaceWordingSettingsSchema,
} from './settings/settings.schema';

const run = (input: Partial<WordingCheckInput> & { text: string }) =>
  checkWording({ platform: 'linkedin', ...input });
const rules = (findings: WordingFinding[]) => findings.map((f) => f.rule);
const slice = (text: string, f: WordingFinding) => text.slice(f.start, f.end);

describe('checkWording', () => {
  it('measures a campaign post as it goes out, its links tagged, and marks the overflow in the written text', () => {
    const utm = {
      sources: {},
      medium: 'social',
      campaign: 'fruehling-2030',
      content: null,
      term: null,
    };
    const text = `${'Sonne '.repeat(40)}https://shop.de/fruehling mehr?`;
    const untagged = run({ text, platform: 'bluesky' });
    expect(untagged.length.used).toBeLessThanOrEqual(300);
    expect(rules(untagged.findings)).not.toContain('length.limit');

    const tagged = run({ text, platform: 'bluesky', campaignUtm: utm });
    expect(tagged.length.used).toBeGreaterThan(300);
    const error = tagged.findings.find((f) => f.rule === 'length.limit')!;
    expect(error.severity).toBe('error');
    // The overflow begins inside the added parameters: marked from the link's end as written.
    expect(error.start).toBe(text.indexOf(' mehr?'));
    expect(error.end).toBe(text.length);
    expect(error.message.de).toContain('mit den Kampagnen-Parametern der Links');
    // X counts every link as 23 whatever its length: tagging changes nothing there.
    expect(run({ text, platform: 'x', campaignUtm: utm }).length).toEqual(
      run({ text, platform: 'x' }).length,
    );
  });

  it('reports length in the platform unit and an error over the limit on the overflowing part', () => {
    const text = `${'Wort '.repeat(60)}Ende?`;
    const result = run({ text, platform: 'x' });
    expect(result.length).toEqual({ used: 305, limit: 280, unit: 'weighted' });
    const [error] = blockingFindings(result.findings);
    expect(error).toMatchObject({ rule: 'length.limit', start: 280, end: text.length });
    expect(error!.message.de).toBe(
      '25 gewichtete Zeichen zu lang: X erlaubt 280, der Text hat 305. Kürze ab der markierten Stelle.',
    );
  });

  it('uses the Telegram caption limit when media is attached, unless the channel says otherwise', () => {
    const text = `${'a'.repeat(1100)}?`;
    expect(run({ text, platform: 'telegram', media: [{ kind: 'video' }] }).length.limit).toBe(1024);
    expect(
      run({
        text,
        platform: 'telegram',
        media: [{ kind: 'video' }],
        channel: { telegramCaptionMode: 'message' },
      }).length.limit,
    ).toBe(4096);
  });

  it('flags a long German sentence on its own range, with its word count', () => {
    const long =
      'Wir laden alle Menschen aus der Nachbarschaft herzlich ein, am Samstag gemeinsam mit uns den neuen Garten hinter der alten Schule zu bepflanzen und danach zu feiern.';
    const text = `Hallo! ${long} Kommt ihr?`;
    const finding = run({ text, language: 'de' }).findings.find(
      (f) => f.rule === 'readability.long-sentence',
    )!;
    expect(slice(text, finding)).toBe(long);
    expect(finding.message.de).toBe(
      'Satz mit 27 Wörtern – teile ihn in zwei. Auf dem Handy lesen sich Sätze bis 20 Wörter am besten.',
    );
  });

  it('allows 25 words in English and a per-channel limit', () => {
    const sentence = `${Array.from({ length: 23 }, () => 'word').join(' ')} here today.`;
    expect(rules(run({ text: sentence, language: 'en' }).findings)).not.toContain(
      'readability.long-sentence',
    );
    expect(
      rules(
        run({
          text: sentence,
          language: 'en',
          channel: { readability: { maxSentenceWords: { en: 12 } } },
        }).findings,
      ),
    ).toContain('readability.long-sentence');
  });

  it('flags very long compounds per hyphen-separated part', () => {
    const text = 'Die Kundenzufriedenheitsbefragung und die Kundenzufriedenheits-Befragung laufen.';
    const found = run({ text, language: 'de' }).findings.filter(
      (f) => f.rule === 'readability.long-word',
    );
    expect(found.map((f) => slice(text, f))).toEqual(['Kundenzufriedenheitsbefragung']);
  });

  it('hints when a post neither asks nor invites, in German and English', () => {
    const de = run({ text: 'Unser neues Café ist offen. Es gibt Kuchen.', language: 'de' });
    const hint = de.findings.find((f) => f.rule === 'engagement.no-question')!;
    expect(hint.severity).toBe('hint');
    expect(slice('Unser neues Café ist offen. Es gibt Kuchen.', hint)).toBe('Es gibt Kuchen.');
    expect(
      rules(
        run({ text: 'Unser neues Café ist offen. Kommt ihr vorbei?', language: 'de' }).findings,
      ),
    ).not.toContain('engagement.no-question');
    expect(
      rules(run({ text: 'Unser Café ist offen. Schaut vorbei!', language: 'de' }).findings),
    ).not.toContain('engagement.no-question');
    expect(
      rules(run({ text: 'Our café is open. Book now at the counter.', language: 'en' }).findings),
    ).not.toContain('engagement.no-question');
    expect(rules(run({ text: 'Our café is open.', language: 'en' }).findings)).toContain(
      'engagement.no-question',
    );
  });

  it('takes extra CTA phrases and can switch engagement off per channel', () => {
    const text = 'Neue Preise ab Montag. Ruft uns an.';
    expect(rules(run({ text, language: 'de' }).findings)).toContain('engagement.no-question');
    expect(
      rules(
        run({
          text,
          language: 'de',
          workspace: { engagement: { ctaPhrases: { de: ['ruft uns an'] } } },
        }).findings,
      ),
    ).not.toContain('engagement.no-question');
    expect(
      rules(run({ text, language: 'de', channel: { engagement: { enabled: false } } }).findings),
    ).not.toContain('engagement.no-question');
  });

  it('does not count a question mark inside a URL as a question', () => {
    expect(
      rules(run({ text: 'Alles unter https://example.com/?a=1', language: 'de' }).findings),
    ).toContain('engagement.no-question');
  });

  it('flags plain http with a fix to https, and malformed links', () => {
    const text =
      'Infos: http://example.com/a und htps://example.org und https//beispiel.de und https://beispiel';
    const found = run({ text }).findings.filter((f) => f.rule.startsWith('links.'));
    expect(found.map((f) => [f.rule, slice(text, f)])).toEqual([
      ['links.insecure', 'http://example.com/a'],
      ['links.malformed', 'htps://'],
      ['links.malformed', 'https//'],
      ['links.malformed', 'https://beispiel'],
    ]);
    expect(fixesOf(found[0]!)[0]).toMatchObject({ start: 7, end: 14, replacement: 'https://' });
    expect(fixesOf(found[1]!)[0]!.replacement).toBe('https://');
  });

  it('errors past Threads\u2019 five links', () => {
    const text = Array.from({ length: 6 }, (_, i) => `https://ex${i}.de`).join(' ');
    const finding = run({ text, platform: 'threads' }).findings.find(
      (f) => f.rule === 'links.limit',
    )!;
    expect(slice(text, finding)).toBe('https://ex5.de');
  });

  it('counts hashtags: Instagram\u2019s hard limit of 30, a softer hint elsewhere, duplicates', () => {
    const tags = Array.from({ length: 32 }, (_, i) => `#tag${i}`).join(' ');
    const insta = run({
      text: tags,
      platform: 'instagram',
      media: [{ kind: 'image', altText: 'x' }],
    });
    const limit = insta.findings.find((f) => f.rule === 'hashtags.limit')!;
    expect(limit.severity).toBe('error');
    expect(slice(tags, limit)).toBe('#tag30 #tag31');
    const text = 'Sommer! #Sommer #Sonne #sommer';
    const li = run({ text, platform: 'x' });
    expect(li.findings.find((f) => f.rule === 'hashtags.too-many')).toBeDefined();
    const duplicate = li.findings.find((f) => f.rule === 'hashtags.duplicate')!;
    expect(slice(text, duplicate)).toBe('#sommer');
    expect(fixesOf(duplicate)[0]).toMatchObject({
      start: text.length - 8,
      end: text.length,
      replacement: '',
    });
  });

  it('errors past Instagram\u2019s 20 mentions', () => {
    const text = Array.from({ length: 21 }, (_, i) => `@user${i}`).join(' ');
    const finding = run({
      text,
      platform: 'instagram',
      media: [{ kind: 'image', altText: 'x' }],
    }).findings.find((f) => f.rule === 'mentions.limit')!;
    expect(slice(text, finding)).toBe('@user20');
  });

  it('checks media per platform and alt text for images and GIFs', () => {
    const x = run({
      text: 'Bilder?',
      platform: 'x',
      media: [{ kind: 'image', altText: 'a' }, { kind: 'video' }],
    });
    expect(x.findings.find((f) => f.rule === 'media.count')!.message.en).toBe(
      'On X a video or GIF must be the only attachment. Spread the attachments over several posts.',
    );
    const insta = run({ text: 'Bilder?', platform: 'instagram' });
    expect(rules(insta.findings)).toContain('media.required');
    const gif = run({
      text: 'GIF?',
      platform: 'instagram',
      media: [{ kind: 'gif', altText: 'tanzende Katze' }],
    });
    expect(gif.findings.find((f) => f.rule === 'media.type')).toMatchObject({
      mediaIndex: 0,
      severity: 'error',
    });
    const alt = run({
      text: 'Bild?',
      platform: 'bluesky',
      media: [
        { kind: 'image', altText: 'Team' },
        { kind: 'image', altText: '  ' },
      ],
    });
    expect(
      alt.findings.filter((f) => f.rule === 'media.alt-text').map((f) => f.mediaIndex),
    ).toEqual([1]);
    expect(
      run({
        text: 'Viele?',
        platform: 'mastodon',
        media: Array.from({ length: 5 }, () => ({ kind: 'image' as const, altText: 'x' })),
      }).findings.map((f) => f.rule),
    ).toContain('media.count');
  });

  it('flags shouting and emoji walls', () => {
    const text = 'JETZT SCHNELL ZUGREIFEN! Nur heute 🎉🎉🎉🎉 DSGVO ok?';
    const found = run({ text, language: 'de' }).findings;
    const caps = found.find((f) => f.rule === 'style.all-caps')!;
    expect(slice(text, caps)).toBe('JETZT SCHNELL ZUGREIFEN');
    expect(fixesOf(caps)[0]!.replacement).toBe('Jetzt schnell zugreifen');
    expect(
      slice(
        text,
        found.find((f) => f.rule === 'style.emoji-overuse')!,
      ),
    ).toBe('🎉🎉🎉🎉');
  });

  it('applies workspace and channel severity overrides, but never to platform limits', () => {
    const text = `${'x'.repeat(290)}`;
    const result = run({
      text,
      platform: 'x',
      workspace: { rules: { 'engagement.no-question': 'warning' } },
      channel: { rules: { 'style.all-caps': 'off' } },
    });
    expect(result.findings.find((f) => f.rule === 'engagement.no-question')!.severity).toBe(
      'warning',
    );
    expect(result.findings.find((f) => f.rule === 'length.limit')!.severity).toBe('error');
    const parsed = WorkspaceWordingSettingsSchema.safeParse({ rules: { 'length.limit': 'off' } });
    expect(parsed.success).toBe(false);
  });

  it('takes the language from input, channel, detection, then workspace', () => {
    const english = 'We are so happy to see you at the new shop today!';
    expect(run({ text: english }).language).toBe('en');
    expect(run({ text: english, workspace: { language: 'de' } }).language).toBe('en');
    expect(run({ text: english, channel: { language: 'de' } }).language).toBe('de');
    expect(run({ text: 'Sale!', workspace: { language: 'en' } }).language).toBe('en');
    expect(run({ text: english, language: 'de' }).language).toBe('de');
  });

  it('returns findings sorted by start and the readability summary', () => {
    const result = run({
      text: 'KAUFT JETZT ALLES!!! http://example.com 🎉🎉🎉🎉',
      language: 'de',
    });
    const starts = result.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(result.readability).toMatchObject({ language: 'de', words: 3 });
  });

  it('validates settings with zod', () => {
    expect(
      ChannelWordingSettingsSchema.safeParse({ telegramCaptionMode: 'sometimes' }).success,
    ).toBe(false);
    expect(
      WorkspaceWordingSettingsSchema.safeParse({
        brandRules: [{ kind: 'preferred', term: 'Kunde' }],
      }).success,
    ).toBe(false);
    expect(
      WorkspaceWordingSettingsSchema.parse({
        genderStyle: 'colon',
        brandRules: [{ kind: 'banned', term: ' billig ' }],
      }).brandRules![0]!.term,
    ).toBe('billig');
  });
});
