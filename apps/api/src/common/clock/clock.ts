import { DynamicModule, Global, Module } from '@nestjs/common';

/**
 * The one source of "now" for services and jobs. Tests replace it (see `ManualClock`) instead
 * of waiting on the wall clock.
 */
export abstract class Clock {
  abstract now(): Date;
  nowMs(): number {
    return this.now().getTime();
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until a test moves it. */
export class ManualClock extends Clock {
  private current: number;
  constructor(start: Date | string | number = Date.now()) {
    super();
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string | number): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * The wall clock, shifted by an offset a browser journey sets (POSTPLAN_TEST_CLOCK, see
 * docs/testing.md): time keeps running, so sessions and debounces behave as usual, but "now"
 * can jump to just after a post's planned minute instead of waiting for it.
 */
export class ShiftedClock extends Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** From now on, "now" reads `at` and runs on from there; null: the wall clock again. */
  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }
  get shifted(): boolean {
    return this.offsetMs !== 0;
  }
}

@Global()
@Module({})
export class ClockModule {
  /** The app's clock: the system's unless a test hands in its own. */
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
