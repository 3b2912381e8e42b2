import { z } from 'zod';
import { type Platform } from './common';

/**
 * How each platform's channel is connected to an account, and what it needs: non-secret
 * settings (stored as they are, shown again) and secrets (stored encrypted, never shown
 * again). The API validates with these schemas; the channels page builds its forms from them.
 */

const httpUrl = z.url({ protocol: /^https?$/, error: 'An address starting with https://' });
const secret = (what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(4000, 'This is too long for a key');

const telegramChatId = z
  .string()
  .trim()
  .regex(
    /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$/,
    'A public channel as @name, or the numeric chat id (-100…)',
  );

/** Settings per platform: what the adapter reads from `ChannelTarget.settings`. */
export const CHANNEL_SETTINGS_SCHEMAS = {
  x: z.strictObject({ characterLimit: z.number().int().min(280).max(25_000).optional() }),
  bluesky: z.strictObject({
    identifier: z.string().trim().min(1, 'Enter the handle, e.g. brand.bsky.social').max(253),
    service: httpUrl.optional(),
    appUrl: httpUrl.optional(),
  }),
  mastodon: z.strictObject({ instanceUrl: httpUrl }),
  telegram: z.strictObject({ chatId: telegramChatId }),
  linkedin: z.strictObject({
    author: z
      .string()
      .regex(
        /^urn:li:(person|organization):[A-Za-z0-9_-]+$/,
        'urn:li:organization:<id> or urn:li:person:<id>',
      )
      .optional(),
  }),
  facebook: z.strictObject({
    pageId: z
      .string()
      .regex(/^\d{1,30}$/, 'The numeric page id')
      .optional(),
  }),
  instagram: z.strictObject({
    instagramUserId: z
      .string()
      .regex(/^\d{1,30}$/, 'The numeric account id')
      .optional(),
  }),
  threads: z.strictObject({
    threadsUserId: z
      .string()
      .regex(/^\d{1,30}$/, 'The numeric account id')
      .optional(),
  }),
  pinterest: z.strictObject({
    boardId: z
      .string()
      .regex(/^\d{1,30}$/, 'The numeric board id')
      .optional(),
  }),
  discord: z.strictObject({
    channelId: z
      .string()
      .regex(/^\d{1,30}$/)
      .optional(),
  }),
  slack: z.strictObject({
    channelId: z
      .string()
      .regex(/^[CG][A-Z0-9]{2,30}$/)
      .optional(),
  }),
  webhook: z.strictObject({ url: httpUrl }),
  manual: z.strictObject({}),
  sandbox: z.strictObject({ accountName: z.string().trim().min(1).max(100).optional() }),
} satisfies Record<Platform, z.ZodType>;

/** Secrets a person types in (for the platforms that do not use OAuth). */
export const CHANNEL_CREDENTIAL_SCHEMAS = {
  bluesky: z.strictObject({ appPassword: secret('app password') }),
  mastodon: z.strictObject({ accessToken: secret('access token') }),
  telegram: z.strictObject({
    botToken: z
      .string()
      .trim()
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, 'The token @BotFather gave, like 123456:ABC…'),
  }),
  discord: z.union([
    z.strictObject({
      webhookUrl: z
        .string()
        .trim()
        .regex(
          /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api\/webhooks\/\d+\/[\w-]+$/,
          'The webhook URL Discord shows (https://discord.com/api/webhooks/…)',
        ),
    }),
    z.strictObject({ botToken: secret('bot token') }),
  ]),
  slack: z.union([
    z.strictObject({
      webhookUrl: z
        .string()
        .trim()
        .regex(
          /^https:\/\/hooks\.slack\.com\/services\/[\w/-]+$/,
          'The webhook URL Slack shows (https://hooks.slack.com/services/…)',
        ),
    }),
    z.strictObject({
      botToken: z
        .string()
        .trim()
        .regex(/^xoxb-[\w-]+$/, 'A bot token, xoxb-…'),
    }),
  ]),
  webhook: z.strictObject({ signingSecret: z.string().trim().min(16).max(500).optional() }),
  sandbox: z.strictObject({}),
} satisfies Partial<Record<Platform, z.ZodType>>;

export const CONNECT_KINDS = ['form', 'oauth', 'none'] as const;
export type ConnectKind = (typeof CONNECT_KINDS)[number];

/** How a channel of each platform is connected. */
export const PLATFORM_CONNECT_KIND: Record<Platform, ConnectKind> = {
  bluesky: 'form',
  mastodon: 'form',
  telegram: 'form',
  discord: 'form',
  slack: 'form',
  webhook: 'form',
  sandbox: 'form',
  x: 'oauth',
  linkedin: 'oauth',
  facebook: 'oauth',
  instagram: 'oauth',
  threads: 'oauth',
  pinterest: 'oauth',
  manual: 'none',
};

/** One field of a connect form, in the order shown; labels come from the web app's messages. */
export type ConnectField = {
  name: string;
  /** secret: stored encrypted, never shown again; setting: stored as is. */
  kind: 'setting' | 'secret';
  required: boolean;
  input: 'text' | 'url' | 'password';
  placeholder?: string;
};

