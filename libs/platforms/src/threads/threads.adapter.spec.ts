import { type PublishMedia, type PublishRequest } from '../adapter';
import {
  FAKE_THREADS_TOKEN,
  FAKE_THREADS_USER,
  type FakeThreads,
  startFakeThreads,
} from './threads.fake';
import { createThreadsAdapter } from './threads.adapter';

const photo = (id: string, altText: string | null = null): PublishMedia => ({
  id,
  url: `https://cdn.example.com/${id}.png`,
  mimeType: 'image/png',
  altText,
  width: 1080,
  height: 1350,
  bytes: 1000,
});
const video = (id: string): PublishMedia => ({
  ...photo(id),
  url: `https://cdn.example.com/${id}.mp4`,
  mimeType: 'video/mp4',
});

describe('Threads adapter', () => {
  let fake: FakeThreads;
  beforeEach(async () => {
    fake = await startFakeThreads();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000, maxPolls = 5) =>
    createThreadsAdapter({ graphBase: fake.url, timeoutMs, pollIntervalMs: 5, maxPolls });

  function request(content: Partial<PublishRequest['content']> = {}, token = FAKE_THREADS_TOKEN) {
    const saved: Record<string, unknown>[] = [];
    const req: PublishRequest & { saved: Record<string, unknown>[] } = {
      idempotencyKey: 'pub-th-1',
      attempt: 1,
      channel: {
        id: 'ch-th',
        name: 'Threads',
        platform: 'threads',
        settings: { threadsUserId: FAKE_THREADS_USER },
        credentials: { accessToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: 'Heute Abend: Jazz im Café 🎷',
        tags: [],
        media: [],
        options: {},
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
      },
      checkpoint: null,
      saveCheckpoint: (cp) => {
        saved.push(cp);
        req.checkpoint = cp;
        return Promise.resolve();
      },
      signal: new AbortController().signal,
      saved,
    };
    return req;
  }

  const paths = () => fake.requests.map((r) => `${r.method} ${r.path}`);

  it('publishes a text post: quota, TEXT container, checkpoint, status, threads_publish', async () => {
    const req = request({ options: { replyControl: 'accounts_you_follow' } });
    const result = await adapter().publish(req);
    const container = fake.containers[0]!;
    expect(container.body).toEqual({
      media_type: 'TEXT',
      text: 'Heute Abend: Jazz im Café 🎷',
      reply_control: 'accounts_you_follow',
    });
    expect(paths()).toEqual([
      `GET /v1.0/${FAKE_THREADS_USER}/threads_publishing_limit?fields=quota_usage,config`,
      `POST /v1.0/${FAKE_THREADS_USER}/threads`,
      `GET /v1.0/${container.id}?fields=status,error_message`,
      `POST /v1.0/${FAKE_THREADS_USER}/threads_publish`,
      `GET /v1.0/${container.mediaId}?fields=permalink`,
    ]);
    expect(fake.requests[3]!.body).toEqual({ creation_id: container.id });
    expect(req.saved).toEqual([
      { children: [], containerId: container.id, createdAt: expect.any(Number) },
    ]);
    expect(result).toEqual({
      platformPostId: container.mediaId,
      url: `https://www.threads.net/@postplan.cafe/post/${container.mediaId}`,
    });
  });

  it('sends an image with alt text, and a carousel of items', async () => {
    await adapter().publish(request({ media: [photo('a', 'Saxofon im Licht')] }));
    expect(fake.containers[0]!.body).toEqual({
      media_type: 'IMAGE',
      image_url: 'https://cdn.example.com/a.png',
      alt_text: 'Saxofon im Licht',
      text: 'Heute Abend: Jazz im Café 🎷',
    });
    await adapter().publish(request({ media: [photo('b'), video('c')] }));
    const [, b, c, parent] = fake.containers;
    expect([b!.body, c!.body, parent!.body]).toEqual([
      { media_type: 'IMAGE', image_url: 'https://cdn.example.com/b.png', is_carousel_item: true },
      { media_type: 'VIDEO', video_url: 'https://cdn.example.com/c.mp4', is_carousel_item: true },
      {
        media_type: 'CAROUSEL',
        text: 'Heute Abend: Jazz im Café 🎷',
        children: `${b!.id},${c!.id}`,
      },
    ]);
    expect(fake.publishCalls).toEqual([fake.containers[0]!.id, parent!.id]);
  });

  it('polls IN_PROGRESS until FINISHED; ERROR is permanent with the error message', async () => {
    fake.processNext(2);
    await adapter().publish(request({ media: [video('v')] }));
    expect(paths().filter((p) => p.includes('?fields=status,'))).toHaveLength(3);
    fake.failNext('Video duration exceeds 5 minutes.');
    await expect(adapter().publish(request({ media: [video('w')] }))).rejects.toMatchObject({
      errorClass: 'permanent',
      code: 'CONTAINER_FAILED',
      message: 'Threads could not process the media: Video duration exceeds 5 minutes.',
    });
    expect(fake.publishCalls).toHaveLength(1);
  });

  it('a publish timeout is unknown; reconcile finds the post and a retry neither creates nor publishes again', async () => {
    fake.publishThenHang();
    const req = request();
    await expect(adapter(300).publish(req)).rejects.toMatchObject({
      errorClass: 'unknown',
      code: 'TIMEOUT_AFTER_SEND',
    });
    const container = fake.containers[0]!;
    await expect(adapter().reconcile!(req)).resolves.toMatchObject({
      status: 'published',
      platformPostId: container.mediaId,
    });
    await adapter().publish({ ...req, attempt: 2 });
    expect(fake.containers).toHaveLength(1);
    expect(fake.publishCalls).toEqual([container.id]);
  });

  it('a retry after a checkpoint reuses the container', async () => {
    fake.processNext(10);
    const req = request({ media: [video('v')] });
    await expect(adapter(2_000, 2).publish(req)).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'CONTAINER_NOT_READY',
    });
    fake.containers[0]!.status = 'FINISHED';
    await adapter().publish({ ...req, attempt: 2 });
    expect(fake.containers).toHaveLength(1);
    expect(fake.publishCalls).toEqual([fake.containers[0]!.id]);
  });

  it('rate limits, an exhausted quota and an expired token are classified', async () => {
    fake.errorNext(613, 'Calls to this api have exceeded the rate limit.');
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
    });
    fake.quota.used = 250;
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'PUBLISHING_LIMIT_REACHED',
    });
    await expect(adapter().publish(request({}, 'THAA-expired'))).rejects.toMatchObject({
      errorClass: 'permanent',
      code: 'TOKEN_REVOKED',
    });
    expect(fake.containers).toEqual([]);
  });

  it('refuses a GIF, unknown options and an empty post as permanent', async () => {
    await expect(
      adapter().publish(request({ media: [{ ...photo('g'), mimeType: 'image/gif' }] })),
    ).rejects.toMatchObject({ code: 'MEDIA_NOT_SUPPORTED' });
    await expect(adapter().publish(request({ options: { silent: true } }))).rejects.toMatchObject({
      code: 'OPTIONS_INVALID',
    });
    await expect(adapter().publish(request({ text: '' }))).rejects.toMatchObject({
      code: 'TEXT_REQUIRED',
    });
    expect(fake.requests).toEqual([]);
  });

  it('verifies the account by its username, and names what a channel lacks instead of throwing', async () => {
    const signal = new AbortController().signal;
    await expect(adapter().verify!(request().channel, signal)).resolves.toEqual({
      ok: true,
      accountName: 'postplan.cafe',
      expiresAt: null,
    });
    const channel = request().channel;
    await expect(adapter().verify!({ ...channel, credentials: {} }, signal)).resolves.toMatchObject(
      {
        ok: false,
        error: { errorClass: 'permanent', code: 'THREADS_TOKEN_MISSING' },
      },
    );
    await expect(
      adapter().verify!({ ...channel, settings: { threadsUserId: 'me' } }, signal),
    ).resolves.toMatchObject({
      ok: false,
      error: { errorClass: 'permanent', code: 'THREADS_SETTINGS_INVALID' },
    });
  });
});
