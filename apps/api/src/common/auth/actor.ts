import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { type TokenScope } from '@postplan/contracts';
import type { Request } from 'express';

/** Who is calling: set by the AuthGuard on every authenticated request. */
export type Actor = {
  userId: string;
  via: 'session' | 'token';
  sessionId?: string;
  /** For a token: what it may do (the guard has checked the route's scope already). */
  scopes?: TokenScope[];
};

export type AuthedRequest = Request & { actor?: Actor };

export const IS_PUBLIC = 'postplan:public';
/** The route answers without a session or token (login, setup, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const SESSION_ONLY = 'postplan:session-only';
/**
 * The route needs a browser session; no API token may call it, whatever its scopes: creating
 * tokens, changing the password, signing sessions out, accepting invitations.
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

export const TOKEN_SCOPE = 'postplan:token-scope';
/**
 * The scope an API token needs for this route's changes (POST, PUT, PATCH, DELETE). Without it
 * a change needs `write`; every GET needs `read`. See docs/security.md for the mapping.
 */
export const TokenScopeNeeded = (scope: Exclude<TokenScope, 'read'>) =>
  SetMetadata(TOKEN_SCOPE, scope);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

export const ClientInfo = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent')?.slice(0, 300) ?? null };
});
export type ClientInfo = { ip: string; userAgent: string | null };
