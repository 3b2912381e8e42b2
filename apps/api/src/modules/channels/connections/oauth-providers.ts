import { type OAuthPlatform, type OAuthProvider, OAUTH_PROVIDER_OF } from '@postplan/contracts';
import { type AppConfig, type OAuthClientConfig } from '../../../config/app-config';

/**
 * The OAuth 2 apps Postplan signs in with. None of these platforms publishes a discovery
 * document that covers what we need, so the endpoints are written down here (and can be
 * pointed elsewhere by POSTPLAN_<P>_AUTHORIZE_URL / _TOKEN_URL, which the tests do).
 */
export type ProviderSpec = {
  provider: OAuthProvider;
  authorizeUrl: string;
  tokenUrl: string;
  /**
   * How the token endpoint is called: a form POST with the client in HTTP Basic (X, Pinterest)
   * or in the body (LinkedIn, Threads), or a GET with everything in the query (Meta).
   */
  tokenRequest: 'post-basic' | 'post-body' | 'get-query';
  /** X wants the client id in the body next to Basic (a public client has nothing else). */
  clientIdInBody: boolean;
  scopeSeparator: ' ' | ',';
  envName: string;
  /**
   * What follows the code exchange: Threads trades its one-hour token for a 60-day one
   * (th_exchange_token); Meta trades the user token for a long-lived one (fb_exchange_token)
   * and publishes with the page's token read with it, which does not expire.
   */
  afterCode: 'none' | 'threads-long-lived' | 'meta-page-token';
  /**
   * How the access token is renewed without the person: a refresh token (X, LinkedIn's
   * partners, Pinterest), the long-lived token itself (Threads, th_refresh_token), or not at all.
   */
  renewal: 'refresh_token' | 'threads' | 'none';
};

const META_VERSION = 'v23.0';

const SPECS: Record<OAuthProvider, Omit<ProviderSpec, 'provider'>> = {
  x: {
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    tokenRequest: 'post-basic',
    clientIdInBody: true,
    scopeSeparator: ' ',
    envName: 'POSTPLAN_X',
    afterCode: 'none',
    renewal: 'refresh_token',
  },
  linkedin: {
    authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
    tokenRequest: 'post-body',
    clientIdInBody: true,
    scopeSeparator: ' ',
    envName: 'POSTPLAN_LINKEDIN',
    afterCode: 'none',
    renewal: 'refresh_token',
  },
  meta: {
    authorizeUrl: `https://www.facebook.com/${META_VERSION}/dialog/oauth`,
    tokenUrl: `https://graph.facebook.com/${META_VERSION}/oauth/access_token`,
    tokenRequest: 'get-query',
    clientIdInBody: true,
    scopeSeparator: ',',
    envName: 'POSTPLAN_META',
    afterCode: 'meta-page-token',
    renewal: 'none',
  },
  threads: {
    authorizeUrl: 'https://threads.net/oauth/authorize',
    tokenUrl: 'https://graph.threads.net/oauth/access_token',
    tokenRequest: 'post-body',
    clientIdInBody: true,
    scopeSeparator: ',',
    envName: 'POSTPLAN_THREADS',
    afterCode: 'threads-long-lived',
    renewal: 'threads',
  },
  pinterest: {
    authorizeUrl: 'https://www.pinterest.com/oauth/',
    tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
    tokenRequest: 'post-basic',
    clientIdInBody: false,
    scopeSeparator: ',',
    envName: 'POSTPLAN_PINTEREST',
    afterCode: 'none',
    renewal: 'refresh_token',
  },
};

/**
 * What a channel asks for: enough to publish, to post the first comment and to name the
 * account, nothing more. LinkedIn's depend on the author: a member signs in with OpenID
 * Connect (`openid profile`, read by /v2/userinfo) and posts with `w_member_social`; a page
 * needs the Community Management API's organisation scopes (`rw_organization_admin` reads the
 * page's name).
 */
export function scopesFor(platform: OAuthPlatform, settings: Record<string, unknown>): string[] {
  switch (platform) {
    case 'x':
      return ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];
    case 'linkedin':
      return typeof settings['author'] === 'string' &&
        settings['author'].startsWith('urn:li:organization:')
        ? ['w_organization_social', 'r_organization_social', 'rw_organization_admin']
        : ['openid', 'profile', 'w_member_social'];
    case 'facebook':
      return [
        'pages_show_list',
        'pages_read_engagement',
        'pages_manage_posts',
        'pages_manage_engagement',
      ];
    case 'instagram':
      return [
        'instagram_basic',
        'instagram_content_publish',
        'instagram_manage_comments',
        'pages_show_list',
        'pages_read_engagement',
      ];
    case 'threads':
      return ['threads_basic', 'threads_content_publish'];
    case 'pinterest':
      return ['boards:read', 'boards:write', 'pins:read', 'pins:write', 'user_accounts:read'];
  }
}

