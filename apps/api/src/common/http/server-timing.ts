import type { NextFunction, Request, Response } from 'express';

/**
 * Adds `Server-Timing: app;dur=<ms>` to every answer: the time from the request reaching the
 * API to the first byte of the answer, visible in browser dev tools and used by the benchmark.
 */
export function serverTiming(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
  res.writeHead = ((...args: unknown[]) => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!res.headersSent) res.setHeader('Server-Timing', `app;dur=${ms.toFixed(2)}`);
    return writeHead(...args);
  }) as Response['writeHead'];
  next();
}
