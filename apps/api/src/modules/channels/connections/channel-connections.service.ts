import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type AccountChoice,
  type AccountChoicePlatform,
  type AccountChoicesResponse,
  CHANNEL_CREDENTIAL_SCHEMAS,
  CHANNEL_SETTINGS_SCHEMAS,
  type ChannelConnection,
  type ConnectChannelRequestSchema,
  isOAuthPlatform,
  type OAuthPlatform,
  type OAuthStartResponse,
  PLATFORM_CONNECT_KIND,
  type Platform,
} from '@postplan/contracts';
import {
  type ChannelTarget,
  LINKEDIN_DEFAULT_VERSION,
  type PlatformAdapter,
  PublishError,
} from '@postplan/platforms';
import { type EntityManager } from 'typeorm';
import { type z } from 'zod';
import { AppError } from '../../../common/errors/app-error';
import { randomSecret, sha256 } from '../../../common/auth/secrets';
import { Clock } from '../../../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { NotificationsService } from '../../notifications/notifications.service';
import { PlatformAdapters } from '../../publishing/platform-adapters';
import { WorkspacesService } from '../../workspaces/workspaces.service';
import { type ChannelEntity, type ChannelSettings } from '../channel.entity';
import { ChannelsRepository } from '../channels.repository';
import {
  type AccountChoiceRow,
  type ChannelAlert,
  ChannelCredentialsRepository,
  type ConnectionMeta,
  type CredentialRow,
  type OAuthStateRow,
  sealedOf,
} from './channel-credentials.repository';
import { CredentialCipher, CredentialKeyMissingError } from './credential-cipher';
import {
  ACCESS_TOKEN_KEY,
  type ConfiguredProvider,
  LINKEDIN_API,
  linkedinAdminOrganizations,
  linkedinAsOrganization,
  metaLongLived,
  metaPageToken,
  metaPages,
  OAuthProviders,
  requestToken,
  scopesFor,
  threadsLongLived,
  threadsRefresh,
  type TokenAnswer,
  TokenEndpointError,
} from './oauth-providers';

/** How a sign-in ended: connected, or waiting for the person to pick the page or account. */
export type OAuthOutcome = {
  channelId: string;
  workspaceId: string;
  outcome: 'connected' | 'choose';
};

/** What the token the code gave becomes: the one to keep, or a choice to offer first. */
type Keepable =
  | { answer: TokenAnswer }
  | { choose: AccountChoice[]; keep: TokenAnswer; platform: AccountChoicePlatform };

/** A refused OAuth callback whose state named a workspace (so the browser can go back there). */
export class OAuthCallbackError extends Error {
  constructor(
    readonly error: AppError,
    readonly workspaceId: string,
  ) {
    super(error.message);
  }
}

/** A connection whose end is this close counts as expiring (and raises an alert). */
export const EXPIRING_WITHIN_MS = 7 * 24 * 3_600_000;
/** An access token this close to its end is refreshed before use. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * A Threads token (60 days) is renewed once this little of it is left, by the daily check or
 * the next publication, so a failing renewal has weeks to succeed before the connection ends
 * (and the 7-day alert still fires if it never does).
 */
export const SELF_RENEW_WITHIN_MS = 30 * 24 * 3_600_000;
/** Threads renews a long-lived token only once it is at least a day old. */
const SELF_RENEW_MIN_AGE_MS = 24 * 3_600_000;
const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** How long a sign-in waits for the person to pick the page or account. */
export const ACCOUNT_CHOICE_TTL_MS = 15 * 60_000;
/** The most accounts one choice offers (Graph and LinkedIn are read ten pages deep at most). */
const MAX_CHOICES = 500;
const VERIFY_TIMEOUT_MS = 15_000;

type Issue = { path: string; message: string; code?: string };
const issuesOf = (e: z.ZodError, prefix: string): Issue[] =>
  e.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    message: i.message,
    code: i.code,
  }));

/** What a verify or a refresh learned, as the row keeps it. */
function secretsOf(answer: TokenAnswer, platform: OAuthPlatform) {
  const secrets: Record<string, string> = { [ACCESS_TOKEN_KEY[platform]]: answer.accessToken };
  if (answer.refreshToken) secrets['refreshToken'] = answer.refreshToken;
  return secrets;
}

/**
 * Connecting channels to accounts, and handing the engine a channel's decrypted credentials
 * (refreshing an OAuth token first when it is about to run out, once per account however many
 * publications ask at the same time).
 */