/** The credential key each adapter reads its token from. */
export const ACCESS_TOKEN_KEY: Record<OAuthPlatform, string> = {
  x: 'accessToken',
  linkedin: 'accessToken',
  facebook: 'pageAccessToken',
  instagram: 'accessToken',
  threads: 'accessToken',
  pinterest: 'accessToken',
};

export type ConfiguredProvider = ProviderSpec & { client: OAuthClientConfig };

export class OAuthProviders {
  constructor(private readonly clients: AppConfig['oauthClients']) {}

  specFor(platform: OAuthPlatform): ProviderSpec {
    const provider = OAUTH_PROVIDER_OF[platform];
    return { provider, ...SPECS[provider] };
  }

  /** The provider with its client, or null when the operator has not registered an app. */
  configured(platform: OAuthPlatform): ConfiguredProvider | null {
    const spec = this.specFor(platform);
    const client = this.clients[spec.provider];
    if (!client) return null;
    return {
      ...spec,
      authorizeUrl: client.authorizeUrl ?? spec.authorizeUrl,
      tokenUrl: client.tokenUrl ?? spec.tokenUrl,
      client,
    };
  }
}

/** A token endpoint's answer (RFC 6749 section 5.1, plus the fields these platforms add). */
export type TokenAnswer = {
  accessToken: string;
  refreshToken: string | null;
  /** Seconds, as the platform said. */
  expiresIn: number | null;
  refreshExpiresIn: number | null;
  /** Threads and Meta name the account in the answer. */
  userId: string | null;
};

export class TokenEndpointError extends Error {
  constructor(
    readonly status: number | null,
    /** The OAuth error code (invalid_grant ...), never the body: it may echo a secret. */
    readonly oauthError: string | null,
  ) {
    super(
      `The token endpoint answered ${status ?? 'nothing'}${oauthError ? ` (${oauthError})` : ''}`,
    );
  }

  /** The grant is dead (revoked, used, expired): only a person reconnecting helps. */
  get revoked(): boolean {
    return this.oauthError === 'invalid_grant' || this.status === 401;
  }
}

/** A call to the token endpoint, with the client authenticated the way the platform wants. */
export async function requestToken(
  p: ConfiguredProvider,
  params: Record<string, string>,
  signal: AbortSignal,
): Promise<TokenAnswer> {
  const fields = new URLSearchParams(params);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (p.tokenRequest === 'post-basic' && p.client.clientSecret) {
    const pair = `${encodeURIComponent(p.client.clientId)}:${encodeURIComponent(p.client.clientSecret)}`;
    headers['Authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
    if (p.clientIdInBody) fields.set('client_id', p.client.clientId);
  } else {
    fields.set('client_id', p.client.clientId);
    if (p.client.clientSecret) fields.set('client_secret', p.client.clientSecret);
  }
  if (p.tokenRequest === 'get-query') {
    // Meta's code exchange is a GET and names no grant type.
    fields.delete('grant_type');
    const url = new URL(p.tokenUrl);
    for (const [k, v] of fields) url.searchParams.set(k, v);
    return tokenCall(url, { headers, signal });
  }
  headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return tokenCall(new URL(p.tokenUrl), { method: 'POST', headers, body: fields, signal });
}

/**
 * One token call; the answer read as RFC 6749 section 5.1 (plus the fields these platforms
 * add). Graph's errors (`{ error: { code: 190 } }`: the token is dead) count as invalid_grant.
 */
async function tokenCall(url: URL, init: RequestInit & { signal: AbortSignal }) {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error' });
  } catch {
    throw new TokenEndpointError(null, null);
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok || !json || typeof json['access_token'] !== 'string') {
    const err = json?.['error'];
    const code =
      typeof err === 'string'
        ? err
        : (err as { code?: unknown } | undefined)?.code === 190
          ? 'invalid_grant'
          : null;
    throw new TokenEndpointError(res.status, code && /^[\w.-]{1,60}$/.test(code) ? code : null);
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);
  return {
    accessToken: json['access_token'],
    refreshToken: typeof json['refresh_token'] === 'string' ? json['refresh_token'] : null,
    expiresIn: num(json['expires_in']),
    refreshExpiresIn: num(json['refresh_token_expires_in']),
    userId:
      typeof json['user_id'] === 'string' || typeof json['user_id'] === 'number'
        ? String(json['user_id'])
        : null,
  } satisfies TokenAnswer;
}

