import {
  BrandRuleInputSchema,
  ChannelWordingSchema,
  WordingCheckRequestSchema,
  WordingSettingsSchema,
} from './wording';

describe('wording contracts', () => {
  it('reject a mistyped setting at any depth instead of ignoring it', () => {
    expect(WordingSettingsSchema.safeParse({ readability: { maxWordLetters: 24 } }).success).toBe(
      true,
    );
    const nested = WordingSettingsSchema.safeParse({ readability: { maxWordLeters: 24 } });
    expect(nested.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      path: ['readability'],
    });
    expect(
      ChannelWordingSchema.safeParse({ engagement: { enabled: false, colour: 'red' } }).success,
    ).toBe(false);
    expect(
      BrandRuleInputSchema.safeParse({ kind: 'banned', term: 'Kunde', severty: 'hint' }).success,
    ).toBe(false);
  });

  it('keep the domain’s rules: no override of a platform limit, a replacement for a preferred term', () => {
    expect(WordingSettingsSchema.safeParse({ rules: { 'length.limit': 'off' } }).success).toBe(
      false,
    );
    expect(WordingSettingsSchema.safeParse({ rules: { 'brand.banned': 'warning' } }).success).toBe(
      true,
    );
    expect(BrandRuleInputSchema.safeParse({ kind: 'preferred', term: 'Kunde' }).success).toBe(
      false,
    );
  });

  it('leave brand rules and the channel id to their own places', () => {
    expect(WordingSettingsSchema.safeParse({ brandRules: [] }).success).toBe(false);
    expect(ChannelWordingSchema.safeParse({ channelId: 'x' }).success).toBe(false);
  });

  it('take a check for a channel without naming its platform', () => {
    expect(
      WordingCheckRequestSchema.safeParse({
        text: 'Hallo',
        channelId: '6a0f4f0e-8a7e-4c52-9d1a-1d1f0c1e2b3a',
      }).success,
    ).toBe(true);
  });
});
