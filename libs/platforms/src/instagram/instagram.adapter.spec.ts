import { type PublishMedia, type PublishRequest } from '../adapter';
import {
  FAKE_INSTAGRAM_TOKEN,
  FAKE_INSTAGRAM_USER,
  type FakeInstagram,
  startFakeInstagram,
} from './instagram.fake';
import { createInstagramAdapter } from './instagram.adapter';

const photo = (id: string, altText: string | null = null): PublishMedia => ({
  id,
  url: `https://cdn.example.com/${id}.jpg`,
  mimeType: 'image/jpeg',
  altText,
  width: 1080,
  height: 1080,
  bytes: 1000,
});
const video = (id: string): PublishMedia => ({
  ...photo(id),
  url: `https://cdn.example.com/${id}.mp4`,
  mimeType: 'video/mp4',
});

describe('Instagram adapter', () => {
  let fake: FakeInstagram;
  beforeEach(async () => {
    fake = await startFakeInstagram();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000, maxPolls = 5) =>
    createInstagramAdapter({ graphBase: fake.url, timeoutMs, pollIntervalMs: 5, maxPolls });

  /** A request whose checkpoints are kept, as the engine keeps them between attempts. */
  function request(content: Partial<PublishRequest['content']> = {}, token = FAKE_INSTAGRAM_TOKEN) {
    const saved: Record<string, unknown>[] = [];
    const req: PublishRequest & { saved: Record<string, unknown>[] } = {
      idempotencyKey: 'pub-ig-1',
      attempt: 1,
      channel: {
        id: 'ch-ig',
        name: 'Instagram',
        platform: 'instagram',
        settings: { instagramUserId: FAKE_INSTAGRAM_USER },
        credentials: { accessToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: 'Heute Abend: Jazz im Café #jazz',
        tags: [],
        media: [photo('a', 'Die Band auf der Bühne')],
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

  it('reads the comments of a medium and their replies, oldest first', async () => {
    const media = '17900000000999';
    const anna = fake.visitorComment(media, {
      username: 'anna.m',
      text: 'Dabei! @lisa',
      timestamp: '2026-12-03T10:00:00+0000',
    });
    fake.visitorComment(media, {
      username: 'lisa',
      text: 'Ich auch @anna.m',
      timestamp: '2026-12-03T11:00:00+0000',
      parentId: anna,
    });
    fake.visitorComment(media, {
      username: 'bert',
      text: 'Früh',
      timestamp: '2026-12-02T08:00:00+0000',
    });
    const replies = await adapter().listReplies!(
      request().channel,
      media,
      null,
      new AbortController().signal,
    );
    expect(replies.map((r) => [r.authorHandle, r.parentId, r.createdAt])).toEqual([
      ['bert', null, '2026-12-02T08:00:00.000Z'],
      ['anna.m', null, '2026-12-03T10:00:00.000Z'],
      ['lisa', anna, '2026-12-03T11:00:00.000Z'],
    ]);
    expect(paths().at(-1)).toMatch(
      /^GET \/v\d+\.\d+\/17900000000999\/comments\?fields=id,text,username,timestamp,replies/,
    );
    const refused = await adapter().listReplies!(
      { ...request().channel, credentials: { accessToken: 'revoked' } },
      media,
      null,
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ errorClass: 'permanent' });
  });

  it('reads the quota, creates a container with the documented fields, checkpoints it, then publishes it', async () => {
    const req = request({ options: { firstComment: 'Tickets an der Abendkasse' } });
    const result = await adapter().publish(req);
    const container = fake.containers[0]!;
    expect(container.body).toEqual({
      image_url: 'https://cdn.example.com/a.jpg',
      caption: 'Heute Abend: Jazz im Café #jazz',
      alt_text: 'Die Band auf der Bühne',
    });
    expect(paths()).toEqual([
      `GET /v23.0/${FAKE_INSTAGRAM_USER}/content_publishing_limit?fields=quota_usage,config`,
      `POST /v23.0/${FAKE_INSTAGRAM_USER}/media`,
      `GET /v23.0/${container.id}?fields=status_code,status`,
      `POST /v23.0/${FAKE_INSTAGRAM_USER}/media_publish`,
      `GET /v23.0/${container.mediaId}?fields=permalink`,
      `POST /v23.0/${container.mediaId}/comments`,
    ]);
    expect(fake.requests[3]!.body).toEqual({ creation_id: container.id });
    expect(fake.requests[1]!.headers.authorization).toBe(`Bearer ${FAKE_INSTAGRAM_TOKEN}`);
    expect(req.saved).toEqual([
      { children: [], containerId: container.id, createdAt: expect.any(Number) },
    ]);
    expect(result).toEqual({
      platformPostId: container.mediaId,
      url: `https://www.instagram.com/p/${container.mediaId}`,
    });
    expect(fake.comments).toEqual([
      { mediaId: container.mediaId, message: 'Tickets an der Abendkasse' },
    ]);
  });

  it('builds a carousel from items, a reel and a story with their documented fields', async () => {
    await adapter().publish(request({ media: [photo('a', 'Bühne'), video('b')] }));
    expect(fake.containers.map((c) => c.body)).toEqual([
      { image_url: 'https://cdn.example.com/a.jpg', is_carousel_item: true, alt_text: 'Bühne' },
      { media_type: 'VIDEO', video_url: 'https://cdn.example.com/b.mp4', is_carousel_item: true },
      {
        media_type: 'CAROUSEL',
        caption: 'Heute Abend: Jazz im Café #jazz',
        children: `${fake.containers[0]!.id},${fake.containers[1]!.id}`,
      },
    ]);
    expect(fake.publishCalls).toEqual([fake.containers[2]!.id]);

    await adapter().publish(request({ media: [video('r')], options: { format: 'reel' } }));
    expect(fake.containers[3]!.body).toEqual({
      media_type: 'REELS',
      video_url: 'https://cdn.example.com/r.mp4',
      caption: 'Heute Abend: Jazz im Café #jazz',
    });
    await adapter().publish(request({ options: { format: 'story' } }));
    expect(fake.containers[4]!.body).toEqual({
      media_type: 'STORIES',
      image_url: 'https://cdn.example.com/a.jpg',
    });
  });

  it('polls a container IN_PROGRESS until it is FINISHED, then publishes', async () => {
    fake.processNext(3);
    await adapter().publish(request({ media: [video('v')] }));
    const id = fake.containers[0]!.id;
    expect(paths().filter((p) => p.includes(`/${id}?fields=`))).toHaveLength(4);
    expect(fake.publishCalls).toEqual([id]);
  });

  it('a container in ERROR is permanent with the platform’s message, and nothing is published', async () => {
    fake.failNext('The aspect ratio is not supported.');
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'permanent',
      code: 'CONTAINER_FAILED',
      message: 'Instagram could not process the media: The aspect ratio is not supported.',
    });
    expect(fake.publishCalls).toEqual([]);
  });

  it('a retry after a checkpoint reuses the container and never creates a second one', async () => {
    fake.processNext(10);
    const req = request({ media: [video('v')] });
    await expect(adapter(2_000, 2).publish(req)).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'CONTAINER_NOT_READY',
    });
    expect(req.checkpoint).toMatchObject({ containerId: fake.containers[0]!.id });
    fake.containers[0]!.status = 'FINISHED';
    const result = await adapter().publish({ ...req, attempt: 2 });
    expect(fake.containers).toHaveLength(1);
    expect(fake.publishCalls).toEqual([fake.containers[0]!.id]);
    expect(result.platformPostId).toBe(fake.containers[0]!.mediaId);
  });

  it('media_publish timing out is unknown; reconcile finds the post through the container, and a retry publishes nothing twice', async () => {
    fake.publishThenHang();
    const req = request();
    await expect(adapter(300).publish(req)).rejects.toMatchObject({
      errorClass: 'unknown',
      code: 'TIMEOUT_AFTER_SEND',
    });
    const container = fake.containers[0]!;
    expect(container.status).toBe('PUBLISHED');
    await expect(adapter().reconcile!(req)).resolves.toEqual({
      status: 'published',
      platformPostId: container.mediaId,
      url: `https://www.instagram.com/p/${container.mediaId}`,
    });
    await expect(adapter().publish({ ...req, attempt: 2 })).resolves.toMatchObject({
      platformPostId: container.mediaId,
    });
    expect(fake.publishCalls).toEqual([container.id]);
    expect(fake.containers).toHaveLength(1);
  });

  it('reconcile says absent when no container was made or it was never published', async () => {
    const req = request();
    await expect(adapter().reconcile!(req)).resolves.toEqual({ status: 'absent' });
    fake.processNext(10);
    await expect(adapter(2_000, 1).publish(req)).rejects.toMatchObject({
      code: 'CONTAINER_NOT_READY',
    });
    await expect(adapter().reconcile!(req)).resolves.toEqual({ status: 'absent' });
  });

  it('refuses as retryable, before creating anything, when the publishing limit is used up', async () => {
    fake.quota.used = 50;
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'PUBLISHING_LIMIT_REACHED',
    });
    expect(fake.containers).toEqual([]);
  });

  it.each([4, 17, 32, 613])('rate limit code %i is retryable', async (code) => {
    fake.errorNext(code, 'Application request limit reached', {
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          [FAKE_INSTAGRAM_USER]: [{ call_count: 100, estimated_time_to_regain_access: 5 }],
        }),
      },
    });
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 300_000 },
    });
  });

  it('HTTP 429 and an X-App-Usage at 100 % are retryable', async () => {
    fake.next({ kind: 'rateLimit', retryAfter: 30 });
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
    });
    fake.errorNext(100, 'Calls are throttled', {
      headers: { 'x-app-usage': '{"call_count":100,"total_cputime":12,"total_time":40}' },
    });
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
    });
    expect(fake.containers).toEqual([]);
  });

  it('an expired token (code 190) is permanent and the token is not in the message', async () => {
    const error = await adapter()
      .publish(request({}, 'EAAB-expired-token'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorClass: 'permanent', code: 'TOKEN_REVOKED' });
    expect(String((error as Error).message)).not.toContain('EAAB-expired-token');
  });

  it('refuses invalid options, a post without media and a story with two media as permanent', async () => {
    await expect(adapter().publish(request({ options: { board: 'x' } }))).rejects.toMatchObject({
      code: 'OPTIONS_INVALID',
    });
    await expect(adapter().publish(request({ media: [] }))).rejects.toMatchObject({
      code: 'MEDIA_REQUIRED',
    });
    await expect(
      adapter().publish(request({ media: [photo('a'), photo('b')], options: { format: 'story' } })),
    ).rejects.toMatchObject({ errorClass: 'permanent', code: 'MEDIA_NOT_SUPPORTED' });
    expect(fake.requests).toEqual([]);
  });

  it('verifies the account by its username', async () => {
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({ ok: true, accountName: 'postplan.cafe', expiresAt: null });
  });
});
