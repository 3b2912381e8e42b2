import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Client, buildConnector } from 'undici';
import { PublishError } from '../adapter';
import { type CheckedTarget } from './webhook-address';

/** What came back: the status, the headers and at most `maxBodyBytes` of the body. */
export type WebhookAnswer = {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
};

export type SendOptions = PinnedOptions & {
  headers: Record<string, string>;
  body: string;
  maxBodyBytes?: number;
};

const TLS_CERT_ERROR =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH)/;

/** What both requests need to reach a checked target. */
type PinnedOptions = {
  /** The caller's signal (the engine's lease, the import's request). */
  signal: AbortSignal;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), for receivers behind a private CA and for tests. */
  ca?: string | Buffer | undefined;
};

/** An undici client that can only reach the checked address, with the signals that bound it. */
type PinnedConnection = {
  client: Client;
  /** Aborts on the caller's signal, the total timeout and the connect timeout. */
  signal: AbortSignal;
  /** Whether a connection was established (decides what a failure may have caused). */
  connected: () => boolean;
  timedOut: () => boolean;
  close: () => void;
};

/**
 * The one place that dials a checked target: a connection pinned to its checked address, so
 * undici's own connector never sees the host name and no second DNS lookup happens between
 * the check and the connection. The Host header and the TLS server name stay the URL's host,
 * so virtual hosting and certificate checks work as usual. Redirects are never followed
 * (undici 7's request follows none without the redirect interceptor), so a 30x cannot send
 * the request on to an address nobody checked.
 */
function openPinned(target: CheckedTarget, options: PinnedOptions): PinnedConnection {
  const { url, address } = target;
  let connected = false;
  const connectAbort = new AbortController();
  const connectTimer = setTimeout(
    () => connectAbort.abort(new Error('connect timeout')),
    options.connectTimeoutMs,
  );
  const total = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, total, connectAbort.signal]);

  const baseConnect = buildConnector({
    // undici's own connect timer fires late; ours (above) decides. This one is a backstop.
    timeout: options.connectTimeoutMs * 2,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    maxCachedSessions: 0,
  });
  const hostName = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const client = new Client(url.origin, {
    connect: (params, callback) => {
      if (params.hostname !== hostName) {
        // Only this origin is ever dialled; anything else is a bug, not a receiver.
        callback(new Error(`refusing to connect to ${params.hostname}`), null);
        return;
      }
      baseConnect(
        {
          ...params,
          hostname: address,
          servername: params.servername ?? (isIP(hostName) ? undefined : hostName),
        },
        (err, socket) => {
          if (!err) {
            connected = true;
            clearTimeout(connectTimer);
          }
          // undici's connector types keep the callback's two shapes apart.
          if (err) callback(err, null);
          else callback(null, socket);
        },
      );
    },
    pipelining: 1,
    headersTimeout: options.timeoutMs * 2,
    bodyTimeout: options.timeoutMs * 2,
  });
  return {
    client,
    signal,
    connected: () => connected,
    timedOut: () => total.aborted || connectAbort.signal.aborted,
    close: () => {
      clearTimeout(connectTimer);
      void client.destroy().catch(() => undefined);
    },
  };
}

/**
 * POSTs to a checked target over a pinned connection (see openPinned).
 *
 * Rejections are PublishErrors classified by whether a connection was established: until
 * then nothing can have reached the receiver (retryable); after it, the request may have been
 * delivered (unknown).
 */
export async function postPinned(
  target: CheckedTarget,
  options: SendOptions,
): Promise<WebhookAnswer> {
  const pinned = openPinned(target, options);
  try {
    const answer = await pinned.client.request({
      path: `${target.url.pathname}${target.url.search}`,
      method: 'POST',
      headers: options.headers,
      body: options.body,
      signal: pinned.signal,
    });
    const body = await readLimited(answer.body, options.maxBodyBytes ?? 64 * 1024).catch(() => '');
    return { status: answer.statusCode, headers: answer.headers, body };
  } catch (e) {
    throw classifyTransportError(e, {
      connected: pinned.connected(),
      callerAborted: options.signal.aborted,
      timedOut: pinned.timedOut(),
      url: target.url,
    });
  } finally {
    pinned.close();
  }
}

/** Why a download failed; `status` carries the answer's status for `status`. */
export type DownloadFailure =
  'connect' | 'tls' | 'timeout' | 'aborted' | 'status' | 'too_large' | 'broken';

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly reason: DownloadFailure,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type DownloadOptions = PinnedOptions & {
  /** The most bytes accepted; a larger Content-Length or body stops the download. */
  maxBytes: number;
  /** Where the body goes (created, mode 0600); removed again when the download fails. */
  path: string;
  headers?: Record<string, string>;
};

export type Downloaded = { status: number; bytes: number; contentType: string | null };

/**
 * GETs a checked target over a pinned connection (see openPinned) and streams a 2xx body to
 * `path`, at most `maxBytes` of it and within `timeoutMs` in all. Anything else is a
 * DownloadError, and nothing stays on disk.
 */
