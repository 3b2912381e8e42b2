import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
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
import { type ChannelTarget, type PlatformAdapter, PublishError } from '@postplan/platforms';
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
  OAuthProviders,
  PLATFORM_SCOPES,
  requestToken,
  type TokenAnswer,
  TokenEndpointError,
} from './oauth-providers';

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
const OAUTH_STATE_TTL_MS = 10 * 60_000;
const VERIFY_TIMEOUT_MS = 15_000;

type Issue = { path: string; message: string; code?: string };
const issuesOf = (e: z.ZodError, prefix: string): Issue[] =>
  e.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    message: i.message,
    code: i.code,
  }));

/** What a verify or a refresh learned, as the row keeps it. */
function secretsOf(
  answer: TokenAnswer,
  platform: OAuthPlatform,
  extra: Record<string, string> = {},
) {
  const secrets: Record<string, string> = {
    [ACCESS_TOKEN_KEY[platform]]: answer.accessToken,
    ...extra,
  };
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
  ): Promise<void> {
    await this.repo.transaction(async (em) => {
      await this.channels.update(channel.workspaceId, channel.id, { settings }, em);
      await this.repo.upsert(em, {
        channelId: channel.id,
        workspaceId: channel.workspaceId,
        sealed: this.cipher.seal(channel.id, secrets),
        meta,
        connectedAt: now,
        connectedBy: userId,
      });
    });
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
  ): Promise<OAuthStartResponse> {
    const p = this.configuredOrThrow(channel.platform);
    requiredBeforeOAuth(channel);
    const state = randomSecret(32);
    const verifier = randomSecret(48);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS);
    const stateHash = sha256(state);
    const sealed = this.verifierCipher.seal(stateHash.toString('hex'), { verifier });
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
    url.searchParams.set('scope', PLATFORM_SCOPES[p.platform].join(p.scopeSeparator));
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
   * Returns the channel that is now connected.
   */
  async finishOAuth(
    query: { code?: string; state?: string; error?: string },
    actor: { userId: string; sessionId: string },
  ): Promise<{ channelId: string; workspaceId: string }> {
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
  ): Promise<{ channelId: string; workspaceId: string }> {
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
    const verifier = this.verifierCipher.open(st.state_hash.toString('hex'), {
      keyVersion: st.key_version,
      iv: st.sealed_verifier.subarray(0, 12),
      authTag: st.sealed_verifier.subarray(12, 28),
      ciphertext: st.sealed_verifier.subarray(28),
    })['verifier']!;
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
    const extra: Record<string, string> = {};
    if (p.platform === 'facebook') {
      // The page publishes with its own token, which the user's token opens.
      extra['userAccessToken'] = answer.accessToken;
      answer = {
        ...answer,
        accessToken: await pageToken(p, String(settings['pageId']), answer.accessToken, signal),
      };
    }
    const secrets = secretsOf(answer, p.platform, extra);
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
    return { channelId: channel.id, workspaceId: channel.workspaceId };
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
    if (this.dueForRefresh(row) && secrets['refreshToken'] && isOAuthPlatform(channel.platform)) {
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

  private dueForRefresh(row: CredentialRow): boolean {
    return (
      row.access_expires_at !== null &&
      row.access_expires_at.getTime() - REFRESH_MARGIN_MS <= this.clock.nowMs()
    );
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
      if (!this.dueForRefresh(row)) return { secrets };
      if (!p || !secrets['refreshToken']) return { secrets };
      const now = this.clock.now();
      let answer: TokenAnswer;
      try {
        answer = await requestToken(
          p,
          { grant_type: 'refresh_token', refresh_token: secrets['refreshToken'] },
          AbortSignal.timeout(VERIFY_TIMEOUT_MS),
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
      await this.repo.storeRefreshed(
        em,
        channel.id,
        this.cipher.seal(channel.id, next),
        e.accessExpiresAt,
        answer.refreshToken ? e.expiresAt : row.expires_at,
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
    if (!alert && row.expires_at) {
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

/** The settings an OAuth platform cannot learn from the sign-in: which page, which author. */
function requiredBeforeOAuth(channel: ChannelEntity): void {
  const need: Partial<Record<Platform, string>> = {
    linkedin: 'author',
    facebook: 'pageId',
    instagram: 'instagramUserId',
  };
  const key = need[channel.platform];
  if (key && !channel.settings?.[key]) {
    throw new AppError('CHANNEL_SETTINGS_INVALID', `Set ${key} in the channel's settings first.`, {
      issues: [
        { path: `settings.${key}`, message: 'Required before connecting', code: 'required' },
      ],
    });
  }
}

/** Facebook: the page's own token, read with the user's (GET /{page-id}?fields=access_token). */
async function pageToken(
  p: ConfiguredProvider,
  pageId: string,
  userToken: string,
  signal: AbortSignal,
): Promise<string> {
  const graph = p.tokenUrl.replace(/\/oauth\/access_token$/, '');
  const url = new URL(`${graph}/${encodeURIComponent(pageId)}`);
  url.searchParams.set('fields', 'access_token,name');
  const res = await fetch(url, { headers: { Authorization: `Bearer ${userToken}` }, signal }).catch(
    () => null,
  );
  const json = (await res?.json().catch(() => null)) as { access_token?: unknown } | null;
  if (!res?.ok || typeof json?.access_token !== 'string') {
    throw new AppError('OAUTH_EXCHANGE_FAILED', 'Facebook gave no token for this page.', {
      status: res?.status ?? null,
    });
  }
  return json.access_token;
}
