import { BackgroundTask, backgroundCollector, type Collector, type MetricSink } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';

/**
 * A collector for Windows and macOS: systeminformation is asked in the background (it spawns
 * wmic/PowerShell/sysctl there) and scrapes write the last sample. Series are absent until the
 * first sample arrives.
 */
export function sampledCollector<T>(
  name: string,
  opts: { intervalMs: number; log: Logger },
  sample: () => Promise<T>,
  write: (sink: MetricSink, value: T) => void,
): Collector {
  const task = new BackgroundTask<T>({
    name,
    intervalMs: opts.intervalMs,
    timeoutMs: 30_000,
    log: opts.log,
    run: sample,
  });
  return backgroundCollector({
    name,
    tasks: [task],
    log: opts.log,
    collect({ sink }) {
      if (task.value !== undefined) write(sink, task.value);
    },
  });
}

export type SystemInformation = typeof import('systeminformation');
export const loadSystemInformation = (): Promise<SystemInformation> => import('systeminformation');