/** Where the Graph API lives for a provider: its token URL without `/oauth/access_token`. */
function graphBaseOf(p: ConfiguredProvider): string {
  return p.tokenUrl.replace(/\/oauth\/access_token\/?$/, '');
}

/**
 * Threads: the one-hour token from the code becomes a 60-day one
 * (`GET /access_token?grant_type=th_exchange_token&client_secret=…&access_token=…`).
 */
export function threadsLongLived(
  p: ConfiguredProvider,
  shortLived: string,
  signal: AbortSignal,
): Promise<TokenAnswer> {
  const url = new URL(`${graphBaseOf(p)}/access_token`);
  url.searchParams.set('grant_type', 'th_exchange_token');
  url.searchParams.set('client_secret', p.client.clientSecret ?? '');
  url.searchParams.set('access_token', shortLived);
  return tokenCall(url, { headers: { Accept: 'application/json' }, signal });
}

/**
 * Threads: a long-lived token at least a day old and not yet expired is renewed for another
 * 60 days (`GET /refresh_access_token?grant_type=th_refresh_token&access_token=…`).
 */
export function threadsRefresh(
  p: ConfiguredProvider,
  longLived: string,
  signal: AbortSignal,
): Promise<TokenAnswer> {
  const url = new URL(`${graphBaseOf(p)}/refresh_access_token`);
  url.searchParams.set('grant_type', 'th_refresh_token');
  url.searchParams.set('access_token', longLived);
  return tokenCall(url, { headers: { Accept: 'application/json' }, signal });
}

/**
 * Meta: the user token from the code (an hour or two) becomes a long-lived one (about 60 days)
 * (`GET /oauth/access_token?grant_type=fb_exchange_token&client_id=…&client_secret=…&fb_exchange_token=…`).
 * A page token read with it does not expire.
 */
export function metaLongLived(
  p: ConfiguredProvider,
  shortLived: string,
  signal: AbortSignal,
): Promise<TokenAnswer> {
  const url = new URL(p.tokenUrl);
  url.searchParams.set('grant_type', 'fb_exchange_token');
  url.searchParams.set('client_id', p.client.clientId);
  url.searchParams.set('client_secret', p.client.clientSecret ?? '');
  url.searchParams.set('fb_exchange_token', shortLived);
  return tokenCall(url, { headers: { Accept: 'application/json' }, signal });
}

type GraphPage = {
  id?: unknown;
  name?: unknown;
  access_token?: unknown;
  instagram_business_account?: { id?: unknown };
};

/**
 * The page that publishes, read with the long-lived user token: Facebook by the channel's page
 * id, Instagram as the page the business account is linked to (`/me/accounts`). Null when
 * the person manages no such page.
 */
export async function metaPageToken(
  p: ConfiguredProvider,
  target: { pageId: string } | { instagramUserId: string },
  userToken: string,
  signal: AbortSignal,
): Promise<string | null> {
  const graph = graphBaseOf(p);
  const get = async (url: URL) => {
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${userToken}`, Accept: 'application/json' },
      signal,
      redirect: 'error',
    }).catch(() => null);
    if (!res?.ok) throw new TokenEndpointError(res?.status ?? null, null);
    return (await res.json().catch(() => null)) as Record<string, unknown> | null;
  };
  if ('pageId' in target) {
    const url = new URL(`${graph}/${encodeURIComponent(target.pageId)}`);
    url.searchParams.set('fields', 'access_token,name');
    const page = (await get(url)) as GraphPage | null;
    return typeof page?.access_token === 'string' ? page.access_token : null;
  }
  let next: URL | null = new URL(`${graph}/me/accounts`);
  next.searchParams.set('fields', 'id,name,access_token,instagram_business_account');
  next.searchParams.set('limit', '100');
  for (let pages = 0; next && pages < 10; pages++) {
    const body = (await get(next)) as { data?: GraphPage[]; paging?: { next?: unknown } } | null;
    const hit = body?.data?.find((pg) => {
      const id = pg.instagram_business_account?.id;
      return (
        (typeof id === 'string' || typeof id === 'number') && String(id) === target.instagramUserId
      );
    });
    if (hit) return typeof hit.access_token === 'string' ? hit.access_token : null;
    const more = typeof body?.paging?.next === 'string' ? new URL(body.paging.next) : null;
    // Only Graph's own next page, never an address the answer could point anywhere.
    next = more && more.origin === new URL(graph).origin ? more : null;
  }
  return null;
}
