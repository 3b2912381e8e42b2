import { isIP } from 'node:net';
import { Client, buildConnector } from 'undici';
import { PublishError } from '../adapter';
import { type CheckedTarget } from './webhook-address';

/** What came back: the status, the headers and at most `maxBodyBytes` of the body. */
export type WebhookAnswer = {
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
};

export type SendOptions = {
  headers: Record<string, string>;
  body: string;
  /** The caller's signal (the engine's lease). */
  signal: AbortSignal;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Extra trusted CA certificates (PEM), for receivers behind a private CA and for tests. */
  ca?: string | Buffer | undefined;
  maxBodyBytes?: number;
};

const TLS_CERT_ERROR =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH)/;

/**
 * POSTs to a checked target over a connection pinned to its checked address: undici's own
 * connector never sees the host name, so no second DNS lookup happens between the check and
 * the connection. The Host header and the TLS server name stay the URL's host, so virtual
 * hosting and certificate checks work as usual. Redirects are never followed (undici 7's
 * request follows none without the redirect interceptor).
 *
 * Rejections are PublishErrors classified by whether a connection was established: until
 * then nothing can have reached the receiver (retryable); after it, the request may have been
 * delivered (unknown).
 */
export async function postPinned(
  target: CheckedTarget,
  options: SendOptions,
): Promise<WebhookAnswer> {
  const { url, address } = target;
  const state = { connected: false };
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
            state.connected = true;
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

  try {
    const answer = await client.request({
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: options.headers,
      body: options.body,
      signal,
    });
    const body = await readLimited(answer.body, options.maxBodyBytes ?? 64 * 1024).catch(() => '');
    return { status: answer.statusCode, headers: answer.headers, body };
  } catch (e) {
    throw classifyTransportError(e, {
      connected: state.connected,
      callerAborted: options.signal.aborted,
      timedOut: total.aborted || connectAbort.signal.aborted,
      url,
    });
  } finally {
    clearTimeout(connectTimer);
    void client.destroy().catch(() => undefined);
  }
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
