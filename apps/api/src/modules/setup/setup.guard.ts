import { tooManyAttempts } from '../../common/errors/app-error';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../../common/clock/clock';
import { alreadyDone } from './setup.errors';
import { SetupService } from './setup.service';

/** Attempts one address may make in a window; a person fixing typos needs a few, a script more. */
export const SETUP_ATTEMPTS_PER_WINDOW = 10;
export const SETUP_WINDOW_MS = 15 * 60_000;
/** Addresses remembered at most; the oldest window is forgotten first. */
const MAX_ADDRESSES = 10_000;

/**
 * Runs before the body is validated or read: once an owner exists, `POST /setup` answers 409 at
 * the cost of one count (no password is hashed, no transaction opened), and every address gets
 * a fixed number of attempts per window, answered or not. The counts live in this process: setup
 * is a one-time step whose only expensive part (hashing) the 409 already skips, so a limit per
 * process is enough and costs no write per attempt.
 */
@Injectable()
export class SetupGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly setup: SetupService,
    private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    this.count(req.ip ?? 'unknown');
    if (!(await this.setup.isNeeded())) throw alreadyDone();
    return true;
  }

  private count(address: string): void {
    const now = this.clock.nowMs();
    let window = this.windows.get(address);
    if (!window || now - window.start >= SETUP_WINDOW_MS) {
      this.windows.delete(address);
      if (this.windows.size >= MAX_ADDRESSES)
        this.windows.delete(this.windows.keys().next().value!);
      window = { start: now, count: 0 };
      this.windows.set(address, window);
    }
    window.count++;
    if (window.count > SETUP_ATTEMPTS_PER_WINDOW) {
      const retryAfterSeconds = Math.ceil((window.start + SETUP_WINDOW_MS - now) / 1000);
      throw tooManyAttempts(
        'Too many setup attempts from this address. Please wait before trying again.',
        retryAfterSeconds,
      );
    }
  }
}
