import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformAdapter,
  type PlatformLimits,
  type PublishRequest,
  type PublishResult,
  type VerifyResult,
  PublishError,
  variantOptions,
  isPublishError,
} from '../adapter';
import {
  type HttpAnswer,
  type MediaFetcher,
  excerpt,
  fetchMediaOverHttp,
  httpCall,
  retryAfterOf,
} from '../http/platform-http';

/**
 * Discord, two ways: an incoming webhook (a server's "Integrations -> Webhooks" URL, kept as
 * a secret because it contains the token), or a bot token with the id of the channel to post
 * in. Webhook calls use `?wait=true`, so Discord answers with the message and its id. Bot
 * calls send the publication as `nonce` with `enforce_nonce`, so Discord returns the first
 * message for a repeated nonce instead of posting twice (for a few minutes). Mentions are
 * never parsed: a post cannot ping @everyone by accident. Reference: discord.com/developers/
 * docs/resources/webhook#execute-webhook, /resources/message#create-message, /topics/rate-limits.
 */

export const DISCORD_DEFAULT_API = 'https://discord.com/api/v10';

export const DISCORD_LIMITS: PlatformLimits = {
  text: { max: 2000, unit: 'utf16' },
  media: {
    maxCount: 10,
    // Uploads without a boosted server: 10 MiB per message.
    maxImageBytes: 10 * 1024 * 1024,
    maxVideoBytes: 10 * 1024 * 1024,
    mimeTypes: [
      'image/jpeg',
      'image/png',
      'image/gif',
      'image/webp',
      'video/mp4',
      'video/quicktime',
    ],
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: null,
    required: false,
  },
  concurrency: 1,
  // Webhooks allow 5 requests per 2 seconds and 30 messages a minute per channel.
  perMinute: 30,
};

export const discordOptionsSchema = z
  .object({
    /** The name shown instead of the webhook's (webhooks only). */
    username: z.string().min(1).max(80).optional(),
    suppressEmbeds: z.boolean().optional(),
  })
  .strict();
export type DiscordOptions = z.infer<typeof discordOptionsSchema>;

const WEBHOOK_URL =
  /^https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d+)?\/webhooks\/(\d{5,25})\/([\w-]{20,200})\/?$/;

type Target =
  | { kind: 'webhook'; id: string; token: string }
  | { kind: 'bot'; token: string; channelId: string };

export type DiscordAdapterOptions = {
  /** The API root; tests point it at a fake. Webhook URLs are sent here too. */
  apiBase?: string;
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
  now?: () => number;
};

const name = 'Discord';
const SUPPRESS_EMBEDS = 1 << 2;