@Injectable()
export class ChannelConnectionsService {
  private readonly log = new Logger(ChannelConnectionsService.name);
  readonly cipher: CredentialCipher;
  private readonly verifierCipher: CredentialCipher;
  /** The tokens a sign-in left waiting for a pick: a purpose of their own, never opened as credentials. */
  private readonly choiceCipher: CredentialCipher;
  readonly providers: OAuthProviders;
  /** Refreshes in flight in this process, per channel; other processes wait on the row lock. */
  private readonly refreshing = new Map<string, Promise<Record<string, string>>>();

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly repo: ChannelCredentialsRepository,
    private readonly adapters: PlatformAdapters,
    private readonly notifications: NotificationsService,
    private readonly workspaces: WorkspacesService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new CredentialCipher(config.secretKeys);
    this.verifierCipher = new CredentialCipher(config.secretKeys, 'oauth-verifier');
    this.choiceCipher = new CredentialCipher(config.secretKeys, 'oauth-account-choice');
    this.providers = new OAuthProviders(config.oauthClients);
  }

  /** The redirect URL every platform app registers (one per server). */
  get callbackUrl(): string {
    const base = (
      this.config.publicUrl ?? `http://${this.config.host}:${this.config.port}`
    ).replace(/\/+$/, '');
    return `${base}/api/v1/oauth/callback`;
  }

  // ---- what the API shows ----

  async connectionsOf(channels: ChannelEntity[]): Promise<Map<string, ChannelConnection>> {
    const rows = await this.repo.forChannels(channels.map((c) => c.id));
    const now = this.clock.nowMs();
    return new Map(channels.map((c) => [c.id, this.view(c.platform, rows.get(c.id) ?? null, now)]));
  }

  view(platform: Platform, row: CredentialRow | null, now: number): ChannelConnection {
    const kind = PLATFORM_CONNECT_KIND[platform];
    const configured = isOAuthPlatform(platform)
      ? this.providers.configured(platform) !== null
      : true;
    if (!row) {
      const none = kind === 'none';
      return {
        connected: none,
        status: none ? 'connected' : 'not_connected',
        kind,
        accountName: null,
        connectedAt: null,
        verifiedAt: null,
        expiresAt: null,
        lastError: null,
        configured,
      };
    }
    return {
      connected: true,
      status: statusOf(row, now),
      kind,
      accountName: row.account_name,
      connectedAt: row.connected_at.toISOString(),
      verifiedAt: row.verified_at?.toISOString() ?? null,
      expiresAt: row.expires_at?.toISOString() ?? null,
      lastError: row.last_error_code
        ? { code: row.last_error_code, message: row.last_error_message ?? '' }
        : null,
      configured,
    };
  }

  // ---- settings ----

  parseSettings(platform: Platform, settings: unknown): ChannelSettings {
    const schema: z.ZodType<ChannelSettings> = CHANNEL_SETTINGS_SCHEMAS[platform];
    const parsed = schema.safeParse(settings ?? {});
    if (!parsed.success) {
      throw new AppError(
        'CHANNEL_SETTINGS_INVALID',
        'A setting of this channel does not fit its platform.',
        { issues: issuesOf(parsed.error, 'settings') },
      );
    }
    return parsed.data;
  }

  // ---- connecting with a form ----

  /**
   * Checks the account with the platform first (without posting), and stores settings and
   * encrypted secrets together only when the platform said yes: a refused connect changes
   * nothing.
   */
  async connectWithForm(
    channel: ChannelEntity,
    input: z.output<typeof ConnectChannelRequestSchema>,
    userId: string,
  ): Promise<void> {
    const kind = PLATFORM_CONNECT_KIND[channel.platform];
    if (kind !== 'form') {
      throw new AppError(
        'CHANNEL_CONNECT_KIND_WRONG',
        kind === 'oauth'
          ? 'This platform is connected by signing in there (OAuth), not with a form.'
          : 'This kind of channel needs no account.',
        { kind },
      );
    }
    const settings = this.parseSettings(channel.platform, input.settings ?? {});
    const schema = (CHANNEL_CREDENTIAL_SCHEMAS as Partial<Record<Platform, z.ZodType>>)[
      channel.platform
    ];
    const parsed = schema!.safeParse(input.credentials ?? {});
    if (!parsed.success) {
      throw new AppError(
        'CHANNEL_CREDENTIALS_INVALID',
        'The credentials do not have the expected form.',
        {
          issues: issuesOf(parsed.error, 'credentials'),
        },
      );
    }
    const secrets = Object.fromEntries(
      Object.entries(parsed.data as Record<string, string | undefined>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
    const target: ChannelTarget = {
      id: channel.id,
      name: channel.name,
      platform: channel.platform,
      settings,
      credentials: secrets,
    };
    const checked = await this.verify(target);
    const now = this.clock.now();
    const accountName =
      checked?.accountName ??
      (typeof settings['accountName'] === 'string' ? settings['accountName'] : null) ??
      (typeof settings['identifier'] === 'string' ? settings['identifier'] : null);
    const expires = checked?.expiresAt ? new Date(checked.expiresAt) : null;
    await this.store(channel, settings, secrets, userId, now, {
      method: 'form',
      accountName,
      accessExpiresAt: expires,
      expiresAt: expires,
      verifiedAt: checked ? now : null,
    });
  }

  /** Null when the adapter cannot check (Slack webhooks, the sandbox); throws when it said no. */
  private async verify(
    target: ChannelTarget,
  ): Promise<{ accountName: string | null; expiresAt: string | null } | null> {
    const adapter = this.adapters.get(target.platform);
    if (!adapter?.verify) return null;
    const result = await adapter
      .verify(target, AbortSignal.timeout(VERIFY_TIMEOUT_MS))
      .catch((e: unknown) => ({
        ok: false as const,
        error:
          e instanceof PublishError
            ? e
            : new PublishError('unknown', 'VERIFY_CRASHED', 'The check did not finish.'),
      }));
    if (!result.ok) {
      throw new AppError(
        'CHANNEL_VERIFY_FAILED',
        `The platform did not accept these credentials: ${result.error.message}`,
        { platformCode: result.error.code, errorClass: result.error.errorClass },
      );
    }
    return { accountName: result.accountName, expiresAt: result.expiresAt };
  }

  private async store(
    channel: ChannelEntity,
    settings: ChannelSettings,
    secrets: Record<string, string>,
    userId: string | null,
    now: Date,
    meta: ConnectionMeta,
    inside?: EntityManager,
  ): Promise<void> {
    const write = async (em: EntityManager) => {
      await this.channels.update(channel.workspaceId, channel.id, { settings }, em);
      await this.repo.upsert(em, {
        channelId: channel.id,
        workspaceId: channel.workspaceId,
        sealed: this.cipher.seal(channel.id, secrets),
        meta,
        connectedAt: now,
        connectedBy: userId,
      });
    };
    await (inside ? write(inside) : this.repo.transaction(write));
  }

  async disconnect(channel: ChannelEntity): Promise<void> {
    await this.repo.remove(channel.id);
  }

  // ---- OAuth 2 with PKCE ----

  private configuredOrThrow(platform: Platform): ConfiguredProvider & { platform: OAuthPlatform } {
    if (!isOAuthPlatform(platform)) {
      throw new AppError(
        'CHANNEL_CONNECT_KIND_WRONG',
        'This platform is connected with a form, not by signing in there.',
        { kind: PLATFORM_CONNECT_KIND[platform] },
      );
    }
    const p = this.providers.configured(platform);
    if (!p) {
      const variable = `${this.providers.specFor(platform).envName}_CLIENT_ID`;
      throw new AppError(
        'OAUTH_NOT_CONFIGURED',
        `This server has no app registered for ${platform}; the operator sets ${variable}.`,
        { variable },
      );
    }
    return { ...p, platform };
  }

  /**
   * The address to send the browser to. The state is random, stored only as its hash, bound to
   * this session and channel, good for ten minutes and once; the PKCE verifier stays here.
   */
  async startOAuth(
    channel: ChannelEntity,
    actor: { userId: string; sessionId: string },
    options: { linkedinAuthor?: 'organization' } = {},
  ): Promise<OAuthStartResponse> {
    const p = this.configuredOrThrow(channel.platform);
    const linkedinAuthor = p.platform === 'linkedin' ? options.linkedinAuthor : undefined;
    requiredBeforeOAuth(channel, linkedinAuthor);
    const state = randomSecret(32);
    const verifier = randomSecret(48);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS);
    const stateHash = sha256(state);
    // What the callback must know besides the verifier travels sealed with it.
    const sealed = this.verifierCipher.seal(stateHash.toString('hex'), {
      verifier,
      ...(linkedinAuthor ? { linkedinAuthor } : {}),
    });
    await this.repo.saveState({
      stateHash,
      channelId: channel.id,
      workspaceId: channel.workspaceId,
      sessionId: actor.sessionId,
      userId: actor.userId,
      provider: p.platform,
      keyVersion: sealed.keyVersion,
      sealedVerifier: Buffer.concat([sealed.iv, sealed.authTag, sealed.ciphertext]),
      now,
      expiresAt,
    });
    const url = new URL(p.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', p.client.clientId);
    url.searchParams.set('redirect_uri', this.callbackUrl);
    url.searchParams.set(
      'scope',
      scopesFor(p.platform, {
        ...(channel.settings ?? {}),
        ...(linkedinAuthor ? { linkedinAuthor } : {}),
      }).join(p.scopeSeparator),
    );
    url.searchParams.set('state', state);
    url.searchParams.set(
      'code_challenge',
      createHash('sha256').update(verifier).digest('base64url'),
    );
    url.searchParams.set('code_challenge_method', 'S256');
    return { authorizeUrl: url.toString(), expiresAt: expiresAt.toISOString() };
  }

  /**
   * The platform sent the browser back. The state is spent first (a replay finds it used), then
   * checked against the session; only then is the code exchanged and the account checked.
   * Returns the channel that is now connected, or that waits for the person to pick its page or
   * account (Facebook, Instagram, a LinkedIn company page: the sign-in manages several, or not
   * the one set).
   */
  async finishOAuth(
    query: { code?: string; state?: string; error?: string },
    actor: { userId: string; sessionId: string },
  ): Promise<OAuthOutcome> {
    const invalid = (reason: 'unknown' | 'used', message: string) =>
      new AppError('OAUTH_STATE_INVALID', message, { reason });
    if (!query.state) throw invalid('unknown', 'The platform sent no state back.');
    const now = this.clock.now();
    const spent = await this.repo.spendState(sha256(query.state), now);
    if (spent.outcome !== 'spent') {
      throw spent.outcome === 'used'
        ? invalid('used', 'This sign-in was already used.')
        : invalid('unknown', 'This sign-in is not known here.');
    }
    const st = spent.row;
    try {
      return await this.completeOAuth(st, query, actor, now);
    } catch (e) {
      // The state named its workspace: the browser goes back to that channels page.
      if (e instanceof AppError) throw new OAuthCallbackError(e as AppError, st.workspace_id);
      throw e;
    }
  }

  private async completeOAuth(
    st: OAuthStateRow,
    query: { code?: string; error?: string },
    actor: { userId: string; sessionId: string },
    now: Date,
  ): Promise<OAuthOutcome> {
    const invalid = (reason: 'expired' | 'other_session' | 'denied', message: string) =>
      new AppError('OAUTH_STATE_INVALID', message, { reason });
    if (st.session_id !== actor.sessionId || st.user_id !== actor.userId) {
      throw invalid('other_session', 'This sign-in was started in another session.');
    }
    if (st.expires_at.getTime() <= now.getTime()) {
      throw invalid('expired', 'This sign-in took too long; start again.');
    }
    if (query.error || !query.code) {
      throw invalid('denied', 'The platform did not grant access.');
    }
    const channel = await this.channels.find(st.workspace_id, st.channel_id);
    if (!channel)
      throw new AppError('CHANNEL_NOT_FOUND', 'There is no such channel in this workspace.');
    const p = this.configuredOrThrow(channel.platform);
    const opened = this.verifierCipher.open(st.state_hash.toString('hex'), {
      keyVersion: st.key_version,
      iv: st.sealed_verifier.subarray(0, 12),
      authTag: st.sealed_verifier.subarray(12, 28),
      ciphertext: st.sealed_verifier.subarray(28),
    });
    const verifier = opened['verifier']!;
    const signal = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
    let answer: TokenAnswer;
    try {
      answer = await requestToken(
        p,
        {
          grant_type: 'authorization_code',
          code: query.code,
          redirect_uri: this.callbackUrl,
          code_verifier: verifier,
        },
        signal,
      );
    } catch (e) {
      if (!(e instanceof TokenEndpointError)) throw e;
      throw new AppError('OAUTH_EXCHANGE_FAILED', 'The platform did not confirm the sign-in.', {
        status: e.status,
      });
    }
    const settings = { ...(channel.settings ?? {}) };
    if (p.platform === 'threads' && answer.userId) settings['threadsUserId'] = answer.userId;
    const kept = await this.keepableToken(
      p,
      answer,
      settings,
      opened['linkedinAuthor'] === 'organization',
      signal,
    );
    if ('choose' in kept) {
      await this.offerChoice(channel, kept, actor.userId, now);
      return { channelId: channel.id, workspaceId: channel.workspaceId, outcome: 'choose' };
    }
    answer = kept.answer;
    const secrets = secretsOf(answer, p.platform);
    const checked = await this.verify({
      id: channel.id,
      name: channel.name,
      platform: channel.platform,
      settings,
      credentials: secrets,
    });
    await this.store(channel, settings, secrets, actor.userId, now, {
      method: 'oauth',
      accountName: checked?.accountName ?? null,
      ...expiries(answer, now),
      verifiedAt: checked ? now : null,
    });
    return { channelId: channel.id, workspaceId: channel.workspaceId, outcome: 'connected' };
  }

  /**
   * The token the code gave, turned into the one worth keeping: Threads' one-hour token into
   * its 60-day one; Meta's user token into a long-lived one and then the page's own token
   * (Facebook: the channel's page; Instagram: the page its business account is linked to),
   * which does not expire. When no page, account or company page is set, or the person does
   * not manage the one set, the ones they do manage are offered instead (a LinkedIn member's
   * token is kept as it is; only the author is chosen).
   */
  private async keepableToken(
    p: ConfiguredProvider & { platform: OAuthPlatform },
    answer: TokenAnswer,
    settings: ChannelSettings,
    linkedinOrganization: boolean,
    signal: AbortSignal,
  ): Promise<Keepable> {
    const failed = (message: string, status: number | null) =>
      new AppError('OAUTH_EXCHANGE_FAILED', message, { status });
    try {
      if (p.afterCode === 'threads-long-lived') {
        const long = await threadsLongLived(p, answer.accessToken, signal);
        return { answer: { ...long, userId: answer.userId } };
      }
      if (p.afterCode === 'meta-page-token') {
        const platform = p.platform === 'instagram' ? 'instagram' : 'facebook';
        const user = await metaLongLived(p, answer.accessToken, signal);
        const wanted = settings[platform === 'instagram' ? 'instagramUserId' : 'pageId'];
        if (typeof wanted === 'string' && wanted) {
          const page = await this.pageTokenIfManaged(p, platform, wanted, user.accessToken, signal);
          if (page) return { answer: pageAnswer(page) };
        }
        const pages = await metaPages(p, user.accessToken, signal);
        const choose: AccountChoice[] =
          platform === 'instagram'
            ? pages.flatMap((pg) =>
                pg.instagram
                  ? [
                      {
                        id: pg.instagram.id,
                        name: pg.instagram.username ?? pg.instagram.id,
                        detail: pg.name,
                      },
                    ]
                  : [],
              )
            : pages.map((pg) => ({ id: pg.id, name: pg.name, detail: pg.category }));
        if (choose.length === 0) throw noAccounts(platform);
        return { choose, keep: user, platform };
      }
      if (p.platform === 'linkedin' && (linkedinOrganization || linkedinAsOrganization(settings))) {
        const author = typeof settings['author'] === 'string' ? settings['author'] : '';
        const setId = /^urn:li:organization:(\d+)$/.exec(author)?.[1] ?? null;
        let orgs;
        try {
          orgs = await linkedinAdminOrganizations(
            p.client.apiUrl ?? LINKEDIN_API,
            LINKEDIN_DEFAULT_VERSION,
            answer.accessToken,
            signal,
          );
        } catch (e) {
          // A page already set is checked by the adapter as before, list or no list.
          if (setId && e instanceof TokenEndpointError && !e.revoked) return { answer };
          throw e;
        }
        if (setId && orgs.some((o) => o.id === setId)) return { answer };
        if (orgs.length === 0) throw noAccounts('linkedin');
        return {
          choose: orgs.map((o) => ({ id: o.id, name: o.name, detail: null })),
          keep: answer,
          platform: 'linkedin',
        };
      }
      return { answer };
    } catch (e) {
      if (!(e instanceof TokenEndpointError)) throw e;
      throw failed('The platform did not hand out a lasting token.', e.status);
    }
  }

  /**
   * The page token when the person manages the page set (Facebook) or a page linked to the
   * account set (Instagram); null when not, so the pages they do manage can be offered. A dead
   * token or a platform failure is still an error.
   */
  private async pageTokenIfManaged(
    p: ConfiguredProvider,
    platform: 'facebook' | 'instagram',
    id: string,
    userToken: string,
    signal: AbortSignal,
  ): Promise<string | null> {
    try {
      return await metaPageToken(
        p,
        platform === 'instagram' ? { instagramUserId: id } : { pageId: id },
        userToken,
        signal,
      );
    } catch (e) {
      const notThere =
        e instanceof TokenEndpointError &&
        !e.revoked &&
        e.status !== null &&
        e.status >= 400 &&
        e.status < 500;
      if (notThere) return null;
      throw e;
    }
  }

  // ---- picking the page or account after the sign-in ----

  /** Keeps the sign-in's tokens sealed, with the accounts to offer, for this person only. */
  private async offerChoice(
    channel: ChannelEntity,
    kept: Extract<Keepable, { choose: AccountChoice[] }>,
    userId: string,
    now: Date,
  ): Promise<void> {
    const secrets: Record<string, string> = { accessToken: kept.keep.accessToken };
    if (kept.keep.refreshToken) secrets['refreshToken'] = kept.keep.refreshToken;
    if (kept.keep.expiresIn !== null) secrets['expiresIn'] = String(kept.keep.expiresIn);
    if (kept.keep.refreshExpiresIn !== null)
      secrets['refreshExpiresIn'] = String(kept.keep.refreshExpiresIn);
    await this.repo.saveChoice({
      channelId: channel.id,
      workspaceId: channel.workspaceId,
      userId,
      platform: kept.platform,
      sealed: this.choiceCipher.seal(channel.id, secrets),
      accounts: kept.choose.slice(0, MAX_CHOICES),
      now,
      expiresAt: new Date(now.getTime() + ACCOUNT_CHOICE_TTL_MS),
    });
  }

  /** The choice waiting for this person, or why there is none to pick from. */
  private liveChoice(
    channel: ChannelEntity,
    row: AccountChoiceRow | null,
    userId: string,
  ): AccountChoiceRow & { key_version: number; iv: Buffer; auth_tag: Buffer; ciphertext: Buffer } {
    if (!row || row.workspace_id !== channel.workspaceId || row.platform !== channel.platform) {
      throw new AppError(
        'OAUTH_CHOICE_NOT_FOUND',
        'No sign-in of this channel is waiting for a choice; connect it again.',
      );
    }
    if (row.user_id !== userId) {
      throw new AppError(
        'OAUTH_CHOICE_OTHER_USER',
        'Another person signed in for this channel; only they can pick the account.',
      );
    }
    if (row.used_at) {
      throw new AppError('OAUTH_CHOICE_USED', 'An account was already picked for this sign-in.');
    }
    if (row.expires_at.getTime() <= this.clock.nowMs() || !row.ciphertext) {
      throw new AppError('OAUTH_CHOICE_EXPIRED', 'The choice waited too long; connect again.', {
        expiredAt: row.expires_at.toISOString(),
      });
    }
    return row as ReturnType<ChannelConnectionsService['liveChoice']>;
  }

  async accountChoices(channel: ChannelEntity, userId: string): Promise<AccountChoicesResponse> {
    const row = this.liveChoice(channel, await this.repo.getChoice(channel.id), userId);
    return {
      platform: row.platform,
      expiresAt: row.expires_at.toISOString(),
      accounts: row.accounts,
    };
  }

  /**
   * Connects the channel to the picked page or account, exactly as a sign-in with it set would
   * have: Facebook and Instagram with the page's token, LinkedIn with the member's token and the
   * page as author; the account is checked and named first. The waiting choice is locked for
   * the whole pick, so a second pick waits and is then refused; a failed pick changes nothing.
   */
  async pickAccount(channel: ChannelEntity, accountId: string, userId: string): Promise<void> {
    await this.repo.transaction(async (em) => {
      const row = this.liveChoice(channel, await this.repo.getChoice(channel.id, em, true), userId);
      if (!row.accounts.some((a) => a.id === accountId)) {
        throw new AppError(
          'OAUTH_ACCOUNT_NOT_OFFERED',
          'This account was not among those the sign-in manages.',
          { accountId },
        );
      }
      const p = this.configuredOrThrow(channel.platform);
      const kept = this.choiceCipher.open(channel.id, {
        keyVersion: row.key_version,
        iv: row.iv,
        authTag: row.auth_tag,
        ciphertext: row.ciphertext,
      });
      const signal = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
      const settings = { ...(channel.settings ?? {}) };
      let answer: TokenAnswer;
      if (row.platform === 'linkedin') {
        settings['author'] = `urn:li:organization:${accountId}`;
        const num = (v: string | undefined) => (v ? Number(v) : null);
        answer = {
          accessToken: kept['accessToken']!,
          refreshToken: kept['refreshToken'] ?? null,
          expiresIn: num(kept['expiresIn']),
          refreshExpiresIn: num(kept['refreshExpiresIn']),
          userId: null,
        };
      } else {
        settings[row.platform === 'instagram' ? 'instagramUserId' : 'pageId'] = accountId;
        let page: string | null;
        try {
          page = await this.pageTokenIfManaged(
            p,
            row.platform,
            accountId,
            kept['accessToken']!,
            signal,
          );
        } catch (e) {
          if (!(e instanceof TokenEndpointError)) throw e;
          throw new AppError('OAUTH_EXCHANGE_FAILED', 'Facebook did not hand out the page token.', {
            status: e.status,
          });
        }
        if (!page) {
          throw new AppError(
            'OAUTH_EXCHANGE_FAILED',
            'Facebook gave no token for this page; the person must still manage it.',
            { status: null },
          );
        }
        answer = pageAnswer(page);
      }
      const secrets = secretsOf(answer, p.platform);
      const checked = await this.verify({
        id: channel.id,
        name: channel.name,
        platform: channel.platform,
        settings,
        credentials: secrets,
      });
      const now = this.clock.now();
      const offered = row.accounts.find((a) => a.id === accountId)!;
      await this.store(
        channel,
        settings,
        secrets,
        userId,
        now,
        {
          method: 'oauth',
          accountName: checked?.accountName ?? offered.name,
          // The sign-in's tokens started running when it happened, not at the pick.
          ...expiries(answer, row.created_at),
          verifiedAt: checked ? now : null,
        },
        em,
      );
      await this.repo.spendChoice(em, channel.id, now);
    });
  }

  /** The person changed their mind: the waiting tokens are deleted. */
  async cancelChoice(channel: ChannelEntity, userId: string): Promise<void> {
    const row = await this.repo.getChoice(channel.id);
    if (!row || row.workspace_id !== channel.workspaceId) return;
    if (row.user_id !== userId) {
      throw new AppError(
        'OAUTH_CHOICE_OTHER_USER',
        'Another person signed in for this channel; only they can cancel the choice.',
      );
    }
    await this.repo.removeChoice(channel.id);
  }

  // ---- for the engine ----

  /**
   * The channel as its adapter needs it, secrets decrypted for this call only. An OAuth token
   * that runs out within minutes is refreshed first; throws a PublishError the engine files
   * (permanent when the account must be reconnected).
   */
  async targetFor(channelId: string): Promise<ChannelTarget | null> {
    const channel = await this.channels.byId(channelId);
    if (!channel) return null;
    return this.targetOf(channel, await this.repo.get(channelId));
  }

  /**
   * targetFor for the channels of a claimed batch: two reads for all of them instead of two per
   * publication. Each channel's answer is settled on its own (a revoked account fails only its
   * own publications); a read that fails fails them all, as it would have one by one.
   */
  async targetsFor(
    channelIds: string[],
  ): Promise<Map<string, { target: ChannelTarget | null } | { error: unknown }>> {
    const ids = [...new Set(channelIds)];
    const out = new Map<string, { target: ChannelTarget | null } | { error: unknown }>();
    let channels: Map<string, ChannelEntity>;
    let rows: Map<string, CredentialRow>;
    try {
      [channels, rows] = await Promise.all([this.channels.byIds(ids), this.repo.forChannels(ids)]);
    } catch (error) {
      for (const id of ids) out.set(id, { error });
      return out;
    }
    await Promise.all(
      ids.map(async (id) => {
        const channel = channels.get(id);
        try {
          out.set(id, {
            target: channel ? await this.targetOf(channel, rows.get(id) ?? null) : null,
          });
        } catch (error) {
          out.set(id, { error });
        }
      }),
    );
    return out;
  }

  private async targetOf(
    channel: ChannelEntity,
    row: CredentialRow | null,
  ): Promise<ChannelTarget> {
    const base = {
      id: channel.id,
      name: channel.name,
      platform: channel.platform,
      settings: channel.settings ?? {},
    };
    if (!row) return { ...base, credentials: null };
    if (row.status === 'revoked' || row.status === 'needs_reconnect') {
      throw new PublishError(
        'permanent',
        'TOKEN_REVOKED',
        `The account of "${channel.name}" must be connected again on the channels page.`,
      );
    }
    let secrets = this.open(row);
    if (this.dueForRefresh(channel.platform, row, secrets)) {
      secrets = await this.refreshOnce(channel);
    }
    return { ...base, credentials: secrets };
  }

  private open(row: CredentialRow): Record<string, string> {
    try {
      return this.cipher.open(row.channel_id, sealedOf(row));
    } catch (e) {
      // A missing key is an operator's fix; anything else means the row was altered.
      throw new PublishError(
        'permanent',
        'CREDENTIALS_UNREADABLE',
        e instanceof CredentialKeyMissingError
          ? e.message
          : 'The stored credentials of this channel cannot be read; connect it again.',
      );
    }
  }

  /**
   * Whether the access token should be renewed now: with a refresh token, minutes before it
   * ends; a Threads token, once less than a month of it is left and it is at least a day old
   * (Threads refuses younger ones, and an expired one cannot be renewed at all).
   */
  private dueForRefresh(
    platform: Platform,
    row: CredentialRow,
    secrets: Record<string, string>,
  ): boolean {
    if (!isOAuthPlatform(platform) || row.access_expires_at === null) return false;
    const now = this.clock.nowMs();
    const left = row.access_expires_at.getTime() - now;
    switch (this.providers.specFor(platform).renewal) {
      case 'refresh_token':
        return left <= REFRESH_MARGIN_MS && Boolean(secrets['refreshToken']);
      case 'threads': {
        const issued = (row.refreshed_at ?? row.connected_at).getTime();
        return left > 0 && left <= SELF_RENEW_WITHIN_MS && now - issued >= SELF_RENEW_MIN_AGE_MS;
      }
      case 'none':
        return false;
    }
  }

  /** A connection that renews its own end (Threads): a post planned past it is no warning. */
  private renewsItself(platform: Platform): boolean {
    return isOAuthPlatform(platform) && this.providers.specFor(platform).renewal === 'threads';
  }

  private refreshOnce(channel: ChannelEntity): Promise<Record<string, string>> {
    const running = this.refreshing.get(channel.id);
    if (running) return running;
    const started = this.refresh(channel).finally(() => this.refreshing.delete(channel.id));
    this.refreshing.set(channel.id, started);
    return started;
  }

  /**
   * One refresh per account across all processes: the credentials row is locked, re-read, and
   * refreshed only if it is still due (whoever held the lock before may have done it already).
   * X's refresh tokens work once, so a second refresh with the old one would kill the grant.
   */
  private async refresh(channel: ChannelEntity): Promise<Record<string, string>> {
    const platform = channel.platform as OAuthPlatform;
    const p = this.providers.configured(platform);
    const outcome = await this.repo.transaction(async (em: EntityManager) => {
      const row = await this.repo.get(channel.id, em, true);
      if (!row)
        throw new PublishError('permanent', 'TOKEN_MISSING', 'The channel is not connected.');
      const secrets = this.open(row);
      if (!p || !this.dueForRefresh(platform, row, secrets)) return { secrets };
      const now = this.clock.now();
      const signal = AbortSignal.timeout(VERIFY_TIMEOUT_MS);
      let answer: TokenAnswer;
      try {
        answer =
          p.renewal === 'threads'
            ? await threadsRefresh(p, secrets[ACCESS_TOKEN_KEY[platform]] ?? '', signal)
            : await requestToken(
                p,
                { grant_type: 'refresh_token', refresh_token: secrets['refreshToken'] ?? '' },
                signal,
              );
      } catch (e) {
        if (e instanceof TokenEndpointError && e.revoked) {
          const problem = {
            code: 'TOKEN_REVOKED',
            message: 'The platform no longer accepts this connection; connect the account again.',
          };
          await this.repo.markProblem(channel.id, 'revoked', problem, now, em);
          await this.raiseAlert(em, channel, 'revoked', row.expires_at);
          return { revoked: problem };
        }
        throw new PublishError(
          'retryable',
          'TOKEN_REFRESH_FAILED',
          'The platform did not answer the token refresh; trying again later.',
        );
      }
      const next = { ...secrets, ...secretsOf(answer, platform) };
      // A platform that keeps the refresh token answers without one: keep the old.
      if (!answer.refreshToken && secrets['refreshToken'])
        next['refreshToken'] = secrets['refreshToken'];
      const e = expiries(answer, now);
      // A new refresh token, or a Threads token renewed as a whole, moves the connection's end.
      await this.repo.storeRefreshed(
        em,
        channel.id,
        this.cipher.seal(channel.id, next),
        e.accessExpiresAt,
        answer.refreshToken || p.renewal === 'threads' ? e.expiresAt : row.expires_at,
        now,
      );
      this.log.log(`Refreshed the token of channel ${channel.id}`);
      return { secrets: next };
    });
    if ('revoked' in outcome) {
      throw new PublishError('permanent', 'TOKEN_REVOKED', outcome.revoked!.message);
    }
    return outcome.secrets;
  }

  // ---- the daily check ----

  /**
   * Verifies every connection again and raises an alert for those that expire within a week,
   * expire before a publication planned on them, or were revoked: days before a planned post
   * would fail, the owners and admins are told and the calendar flags the posts.
   */
  async checkAll(): Promise<{ checked: number; alerts: number }> {
    let checked = 0;
    let alerts = 0;
    // Sign-ins nobody finished picking for: their tokens go.
    await this.repo.sweepChoices(this.clock.now());
    for (const row of await this.repo.allConnected()) {
      await this.recheck(row.channel_id).catch((e: unknown) =>
        this.log.warn(`Checking channel ${row.channel_id} failed: ${(e as Error).message}`),
      );
      if ((await this.evaluate(row.channel_id)) !== null) alerts++;
      checked++;
    }
    return { checked, alerts };
  }

  /** Asks the platform again (without posting) and records what it said. */
  private async recheck(channelId: string): Promise<void> {
    const channel = await this.channels.byId(channelId);
    const row = await this.repo.get(channelId);
    if (!channel || !row || row.status === 'revoked') return;
    const adapter: PlatformAdapter | undefined = this.adapters.get(channel.platform);
    if (!adapter?.verify) return;
    let target: ChannelTarget | null;
    try {
      target = await this.targetFor(channelId);
    } catch {
      return; // a refresh that failed has recorded why
    }
    if (!target) return;
    const now = this.clock.now();
    const result = await adapter
      .verify(target, AbortSignal.timeout(VERIFY_TIMEOUT_MS))
      .catch(() => null);
    // No answer, or a passing hiccup (429, 5xx): tomorrow's check asks again.
    if (!result) return;
    if (result.ok) {
      await this.repo.markVerified(channelId, result.accountName, now);
    } else if (result.error.code === 'TOKEN_REVOKED') {
      await this.repo.markProblem(channelId, 'revoked', result.error, now);
    } else if (result.error.errorClass === 'permanent') {
      await this.repo.markProblem(channelId, 'needs_reconnect', result.error, now);
    }
  }

  /** Sets the channel's alert from its state now; tells people when it is new. */
  async evaluate(channelId: string): Promise<ChannelAlert | null> {
    const channel = await this.channels.byId(channelId);
    const row = await this.repo.get(channelId);
    if (!channel || !row) return null;
    const now = this.clock.nowMs();
    const status = statusOf(row, now);
    let alert: ChannelAlert | null =
      status === 'revoked' || status === 'needs_reconnect' || status === 'expiring' ? status : null;
    if (!alert && row.expires_at && !this.renewsItself(channel.platform)) {
      const planned = await this.repo.plannedAfter(channelId, row.expires_at);
      if (planned > 0) alert = 'expiring';
    }
    await this.repo.transaction((em) => this.raiseAlert(em, channel, alert, row.expires_at));
    return alert;
  }

  private async raiseAlert(
    em: EntityManager,
    channel: ChannelEntity,
    alert: ChannelAlert | null,
    expiresAt: Date | null,
  ): Promise<void> {
    if (!(await this.repo.setAlert(em, channel.id, alert)) || alert === null) return;
    const members = await this.workspaces.listMembers(channel.workspaceId);
    await this.notifications.notify(em, {
      workspaceId: channel.workspaceId,
      userIds: members.filter((m) => m.role === 'owner' || m.role === 'admin').map((m) => m.userId),
      kind: 'channel_alert',
      actor: { type: 'system' },
      data: {
        status: alert,
        channelId: channel.id,
        channelName: channel.name,
        expiresAt: expiresAt?.toISOString() ?? null,
        plannedPosts: await this.repo.pendingCount(channel.id, em),
      },
    });
  }
}

/** The connection's two ends: the access token's, and the one only a person can renew. */
function expiries(
  answer: TokenAnswer,
  now: Date,
): Pick<ConnectionMeta, 'accessExpiresAt' | 'expiresAt'> {
  const at = (s: number | null) => (s === null ? null : new Date(now.getTime() + s * 1000));
  const accessExpiresAt = at(answer.expiresIn);
  return {
    accessExpiresAt,
    expiresAt: answer.refreshToken ? at(answer.refreshExpiresIn) : accessExpiresAt,
  };
}

export function statusOf(row: CredentialRow, now: number): ChannelConnection['status'] {
  if (row.status === 'revoked') return 'revoked';
  if (row.status === 'needs_reconnect') return 'needs_reconnect';
  if (row.expires_at) {
    const left = row.expires_at.getTime() - now;
    if (left <= 0) return 'needs_reconnect';
    if (left <= EXPIRING_WITHIN_MS) return 'expiring';
  }
  return 'connected';
}

/**
 * The settings an OAuth platform cannot learn from the sign-in: a LinkedIn member's id. A
 * Facebook page, an Instagram account or a LinkedIn company page is picked after it.
 */
function requiredBeforeOAuth(
  channel: ChannelEntity,
  linkedinAuthor: 'organization' | undefined,
): void {
  if (channel.platform !== 'linkedin' || linkedinAuthor || channel.settings?.['author']) return;
  throw new AppError(
    'CHANNEL_SETTINGS_INVALID',
    "Set the author in the channel's settings first, or connect a company page.",
    {
      issues: [
        { path: 'settings.author', message: 'Required before connecting', code: 'required' },
      ],
    },
  );
}

/** Meta's page token: it does not expire and there is nothing to refresh. */
function pageAnswer(token: string): TokenAnswer {
  return {
    accessToken: token,
    refreshToken: null,
    expiresIn: null,
    refreshExpiresIn: null,
    userId: null,
  };
}

function noAccounts(platform: AccountChoicePlatform): AppError {
  const what = {
    facebook: 'This Facebook login manages no pages.',
    instagram:
      'None of the Facebook pages of this login is linked to an Instagram business account.',
    linkedin: 'This LinkedIn member administers no company page.',
  }[platform];
  return new AppError('OAUTH_NO_ACCOUNTS', what, { platform });
}
