import { type PublishMedia, type PublishRequest } from '../adapter';
import {
  FAKE_FACEBOOK_PAGE,
  FAKE_FACEBOOK_TOKEN,
  type FakeFacebook,
  startFakeFacebook,
} from './facebook.fake';
import { createFacebookAdapter } from './facebook.adapter';

const photo = (id: string, altText: string | null = null): PublishMedia => ({
  id,
  url: `https://cdn/${id}.jpg`,
  mimeType: 'image/jpeg',
  altText,
  width: 1,
  height: 1,
  bytes: 3,
});

describe('Facebook Pages adapter', () => {
  let fake: FakeFacebook;
  beforeEach(async () => {
    fake = await startFakeFacebook();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000) =>
    createFacebookAdapter({
      graphBase: fake.url,
      timeoutMs,
      fetchMedia: () => Promise.resolve(new Uint8Array([1, 2, 3])),
    });

  function request(
    content: Partial<PublishRequest['content']> = {},
    token = FAKE_FACEBOOK_TOKEN,
  ): PublishRequest {
    return {
      idempotencyKey: 'pub-fb-1',
      attempt: 1,
      channel: {
        id: 'ch-f',
        name: 'Facebook',
        platform: 'facebook',
        settings: { pageId: FAKE_FACEBOOK_PAGE },
        credentials: { pageAccessToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: 'Heute Abend: Jazz im Café',
        tags: [],
        media: [],
        options: { link: 'https://example.com/jazz', firstComment: 'Tickets an der Abendkasse' },
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
      },
      checkpoint: null,
      saveCheckpoint: () => Promise.resolve(),
      signal: new AbortController().signal,
    };
  }

  it('reads every comment and reply of a Page post, following the pages, oldest first', async () => {
    const { platformPostId } = await adapter().publish(request());
    const first = fake.visitorComment(platformPostId, {
      fromId: '5550001',
      fromName: 'Anna M.',
      message: 'Dabei! @Lisa',
      createdTime: '2026-12-03T10:00:00+0000',
    });
    fake.visitorComment(platformPostId, {
      fromId: '5550002',
      fromName: 'Lisa K.',
      message: 'Ich auch',
      createdTime: '2026-12-03T11:00:00+0000',
      parentId: first,
    });
    fake.visitorComment(platformPostId, {
      fromId: '5550003',
      fromName: 'Bert',
      message: 'Hier',
      createdTime: '2026-12-03T12:00:00+0000',
    });
    const replies = await adapter().listReplies!(
      request().channel,
      platformPostId,
      null,
      new AbortController().signal,
    );
    expect(replies.map((r) => [r.authorHandle, r.authorName, r.parentId])).toEqual([
      ['5550001', 'Anna M.', null],
      ['5550002', 'Lisa K.', first],
      ['5550003', 'Bert', null],
    ]);
    // Three comments, two per page: the second page came from paging.next.
    expect(
      fake.requests.filter((r) => r.method === 'GET' && r.path.includes('/comments')),
    ).toHaveLength(2);
  });

  it('posts text with a link to the feed, then the first comment, on the versioned Graph API', async () => {
    const result = await adapter().publish(request());
    const post = fake.feed[0]!;
    expect(result).toEqual({ platformPostId: post.id, url: `https://www.facebook.com/${post.id}` });
    expect(post.body).toEqual({
      message: 'Heute Abend: Jazz im Café',
      link: 'https://example.com/jazz',
    });
    expect(fake.requests[0]!.path).toBe(`/v23.0/${FAKE_FACEBOOK_PAGE}/feed`);
    expect(fake.comments).toEqual([{ postId: post.id, message: 'Tickets an der Abendkasse' }]);
  });

  it('posts one photo with its caption and alt text to /photos', async () => {
    const result = await adapter().publish(
      request({ media: [photo('a', 'Die Band auf der Bühne')], options: {} }),
    );
    expect(fake.photos).toEqual([
      {
        id: expect.any(String),
        published: true,
        message: 'Heute Abend: Jazz im Café',
        alt: 'Die Band auf der Bühne',
      },
    ]);
    expect(result.platformPostId).toMatch(new RegExp(`^${FAKE_FACEBOOK_PAGE}_\\d+$`));
    expect(fake.feed).toEqual([]);
  });

  it('uploads several photos unpublished and attaches them to one post', async () => {
    await adapter().publish(request({ media: [photo('a'), photo('b')], options: {} }));
    expect(fake.photos.map((p) => p.published)).toEqual([false, false]);
    expect(fake.feed[0]!.body).toEqual({
      message: 'Heute Abend: Jazz im Café',
      attached_media: fake.photos.map((p) => ({ media_fbid: p.id })),
    });
  });

  it('refuses a duplicate status message (code 506) as permanent', async () => {
    await adapter().publish(request({ options: {} }));
    await expect(adapter().publish(request({ options: {} }))).rejects.toMatchObject({
      errorClass: 'permanent',
      code: 'DUPLICATE',
    });
    expect(fake.feed).toHaveLength(1);
  });

  it.each([
    [
      190,
      'Error validating access token: The user has not authorized application.',
      'permanent',
      'TOKEN_REVOKED',
    ],
    [200, 'Permissions error', 'permanent', 'FORBIDDEN'],
    [
      368,
      'The action attempted has been deemed abusive or is otherwise disallowed',
      'permanent',
      'FACEBOOK_BLOCKED',
    ],
    [100, 'Invalid parameter', 'permanent', 'FACEBOOK_REJECTED'],
    [
      2,
      'An unexpected error has occurred. Please retry your request later.',
      'unknown',
      'FACEBOOK_SERVER_ERROR',
    ],
  ] as const)('classifies code %i ("%s") as %s', async (code, message, errorClass, errorCode) => {
    fake.errorNext(code, message);
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass,
      code: errorCode,
    });
  });

  it('a rate limit waits as long as X-Business-Use-Case-Usage says', async () => {
    fake.errorNext(32, 'Page request limit reached', {
      'x-business-use-case-usage': JSON.stringify({
        [FAKE_FACEBOOK_PAGE]: [
          { type: 'pages', call_count: 100, estimated_time_to_regain_access: 12 },
        ],
      }),
    });
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 720_000 },
    });
  });

  it('a server error while uploading an unpublished photo is retryable: nothing was posted', async () => {
    fake.errorNext(1, 'An unknown error occurred');
    await expect(
      adapter().publish(request({ media: [photo('a'), photo('b')], options: {} })),
    ).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'FACEBOOK_UNAVAILABLE',
    });
  });

  it('times out as unknown and verifies the page by name', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    await expect(adapter(300).publish(request())).rejects.toMatchObject({
      errorClass: 'unknown',
      code: 'TIMEOUT_AFTER_SEND',
    });
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({ ok: true, accountName: 'Postplan Café', expiresAt: null });
  });
});
