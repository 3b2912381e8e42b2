import { z } from 'zod';
import {
  type ChannelTarget,
  type PlatformAdapter,
  type PlatformLimits,
  type PublishMedia,
  type PublishRequest,
  type PublishResult,
  type VerifyResult,
  PublishError,
  variantOptions,
  isPublishError,
} from '../adapter';
import {
  type MediaFetcher,
  excerpt,
  fetchMediaOverHttp,
  httpCall,
  requireString,
} from '../http/platform-http';

/**
 * Telegram through the Bot API: a bot that is an administrator of a channel (or a member of a
 * group) posts with sendMessage, sendPhoto, sendVideo or sendMediaGroup. The text goes out in
 * HTML parse mode with &, < and > escaped, so nothing a person wrote is read as markup.
 * Reference: core.telegram.org/bots/api (sendMessage, sendPhoto, sendMediaGroup,
 * ResponseParameters, "Formatting options").
 *
 * Plain fetch: the Bot API is a small JSON-over-HTTP API and grammy adds nothing the adapter
 * needs. The token is part of the URL, so no URL ever goes into an error message.
 */

export const TELEGRAM_DEFAULT_API_ROOT = 'https://api.telegram.org';

export const TELEGRAM_LIMITS: PlatformLimits = {
  // 4,096 characters for a message, counted after entities are parsed (UTF-16 units).
  text: { max: 4096, unit: 'utf16' },
  media: {
    maxCount: 10,
    // Bot API uploads: 10 MB for photos, 50 MB for other files.
    maxImageBytes: 10 * 1024 * 1024,
    maxVideoBytes: 50 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'video/mp4'],
    aspectRatio: { image: null, video: null },
    maxVideoDurationMs: null,
    required: false,
  },
  concurrency: 1,
  // Telegram allows about 20 messages a minute into one group or channel.
  perMinute: 20,
};
/** A caption under a photo or video: 1,024 characters. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

export const telegramOptionsSchema = z
  .object({
    /** Sends without a notification sound (disable_notification). */
    silent: z.boolean().optional(),
    disableLinkPreview: z.boolean().optional(),
  })
  .strict();
export type TelegramOptions = z.infer<typeof telegramOptionsSchema>;

const settingsSchema = z.object({
  /** "@channelname" for a public channel, or the numeric id ("-100…") of a group or channel. */
  chatId: z.union([
    z.string().regex(/^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{1,20})$/),
    z.number().int(),
  ]),
});

export type TelegramAdapterOptions = {
  /** The Bot API server; tests point it at a fake. */
  apiRoot?: string;
  timeoutMs?: number;
  fetchMedia?: MediaFetcher;
};

