import { PLATFORMS } from '@postplan/domain';
import { VARIANT_OPTIONS_SCHEMAS, parseVariantOptions } from './variant-options';

describe('variant options per platform', () => {
  it('has a schema for every platform, each accepting no options at all', () => {
    expect(Object.keys(VARIANT_OPTIONS_SCHEMAS).sort()).toEqual([...PLATFORMS].sort());
    for (const platform of PLATFORMS) {
      expect(parseVariantOptions(platform, {})).toEqual({ success: true, data: {} });
    }
  });

  it.each([
    ['instagram', { format: 'reel', firstComment: '#jazz #köln' }],
    ['instagram', { format: 'story' }],
    ['facebook', { firstComment: 'Tickets an der Abendkasse', link: 'https://example.com/jazz' }],
    ['linkedin', { visibility: 'CONNECTIONS', firstComment: 'Mehr dazu' }],
    ['bluesky', { firstComment: 'Die Fotos folgen', langs: ['de'] }],
    ['mastodon', { firstComment: 'Die Fotos folgen', visibility: 'unlisted' }],
    ['pinterest', { boardId: '549755885175', title: 'Sommerfest', link: 'https://example.com' }],
    ['telegram', { silent: true }],
    ['x', { replySettings: 'following' }],
    ['sandbox', { firstComment: 'Hallo' }],
  ] as const)('%s takes %j', (platform, options) => {
    expect(parseVariantOptions(platform, options)).toEqual({ success: true, data: options });
  });

  it.each([
    ['instagram', { format: 'igtv' }, 'format'],
    ['linkedin', { visibility: 'FRIENDS' }, 'visibility'],
    ['telegram', { silent: 'yes' }, 'silent'],
    ['pinterest', { boardId: 'mein-board' }, 'boardId'],
    ['pinterest', { link: 'javascript:alert(1)' }, 'link'],
    ['pinterest', { title: 'x'.repeat(101) }, 'title'],
    ['linkedin', { firstComment: 'x'.repeat(1251) }, 'firstComment'],
    ['bluesky', { firstComment: 'x'.repeat(301) }, 'firstComment'],
    // An option of another platform is refused, never silently dropped.
    ['telegram', { firstComment: 'Hallo' }, 'firstComment'],
    ['webhook', { silent: true }, 'silent'],
  ] as const)('%s refuses %j, naming %s', (platform, options, path) => {
    const result = parseVariantOptions(platform, options);
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((i) => i.path)).toEqual([path]);
  });

  it('drops what an empty form field leaves behind, so it stores and hashes like nothing', () => {
    expect(
      parseVariantOptions('linkedin', { firstComment: '', visibility: null, x: undefined }),
    ).toEqual({ success: true, data: {} });
    expect(parseVariantOptions('instagram', { firstComment: '  Hallo  ' })).toEqual({
      success: true,
      data: { firstComment: 'Hallo' },
    });
  });

  it('refuses options that are not an object', () => {
    expect(parseVariantOptions('x', ['following']).success).toBe(false);
    expect(parseVariantOptions('x', 'following').success).toBe(false);
  });
});
