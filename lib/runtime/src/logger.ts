import pino from 'pino';

export type Logger = pino.Logger;
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** JSON lines on stdout, one object per event, as log shippers expect. */
export function createLogger(
  name: string,
  level: LogLevel = 'info',
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      base: { component: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ sync: true }),
  );
}

/**
 * Lets a repeated problem through once per interval per key, so a broken disk or a hung mount
 * produces one line every few minutes instead of one per scrape.
 */
export class RateLimitedLog {
  private readonly last = new Map<string, number>();

  constructor(private readonly intervalMs: number = 5 * 60_000) {}

  allow(key: string, now = Date.now()): boolean {
    const prev = this.last.get(key);
    if (prev !== undefined && now - prev < this.intervalMs) return false;
    this.last.set(key, now);
    return true;
  }

  reset(key: string): void {
    this.last.delete(key);
  }
}
