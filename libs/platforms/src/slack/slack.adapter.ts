import type * as SlackWebApi from '@slack/web-api';
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
  classifyNetworkError,
  excerpt,
  httpCall,
  retryAfterOf,
} from '../http/platform-http';
import { slackOptionsSchema } from '@postplan/contracts';

/**
 * @slack/web-api is loaded on first use, not with the registry: every process registers every
 * adapter, and most never publish to this platform (the client is a large module graph,
 * several megabytes of a worker's memory).
 */
const slack = (): typeof SlackWebApi =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('@slack/web-api') as typeof SlackWebApi;

/** Variant options, defined with the API's contracts (libs/contracts/src/variant-options.ts). */
export { slackOptionsSchema };

/**
 * Slack, two ways: an incoming webhook (a URL Slack gives when an app is added to one
 * channel; it answers the text "ok" and no message id), or a bot token with a channel id,
 * through the official @slack/web-api client (chat.postMessage, then chat.getPermalink for a
 * link). Text is escaped (&, <, >) so nothing a person wrote turns into a mention or a link
 * markup; images go as image blocks by their (public) URL with alt text. Reference:
 * api.slack.com/messaging/webhooks, /methods/chat.postMessage, /methods/chat.getPermalink,
 * /reference/surfaces/formatting#escaping, /apis/rate-limits.
 */

export const SLACK_LIMITS: PlatformLimits = {
  // chat.postMessage truncates text past 40,000 characters.
  text: { max: 40000, unit: 'utf16' },
  media: {
    maxCount: 10,
    maxImageBytes: null,
    maxVideoBytes: null,
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: null,
    required: false,
  },
  concurrency: 1,
  // chat.postMessage: about one message per second per channel; webhooks the same.
  perMinute: 60,
};

const HOOK_PATH = /^https:\/\/hooks\.slack\.com(\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)$/;
const SECTION_MAX = 3000;

export type SlackAdapterOptions = {
  /** Web API root (https://slack.com/api/); tests point it at a fake. */
  apiUrl?: string;
  /** Where incoming webhooks are sent (https://hooks.slack.com); tests point it at a fake. */
  hooksBase?: string;
  timeoutMs?: number;
  now?: () => number;
};

