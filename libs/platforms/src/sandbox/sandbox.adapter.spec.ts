import { FakeSandbox } from './sandbox.fake';
import { SandboxAdapter } from './sandbox.adapter';
import { PublishError, type PublishRequest } from '../adapter';
import { parseRetryAfterHeader } from '../http-errors';

const fake = new FakeSandbox();
let adapter: SandboxAdapter;
beforeAll(async () => {
  adapter = new SandboxAdapter({ baseUrl: await fake.start(), timeoutMs: 5000 });
});
afterAll(() => fake.stop());

let n = 0;
function request(): PublishRequest {
  n++;
  return {
    idempotencyKey: `key-${n}`,
    attempt: 1,
    channel: { id: 'c', name: 'Sandbox', platform: 'sandbox', settings: {}, credentials: null },
    content: {
      postId: 'p',
      title: null,
      text: `Text ${n}`,
      tags: [],
      media: [],
      options: {},
      plannedAt: '2030-01-01T00:00:00.000Z',
      contentHash: 'h',
    },
    checkpoint: null,
    saveCheckpoint: () => Promise.resolve(),
    signal: new AbortController().signal,
  };
}

async function failure(req: PublishRequest): Promise<PublishError> {
  try {
    await adapter.publish(req);
  } catch (e) {
    if (e instanceof PublishError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('the sandbox adapter classifies what the platform says', () => {
  it('success and a duplicate answer both give the post', async () => {
    const req = request();
    const first = await adapter.publish(req);
    expect(first.url).toBe(`${fake.url}/p/${first.platformPostId}`);
    fake.script(req.idempotencyKey, { kind: 'duplicate' });
    expect(await adapter.publish(req)).toEqual(first);
  });

  it('429 is retryable with the wait the platform asked for; 503 is retryable', async () => {
    const req = request();
    fake.script(req.idempotencyKey, { kind: 'rate_limited', retryAfterSeconds: 7 });
    const e = await failure(req);
    expect([e.errorClass, e.code, e.options.retryAfterMs]).toEqual([
      'retryable',
      'RATE_LIMITED',
      7000,
    ]);
    fake.script(req.idempotencyKey, { kind: 'status', status: 503 });
    expect((await failure(req)).errorClass).toBe('retryable');
  });

  it('a refusal is permanent; a 500 or a timeout after sending is unknown', async () => {
    const a = request();
    fake.script(a.idempotencyKey, { kind: 'reject', message: 'too long' });
    expect((await failure(a)).errorClass).toBe('permanent');
    const b = request();
    fake.script(b.idempotencyKey, { kind: 'status', status: 500 });
    expect((await failure(b)).errorClass).toBe('unknown');
    const c = request();
    fake.script(c.idempotencyKey, { kind: 'commit_then_hang' });
    const impatient = new SandboxAdapter({ baseUrl: fake.url, timeoutMs: 300 });
    const timedOut = (await impatient.publish(c).catch((x: unknown) => x)) as PublishError;
    expect([timedOut.errorClass, timedOut.code]).toEqual(['unknown', 'TIMEOUT_AFTER_SEND']);
    // Reconciling finds what the platform committed, and knows what it never saw.
    expect(await adapter.reconcile(c)).toMatchObject({
      status: 'published',
    });
    expect(await adapter.reconcile(request())).toEqual({
      status: 'absent',
    });
  });

  it('a refused connection sent nothing: retryable', async () => {
    const closed = new SandboxAdapter({ baseUrl: 'http://127.0.0.1:59999', timeoutMs: 200 });
    const e = (await closed.publish(request()).catch((x: unknown) => x)) as PublishError;
    expect([e.errorClass, e.code]).toEqual(['retryable', 'CONNECTION_REFUSED']);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterHeader('120')).toBe(120_000);
    expect(
      parseRetryAfterHeader('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('2015-10-21T07:28:00Z')),
    ).toBe(10_000);
    expect(parseRetryAfterHeader('soon')).toBeUndefined();
    expect(parseRetryAfterHeader(null)).toBeUndefined();
  });
});

describe('listReplies', () => {
  const channel = {
    id: 'c',
    name: 'Sandbox',
    platform: 'sandbox' as const,
    settings: {},
    credentials: null,
  };

  it('reads the comments and replies under a published post, oldest first', async () => {
    const { platformPostId } = await adapter.publish(request());
    const first = fake.comment(platformPostId, {
      author: '@anna',
      text: 'Ich bin dabei! @lisa',
      createdAt: '2026-12-02T10:00:00.000Z',
    });
    fake.comment(platformPostId, {
      author: 'bert',
      text: 'Ich auch',
      createdAt: '2026-12-03T10:00:00.000Z',
      replyTo: first,
    });
    const replies = await adapter.listReplies(
      channel,
      platformPostId,
      null,
      new AbortController().signal,
    );
    expect(replies).toEqual([
      expect.objectContaining({
        id: first,
        authorHandle: 'anna',
        text: 'Ich bin dabei! @lisa',
        parentId: null,
      }),
      expect.objectContaining({
        authorHandle: 'bert',
        parentId: first,
        createdAt: '2026-12-03T10:00:00.000Z',
      }),
    ]);
    const later = await adapter.listReplies(
      channel,
      platformPostId,
      new Date('2026-12-03T00:00:00Z'),
      new AbortController().signal,
    );
    expect(later.map((r) => r.authorHandle)).toEqual(['bert']);
  });

  it('says permanently when the post does not exist', async () => {
    await expect(
      adapter.listReplies(channel, 'no-such-post', null, new AbortController().signal),
    ).rejects.toMatchObject({ errorClass: 'permanent', code: 'POST_NOT_FOUND' });
  });
});
