import {
  type ChannelTarget,
  type PublishRequest,
  type PublishResult,
  type ReconcileResult,
  type VerifyResult,
  PublishError,
  isPublishError,
} from '../adapter';
import { type HttpAnswer, excerpt, httpCall, requireString } from '../http/platform-http';

/**
 * The container flow Instagram and Threads share: create a media container (children first
 * for a carousel), checkpoint its id at once, poll its status until FINISHED, read the
 * publishing quota, publish it, and on an unknown outcome ask the container whether it was
 * published. Because the container id is checkpointed before anything irreversible, a retry
 * reuses it and never creates a second one, and a container already PUBLISHED is never
 * published again.
 */

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export type ContainerApi = {
  /** Instagram, Threads: used in every message. */
  name: string;
  /** `https://graph.facebook.com/v23.0` */
  base: string;
  /** `/media` (Instagram) or `/threads` (Threads). */
  createEdge: string;
  /** `/media_publish` or `/threads_publish`. */
  publishEdge: string;
  /** `/content_publishing_limit` or `/threads_publishing_limit`. */
  limitEdge: string;
  /** The user's published media, newest first: `/media` or `/threads`. */
  listEdge: (container: ContainerBody) => string;
  /** The text field of a listed medium: `caption` or `text`. */
  textField: 'caption' | 'text';
  /** The container's status fields: Instagram `status_code` + `status`, Threads `status` + `error_message`. */
  statusFields: { code: string; detail: string };
  timeoutMs: number;
  pollIntervalMs: number;
  maxPolls: number;
};

/** One container to create: the documented fields, sent as they are. */
export type ContainerBody = Record<string, string | boolean>;

export type ContainerPlan = {
  /** Carousel items, created first with `is_carousel_item: true`; empty for a single medium. */
  children: ContainerBody[];
  /** The container that is published; for a carousel `children` is filled in with the ids. */
  parent: ContainerBody;
  /** The text the published medium carries, to find it again in reconcile ('' for none). */
  text: string;
};

type Checkpoint = {
  children: string[];
  containerId: string | null;
  createdAt: number;
};

function checkpointOf(request: PublishRequest): Checkpoint {
  const cp = request.checkpoint ?? {};
  const children = Array.isArray(cp['children'])
    ? cp['children'].filter((c): c is string => typeof c === 'string')
    : [];
  return {
    children,
    containerId: typeof cp['containerId'] === 'string' ? cp['containerId'] : null,
    createdAt: typeof cp['createdAt'] === 'number' ? cp['createdAt'] : Date.now(),
  };
}

type GraphError = { message?: string; code?: number; error_subcode?: number };

const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002]);