/** Slack's escaping: exactly &, < and >. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Target = { kind: 'webhook'; path: string } | { kind: 'bot'; token: string; channelId: string };

export function createSlackAdapter(options: SlackAdapterOptions = {}): PlatformAdapter {
  const apiUrl = options.apiUrl ?? 'https://slack.com/api/';
  const hooksBase = (options.hooksBase ?? 'https://hooks.slack.com').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? Date.now;

  const client = (token: string) =>
    new (slack().WebClient)(token, {
      slackApiUrl: apiUrl,
      // The engine owns retries; a hidden retry inside the client could post twice.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: timeoutMs,
    });

  function targetOf(channel: ChannelTarget): Target {
    const hook = channel.credentials?.['webhookUrl'];
    if (typeof hook === 'string' && hook.trim() !== '') {
      const match = HOOK_PATH.exec(hook.trim());
      if (!match) {
        throw new PublishError(
          'permanent',
          'SLACK_WEBHOOK_INVALID',
          `The channel "${channel.name}" has a webhook URL that is not a Slack incoming webhook (https://hooks.slack.com/services/…).`,
        );
      }
      return { kind: 'webhook', path: match[1]! };
    }
    const token = channel.credentials?.['botToken'];
    const channelId = channel.settings['channelId'];
    if (
      typeof token === 'string' &&
      token.startsWith('xoxb-') &&
      typeof channelId === 'string' &&
      /^[CGD][A-Z0-9]{6,}$/.test(channelId)
    ) {
      return { kind: 'bot', token, channelId };
    }
    throw new PublishError(
      'permanent',
      'SLACK_NOT_CONNECTED',
      `The channel "${channel.name}" needs a Slack incoming webhook, or a bot token (xoxb-…) and a channel id.`,
    );
  }

  function message(request: PublishRequest) {
    const text = escapeSlack(request.content.text);
    const images = request.content.media.filter((m) => m.mimeType.startsWith('image/'));
    if (images.length !== request.content.media.length) {
      throw new PublishError(
        'permanent',
        'MEDIA_NOT_SUPPORTED',
        'Postplan posts images to Slack, not videos.',
      );
    }
    const unfurl = variantOptions(
      slackOptionsSchema,
      request,
      'The Slack options of this variant are invalid.',
    );
    if (request.content.text.length > SLACK_LIMITS.text!.max) {
      throw new PublishError(
        'permanent',
        'TEXT_TOO_LONG',
        'A Slack message takes at most 40,000 characters.',
      );
    }
    const sections = [];
    for (let i = 0; i < text.length; i += SECTION_MAX) {
      sections.push({
        type: 'section',
        text: { type: 'mrkdwn', text: text.slice(i, i + SECTION_MAX) },
      });
    }
    return {
      text,
      ...(images.length > 0
        ? {
            blocks: [
              ...sections,
              ...images.map((m) => ({
                type: 'image',
                image_url: m.url,
                alt_text: (m.altText ?? m.id).slice(0, 2000),
              })),
            ],
          }
        : {}),
      ...(unfurl.unfurlLinks !== undefined ? { unfurl_links: unfurl.unfurlLinks } : {}),
    };
  }

  return {
    platform: 'slack',
    limits: SLACK_LIMITS,
    // Neither webhooks nor chat.postMessage deduplicate, and a bot cannot tell which of its
    // messages came from which attempt: an interrupted call waits for a person.
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const target = targetOf(request.channel);
      const body = message(request);
      if (target.kind === 'webhook') {
        const answer = await httpCall('Slack', `${hooksBase}${target.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          timeoutMs,
          signal: request.signal,
        });
        if (answer.status === 200) return { platformPostId: request.idempotencyKey, url: null };
        throw classifySlackWebhookAnswer(answer, now());
      }
      try {
        const slack = client(target.token);
        const posted = await slack.chat.postMessage({ channel: target.channelId, ...body });
        const ts = posted.ts!;
        // The message is out; a failing permalink lookup must not turn it into a failure.
        const permalink = await slack.chat
          .getPermalink({ channel: posted.channel ?? target.channelId, message_ts: ts })
          .then((p) => p.permalink ?? null)
          .catch(() => null);
        return { platformPostId: `${posted.channel ?? target.channelId}:${ts}`, url: permalink };
      } catch (e) {
        throw classifySlackError(e);
      }
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const target = targetOf(channel);
        // A webhook can only be checked by posting to it, which verify must not do.
        if (target.kind === 'webhook') return { ok: true, accountName: null, expiresAt: null };
        signal.throwIfAborted();
        const slack = client(target.token);
        const auth = await slack.auth.test();
        const info = await slack.conversations.info({ channel: target.channelId });
        return {
          ok: true,
          accountName: info.channel?.name ? `#${info.channel.name}` : (auth.team ?? null),
          expiresAt: null,
        };
      } catch (e) {
        return { ok: false, error: classifySlackError(e) };
      }
    },
  };
}

const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
]);
const CHANNEL_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
]);
const UNKNOWN_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** What a Web API failure means; `error` strings from api.slack.com/methods/chat.postMessage. */
export function classifySlackError(e: unknown): PublishError {
  if (isPublishError(e)) return e;
  if (e instanceof slack().WebAPIRateLimitedError) {
    return new PublishError('retryable', 'RATE_LIMITED', 'Slack asks to slow down.', {
      retryAfterMs: e.retryAfter * 1000,
    });
  }
  if (e instanceof slack().WebAPIPlatformError) {
    const error = e.data.error;
    if (TOKEN_ERRORS.has(error)) {
      return new PublishError(
        'permanent',
        'TOKEN_REVOKED',
        `Slack did not accept the bot token (${error}); connect the channel again.`,
      );
    }
    if (CHANNEL_ERRORS.has(error)) {
      return new PublishError(
        'permanent',
        'SLACK_CHANNEL_UNAVAILABLE',
        `Slack refused the channel (${error}); invite the bot to the channel.`,
      );
    }
    if (error === 'ratelimited')
      return new PublishError('retryable', 'RATE_LIMITED', 'Slack asks to slow down.');
    if (UNKNOWN_ERRORS.has(error)) {
      return new PublishError(
        'unknown',
        'SLACK_SERVER_ERROR',
        `Slack answered ${error}; the message may have been posted.`,
      );
    }
    return new PublishError('permanent', 'SLACK_REJECTED', `Slack refused the message (${error}).`);
  }
  if (e instanceof slack().WebAPIHTTPError) {
    if (e.statusCode >= 500) {
      return new PublishError(
        'unknown',
        'SLACK_SERVER_ERROR',
        `Slack answered ${e.statusCode}; the message may have been posted.`,
      );
    }
    return new PublishError('permanent', 'SLACK_REJECTED', `Slack answered ${e.statusCode}.`);
  }
  if (e instanceof slack().WebAPIRequestError) {
    const original = e.original as { code?: string; message?: string };
    const timedOut =
      original.code === 'ECONNABORTED' ||
      original.code === 'ETIMEDOUT' ||
      /timeout/i.test(original.message ?? '');
    return classifyNetworkError('Slack', original, timedOut);
  }
  return new PublishError('unknown', 'SLACK_FAILED', 'The call to Slack failed.', { cause: e });
}

/**
 * Incoming webhooks answer plain text: "ok", or an error word with a status (400
 * invalid_payload / no_text, 403 action_prohibited, 404 channel_not_found / no_service,
 * 410 channel_is_archived, 429 with Retry-After, 500 rollup_error).
 */
export function classifySlackWebhookAnswer(answer: HttpAnswer, nowMs: number): PublishError {
  const said = excerpt(answer.text);
  if (answer.status === 429) {
    const retryAfterMs = retryAfterOf(answer.headers, nowMs);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      'Slack asks to slow down.',
      retryAfterMs === undefined ? {} : { retryAfterMs },
    );
  }
  if (answer.status === 403 || answer.status === 404 || answer.status === 410) {
    return new PublishError(
      'permanent',
      said === 'no_service' || said === 'no_team' ? 'TOKEN_REVOKED' : 'SLACK_CHANNEL_UNAVAILABLE',
      `Slack refused the webhook (${said}); add the app to the channel again.`,
    );
  }
  if (answer.status >= 400 && answer.status < 500) {
    return new PublishError('permanent', 'SLACK_REJECTED', `Slack refused the message (${said}).`);
  }
  return new PublishError(
    'unknown',
    'SLACK_SERVER_ERROR',
    `Slack answered ${answer.status} (${said}); the message may have been posted.`,
  );
}
