import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CreatedToken,
  type MeResponse,
  type TokenScope,
  type TokenSummary,
} from '@postplan/contracts';
import { tooManyAttempts } from '../../common/errors/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { hmac, randomSecret, safeEqual, sha256 } from '../../common/auth/secrets';
import { AccountMailService } from '../notifications/account-mail.service';
import { Transactions } from '../../database/transactions';
import { UsersService } from '../users/users.service';
import { toMe } from '../workspaces/workspace.mapper';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { type ApiTokenEntity } from './api-token.entity';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthError } from './auth.errors';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { THROTTLE_WINDOW_MS, decideThrottle } from './login-throttle';
import { assertStrongPassword } from './password-strength';
import { PasswordResetsRepository } from './password-resets.repository';
import { hashPassword, verifyPassword } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { Clock } from '../../common/clock/clock';

export type NewSession = { token: string; csrfToken: string; ttlMs: number };
export type LoginResult = { session: NewSession; me: MeResponse; deviceCookie: string };
export type Client = { ip: string; userAgent: string | null };
export type BearerResult =
  | { status: 'ok'; userId: string; tokenId: string; scopes: TokenScope[] }
  | { status: 'expired' }
  | { status: 'unknown' };

const TOKEN_PREFIX = 'pp_';
// Writing last_seen_at on every request would turn every read into a write.
const TOUCH_AFTER_MS = 5 * 60_000;
/** A reset link works for an hour, once. */
export const RESET_TTL_MS = 60 * 60_000;
/** Reset requests per address (e-mail) and per client address in an hour. */
export const RESET_PER_EMAIL = 3;
export const RESET_PER_IP = 10;
const RESET_WINDOW_MS = 60 * 60_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly workspaces: WorkspacesService,
    private readonly transactions: Transactions,
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly mail: AccountMailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(
    email: string,
    password: string,
    client: Client,
    deviceCookie: string | undefined,
  ): Promise<LoginResult> {
    const device = this.knownDevice(email, deviceCookie);
    const ok = await this.checkPassword(email, password, client, device);
    const user = ok.user;
    if (!user) {
      this.logger.warn({ event: 'login_failed', ip: client.ip }, 'login failed');
      // Who tried is not known, only which account they named; never the password.
      await this.audit.recordNow({
        workspaceId: null,
        actor: { type: 'anonymous', label: email },
        action: 'auth.login_failed',
        subject: ok.knownUserId ? { type: 'user', id: ok.knownUserId } : null,
        ip: client.ip,
      });
      throw new AuthError('INVALID_CREDENTIALS', 'The e-mail address or the password is wrong.');
    }
    const session = await this.startSession(user.id, client);
    await this.audit.recordNow({
      workspaceId: null,
      actor: { type: 'user', userId: user.id },
      action: 'auth.login',
      ip: client.ip,
    });
    return {
      session,
      me: toMe(user, await this.workspaces.listForUser(user.id)),
      deviceCookie: this.deviceCookieFor(email),
    };
  }

  /**
   * A throttled password check: refuses before any work when the limits say so, spends the same
   * argon2 work for unknown accounts, and records the attempt (with the known browser's id).
   */
  private async checkPassword(
    email: string,
    password: string,
    client: Client,
    device: string | null,
  ) {
    const now = this.clock.now();
    const counts = await this.attempts.failuresSince(
      email,
      client.ip,
      new Date(now.getTime() - THROTTLE_WINDOW_MS),
      device,
    );
    const decision = decideThrottle(counts, now, device !== null);
    if (!decision.allowed) {
      this.logger.warn({ event: 'login_throttled', ip: client.ip }, 'login throttled');
      throw tooManyAttempts(
        `Too many failed logins. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
        decision.retryAfterSeconds,
      );
    }
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    await this.attempts.record(email, client.ip, ok, device);
    return { user: user && ok ? user : null, knownUserId: user?.id ?? null };
  }

  async startSession(userId: string, client: Client): Promise<NewSession> {
    const token = randomSecret();
    const csrfToken = randomSecret();
    await this.sessions.create({
      tokenHash: sha256(token),
      csrfToken,
      userId,
      expiresAt: new Date(this.clock.nowMs() + this.config.sessionTtlMs),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { token, csrfToken, ttlMs: this.config.sessionTtlMs };
  }

  /** The session behind a cookie, or null; keeps an active session alive. */
  async sessionFromCookie(
    token: string,
  ): Promise<{ id: string; userId: string; csrfToken: string } | null> {
    const session = await this.sessions.findLive(sha256(token));
    if (!session) return null;
    if (this.clock.nowMs() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await this.sessions.touch(session.id, this.config.sessionTtlMs);
    }
    return session;
  }

  async fromBearer(token: string): Promise<BearerResult> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { status: 'unknown' };
    const use = await this.tokens.use(sha256(token));
    return use.status === 'ok'
      ? { status: 'ok', userId: use.userId, tokenId: use.id, scopes: use.scopes }
      : use;
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  /** Ends every session of the person, this one included. API tokens are revoked one by one. */
  async logoutEverywhere(userId: string, client: Client): Promise<void> {
    const ended = await this.sessions.deleteForUser(userId);
    await this.audit.recordNow({
      workspaceId: null,
      actor: { type: 'user', userId },
      action: 'auth.logout_everywhere',
      after: { sessionsEnded: ended },
      ip: client.ip,
    });
  }

  /**
   * Changes the password after checking the current one (throttled like a login, so a stolen
   * session cannot guess it), and ends every other session: whoever knew the old password is out.
   */
  async changePassword(
    userId: string,
    sessionId: string,
    input: { currentPassword: string; newPassword: string },
    client: Client,
    deviceCookie: string | undefined,
  ): Promise<void> {
    const me = await this.users.findById(userId);
    if (!me) throw new AuthError('UNAUTHENTICATED', 'The account no longer exists.');
    const device = this.knownDevice(me.email, deviceCookie);
    const checked = await this.checkPassword(me.email, input.currentPassword, client, device);
    if (!checked.user || checked.user.id !== userId) {
      throw new AuthError(
        'INVALID_CREDENTIALS',
        'The current password is wrong; the password was not changed.',
        { field: 'currentPassword' },
      );
    }
    assertStrongPassword(input.newPassword, [me.email, me.name]);
    const hash = await hashPassword(input.newPassword);
    await this.transactions.run(async (em) => {
      await this.users.setPassword(userId, hash, { verifyEmail: false }, em);
      await this.sessions.deleteForUser(userId, sessionId, em);
      await this.audit.record(em, {
        workspaceId: null,
        actor: { type: 'user', userId },
        action: 'auth.password_changed',
        ip: client.ip,
      });
    });
  }

  /**
   * Starts a reset by e-mail. The answer is the same for every address; an unknown one costs
   * the same work and writes the same rows (its mail row is skipped, nothing is sent). Requests
   * are throttled per address and per client, counted whether or not the address has an account.
   */
  async requestPasswordReset(email: string, client: Client): Promise<void> {
    const since = new Date(this.clock.nowMs() - RESET_WINDOW_MS);
    const recent = await this.resets.countSince(email, client.ip, since);
    if (recent.email >= RESET_PER_EMAIL || recent.ip >= RESET_PER_IP) {
      throw tooManyAttempts('Too many reset requests. Try again in an hour.', 3600);
    }
    const user = await this.users.findByEmail(email);
    const token = randomSecret();
    const tokenHash = sha256(token);
    const expiresAt = new Date(this.clock.nowMs() + RESET_TTL_MS);
    await this.transactions.run(async (em) => {
      await this.resets.insert(em, {
        email,
        ip: client.ip,
        userId: user?.id ?? null,
        tokenHash: user ? tokenHash : null,
        expiresAt,
      });
      await this.mail.queue(em, {
        kind: 'password_reset',
        to: email,
        locale: user?.locale ?? 'en',
        link: `${this.mail.publicUrl}/reset-password/${token}`,
        data: { expiresAt: expiresAt.toISOString() },
        skipReason: user ? undefined : 'no_account',
      });
    });
  }

  /** Sets a new password from a reset link: once, before it expires; every session ends. */
  async confirmPasswordReset(token: string, password: string, client: Client): Promise<void> {
    const reset = await this.resets.findUsable(sha256(token));
    const user = reset ? await this.users.findById(reset.userId) : null;
    if (!reset || !user) {
      throw new AuthError(
        'PASSWORD_RESET_INVALID',
        'This reset link is unknown, used or expired. Ask for a new one.',
      );
    }
    assertStrongPassword(password, [user.email, user.name]);
    const hash = await hashPassword(password);
    await this.transactions.run(async (em) => {
      // Used once: the claim and the change are one transaction; a second use finds nothing.
      if (!(await this.resets.useAllFor(em, reset.id, user.id))) {
        throw new AuthError(
          'PASSWORD_RESET_INVALID',
          'This reset link is unknown, used or expired. Ask for a new one.',
        );
      }
      // The link reached the mailbox: the address is proven.
      await this.users.setPassword(user.id, hash, { verifyEmail: true }, em);
      await this.sessions.deleteForUser(user.id, undefined, em);
      await this.audit.record(em, {
        workspaceId: null,
        actor: { type: 'user', userId: user.id },
        action: 'auth.password_reset',
        ip: client.ip,
      });
    });
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.users.findById(userId);
    if (!user) throw new AuthError('UNAUTHENTICATED', 'The account no longer exists.');
    return toMe(user, await this.workspaces.listForUser(userId));
  }

  async updateMe(
    userId: string,
    patch: { name?: string; locale?: 'de' | 'en' | null },
  ): Promise<MeResponse> {
    await this.users.update(userId, patch);
    return this.me(userId);
  }

  async createToken(
    userId: string,
    input: { name: string; scopes: TokenScope[]; expiresInDays: number | null },
  ): Promise<CreatedToken> {
    const token = `${TOKEN_PREFIX}${randomSecret()}`;
    const row = await this.tokens.create({
      userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      scopes: [...input.scopes].sort((a, b) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b)),
      expiresAt:
        input.expiresInDays === null
          ? null
          : new Date(this.clock.nowMs() + input.expiresInDays * 86_400_000),
    });
    return { ...toTokenSummary(row), token };
  }

  async listTokens(userId: string): Promise<TokenSummary[]> {
    return (await this.tokens.listActive(userId)).map(toTokenSummary);
  }

  async revokeToken(userId: string, id: string): Promise<void> {
    if (!(await this.tokens.revoke(userId, id))) {
      throw new AuthError('TOKEN_NOT_FOUND', 'There is no active token with this id.');
    }
  }

  private deviceCookieFor(email: string): string {
    const nonce = randomSecret(12);
    return `${nonce}.${hmac(this.config.secretKey, `${email}.${nonce}`)}`;
  }

  /** The id of a browser that logged into this account before (its cookie's nonce), or null. */
  private knownDevice(email: string, cookie: string | undefined): string | null {
    const [nonce, mac, ...rest] = cookie?.split('.') ?? [];
    return nonce &&
      mac &&
      rest.length === 0 &&
      safeEqual(mac, hmac(this.config.secretKey, `${email}.${nonce}`))
      ? nonce
      : null;
  }
}

const SCOPE_ORDER: TokenScope[] = ['read', 'write', 'review', 'admin'];

function toTokenSummary(t: ApiTokenEntity): TokenSummary {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
