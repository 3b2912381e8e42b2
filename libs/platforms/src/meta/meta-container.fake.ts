import { type ServerResponse } from 'node:http';
import { type FakePlatform, startFakePlatform } from '../testing/fake-server';

/**
 * A fake container API (Instagram Graph or Threads) on loopback: creates containers, answers
 * their status (IN_PROGRESS for as many polls as scripted, then FINISHED or ERROR), publishes
 * a FINISHED container once (a second media_publish of the same container is refused, as
 * Meta does), reports the publishing quota, lists published media, and takes comments.
 * Errors are Graph errors `{ error: { message, type, code, error_subcode, fbtrace_id } }`.
 */

export type FakeContainer = {
  id: string;
  body: Record<string, unknown>;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
  pollsLeft: number;
  errorMessage: string | null;
  mediaId: string | null;
};

export type FakeMedium = {
  id: string;
  containerId: string;
  text: string | null;
  permalink: string;
  timestamp: string;
};

export type FakeContainerApi = FakePlatform & {
  readonly containers: readonly FakeContainer[];
  readonly media: readonly FakeMedium[];
  readonly publishCalls: readonly string[];
  readonly comments: readonly { mediaId: string; message: string }[];
  /** Someone comments on a medium, or replies to a comment (`parentId`); returns its id. */
  visitorComment(
    mediaId: string,
    c: { username: string; text: string; timestamp: string; parentId?: string },
  ): string;
  /** The next created container stays IN_PROGRESS for this many status reads. */
  processNext(polls: number): void;
  /** The next created container ends in ERROR with this message. */
  failNext(message: string): void;
  /** The next publish is carried out, then never answered. */
  publishThenHang(): void;
  quota: { used: number; total: number };
  errorNext(
    code: number,
    message: string,
    options?: { subcode?: number; status?: number; headers?: Record<string, string> },
  ): void;
};

export type FakeContainerConfig = {
  userId: string;
  token: string;
  createEdge: string;
  publishEdge: string;
  limitEdge: string;
  /** Edges listing published media ('/media', '/stories' or '/threads'). */
  listEdges: string[];
  textField: 'caption' | 'text';
  statusFields: { code: string; detail: string };
  permalinkBase: string;
};