/** The highest percentage in X-App-Usage / X-Business-Use-Case-Usage; 100 means throttled. */
function usagePercent(headers: Headers): number {
  let max = 0;
  for (const name of ['x-app-usage', 'x-business-use-case-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    for (const m of raw.matchAll(/"(?:call_count|total_cputime|total_time)":\s*(\d+)/g))
      max = Math.max(max, Number(m[1]));
  }
  return max;
}

function regainAccessMs(headers: Headers): number | undefined {
  const raw = headers.get('x-business-use-case-usage');
  const minutes = raw ? Number(/"estimated_time_to_regain_access":\s*(\d+)/.exec(raw)?.[1]) : NaN;
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : undefined;
}

/**
 * Graph errors as Instagram and Threads send them. 4, 17, 32, 613 (and 80001/80002), HTTP
 * 429, or a usage header at 100 %: rate limited, retryable. 190: the token expired or was
 * revoked. 10, 200-299: a permission is missing. 9 with subcode 2207042: the publishing
 * limit is used up, retryable. 9007: the container is not ready yet, retryable. 1, 2 and
 * 5xx: unknown when publishing (it may have gone out), retryable otherwise.
 */
export function classifyMetaAnswer(
  name: string,
  answer: HttpAnswer,
  step: 'prepare' | 'publish',
): PublishError {
  const error = (answer.json as { error?: GraphError } | null)?.error ?? {};
  const said = excerpt(error.message ?? answer.text);
  const code = error.code ?? 0;
  if (RATE_CODES.has(code) || answer.status === 429 || usagePercent(answer.headers) >= 100) {
    const wait = regainAccessMs(answer.headers);
    return new PublishError(
      'retryable',
      'RATE_LIMITED',
      `${name} asks to slow down: ${said}`,
      wait === undefined ? {} : { retryAfterMs: wait },
    );
  }
  if (code === 190 || code === 102)
    return new PublishError(
      'permanent',
      'TOKEN_REVOKED',
      `${name} did not accept the access token (${said}); connect the channel again.`,
    );
  if (code === 10 || (code >= 200 && code < 300))
    return new PublishError('permanent', 'FORBIDDEN', `${name} refused: ${said}`);
  if (code === 9 && error.error_subcode === 2207042)
    return new PublishError(
      'retryable',
      'PUBLISHING_LIMIT_REACHED',
      `${name}'s publishing limit for this account is used up: ${said}`,
      { retryAfterMs: 60 * 60_000 },
    );
  if (code === 9007)
    return new PublishError(
      'retryable',
      'CONTAINER_NOT_READY',
      `${name} has not finished processing the media yet: ${said}`,
    );
  if (answer.status >= 500 || code === 1 || code === 2)
    return step === 'publish'
      ? new PublishError(
          'unknown',
          'PLATFORM_SERVER_ERROR',
          `${name} answered ${answer.status} (${said}); the post may have gone out.`,
        )
      : new PublishError(
          'retryable',
          'PLATFORM_UNAVAILABLE',
          `${name} answered ${answer.status} (${said}) before publishing; nothing was posted.`,
        );
  return new PublishError('permanent', 'PLATFORM_REJECTED', `${name} refused the post: ${said}`);
}

export type ContainerClient = ReturnType<typeof containerClient>;

export function containerClient(api: ContainerApi) {
  const graph = (
    token: string,
    path: string,
    signal: AbortSignal,
    body?: Record<string, unknown>,
    sentIsRetryable = true,
  ) =>
    httpCall(
      api.name,
      `${api.base}${path}`,
      {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        timeoutMs: api.timeoutMs,
        signal,
      },
      { sentIsRetryable },
    );

  async function ok(
    answer: Promise<HttpAnswer>,
    step: 'prepare' | 'publish',
  ): Promise<Record<string, unknown>> {
    const a = await answer;
    if (a.status !== 200) throw classifyMetaAnswer(api.name, a, step);
    return (a.json ?? {}) as Record<string, unknown>;
  }

  async function create(token: string, userId: string, body: ContainerBody, signal: AbortSignal) {
    const json = await ok(graph(token, `/${userId}${api.createEdge}`, signal, body), 'prepare');
    if (typeof json['id'] !== 'string')
      throw new PublishError(
        'retryable',
        'PLATFORM_UNAVAILABLE',
        `${api.name} created no container.`,
      );
    return json['id'];
  }

  async function status(token: string, containerId: string, signal: AbortSignal) {
    const { code, detail } = api.statusFields;
    const json = await ok(
      graph(token, `/${containerId}?fields=${code},${detail}`, signal),
      'prepare',
    );
    return {
      code: (typeof json[code] === 'string' ? json[code] : '') as ContainerStatus,
      detail: typeof json[detail] === 'string' ? json[detail] : '',
    };
  }

  /** Waits until the container is FINISHED (or says what it is instead). */
  async function settle(token: string, containerId: string, signal: AbortSignal) {
    for (let poll = 0; ; poll++) {
      const s = await status(token, containerId, signal);
      if (s.code !== 'IN_PROGRESS') return s;
      if (poll + 1 >= api.maxPolls)
        throw new PublishError(
          'retryable',
          'CONTAINER_NOT_READY',
          `${api.name} is still processing the media; the next attempt continues with the same container.`,
        );
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(done, api.pollIntervalMs);
        signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            fail(
              new PublishError('retryable', 'ABORTED', `Stopped while ${api.name} was processing.`),
            );
          },
          { once: true },
        );
      });
    }
  }

  async function checkQuota(token: string, userId: string, signal: AbortSignal) {
    const json = await ok(
      graph(token, `/${userId}${api.limitEdge}?fields=quota_usage,config`, signal),
      'prepare',
    );
    const row = (
      json['data'] as { quota_usage?: number; config?: { quota_total?: number } }[]
    )?.[0];
    const used = row?.quota_usage;
    const total = row?.config?.quota_total;
    if (typeof used === 'number' && typeof total === 'number' && used >= total)
      throw new PublishError(
        'retryable',
        'PUBLISHING_LIMIT_REACHED',
        `${api.name} allows ${total} published posts per account in 24 hours and all are used; Postplan tries again later.`,
        { retryAfterMs: 60 * 60_000 },
      );
  }

  /** The medium a PUBLISHED container became: the newest one carrying our text, made after the container. */
  async function findPublished(
    token: string,
    userId: string,
    plan: ContainerPlan,
    createdAt: number,
    signal: AbortSignal,
  ): Promise<PublishResult | null> {
    const json = await ok(
      graph(
        token,
        `/${userId}${api.listEdge(plan.parent)}?fields=id,${api.textField},permalink,timestamp&limit=25`,
        signal,
      ),
      'prepare',
    );
    const rows = (json['data'] ?? []) as Record<string, unknown>[];
    const found = rows.find(
      (r) =>
        (plan.text === '' || r[api.textField] === plan.text) &&
        (typeof r['timestamp'] !== 'string' || Date.parse(r['timestamp']) >= createdAt - 60_000),
    );
    if (!found || typeof found['id'] !== 'string') return null;
    return {
      platformPostId: found['id'],
      url: typeof found['permalink'] === 'string' ? found['permalink'] : null,
    };
  }

  async function permalink(token: string, mediaId: string, signal: AbortSignal) {
    try {
      const a = await graph(token, `/${mediaId}?fields=permalink`, signal);
      const link = (a.json as { permalink?: unknown } | null)?.permalink;
      return a.status === 200 && typeof link === 'string' ? link : null;
    } catch {
      return null;
    }
  }

  async function publish(
    request: PublishRequest,
    token: string,
    userId: string,
    plan: ContainerPlan,
  ): Promise<PublishResult> {
    const { signal } = request;
    const cp = checkpointOf(request);
    let containerId = cp.containerId;

    if (containerId) {
      const s = await settle(token, containerId, signal);
      if (s.code === 'PUBLISHED') {
        const found = await findPublished(token, userId, plan, cp.createdAt, signal);
        if (found) return found;
        throw new PublishError(
          'unknown',
          'PUBLISHED_NOT_FOUND',
          `${api.name} says the container was published, but the post was not found yet.`,
        );
      }
      if (s.code === 'EXPIRED') {
        // Never published and no longer publishable: the next attempt starts afresh.
        await request.saveCheckpoint({});
        throw new PublishError(
          'retryable',
          'CONTAINER_EXPIRED',
          `${api.name} let the prepared container expire; the next attempt prepares it again.`,
        );
      }
      if (s.code === 'ERROR') throw containerFailed(s.detail);
    }

    await checkQuota(token, userId, signal);

    if (!containerId) {
      const children = [...cp.children];
      for (let i = children.length; i < plan.children.length; i++) {
        children.push(await create(token, userId, plan.children[i]!, signal));
        await request.saveCheckpoint({ children, createdAt: cp.createdAt });
      }
      const parent =
        children.length > 0 ? { ...plan.parent, children: children.join(',') } : plan.parent;
      containerId = await create(token, userId, parent, signal);
      await request.saveCheckpoint({ children, containerId, createdAt: cp.createdAt });
      const s = await settle(token, containerId, signal);
      if (s.code === 'ERROR') throw containerFailed(s.detail);
      if (s.code === 'EXPIRED') {
        await request.saveCheckpoint({});
        throw new PublishError(
          'retryable',
          'CONTAINER_EXPIRED',
          `${api.name} let the container expire.`,
        );
      }
    }

    const json = await ok(
      graph(token, `/${userId}${api.publishEdge}`, signal, { creation_id: containerId }, false),
      'publish',
    );
    const mediaId = json['id'];
    if (typeof mediaId !== 'string')
      throw new PublishError(
        'unknown',
        'PLATFORM_SERVER_ERROR',
        `${api.name} answered without a post id; the post may have gone out.`,
      );
    return { platformPostId: mediaId, url: await permalink(token, mediaId, signal) };
  }

  function containerFailed(detail: string) {
    return new PublishError(
      'permanent',
      'CONTAINER_FAILED',
      `${api.name} could not process the media: ${excerpt(detail) || 'no reason given'}`,
    );
  }

  async function reconcile(
    request: PublishRequest,
    token: string,
    userId: string,
    plan: ContainerPlan,
  ): Promise<ReconcileResult> {
    const cp = checkpointOf(request);
    // The container id is saved before publishing: without one, nothing was published.
    if (!cp.containerId) return { status: 'absent' };
    const s = await status(token, cp.containerId, request.signal);
    if (s.code !== 'PUBLISHED') return { status: 'absent' };
    const found = await findPublished(token, userId, plan, cp.createdAt, request.signal);
    return found
      ? { status: 'published', ...found }
      : {
          status: 'unknown',
          reason: `${api.name} says the container was published, but the post was not found.`,
        };
  }

  /** The channel's account, by its user name: the check when a channel is connected. */
  async function verify(token: string, userId: string, signal: AbortSignal): Promise<VerifyResult> {
    const answer = await graph(token, `/${userId}?fields=username`, signal);
    if (answer.status !== 200)
      return { ok: false, error: classifyMetaAnswer(api.name, answer, 'prepare') };
    const named = (answer.json as { username?: unknown }).username;
    return { ok: true, accountName: typeof named === 'string' ? named : null, expiresAt: null };
  }

  return { graph, publish, reconcile, verify };
}

