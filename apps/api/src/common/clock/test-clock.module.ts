import { Body, Controller, Get, Module, NotFoundException, Put, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { Public } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { Clock, ShiftedClock } from './clock';

const SetClockSchema = z.object({ at: z.iso.datetime({ offset: true }).nullable() });

/** Only the machine the app runs on: the journeys' test runner, never a visitor from outside. */
function fromLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * Sets the app's clock for browser journeys, so they move time instead of waiting for it.
 * Mounted only with POSTPLAN_TEST_CLOCK, which the configuration refuses with
 * NODE_ENV=production; even then it answers loopback requests only (the socket's address, not
 * a forwarded header), and to everyone else it does not exist.
 */
@ApiExcludeController()
@Controller('test/clock')
@Public()
export class TestClockController {
  constructor(private readonly clock: Clock) {}

  @Get()
  read(@Req() req: Request): { now: string; shifted: boolean } {
    const clock = this.shifted(req);
    return { now: clock.now().toISOString(), shifted: clock.shifted };
  }

  @Put()
  set(@Req() req: Request, @Body() body: unknown): { now: string; shifted: boolean } {
    const clock = this.shifted(req);
    const parsed = SetClockSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', 'Send { "at": ISO 8601 instant or null }.', {
        issues: parsed.error.issues,
      });
    }
    clock.set(parsed.data.at === null ? null : new Date(parsed.data.at));
    return { now: clock.now().toISOString(), shifted: clock.shifted };
  }

  private shifted(req: Request): ShiftedClock {
    if (!fromLoopback(req) || !(this.clock instanceof ShiftedClock)) throw new NotFoundException();
    return this.clock;
  }
}

@Module({ controllers: [TestClockController] })
export class TestClockModule {}