export async function startFakeContainerApi(
  config: FakeContainerConfig,
): Promise<FakeContainerApi> {
  const containers: FakeContainer[] = [];
  const media: FakeMedium[] = [];
  const publishCalls: string[] = [];
  const comments: { mediaId: string; message: string }[] = [];
  const visitors: {
    id: string;
    mediaId: string;
    parentId: string | null;
    username: string;
    text: string;
    timestamp: string;
  }[] = [];
  const quota = { used: 0, total: 50 };
  let nextPolls = 0;
  let nextFailure: string | null = null;
  let hangPublish = false;
  let seq = 17_900_000_000_000;

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (
    res: ServerResponse,
    code: number,
    message: string,
    options: { subcode?: number; status?: number; headers?: Record<string, string> } = {},
  ) =>
    send(
      res,
      options.status ?? (code === 1 || code === 2 ? 500 : 400),
      {
        error: {
          message,
          type: code === 190 ? 'OAuthException' : 'GraphMethodException',
          code,
          ...(options.subcode ? { error_subcode: options.subcode } : {}),
          fbtrace_id: 'AbCdEf',
        },
      },
      options.headers,
    );

  const fake = await startFakePlatform({
    default: {
      kind: 'custom',
      handle: (request, res) => {
        const [rawPath, query = ''] = request.path.split('?') as [string, string?];
        const path = rawPath.replace(/^\/v\d+\.\d+/, '');
        const params = new URLSearchParams(query);
        if (request.headers.authorization !== `Bearer ${config.token}`)
          return error(res, 190, 'Error validating access token: Session has expired.');
        const body = (request.body ?? {}) as Record<string, unknown>;
        const user = `/${config.userId}`;

        if (request.method === 'POST' && path === `${user}${config.createEdge}`) {
          const container: FakeContainer = {
            id: String(seq++),
            body,
            status: nextFailure ? 'ERROR' : nextPolls > 0 ? 'IN_PROGRESS' : 'FINISHED',
            pollsLeft: nextPolls,
            errorMessage: nextFailure,
            mediaId: null,
          };
          nextPolls = 0;
          nextFailure = null;
          containers.push(container);
          return send(res, 200, { id: container.id });
        }
        if (request.method === 'POST' && path === `${user}${config.publishEdge}`) {
          const id = typeof body['creation_id'] === 'string' ? body['creation_id'] : '';
          publishCalls.push(id);
          const container = containers.find((c) => c.id === id);
          if (!container) return error(res, 100, 'Invalid parameter: creation_id');
          if (container.status === 'PUBLISHED')
            return error(res, 9, 'The media has already been published.', { subcode: 2207051 });
          if (container.status !== 'FINISHED')
            return error(res, 9007, 'Media ID is not available', { subcode: 2207027 });
          if (quota.used >= quota.total)
            return error(res, 9, 'Application request limit reached', { subcode: 2207042 });
          quota.used++;
          const mediaId = String(seq++);
          container.status = 'PUBLISHED';
          container.mediaId = mediaId;
          const text = container.body[config.textField];
          media.unshift({
            id: mediaId,
            containerId: id,
            text: typeof text === 'string' ? text : null,
            permalink: `${config.permalinkBase}/${mediaId}`,
            timestamp: new Date().toISOString(),
          });
          if (hangPublish) {
            hangPublish = false;
            return; // committed, never answered
          }
          return send(res, 200, { id: mediaId });
        }
        if (request.method === 'GET' && path === `${user}${config.limitEdge}`)
          return send(res, 200, {
            data: [
              {
                quota_usage: quota.used,
                config: { quota_total: quota.total, quota_duration: 86400 },
              },
            ],
          });
        if (request.method === 'GET' && config.listEdges.some((e) => path === `${user}${e}`))
          return send(res, 200, {
            data: media.map((m) => ({
              id: m.id,
              [config.textField]: m.text ?? undefined,
              permalink: m.permalink,
              timestamp: m.timestamp,
            })),
          });
        if (request.method === 'GET' && path === user)
          return send(res, 200, { id: config.userId, username: 'postplan.cafe' });
        const comment = /^\/(\d+)\/comments$/.exec(path);
        if (request.method === 'GET' && comment) {
          // Top-level comments with their replies nested, as the Graph API's field expansion
          // replies{...} answers them.
          const view = (c: (typeof visitors)[number]) => ({
            id: c.id,
            text: c.text,
            username: c.username,
            timestamp: c.timestamp,
          });
          return send(res, 200, {
            data: visitors
              .filter((c) => c.mediaId === comment[1] && c.parentId === null)
              .map((c) => ({
                ...view(c),
                replies: { data: visitors.filter((r) => r.parentId === c.id).map(view) },
              })),
            paging: {},
          });
        }
        if (request.method === 'POST' && comment) {
          comments.push({
            mediaId: comment[1]!,
            message: typeof body['message'] === 'string' ? body['message'] : '',
          });
          return send(res, 200, { id: String(seq++) });
        }
        const node = /^\/(\d+)$/.exec(path);
        if (request.method === 'GET' && node) {
          const container = containers.find((c) => c.id === node[1]);
          if (container) {
            if (container.status === 'IN_PROGRESS' && --container.pollsLeft <= 0) {
              const answer = { id: container.id, [config.statusFields.code]: 'IN_PROGRESS' };
              container.status = 'FINISHED';
              return send(res, 200, answer);
            }
            return send(res, 200, {
              id: container.id,
              [config.statusFields.code]: container.status,
              ...(container.errorMessage
                ? { [config.statusFields.detail]: container.errorMessage }
                : {}),
            });
          }
          const medium = media.find((m) => m.id === node[1]);
          if (medium && params.get('fields') === 'permalink')
            return send(res, 200, { id: medium.id, permalink: medium.permalink });
        }
        return error(res, 100, 'Unsupported request');
      },
    },
  });
  return Object.assign(fake, {
    containers,
    media,
    publishCalls,
    comments,
    quota,
    processNext(polls: number) {
      nextPolls = polls;
    },
    failNext(message: string) {
      nextFailure = message;
    },
    publishThenHang() {
      hangPublish = true;
    },
    visitorComment(
      mediaId: string,
      c: { username: string; text: string; timestamp: string; parentId?: string },
    ) {
      const id = String(seq++);
      visitors.push({ id, mediaId, parentId: c.parentId ?? null, ...c });
      return id;
    },
    errorNext(
      code: number,
      message: string,
      options: { subcode?: number; status?: number; headers?: Record<string, string> } = {},
    ) {
      fake.next({ kind: 'custom', handle: (_r, res) => error(res, code, message, options) });
    },
  });
}
