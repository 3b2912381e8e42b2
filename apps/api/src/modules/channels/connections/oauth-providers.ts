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
  /** How the client authenticates at the token endpoint. */
  clientAuth: 'basic' | 'body';
  scopeSeparator: ' ' | ',';
  envName: string;
};

const SPECS: Record<OAuthProvider, Omit<ProviderSpec, 'provider'>> = {
  x: {
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    clientAuth: 'basic',
    scopeSeparator: ' ',
    envName: 'POSTPLAN_X',
  },
  linkedin: {
    authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
    clientAuth: 'body',
    scopeSeparator: ' ',
    envName: 'POSTPLAN_LINKEDIN',
  },
  meta: {
    authorizeUrl: 'https://www.facebook.com/v21.0/dialog/oauth',
    tokenUrl: 'https://graph.facebook.com/v21.0/oauth/access_token',
    clientAuth: 'body',
    scopeSeparator: ',',
    envName: 'POSTPLAN_META',
  },
  threads: {
    authorizeUrl: 'https://threads.net/oauth/authorize',
    tokenUrl: 'https://graph.threads.net/oauth/access_token',
    clientAuth: 'body',
    scopeSeparator: ',',
    envName: 'POSTPLAN_THREADS',
  },
  pinterest: {
    authorizeUrl: 'https://www.pinterest.com/oauth/',
    tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
    clientAuth: 'basic',
    scopeSeparator: ',',
    envName: 'POSTPLAN_PINTEREST',
  },
};

/** What each platform's channel asks for: enough to publish and to name the account. */
export const PLATFORM_SCOPES: Record<OAuthPlatform, string[]> = {
  x: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
  linkedin: ['w_member_social', 'w_organization_social', 'r_organization_social'],
  facebook: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
  instagram: [
    'instagram_basic',
    'instagram_content_publish',
    'pages_show_list',
    'pages_read_engagement',
  ],
  threads: ['threads_basic', 'threads_content_publish'],
  pinterest: ['boards:read', 'pins:write', 'user_accounts:read'],
};

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

/** One POST to the token endpoint, with the client authenticated the way the platform wants. */
export async function requestToken(
  p: ConfiguredProvider,
  params: Record<string, string>,
  signal: AbortSignal,
): Promise<TokenAnswer> {
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (p.clientAuth === 'basic' && p.client.clientSecret) {
    const pair = `${encodeURIComponent(p.client.clientId)}:${encodeURIComponent(p.client.clientSecret)}`;
    headers['Authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
    // X wants the client id in the body as well when it is a public client; harmless otherwise.
    body.set('client_id', p.client.clientId);
  } else {
    body.set('client_id', p.client.clientId);
    if (p.client.clientSecret) body.set('client_secret', p.client.clientSecret);
  }
  let res: Response;
  try {
    res = await fetch(p.tokenUrl, { method: 'POST', headers, body, signal, redirect: 'error' });
  } catch {
    throw new TokenEndpointError(null, null);
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok || !json || typeof json['access_token'] !== 'string') {
    const err = json && typeof json['error'] === 'string' ? json['error'] : null;
    throw new TokenEndpointError(res.status, err && /^[\w.-]{1,60}$/.test(err) ? err : null);
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
  };
}
