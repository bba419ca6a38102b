import type { Logger } from '@opsdesk/runtime';

/**
 * Logs a recurring condition (the database is down, webhooks are shed) once per interval and per
 * key, with how many occurrences the previous lines stood for, instead of one line (or one stack
 * trace) per request.
 */
export class ThrottledLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(key: string, fields: Record<string, unknown>, message: string): void {
    const t = this.now();
    const prev = this.last.get(key);
    if (prev && t - prev.at < this.intervalMs) {
      prev.suppressed++;
      return;
    }
    this.last.set(key, { at: t, suppressed: 0 });
    this.log.warn(
      {
        ...fields,
        ...(prev ? { sinceLastLog: prev.suppressed, intervalSeconds: this.intervalMs / 1000 } : {}),
      },
      message,
    );
  }
}