/** Escapes text for parse_mode HTML: Telegram asks for exactly these three. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type TelegramMessage = {
  message_id: number;
  chat: { id: number; type: string; username?: string };
};
type TelegramAnswer = {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};

const name = 'Telegram';

export function createTelegramAdapter(options: TelegramAdapterOptions = {}): PlatformAdapter {
  const apiRoot = (options.apiRoot ?? TELEGRAM_DEFAULT_API_ROOT).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const fetchMedia = options.fetchMedia ?? fetchMediaOverHttp;

  function configOf(channel: ChannelTarget) {
    const parsed = settingsSchema.safeParse(channel.settings);
    if (!parsed.success) {
      throw new PublishError(
        'permanent',
        'TELEGRAM_SETTINGS_INVALID',
        `The channel "${channel.name}" needs a Telegram chat: "@channelname" or the chat's numeric id.`,
      );
    }
    const token = requireString(
      channel.credentials?.['botToken'],
      'TELEGRAM_TOKEN_MISSING',
      `The channel "${channel.name}" has no bot token; connect it again.`,
    );
    if (!/^\d+:[A-Za-z0-9_-]{20,}$/.test(token)) {
      throw new PublishError(
        'permanent',
        'TELEGRAM_TOKEN_INVALID',
        'The bot token is not in the form BotFather gives.',
      );
    }
    return { chatId: parsed.data.chatId, token };
  }

  async function call(
    token: string,
    method: string,
    body: Record<string, unknown> | FormData,
    signal: AbortSignal,
  ): Promise<unknown> {
    const answer = await httpCall(name, `${apiRoot}/bot${token}/${method}`, {
      method: 'POST',
      headers: body instanceof FormData ? {} : { 'content-type': 'application/json' },
      body: body instanceof FormData ? body : JSON.stringify(body),
      timeoutMs,
      signal,
    });
    const parsed = answer.json as TelegramAnswer | null;
    if (parsed?.ok === true) return parsed.result;
    throw new TelegramApiError(answer.status, parsed);
  }

  async function send(
    request: PublishRequest,
    token: string,
    chatId: string | number,
    opts: TelegramOptions,
  ): Promise<TelegramMessage> {
    const { text, media } = request.content;
    const common = {
      chat_id: chatId,
      parse_mode: 'HTML',
      ...(opts.silent ? { disable_notification: true } : {}),
    };
    if (media.length === 0) {
      return (await call(
        token,
        'sendMessage',
        {
          ...common,
          text: escapeTelegramHtml(text),
          ...(opts.disableLinkPreview ? { link_preview_options: { is_disabled: true } } : {}),
        },
        request.signal,
      )) as TelegramMessage;
    }
    const files = await Promise.all(media.map((m) => fetchMedia(m, request.signal)));
    const form = new FormData();
    for (const [key, value] of Object.entries(common)) form.append(key, String(value));
    if (media.length === 1) {
      const only = media[0]!;
      const field = kindOf(only);
      form.append(field, new Blob([files[0]!], { type: only.mimeType }), fileName(only));
      if (text !== '') form.append('caption', escapeTelegramHtml(text));
      return (await call(
        token,
        field === 'photo' ? 'sendPhoto' : 'sendVideo',
        form,
        request.signal,
      )) as TelegramMessage;
    }
    // An album: the caption on the first item is the album's caption.
    form.append(
      'media',
      JSON.stringify(
        media.map((m, i) => ({
          type: kindOf(m),
          media: `attach://file${i}`,
          ...(i === 0 && text !== ''
            ? { caption: escapeTelegramHtml(text), parse_mode: 'HTML' }
            : {}),
        })),
      ),
    );
    media.forEach((m, i) =>
      form.append(`file${i}`, new Blob([files[i]!], { type: m.mimeType }), fileName(m)),
    );
    const messages = (await call(
      token,
      'sendMediaGroup',
      form,
      request.signal,
    )) as TelegramMessage[];
    return messages[0]!;
  }

  return {
    platform: 'telegram',
    limits: TELEGRAM_LIMITS,
    // The Bot API has no idempotency key and a bot cannot read a channel's history, so an
    // interrupted call is unconfirmed and waits for a person (no reconcile).
    idempotent: false,

    async publish(request: PublishRequest): Promise<PublishResult> {
      const { token, chatId: configured } = configOf(request.channel);
      const opts = variantOptions(
        telegramOptionsSchema,
        request,
        'The Telegram options of this variant are invalid.',
      );
      checkLength(request);
      // A group that became a supergroup has a new id; an earlier attempt may have learnt it.
      const migrated = request.checkpoint?.['migratedChatId'];
      let chatId = typeof migrated === 'number' ? migrated : configured;
      for (let hop = 0; ; hop++) {
        try {
          const message = await send(request, token, chatId, opts);
          return {
            platformPostId: `${message.chat.id}:${message.message_id}`,
            url: messageUrl(message),
          };
        } catch (e) {
          // "group chat was upgraded to a supergroup chat": nothing was sent; send to the new id.
          if (
            e instanceof TelegramApiError &&
            e.answer?.parameters?.migrate_to_chat_id &&
            hop === 0
          ) {
            chatId = e.answer.parameters.migrate_to_chat_id;
            await request.saveCheckpoint({ migratedChatId: chatId });
            continue;
          }
          throw classifyTelegramError(e);
        }
      }
    },

    async verify(channel: ChannelTarget, signal: AbortSignal): Promise<VerifyResult> {
      try {
        const { token, chatId } = configOf(channel);
        const me = (await call(token, 'getMe', {}, signal)) as { id: number; username?: string };
        const member = (await call(
          token,
          'getChatMember',
          { chat_id: chatId, user_id: me.id },
          signal,
        )) as {
          status: string;
          can_post_messages?: boolean;
        };
        const chat = (await call(token, 'getChat', { chat_id: chatId }, signal)) as {
          type: string;
          title?: string;
        };
        const canPost =
          chat.type === 'channel'
            ? member.status === 'creator' ||
              (member.status === 'administrator' && member.can_post_messages !== false)
            : member.status !== 'left' && member.status !== 'kicked';
        if (!canPost) {
          return {
            ok: false,
            error: new PublishError(
              'permanent',
              'TELEGRAM_BOT_CANNOT_POST',
              `The bot @${me.username ?? me.id} may not post in "${chat.title ?? chatId}"; make it an administrator with the right to post.`,
            ),
          };
        }
        return { ok: true, accountName: chat.title ?? String(chatId), expiresAt: null };
      } catch (e) {
        return { ok: false, error: classifyTelegramError(e) };
      }
    },
  };
}

function checkLength(request: PublishRequest) {
  const { text, media } = request.content;
  // Telegram counts after entity parsing, i.e. the plain text, in UTF-16 units.
  const limit = media.length > 0 ? TELEGRAM_CAPTION_LIMIT : TELEGRAM_LIMITS.text!.max;
  if (text.length > limit) {
    throw new PublishError(
      'permanent',
      media.length > 0 ? 'CAPTION_TOO_LONG' : 'TEXT_TOO_LONG',
      media.length > 0
        ? `A Telegram caption under media takes at most ${limit} characters; this one has ${text.length}.`
        : `A Telegram message takes at most ${limit} characters; this one has ${text.length}.`,
    );
  }
  if (media.length > TELEGRAM_LIMITS.media!.maxCount) {
    throw new PublishError(
      'permanent',
      'TOO_MANY_MEDIA',
      'Telegram takes at most 10 media in one album.',
    );
  }
}

function kindOf(media: PublishMedia): 'photo' | 'video' {
  return media.mimeType.startsWith('video/') ? 'video' : 'photo';
}

function fileName(media: PublishMedia): string {
  return `${media.id}.${media.mimeType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin'}`;
}

/** t.me links: by username for public chats, by the internal id for private supergroups and channels. */
export function messageUrl(message: TelegramMessage): string | null {
  if (message.chat.username) return `https://t.me/${message.chat.username}/${message.message_id}`;
  const id = String(message.chat.id);
  if (id.startsWith('-100')) return `https://t.me/c/${id.slice(4)}/${message.message_id}`;
  return null;
}

