import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling: set by the AuthGuard on every authenticated request. */
export type Actor = {
  userId: string;
  via: 'session' | 'token';
  sessionId?: string;
};

export type AuthedRequest = Request & { actor?: Actor };

export const IS_PUBLIC = 'postplan:public';
/** The route answers without a session or token (login, setup, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

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
