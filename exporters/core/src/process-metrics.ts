import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { counterDescriptor, gaugeDescriptor, type MetricSink } from './metrics';

const CPU = counterDescriptor(
  'process_cpu_seconds_total',
  'Total user and system CPU time spent by this exporter, in seconds.',
);
const RSS = gaugeDescriptor('process_resident_memory_bytes', 'Resident memory of this exporter, in bytes.');
const START = gaugeDescriptor(
  'process_start_time_seconds',
  'Start time of this exporter since the Unix epoch, in seconds.',
);
const OPEN_FDS = gaugeDescriptor('process_open_fds', 'File descriptors this exporter has open.');
const MAX_FDS = gaugeDescriptor(
  'process_max_fds',
  'Most file descriptors this exporter may open (RLIMIT_NOFILE).',
);
const HEAP_USED = gaugeDescriptor(
  'nodejs_heap_size_used_bytes',
  'V8 heap in use by this exporter, in bytes.',
);
const HEAP_TOTAL = gaugeDescriptor(
  'nodejs_heap_size_total_bytes',
  'V8 heap reserved by this exporter, in bytes.',
);
const LOOP_LAG = gaugeDescriptor(
  'nodejs_eventloop_lag_p99_seconds',
  '99th percentile of event-loop delay since start, in seconds; high values mean scrapes wait behind other work.',
);
const VERSION = gaugeDescriptor('nodejs_version_info', 'Node.js version running this exporter; always 1.', [
  'version',
]);

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

  write(sink: MetricSink): void {
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    sink.add(CPU, (cpu.user + cpu.system) / 1e6);
    sink.add(RSS, mem.rss);
    sink.add(START, this.startTimeSeconds);
    const fds = openFds();
    if (fds !== undefined) sink.add(OPEN_FDS, fds);
    if (this.maxFds !== undefined) sink.add(MAX_FDS, this.maxFds);
    sink.add(HEAP_USED, mem.heapUsed);
    sink.add(HEAP_TOTAL, mem.heapTotal);
    sink.add(LOOP_LAG, this.loopDelay.percentile(99) / 1e9);
    sink.add(VERSION, 1, process.version);
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

/** Counted synchronously, like the host collectors' /proc reads: /proc/self/fd never waits on a device. */
function openFds(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return undefined;
  }
}
