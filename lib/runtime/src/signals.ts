import type { Logger } from './logger';

/** The part of `process` that signal handling uses; tests pass a stand-in. */
export interface SignalTarget {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): never | void;
}

/**
 * SIGTERM / SIGINT: close once, log, exit 0 (1 when closing fails, so a supervisor sees it).
 * A second signal while closing is ignored: the first one's close is already under way, and
 * exiting in the middle of it would lose what it was flushing (the flow exporter's state file).
 */
export function stopOnSignals(log: Logger, close: () => Promise<void>, target: SignalTarget = process): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    close().then(
      () => {
        log.info('stopped');
        target.exit(0);
      },
      (err: unknown) => {
        log.error({ err: (err as Error).message }, 'could not stop cleanly');
        target.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) target.on(signal, () => stop(signal));
}