export class TelegramApiError extends Error {
  override readonly name = 'TelegramApiError';
  constructor(
    readonly status: number,
    readonly answer: TelegramAnswer | null,
  ) {
    super(answer?.description ?? `HTTP ${status}`);
  }
}

/**
 * What the Bot API's answer means. 429: retryable after parameters.retry_after. 401: the
 * token is revoked. 403 (bot kicked, not a member) and 400 (chat not found, text too long,
 * bad markup): permanent, with Telegram's description. 5xx: Telegram may have delivered it:
 * unknown.
 */
export function classifyTelegramError(e: unknown): PublishError {
  if (isPublishError(e)) return e;
  if (!(e instanceof TelegramApiError)) {
    return new PublishError('unknown', 'TELEGRAM_FAILED', 'The call to Telegram failed.', {
      cause: e,
    });
  }
  const code = e.answer?.error_code ?? e.status;
  const said = excerpt(e.answer?.description ?? `HTTP ${e.status}`);
  if (code === 429) {
    const seconds = e.answer?.parameters?.retry_after;
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `Telegram asks to wait: ${said}`,
      typeof seconds === 'number' ? { retryAfterMs: seconds * 1000 } : {},
    );
  }
  if (code === 401 || code === 404) {
    // The Bot API answers 404 "Not Found" for a token it does not know.
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `Telegram did not accept the bot token (${said}); connect the channel again.`,
    );
  }
  if (code === 403) {
    return new PublishError(
      'permanent',
      'TELEGRAM_BOT_CANNOT_POST',
      `Telegram refused: ${said}. Add the bot to the chat as an administrator.`,
    );
  }
  if (code === 400) {
    const tooLong = /too long/i.test(said);
    return new PublishError(
      'permanent',
      /chat not found/i.test(said)
        ? 'TELEGRAM_CHAT_NOT_FOUND'
        : tooLong
          ? 'TEXT_TOO_LONG'
          : 'TELEGRAM_REJECTED',
      `Telegram refused the message: ${said}`,
    );
  }
  return new PublishError(
    'unknown',
    'TELEGRAM_SERVER_ERROR',
    `Telegram answered ${code} (${said}); the message may have been sent.`,
  );
}
