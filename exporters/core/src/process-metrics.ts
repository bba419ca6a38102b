import { readdir, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MetricSink } from './metrics';

/**
 * The exporter's own process metrics under the names client_golang and prom-client use, so the
 * usual "exporter health" panels work. Written per scrape into the scrape's sink; cheaper than
 * prom-client's default metrics, whose event-loop histogram and sync /proc reads cost more than
 * several host collectors together.
 */
export class ProcessMetrics {
  private readonly startTimeSeconds = Math.round(Date.now() / 1000 - process.uptime());
  private readonly maxFds = readMaxFds();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor() {
    this.loopDelay.enable();
  }

  stop(): void {
    this.loopDelay.disable();
  }

  async write(sink: MetricSink): Promise<void> {
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    sink
      .counter(
        'process_cpu_seconds_total',
        'Total user and system CPU time spent by this exporter, in seconds.',
      )
      .set((cpu.user + cpu.system) / 1e6);
    sink.gauge('process_resident_memory_bytes', 'Resident memory of this exporter, in bytes.').set(mem.rss);
    sink
      .gauge('process_start_time_seconds', 'Start time of this exporter since the Unix epoch, in seconds.')
      .set(this.startTimeSeconds);
    const fds = await openFds();
    if (fds !== undefined)
      sink.gauge('process_open_fds', 'File descriptors this exporter has open.').set(fds);
    if (this.maxFds !== undefined)
      sink
        .gauge('process_max_fds', 'Most file descriptors this exporter may open (RLIMIT_NOFILE).')
        .set(this.maxFds);
    sink.gauge('nodejs_heap_size_used_bytes', 'V8 heap in use by this exporter, in bytes.').set(mem.heapUsed);
    sink
      .gauge('nodejs_heap_size_total_bytes', 'V8 heap reserved by this exporter, in bytes.')
      .set(mem.heapTotal);
    sink
      .gauge(
        'nodejs_eventloop_lag_p99_seconds',
        '99th percentile of event-loop delay since start, in seconds; high values mean scrapes wait behind other work.',
      )
      .set(this.loopDelay.percentile(99) / 1e9);
    sink
      .gauge('nodejs_version_info', 'Node.js version running this exporter; always 1.', ['version'])
      .set(1, process.version);
  }
}

function readMaxFds(): number | undefined {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'latin1'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function openFds(): Promise<number | undefined> {
  if (process.platform !== 'linux') return Promise.resolve(undefined);
  return new Promise((resolve) =>
    readdir('/proc/self/fd', (err, list) => resolve(err ? undefined : list.length)),
  );
}
