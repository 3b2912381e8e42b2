import { type PublishError, type PublishRequest } from '../adapter';
import {
  FAKE_LINKEDIN_ORG,
  FAKE_LINKEDIN_TOKEN,
  type FakeLinkedin,
  startFakeLinkedin,
} from './linkedin.fake';
import { renderLittleText, toLittleText } from './linkedin-little-text';
import { createLinkedinAdapter } from './linkedin.adapter';

async function failure(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    return e as PublishError;
  }
  throw new Error('expected a rejection');
}

const TRICKY =
  'Neu (endlich!): 50 % auf *alles* [nur heute] — Fragen an support@postplan.de, <3 ~ Team_Nord | #Sommerfest #2026 C:\\Temp {x} https://de.wikipedia.org/wiki/Köln_(Stadt)#Geschichte';

describe('LinkedIn little text', () => {
  it('escapes every reserved character, so what LinkedIn shows is the whole text', () => {
    const commentary = toLittleText(TRICKY);
    expect(renderLittleText(commentary)).toBe(TRICKY);
    // Unescaped, LinkedIn would cut the post at the first bracket.
    expect(renderLittleText(TRICKY)).toBe('Neu ');
  });

  it('keeps hashtags clickable with the hashtag template, but not a "#" inside a URL', () => {
    expect(toLittleText('Hallo #Grünkohl und #1 https://x.de/#top')).toBe(
      'Hallo {hashtag|\\#|Grünkohl} und \\#1 https://x.de/\\#top',
    );
  });
});

