import { Inject, Injectable, Logger } from '@nestjs/common';
import { type CreatedToken, type MeResponse, type TokenSummary } from '@postplan/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { hmac, randomSecret, safeEqual, sha256 } from '../../common/auth/secrets';
import { UsersRepository } from '../users/users.repository';
import { toMe } from '../workspaces/workspace.mapper';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { type ApiTokenEntity } from './api-token.entity';
import { ApiTokensRepository } from './api-tokens.repository';
import { AuthError } from './auth.errors';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { THROTTLE_WINDOW_MS, decideThrottle } from './login-throttle';
import { verifyPassword } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { Clock } from '../../common/clock/clock';

export type NewSession = { token: string; csrfToken: string; ttlMs: number };
export type LoginResult = { session: NewSession; me: MeResponse; deviceCookie: string };

const TOKEN_PREFIX = 'pp_';
// Writing last_seen_at on every request would turn every read into a write.
const TOUCH_AFTER_MS = 5 * 60_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(
    email: string,
    password: string,
    client: { ip: string; userAgent: string | null },
    deviceCookie: string | undefined,
  ): Promise<LoginResult> {
    const now = this.clock.now();
    const counts = await this.attempts.failuresSince(
      email,
      client.ip,
      new Date(now.getTime() - THROTTLE_WINDOW_MS),
    );
    const decision = decideThrottle(counts, now, this.isKnownDevice(email, deviceCookie));
    if (!decision.allowed) {
      this.logger.warn({ event: 'login_throttled', ip: client.ip }, 'login throttled');
      throw new AuthError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed logins. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
        { retryAfterSeconds: decision.retryAfterSeconds },
        { 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    await this.attempts.record(email, client.ip, ok);
    if (!user || !ok) {
      this.logger.warn({ event: 'login_failed', ip: client.ip }, 'login failed');
      // Who tried is not known, only which account they named; never the password.
      await this.audit.recordNow({
        workspaceId: null,
        actor: { type: 'anonymous', label: email },
        action: 'auth.login_failed',
        subject: user ? { type: 'user', id: user.id } : null,
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

  async startSession(
    userId: string,
    client: { ip: string; userAgent: string | null },
  ): Promise<NewSession> {
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

  async userFromBearer(token: string): Promise<string | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    return (await this.tokens.use(sha256(token)))?.userId ?? null;
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
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

  async createToken(userId: string, name: string): Promise<CreatedToken> {
    const token = `${TOKEN_PREFIX}${randomSecret()}`;
    const row = await this.tokens.create({
      userId,
      name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
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

  private isKnownDevice(email: string, cookie: string | undefined): boolean {
    const [nonce, mac] = cookie?.split('.') ?? [];
    return Boolean(
      nonce && mac && safeEqual(mac, hmac(this.config.secretKey, `${email}.${nonce}`)),
    );
  }
}

function toTokenSummary(t: ApiTokenEntity): TokenSummary {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}