/**
 * The account id and token a container channel needs, or a permanent error naming what is
 * missing (`${PREFIX}_SETTINGS_INVALID`, `${PREFIX}_TOKEN_MISSING`).
 */
export function containerAccountOf(
  channel: ChannelTarget,
  account: { name: string; codePrefix: string; idKey: string; what: string },
): { userId: string; token: string } {
  const userId = accountIdOf(
    channel,
    account.idKey,
    `${account.codePrefix}_SETTINGS_INVALID`,
    account.what,
  );
  const token = requireString(
    channel.credentials?.['accessToken'],
    `${account.codePrefix}_TOKEN_MISSING`,
    `The channel "${channel.name}" has no ${account.name} access token; connect it again.`,
  );
  return { userId, token };
}

/** Whatever goes wrong while checking a channel becomes its answer, never a throw. */
export async function verifyingSafely(
  failureCode: string,
  check: () => Promise<VerifyResult>,
): Promise<VerifyResult> {
  try {
    return await check();
  } catch (e) {
    return {
      ok: false,
      error: isPublishError(e)
        ? e
        : new PublishError('unknown', failureCode, 'The check failed.', { cause: e }),
    };
  }
}

/** A required numeric account id from the channel's settings. */
export function accountIdOf(channel: ChannelTarget, key: string, code: string, what: string) {
  const id = channel.settings[key];
  if (typeof id !== 'string' || !/^\d{5,25}$/.test(id))
    throw new PublishError('permanent', code, `The channel "${channel.name}" needs ${what}.`);
  return id;
}