describe('LinkedIn adapter', () => {
  let fake: FakeLinkedin;
  beforeEach(async () => {
    fake = await startFakeLinkedin();
  });
  afterEach(() => fake.close());

  const adapter = (timeoutMs = 2_000) =>
    createLinkedinAdapter({
      apiBase: fake.url,
      timeoutMs,
      fetchMedia: () => Promise.resolve(new Uint8Array([1, 2, 3, 4])),
    });

  function request(
    content: Partial<PublishRequest['content']> = {},
    author = FAKE_LINKEDIN_ORG,
    token = FAKE_LINKEDIN_TOKEN,
  ): PublishRequest {
    return {
      idempotencyKey: 'pub-li-1',
      attempt: 1,
      channel: {
        id: 'ch-l',
        name: 'LinkedIn',
        platform: 'linkedin',
        settings: { author },
        credentials: { accessToken: token },
      },
      content: {
        postId: 'p',
        title: null,
        text: TRICKY,
        tags: [],
        media: [],
        options: {},
        plannedAt: '2026-12-03T09:00:00.000Z',
        contentHash: 'h',
        ...content,
      },
      checkpoint: null,
      saveCheckpoint: () => Promise.resolve(),
      signal: new AbortController().signal,
    };
  }

  it('creates an organisation post with the documented fields; LinkedIn shows the whole text', async () => {
    const result = await adapter().publish(request());
    const post = fake.linkedinPosts[0]!;
    expect(result).toEqual({
      platformPostId: post.urn,
      url: `https://www.linkedin.com/feed/update/${post.urn}/`,
    });
    expect(post.shown).toBe(TRICKY);
    const sent = fake.requests.at(-1)!;
    expect(sent.headers['linkedin-version']).toMatch(/^\d{6}$/);
    expect(sent.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(sent.body).toEqual({
      author: FAKE_LINKEDIN_ORG,
      commentary: toLittleText(TRICKY),
      visibility: 'PUBLIC',
      distribution: {
        feedDistribution: 'MAIN_FEED',
        targetEntities: [],
        thirdPartyDistributionChannels: [],
      },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
  });

  it('posts as a member for connections only, with two images and alt text, then the first comment', async () => {
    const image = (id: string) => ({
      id,
      url: `https://cdn/${id}.jpg`,
      mimeType: 'image/jpeg',
      altText: `Bild ${id}`,
      width: 1,
      height: 1,
      bytes: 4,
    });
    const result = await adapter().publish(
      request(
        {
          media: [image('a'), image('b')],
          options: { visibility: 'CONNECTIONS', firstComment: 'Mehr dazu (bald)' },
        },
        'urn:li:person:8675309',
      ),
    );
    const post = fake.linkedinPosts[0]!;
    expect(post.body).toMatchObject({
      author: 'urn:li:person:8675309',
      visibility: 'CONNECTIONS',
      content: {
        multiImage: {
          images: [
            { id: 'urn:li:image:C4E10AQ1', altText: 'Bild a' },
            { id: 'urn:li:image:C4E10AQ2', altText: 'Bild b' },
          ],
        },
      },
    });
    expect([...fake.uploads.values()]).toEqual([4, 4]);
    expect(fake.comments).toEqual([{ urn: result.platformPostId, text: 'Mehr dazu \\(bald\\)' }]);
  });

  it('takes a duplicate on a retry as its own earlier attempt, naming the post', async () => {
    const first = await adapter().publish(request());
    const e = await failure(adapter().publish({ ...request(), attempt: 2 }));
    expect(e).toMatchObject({ code: 'DUPLICATE_POST', options: { existing: first } });
    expect(fake.linkedinPosts).toHaveLength(1);
  });

  it('fails a first attempt whose text is on the page already, naming that post instead of taking it', async () => {
    const earlier = await adapter().publish({ ...request(), idempotencyKey: 'pub-li-0' });
    const e = await failure(adapter().publish(request()));
    expect(e).toMatchObject({ errorClass: 'permanent', code: 'DUPLICATE_POST' });
    expect(e.options.existing).toBeUndefined();
    expect(e.message).toContain(earlier.url);
    expect(fake.linkedinPosts).toHaveLength(1);
  });

  it.each([
    [
      401,
      'REVOKED_ACCESS_TOKEN',
      'The token used in the request has been revoked by the user',
      'permanent',
      'TOKEN_REVOKED',
    ],
    [
      426,
      'NONEXISTENT_VERSION',
      'Requested version 202401 is not active',
      'permanent',
      'LINKEDIN_VERSION_UNSUPPORTED',
    ],
    [
      422,
      'UNPROCESSABLE_ENTITY',
      'ERROR :: /commentary :: length exceeds 3000',
      'permanent',
      'LINKEDIN_REJECTED',
    ],
    [504, 'GATEWAY_TIMEOUT', 'Gateway timeout', 'unknown', 'LINKEDIN_SERVER_ERROR'],
  ] as const)(
    'classifies %i %s ("%s") as %s',
    async (status, code, message, errorClass, errorCode) => {
      fake.errorNext(status, code, message);
      await expect(adapter().publish(request())).rejects.toMatchObject({
        errorClass,
        code: errorCode,
      });
    },
  );

  it('a 429 is retryable and honours Retry-After when LinkedIn sends one', async () => {
    fake.errorNext(
      429,
      'TOO_MANY_REQUESTS',
      'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      { 'retry-after': '3600' },
    );
    await expect(adapter().publish(request())).rejects.toMatchObject({
      errorClass: 'retryable',
      code: 'RATE_LIMITED',
      options: { retryAfterMs: 3_600_000 },
    });
  });

  it('a page the member may not post for is permanent, and "connections only" is refused for pages', async () => {
    await expect(adapter().publish(request({}, 'urn:li:organization:999'))).rejects.toMatchObject({
      errorClass: 'permanent',
      code: 'FORBIDDEN',
    });
    await expect(
      adapter().publish(request({ options: { visibility: 'CONNECTIONS' } })),
    ).rejects.toMatchObject({ code: 'OPTIONS_INVALID' });
  });

  it('reconciles by the commentary among the author’s recent posts', async () => {
    const linkedin = adapter();
    await expect(linkedin.reconcile!(request())).resolves.toMatchObject({ status: 'unknown' });
    const published = await linkedin.publish(request());
    await expect(linkedin.reconcile!(request())).resolves.toEqual({
      status: 'published',
      ...published,
    });
  });

  it('times out as unknown and verifies a page by its name', async () => {
    fake.next({ kind: 'commitThenTimeout' });
    await expect(adapter(300).publish(request())).rejects.toMatchObject({
      errorClass: 'unknown',
      code: 'TIMEOUT_AFTER_SEND',
    });
    await expect(
      adapter().verify!(request().channel, new AbortController().signal),
    ).resolves.toEqual({ ok: true, accountName: 'Devtestco', expiresAt: null });
  });
});