export function createDiscordAdapter(options: DiscordAdapterOptions = {}): PlatformAdapter {
  const apiBase = (options.apiBase ?? DISCORD_DEFAULT_API).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;
  const now = options.now ?? Date.now;

  function targetOf(channel: ChannelTarget): Target {
    const webhookUrl = channel.credentials?.['webhookUrl'];
    if (typeof webhookUrl === 'string' && webhookUrl.trim() !== '') {
      const match = WEBHOOK_URL.exec(webhookUrl.trim());
      if (!match) {
        throw new PublishError(
          'permanent',
          'DISCORD_WEBHOOK_INVALID',
          `The channel "${channel.name}" has a webhook URL that is not a Discord webhook (https://discord.com/api/webhooks/…).`,
        );
      }
      return { kind: 'webhook', id: match[1]!, token: match[2]! };
    }
    const botToken = channel.credentials?.['botToken'];
    const channelId = channel.settings['channelId'];
    if (
      typeof botToken === 'string' &&
      botToken !== '' &&
      typeof channelId === 'string' &&
      /^\d{5,25}$/.test(channelId)
    ) {
      return { kind: 'bot', token: botToken, channelId };
    }
    throw new PublishError(
      'permanent',
      'DISCORD_NOT_CONNECTED',
      `The channel "${channel.name}" needs a Discord webhook URL, or a bot token and a channel id.`,
    );
  }

  function endpoint(target: Target): { url: string; headers: Record<string, string> } {
    return target.kind === 'webhook'
      ? { url: `${apiBase}/webhooks/${target.id}/${target.token}?wait=true`, headers: {} }
      : {
          url: `${apiBase}/channels/${target.channelId}/messages`,
          headers: { authorization: `Bot ${target.token}` },
        };
  }

  async function body(request: PublishRequest, target: Target, opts: DiscordOptions) {
    const payload: Record<string, unknown> = {
      content: request.content.text,
      allowed_mentions: { parse: [] },
      ...(opts.suppressEmbeds ? { flags: SUPPRESS_EMBEDS } : {}),
      ...(target.kind === 'webhook' && opts.username ? { username: opts.username } : {}),
      ...(target.kind === 'bot'
        ? { nonce: request.idempotencyKey.replace(/-/g, '').slice(0, 25), enforce_nonce: true }
        : {}),
    };
    const { media } = request.content;
    if (media.length === 0) return { json: payload };
    payload['attachments'] = media.map((m, i) => ({
      id: i,
      filename: `${m.id}.${m.mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin'}`,
      ...(m.altText ? { description: m.altText.slice(0, 1024) } : {}),
    }));
    const form = new FormData();
    form.append('payload_json', JSON.stringify(payload));
    for (const [i, m] of media.entries()) {
      const bytes = await fetchMedia(m, request.signal);
      form.append(
        `files[${i}]`,
        new Blob([bytes], { type: m.mimeType }),
        (payload['attachments'] as { filename: string }[])[i]!.filename,
      );
    }
    return { form };
  }

  return {
    platform: 'discord',
    limits: DISCORD_LIMITS,
    // A webhook has no idempotency at all, and a bot's nonce is remembered only for minutes.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const target = targetOf(request.channel);
      const opts = variantOptions(
        discordOptionsSchema,
        request,
        'The Discord options of this variant are invalid.',
      );
      if (request.content.text.length > DISCORD_LIMITS.text!.max) {
        throw new PublishError(
          'permanent',
          'TEXT_TOO_LONG',
          `A Discord message takes at most 2,000 characters; this one has ${request.content.text.length}.`,
        );
      }
      if (request.content.text.trim() === '' && request.content.media.length === 0) {
        throw new PublishError(
          'permanent',
          'TEXT_EMPTY',
          'Discord does not take an empty message.',
        );
      }
      const { url, headers } = endpoint(target);
      const content = await body(request, target, opts);
      const answer = await httpCall(name, url, {
        method: 'POST',
        headers: {
          ...headers,
          ...('json' in content ? { 'content-type': 'application/json' } : {}),
        },
        body: 'json' in content ? JSON.stringify(content.json) : content.form,
        timeoutMs,
        signal: request.signal,
      });
      if (answer.status === 200) {
        const message = answer.json as {
          id?: unknown;
          channel_id?: unknown;
          guild_id?: unknown;
        } | null;
        if (!message || typeof message.id !== 'string') {
          throw new PublishError(
            'unknown',
            'DISCORD_ANSWER_INVALID',
            'Discord answered without a message id.',
          );
        }
        const guild = typeof message.guild_id === 'string' ? message.guild_id : null;
        return {
          platformPostId: message.id,
          url:
            guild && typeof message.channel_id === 'string'
              ? `https://discord.com/channels/${guild}/${message.channel_id}/${message.id}`
              : null,
        };
      }
      throw classifyDiscordAnswer(answer, now());
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const target = targetOf(channel);
        const answer =
          target.kind === 'webhook'
            ? await httpCall(name, `${apiBase}/webhooks/${target.id}/${target.token}`, {
                timeoutMs,
                signal,
              })
            : await httpCall(name, `${apiBase}/channels/${target.channelId}`, {
                headers: { authorization: `Bot ${target.token}` },
                timeoutMs,
                signal,
              });
        if (answer.status !== 200)
          return { ok: false, error: classifyDiscordAnswer(answer, now()) };
        const named = (answer.json as { name?: unknown } | null)?.name;
        return { ok: true, accountName: typeof named === 'string' ? named : null, expiresAt: null };
      } catch (e) {
        return {
          ok: false,
          error: isPublishError(e)
            ? e
            : new PublishError('unknown', 'DISCORD_FAILED', 'The check failed.', { cause: e }),
        };
      }
    },
  };
}

/**
 * 429: retry after `retry_after` (seconds, in the body) or Retry-After. 401/403/404 (Unknown
 * Webhook, Missing Access, Unknown Channel): the connection is gone. Other 4xx (a JSON error
 * code such as 50006 or 50035): the message is invalid. 5xx: Discord may have posted it.
 */
export function classifyDiscordAnswer(answer: HttpAnswer, nowMs: number): PublishError {
  const error = (answer.json ?? {}) as { message?: unknown; code?: unknown; retry_after?: unknown };
  const said = excerpt(typeof error.message === 'string' ? error.message : answer.text);
  const code = typeof error.code === 'number' ? error.code : null;
  if (answer.status === 429) {
    const fromBody =
      typeof error.retry_after === 'number' ? Math.ceil(error.retry_after * 1000) : undefined;
    const retryAfterMs = fromBody ?? retryAfterOf(answer.headers, nowMs);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `Discord asks to slow down: ${said}`,
      retryAfterMs === undefined ? {} : { retryAfterMs },
    );
  }
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
    return new PublishError(
      'permanent',
      answer.status === 404 ? 'DISCORD_NOT_FOUND' : 'TOKEN_REVOKED',
      `Discord refused (${said}${code ? `, code ${code}` : ''}); the webhook or bot no longer has access. Connect the channel again.`,
    );
  }
  if (answer.status >= 400 && answer.status < 500) {
    return new PublishError(
      'permanent',
      'DISCORD_REJECTED',
      `Discord refused the message: ${said}${code ? ` (code ${code})` : ''}`,
    );
  }
  return new PublishError(
    'unknown',
    'DISCORD_SERVER_ERROR',
    `Discord answered ${answer.status} (${said}); the message may have been posted.`,
  );
}