/** The connect form per platform. Discord and Slack take a webhook URL (a bot token needs an API call). */
export const CONNECT_FORMS: Partial<Record<Platform, ConnectField[]>> = {
  bluesky: [
    {
      name: 'identifier',
      kind: 'setting',
      required: true,
      input: 'text',
      placeholder: 'brand.bsky.social',
    },
    {
      name: 'appPassword',
      kind: 'secret',
      required: true,
      input: 'password',
      placeholder: 'xxxx-xxxx-xxxx-xxxx',
    },
    {
      name: 'service',
      kind: 'setting',
      required: false,
      input: 'url',
      placeholder: 'https://bsky.social',
    },
  ],
  mastodon: [
    {
      name: 'instanceUrl',
      kind: 'setting',
      required: true,
      input: 'url',
      placeholder: 'https://mastodon.social',
    },
    { name: 'accessToken', kind: 'secret', required: true, input: 'password' },
  ],
  telegram: [
    {
      name: 'botToken',
      kind: 'secret',
      required: true,
      input: 'password',
      placeholder: '123456:ABC…',
    },
    {
      name: 'chatId',
      kind: 'setting',
      required: true,
      input: 'text',
      placeholder: '@brandchannel',
    },
  ],
  discord: [
    {
      name: 'webhookUrl',
      kind: 'secret',
      required: true,
      input: 'password',
      placeholder: 'https://discord.com/api/webhooks/…',
    },
  ],
  slack: [
    {
      name: 'webhookUrl',
      kind: 'secret',
      required: true,
      input: 'password',
      placeholder: 'https://hooks.slack.com/services/…',
    },
  ],
  webhook: [
    {
      name: 'url',
      kind: 'setting',
      required: true,
      input: 'url',
      placeholder: 'https://example.com/hooks/postplan',
    },
    { name: 'signingSecret', kind: 'secret', required: false, input: 'password' },
  ],
  sandbox: [{ name: 'accountName', kind: 'setting', required: false, input: 'text' }],
};

export const CHANNEL_STATUSES = [
  'not_connected',
  'connected',
  'expiring',
  'needs_reconnect',
  'revoked',
] as const;
export const ChannelStatusSchema = z.enum(CHANNEL_STATUSES);
export type ChannelStatus = z.infer<typeof ChannelStatusSchema>;

/** What anyone may see about a channel's account: never a token. */
export const ChannelConnectionSchema = z.object({
  connected: z.boolean(),
  status: ChannelStatusSchema,
  kind: z.enum(CONNECT_KINDS),
  accountName: z.string().nullable(),
  connectedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  expiresAt: z.string().nullable().meta({
    description: 'When the connection ends unless someone reconnects (null: it does not expire)',
  }),
  lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** For OAuth platforms: false when the server has no client id for the platform. */
  configured: z.boolean(),
});
export type ChannelConnection = z.infer<typeof ChannelConnectionSchema>;

export const ConnectChannelRequestSchema = z.strictObject({
  settings: z.record(z.string(), z.unknown()).default({}),
  credentials: z.record(z.string(), z.unknown()).default({}),
});
export type ConnectChannelRequest = z.input<typeof ConnectChannelRequestSchema>;

/**
 * What oauth/start may say about the account to connect. A LinkedIn channel without an author
 * is connected as a company page with `linkedinAuthor: "organization"`: after the sign-in the
 * person picks one of the pages they administer.
 */
export const OAuthStartRequestSchema = z
  .strictObject({
    linkedinAuthor: z.enum(['organization']).optional().meta({
      description:
        'LinkedIn only: sign in for a company page (picked afterwards) when the channel has no author yet',
    }),
  })
  .default({});
export type OAuthStartRequest = z.input<typeof OAuthStartRequestSchema>;

export const OAuthStartResponseSchema = z.object({
  authorizeUrl: z.string(),
  expiresAt: z.string(),
});
export type OAuthStartResponse = z.infer<typeof OAuthStartResponseSchema>;

/** The platforms whose sign-in may end with a choice of page or account. */
export const ACCOUNT_CHOICE_PLATFORMS = ['facebook', 'instagram', 'linkedin'] as const;
export type AccountChoicePlatform = (typeof ACCOUNT_CHOICE_PLATFORMS)[number];

/** One page or account the signed-in person may connect the channel to (never a token). */
export const AccountChoiceSchema = z.object({
  id: z.string().meta({
    description:
      'The platform id: the Facebook page id, the Instagram business account id, or the LinkedIn organisation id',
  }),
  name: z.string().meta({ description: 'The page name, Instagram username or organisation name' }),
  detail: z.string().nullable().meta({
    description:
      'Facebook: the page category; Instagram: the Facebook page it is linked to; LinkedIn: null',
  }),
});
export type AccountChoice = z.infer<typeof AccountChoiceSchema>;

/** The choice a sign-in left waiting: good for a quarter of an hour, for the person who signed in. */
export const AccountChoicesResponseSchema = z.object({
  platform: z.enum(ACCOUNT_CHOICE_PLATFORMS),
  expiresAt: z.string(),
  accounts: z.array(AccountChoiceSchema).min(1),
});
export type AccountChoicesResponse = z.infer<typeof AccountChoicesResponseSchema>;

export const PickAccountRequestSchema = z.strictObject({
  accountId: z
    .string()
    .regex(/^\d{1,30}$/, 'The id of one of the offered accounts')
    .meta({ description: 'The `id` of one of the offered accounts' }),
});
export type PickAccountRequest = z.infer<typeof PickAccountRequestSchema>;

/** Which OAuth app a platform's channels use (Facebook and Instagram share Meta's). */
export const OAUTH_PROVIDER_OF = {
  x: 'x',
  linkedin: 'linkedin',
  facebook: 'meta',
  instagram: 'meta',
  threads: 'threads',
  pinterest: 'pinterest',
} as const satisfies Partial<Record<Platform, string>>;
export type OAuthPlatform = keyof typeof OAUTH_PROVIDER_OF;
export type OAuthProvider = (typeof OAUTH_PROVIDER_OF)[OAuthPlatform];

export function isOAuthPlatform(p: Platform): p is OAuthPlatform {
  return p in OAUTH_PROVIDER_OF;
}
