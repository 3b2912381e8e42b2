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
      return linkedinAsOrganization(settings)
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

/**
 * Whether a LinkedIn channel signs in for a company page: its author is one, or (no author
 * yet) oauth/start asked for one; `linkedinAuthor` travels inside the sealed state.
 */
export function linkedinAsOrganization(settings: Record<string, unknown>): boolean {
  return (
    settings['linkedinAuthor'] === 'organization' ||
    (typeof settings['author'] === 'string' &&
      settings['author'].startsWith('urn:li:organization:'))
  );
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
  category?: unknown;
  access_token?: unknown;
  instagram_business_account?: { id?: unknown; username?: unknown };
};

const idOf = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null;

/** A GET with the user's token; Graph's "token is dead" (code 190) reads as invalid_grant. */
async function graphGet(url: URL, token: string, signal: AbortSignal) {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
    redirect: 'error',
  }).catch(() => null);
  const json = (await res?.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res?.ok) {
    const code = (json?.['error'] as { code?: unknown } | undefined)?.code;
    throw new TokenEndpointError(res?.status ?? null, code === 190 ? 'invalid_grant' : null);
  }
  return json;
}

/**
 * Every page of `/me/accounts`, following only Graph's own `paging.next` (never an address
 * the answer could point anywhere), at most ten pages of a hundred.
 */
async function* graphPages(
  graph: string,
  fields: string,
  token: string,
  signal: AbortSignal,
): AsyncGenerator<GraphPage> {
  let next: URL | null = new URL(`${graph}/me/accounts`);
  next.searchParams.set('fields', fields);
  next.searchParams.set('limit', '100');
  for (let pages = 0; next && pages < 10; pages++) {
    const body = (await graphGet(next, token, signal)) as {
      data?: GraphPage[];
      paging?: { next?: unknown };
    } | null;
    for (const page of body?.data ?? []) yield page;
    const more = typeof body?.paging?.next === 'string' ? new URL(body.paging.next) : null;
    next = more && more.origin === new URL(graph).origin ? more : null;
  }
}

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
  if ('pageId' in target) {
    const url = new URL(`${graph}/${encodeURIComponent(target.pageId)}`);
    url.searchParams.set('fields', 'access_token,name');
    const page = (await graphGet(url, userToken, signal)) as GraphPage | null;
    return typeof page?.access_token === 'string' ? page.access_token : null;
  }
  const fields = 'id,name,access_token,instagram_business_account';
  for await (const pg of graphPages(graph, fields, userToken, signal)) {
    if (idOf(pg.instagram_business_account?.id) === target.instagramUserId)
      return typeof pg.access_token === 'string' ? pg.access_token : null;
  }
  return null;
}

/** A Facebook page the person manages, and the Instagram business account linked to it. */
export type MetaPage = {
  id: string;
  name: string;
  category: string | null;
  instagram: { id: string; username: string | null } | null;
};

/**
 * The pages the person manages, for the picker: names, categories and linked Instagram
 * accounts, without the page tokens (those are read again for the one picked).
 */
export async function metaPages(
  p: ConfiguredProvider,
  userToken: string,
  signal: AbortSignal,
): Promise<MetaPage[]> {
  const out: MetaPage[] = [];
  const fields = 'id,name,category,instagram_business_account{id,username}';
  for await (const pg of graphPages(graphBaseOf(p), fields, userToken, signal)) {
    const id = idOf(pg.id);
    if (!id) continue;
    const ig = idOf(pg.instagram_business_account?.id);
    const username = pg.instagram_business_account?.username;
    out.push({
      id,
      name: typeof pg.name === 'string' ? pg.name : id,
      category: typeof pg.category === 'string' ? pg.category : null,
      instagram: ig ? { id: ig, username: typeof username === 'string' ? username : null } : null,
    });
  }
  return out;
}

export const LINKEDIN_API = 'https://api.linkedin.com';

/** A LinkedIn company page the member administers. */
export type LinkedinOrganization = { id: string; name: string };

/**
 * The organisations the member is an approved ADMINISTRATOR of
 * (`GET /rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`), named by
 * one batch lookup (`GET /rest/organizations?ids=List(…)`). Both are Rest.li finders and
 * need `X-Restli-Protocol-Version: 2.0.0` and a `LinkedIn-Version`.
 */
export async function linkedinAdminOrganizations(
  apiBase: string,
  version: string,
  token: string,
  signal: AbortSignal,
): Promise<LinkedinOrganization[]> {
  const get = async (path: string) => {
    const res = await fetch(`${apiBase.replace(/\/+$/, '')}${path}`, {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'LinkedIn-Version': version,
        'X-Restli-Protocol-Version': '2.0.0',
      },
      signal,
      redirect: 'error',
    }).catch(() => null);
    if (!res?.ok) throw new TokenEndpointError(res?.status ?? null, null);
    return ((await res.json().catch(() => null)) ?? {}) as Record<string, unknown>;
  };
  const ids: string[] = [];
  const PAGE = 100;
  for (let start = 0; start < 10 * PAGE; start += PAGE) {
    const body = await get(
      `/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=${start}&count=${PAGE}`,
    );
    const elements = Array.isArray(body['elements'])
      ? (body['elements'] as { organization?: unknown }[])
      : [];
    for (const e of elements) {
      const urn = typeof e.organization === 'string' ? e.organization : '';
      const id = /^urn:li:organization:(\d{1,30})$/.exec(urn)?.[1];
      if (id && !ids.includes(id)) ids.push(id);
    }
    if (elements.length < PAGE) break;
  }
  const out: LinkedinOrganization[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50);
    const body = await get(`/rest/organizations?ids=List(${chunk.join(',')})`);
    const results = (body['results'] ?? {}) as Record<string, { localizedName?: unknown }>;
    for (const id of chunk) {
      const name = results[id]?.localizedName;
      out.push({ id, name: typeof name === 'string' ? name : id });
    }
  }
  return out;
}
