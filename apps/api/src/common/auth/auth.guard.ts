import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '../../modules/auth/auth.errors';
import { AuthService } from '../../modules/auth/auth.service';
import { type AuthedRequest, IS_PUBLIC } from './actor';
import { CSRF_HEADER, SESSION_COOKIE, readCookie } from './cookies';
import { safeEqual } from './secrets';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every route not marked @Public: a bearer token (scripts) or the session cookie
 * (browsers). Cookie-authenticated changes must echo the session's CSRF token in X-CSRF-Token;
 * a bearer token cannot be sent by a foreign page, so it needs none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]))
      return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();

    const authorization = req.get('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      const userId =
        scheme?.toLowerCase() === 'bearer' && token ? await this.auth.userFromBearer(token) : null;
      if (!userId) throw new AuthError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
      req.actor = { userId, via: 'token' };
      return true;
    }

    const cookie = readCookie(req, SESSION_COOKIE);
    const session = cookie ? await this.auth.sessionFromCookie(cookie) : null;
    if (!session) throw new AuthError('UNAUTHENTICATED', 'Please log in.');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.get(CSRF_HEADER);
      if (!sent || !safeEqual(sent, session.csrfToken)) {
        throw new AuthError(
          'CSRF_TOKEN_INVALID',
          'The X-CSRF-Token header is missing or does not match the postplan_csrf cookie.',
        );
      }
    }
    req.actor = { userId: session.userId, via: 'session', sessionId: session.id };
    return true;
  }
}