export async function downloadPinned(
  target: CheckedTarget,
  options: DownloadOptions,
): Promise<Downloaded> {
  const pinned = openPinned(target, options);
  const where = target.url.host;
  let written = false;
  try {
    const answer = await pinned.client.request({
      path: `${target.url.pathname}${target.url.search}`,
      method: 'GET',
      headers: options.headers ?? {},
      signal: pinned.signal,
    });
    if (answer.statusCode < 200 || answer.statusCode > 299) {
      discard(answer.body);
      throw new DownloadError(
        'status',
        `${where} answered ${answer.statusCode}${answer.statusCode >= 300 && answer.statusCode < 400 ? ' (a redirect, which is not followed)' : ''}.`,
        answer.statusCode,
      );
    }
    const declared = Number(answer.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      discard(answer.body);
      throw tooLarge(where, options.maxBytes);
    }
    let bytes = 0;
    written = true;
    await pipeline(
      answer.body,
      async function* limit(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          if (bytes > options.maxBytes) throw tooLarge(where, options.maxBytes);
          yield chunk;
        }
      },
      createWriteStream(options.path, { flags: 'wx', mode: 0o600 }),
    );
    const type = answer.headers['content-type'];
    return {
      status: answer.statusCode,
      bytes,
      contentType: typeof type === 'string' ? type : null,
    };
  } catch (e) {
    if (written) await rm(options.path, { force: true });
    if (e instanceof DownloadError) throw e;
    throw classifyDownloadError(e, {
      connected: pinned.connected(),
      callerAborted: options.signal.aborted,
      timedOut: pinned.timedOut(),
      where,
    });
  } finally {
    pinned.close();
  }
}

/** Drops a body that is not wanted; the abort it causes is not an error of anyone's. */
function discard(body: { on(event: 'error', listener: () => void): unknown; destroy(): unknown }) {
  body.on('error', () => undefined);
  body.destroy();
}

const tooLarge = (where: string, max: number) =>
  new DownloadError(
    'too_large',
    `The file at ${where} is larger than the ${Math.round(max / 1024 / 1024)} MB allowed.`,
  );

function classifyDownloadError(
  e: unknown,
  c: { connected: boolean; callerAborted: boolean; timedOut: boolean; where: string },
): DownloadError {
  const code = errorCode(e);
  if (c.timedOut) {
    return new DownloadError('timeout', `${c.where} did not send the file in time.`, null, {
      cause: e,
    });
  }
  if (c.callerAborted) {
    return new DownloadError('aborted', `Stopped while fetching from ${c.where}.`, null, {
      cause: e,
    });
  }
  if (!c.connected && code !== null && TLS_CERT_ERROR.test(code)) {
    return new DownloadError(
      'tls',
      `${c.where} presented a certificate that cannot be trusted (${code}).`,
      null,
      { cause: e },
    );
  }
  if (!c.connected) {
    return new DownloadError(
      'connect',
      `Could not connect to ${c.where} (${code ?? 'connection failed'}).`,
      null,
      { cause: e },
    );
  }
  return new DownloadError(
    'broken',
    `The connection to ${c.where} broke during the download (${code ?? 'connection lost'}).`,
    null,
    { cause: e },
  );
}

async function readLimited(body: AsyncIterable<Buffer | string>, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(buffer);
    size += buffer.length;
    if (size >= max) break;
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}

function classifyTransportError(
  e: unknown,
  c: { connected: boolean; callerAborted: boolean; timedOut: boolean; url: URL },
): PublishError {
  const code = errorCode(e);
  const where = c.url.host;
  if (!c.connected) {
    if (code !== null && TLS_CERT_ERROR.test(code)) {
      return new PublishError(
        'permanent',
        'WEBHOOK_TLS_FAILED',
        `The webhook receiver ${where} presented a certificate that cannot be trusted (${code}).`,
        { cause: e },
      );
    }
    if (c.callerAborted) {
      return new PublishError(
        'retryable',
        'WEBHOOK_ABORTED',
        `Stopped before connecting to ${where}.`,
        {
          cause: e,
        },
      );
    }
    if (c.timedOut) {
      return new PublishError(
        'retryable',
        'WEBHOOK_CONNECT_TIMEOUT',
        `The webhook receiver ${where} did not accept a connection in time; nothing was sent.`,
        { cause: e },
      );
    }
    return new PublishError(
      'retryable',
      'WEBHOOK_CONNECT_FAILED',
      `Could not connect to the webhook receiver ${where} (${code ?? 'connection failed'}); nothing was sent.`,
      { cause: e },
    );
  }
  if (c.timedOut) {
    return new PublishError(
      'unknown',
      'TIMEOUT_AFTER_SEND',
      `The webhook receiver ${where} did not answer in time; it may have received the post.`,
      { cause: e },
    );
  }
  if (c.callerAborted) {
    return new PublishError(
      'unknown',
      'ABORTED_AFTER_SEND',
      `Stopped while waiting for ${where}; it may have received the post.`,
      { cause: e },
    );
  }
  return new PublishError(
    'unknown',
    'CONNECTION_LOST_AFTER_SEND',
    `The connection to ${where} broke after the post was sent (${code ?? 'connection lost'}); it may have received it.`,
    { cause: e },
  );
}

/** The most specific error code in the cause chain (ECONNREFUSED, CERT_HAS_EXPIRED ...). */
function errorCode(e: unknown): string | null {
  let found: string | null = null;
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    // undici's own codes (UND_ERR_SOCKET, UND_ERR_ABORTED) wrap the system's; prefer the latter.
    if (typeof code === 'string' && (found === null || found.startsWith('UND_ERR_'))) found = code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return found === 'UND_ERR_SOCKET' ? 'connection closed' : found;
}
