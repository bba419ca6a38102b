import type { Logger } from '@opsdesk/runtime';
import type { CollectContext, Collector } from './collector';

export interface BackgroundTaskOptions<T> {
  name: string;
  intervalMs: number;
  timeoutMs: number;
  run(signal: AbortSignal): Promise<T>;
  log: Logger;
}

/**
 * Periodic work kept off the scrape path (package-manager checks, inventory, systemctl): the scrape
 * reads the last good result. A failed run keeps that result and flips `lastRunFailed`.
 */
export class BackgroundTask<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private controller: AbortController | undefined;
  value: T | undefined;
  lastSuccessMs: number | undefined;
  lastRunFailed = false;
  lastError: string | undefined;
  lastDurationMs: number | undefined;

  constructor(private readonly opts: BackgroundTaskOptions<T>) {}

  start(): void {
    this.stopped = false;
    void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.controller?.abort();
  }

  /** Runs now unless a run is in flight, in which case it waits for that one. */
  refresh(): Promise<void> {
    if (this.running) return this.running;
    if (this.timer) clearTimeout(this.timer);
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      if (!this.stopped) {
        this.timer = setTimeout(() => void this.refresh(), this.opts.intervalMs);
        this.timer.unref();
      }
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const started = Date.now();
    const controller = new AbortController();
    this.controller = controller;
    const timeout = setTimeout(
      () => controller.abort(new Error(`timed out after ${this.opts.timeoutMs} ms`)),
      this.opts.timeoutMs,
    );
    timeout.unref();
    try {
      const value = await Promise.race([
        this.opts.run(controller.signal),
        new Promise<never>((_, reject) => {
          controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), {
            once: true,
          });
        }),
      ]);
      this.value = value;
      this.lastSuccessMs = Date.now();
      if (this.lastRunFailed) this.opts.log.info({ task: this.opts.name }, 'background check recovered');
      this.lastRunFailed = false;
      this.lastError = undefined;
    } catch (err) {
      if (this.stopped) return; // aborted by stop(): shutting down, not a failed check
      const message = err instanceof Error ? err.message : String(err);
      if (!this.lastRunFailed || message !== this.lastError) {
        this.opts.log.warn(
          { task: this.opts.name, err: message },
          'background check failed; keeping last good values',
        );
      }
      this.lastRunFailed = true;
      this.lastError = message;
    } finally {
      clearTimeout(timeout);
      this.lastDurationMs = Date.now() - started;
    }
  }
}

export interface BackgroundCollectorSpec<T> {
  name: string;
  /** the periodic checks whose last results the scrape reports; started and stopped together */
  tasks: readonly BackgroundTask<T>[];
  /**
   * Why this host has nothing for the tasks to look at (no systemd, no package manager): said once
   * in the log at start, and the tasks are not started. `collect` is still called on each scrape.
   */
  unavailable?: string;
  log: Logger;
  /** writes the tasks' last results (never waits for a run: scrapes read, tasks refresh) */
  collect(ctx: CollectContext): void;
  /** more to release on shutdown after the tasks stop (open files) */
  stop?(): void;
}

/**
 * The one shape of a collector whose values come from background tasks (package-manager checks,
 * probes, SQL checks, tails): the exporter starts and stops its tasks, and a scrape only reads
 * what they last found, so no slow check ever sits on the scrape path.
 */
export function backgroundCollector<T>(spec: BackgroundCollectorSpec<T>): Collector {
  return {
    name: spec.name,
    start() {
      if (spec.unavailable !== undefined) {
        spec.log.info({ collector: spec.name }, spec.unavailable);
        return;
      }
      for (const t of spec.tasks) t.start();
    },
    stop() {
      for (const t of spec.tasks) t.stop();
      spec.stop?.();
    },
    collect: (ctx) => spec.collect(ctx),
  };
}
