import { describe, expect, it } from '@jest/globals';
import { type ApprovableContent } from './content-hash.rules';
import { diffContent, diffMedia, diffText } from './revision-diff.util';

const rebuild = (segments: { kind: string; text: string }[], side: 'before' | 'after'): string =>
  segments
    .filter((s) => s.kind === 'equal' || s.kind === (side === 'before' ? 'delete' : 'insert'))
    .map((s) => s.text)
    .join('');

describe('diffText', () => {
  it('marks replaced words and keeps the rest equal', () => {
    const d = diffText('Wir feiern am Samstag im Garten.', 'Wir feiern am Sonntag im Garten.');
    expect(d.changed).toBe(true);
    expect(d.segments).toEqual([
      { kind: 'equal', text: 'Wir feiern am ' },
      { kind: 'delete', text: 'Samstag' },
      { kind: 'insert', text: 'Sonntag' },
      { kind: 'equal', text: ' im Garten.' },
    ]);
  });

  it('shows an added line break as a change of its own', () => {
    const d = diffText('Hallo Welt', 'Hallo\nWelt');
    expect(d.segments.filter((s) => s.kind !== 'equal').map((s) => s.text)).toEqual([' ', '\n']);
  });

  it('rebuilds both texts from the segments', () => {
    const before = 'Grüße aus München – bis bald!';
    const after = 'Liebe Grüße aus Köln – bis morgen!';
    const d = diffText(before, after);
    expect(rebuild(d.segments, 'before')).toBe(before);
    expect(rebuild(d.segments, 'after')).toBe(after);
  });

  it('sees no change where only the Unicode normalisation form differs', () => {
    expect(diffText('Müller', 'Müller'.normalize('NFD')).changed).toBe(false);
  });
});

describe('diffMedia', () => {
  const a = { id: 'a', alt: 'Bühne' };
  const b = { id: 'b', alt: null };
  it('names added and removed images, changed alt texts and a new order', () => {
    expect(diffMedia([a, b], [b, { id: 'c', alt: 'Publikum' }])).toEqual([
      { kind: 'removed', id: 'a', alt: 'Bühne' },
      { kind: 'added', id: 'c', alt: 'Publikum' },
    ]);
    expect(diffMedia([a], [{ id: 'a', alt: 'Bühne bei Nacht' }])).toEqual([
      { kind: 'alt_changed', id: 'a', before: 'Bühne', after: 'Bühne bei Nacht' },
    ]);
    expect(diffMedia([a, b], [b, a])).toEqual([{ kind: 'reordered' }]);
    expect(diffMedia([a, b], [a, b])).toEqual([]);
  });
});

describe('diffContent', () => {
  const before: ApprovableContent = {
    title: 'Sommerfest',
    text: 'Wir feiern am Samstag.',
    channelIds: ['insta', 'bsky'],
    variants: [{ channelId: 'insta', text: 'Samstag! #sommer' }],
  };

  it('reports nothing for identical content', () => {
    expect(diffContent(before, before).changed).toBe(false);
  });

  it('shows a base-text change on every channel that publishes the base text', () => {
    const d = diffContent(before, { ...before, text: 'Wir feiern am Sonntag.' });
    expect(d.text.changed).toBe(true);
    const bsky = d.variants.find((v) => v.channelId === 'bsky');
    const insta = d.variants.find((v) => v.channelId === 'insta');
    expect(bsky).toMatchObject({
      presence: 'kept',
      inheritsBase: { before: true, after: true },
      changed: true,
    });
    expect(insta?.changed).toBe(false);
  });

  it('shows a channel that stops overriding the text', () => {
    const d = diffContent(before, { ...before, variants: [{ channelId: 'insta', text: null }] });
    const insta = d.variants.find((v) => v.channelId === 'insta');
    expect(insta?.inheritsBase).toEqual({ before: false, after: true });
    expect(rebuild(insta!.text.segments, 'after')).toBe('Wir feiern am Samstag.');
  });

  it('shows added and removed channels with all their text as new or gone', () => {
    const d = diffContent(before, { ...before, channelIds: ['insta', 'mastodon'] });
    expect(d.variants.map((v) => [v.channelId, v.presence])).toEqual([
      ['bsky', 'removed'],
      ['insta', 'kept'],
      ['mastodon', 'added'],
    ]);
    expect(d.variants[2]?.text.segments).toEqual([
      { kind: 'insert', text: 'Wir feiern am Samstag.' },
    ]);
  });

  it('notices option changes without diffing them word by word', () => {
    const d = diffContent(before, {
      ...before,
      variants: [
        { channelId: 'insta', text: 'Samstag! #sommer', options: { firstComment: 'Link in Bio' } },
      ],
    });
    expect(d.variants.find((v) => v.channelId === 'insta')?.optionsChanged).toBe(true);
    expect(d.changed).toBe(true);
  });
});
