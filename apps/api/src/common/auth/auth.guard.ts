import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type TokenScope } from '@postplan/contracts';
import { AuthError } from '../../modules/auth/auth.errors';
import { AuthService } from '../../modules/auth/auth.service';
import { type AuthedRequest, IS_PUBLIC, SESSION_ONLY, TOKEN_SCOPE } from './actor';
import { CSRF_HEADER, SESSION_COOKIE, readCookie } from './cookies';
import { safeEqual } from './secrets';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every route not marked @Public: a bearer token (scripts) or the session cookie
 * (browsers). Cookie-authenticated changes must echo the session's CSRF token in X-CSRF-Token;
 * a bearer token cannot be sent by a foreign page, so it needs none. A token must carry the
 * route's scope, and never reaches a @SessionOnly route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();

    const authorization = req.get('authorization');
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      const found =
        scheme?.toLowerCase() === 'bearer' && token
          ? await this.auth.fromBearer(token)
          : ({ status: 'unknown' } as const);
      if (found.status === 'expired')
        throw new AuthError('TOKEN_EXPIRED', 'The API token has expired; create a new one.');
      if (found.status !== 'ok')
        throw new AuthError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
      if (this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets)) {
        throw new AuthError(
          'SESSION_REQUIRED',
          'This needs a signed-in browser session; an API token cannot do it.',
        );
      }
      const needed: TokenScope = SAFE_METHODS.has(req.method)
        ? 'read'
        : (this.reflector.getAllAndOverride<TokenScope | undefined>(TOKEN_SCOPE, targets) ??
          'write');
      if (!found.scopes.includes(needed)) {
        throw new AuthError('TOKEN_SCOPE_MISSING', `This API token lacks the scope "${needed}".`, {
          required: needed,
          scopes: found.scopes,
        });
      }
      req.actor = { userId: found.userId, via: 'token', scopes: found.scopes };
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
