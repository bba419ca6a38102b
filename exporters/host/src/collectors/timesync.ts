import { existsSync } from 'node:fs';
import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { findOnPath, runCommand, type CommandResult, type Logger } from '@opsdesk/runtime';
import { checkStatusDescriptors, writeCheckStatus } from '../check-status';

export interface ClockState {
  source: 'chrony' | 'timesyncd';
  synchronized: boolean;
  /** system clock minus reference time, seconds (positive: the host clock is ahead); undefined when not reported */
  offsetSeconds: number | undefined;
}

/**
 * `chronyc -c tracking` prints one CSV line: ref id, ref name, stratum, ref time, system time
 * offset (signed, positive = fast), last offset, rms offset, frequency, residual freq, skew,
 * root delay, root dispersion, update interval, leap status.
 */
export function parseChronyTracking(text: string): ClockState {
  const f = text.trim().split('\n')[0]?.split(',') ?? [];
  if (f.length < 14) throw new Error(`chronyc -c tracking: expected 14 CSV fields, got ${f.length}`);
  const refId = f[0] as string;
  const leap = (f[13] as string).trim();
  const offset = Number(f[4]);
  return {
    source: 'chrony',
    synchronized: leap !== 'Not synchronised' && !/^0+$/.test(refId),
    offsetSeconds: Number.isFinite(offset) ? offset : undefined,
  };
}

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, min: 60 };

/** `timedatectl timesync-status` prints `Offset: -1.234ms` among other lines. */
export function parseTimesyncStatus(text: string, synchronized: boolean): ClockState {
  const m = /^\s*Offset:\s*([+-]?[\d.]+)\s*(ns|us|µs|ms|s|min)\s*$/m.exec(text);
  return {
    source: 'timesyncd',
    synchronized,
    offsetSeconds: m ? Number(m[1]) * (UNIT_SECONDS[m[2] as string] as number) : undefined,
  };
}

type Source = 'chrony' | 'timesyncd';

export function detectTimeSource(): Source | undefined {
  if (findOnPath('chronyc')) return 'chrony';
  if (existsSync('/run/systemd/timesync') || (existsSync('/run/systemd/system') && findOnPath('timedatectl')))
    return 'timesyncd';
  return undefined;
}

const TIME = gaugeDescriptor(
  'opsdesk_host_time_seconds',
  "The host's clock at scrape time, Unix seconds; compare with Prometheus' own time for skew.",
);
const SYNCHRONIZED = gaugeDescriptor(
  'opsdesk_host_time_sync_synchronized',
  '1 when the time daemon reports the clock synchronised to a reference (chronyc tracking / timedatectl).',
  ['source'],
);
const OFFSET = gaugeDescriptor(
  'opsdesk_host_time_offset_seconds',
  'Host clock minus reference time in seconds, as the time daemon last measured it; positive means the host is ahead.',
  ['source'],
);

/**
 * Clock synchronisation as chrony or systemd-timesyncd report it, asked in the background; plus
 * the host's own clock, so `timestamp(up) - opsdesk_host_time_seconds` shows skew against
 * Prometheus even where neither daemon runs.
 */
export function timesyncCollector(
  opts: { interval: number },
  log: Logger,
  deps: { source?: Source | undefined; run?: (file: string, args: string[]) => Promise<CommandResult> } = {},
): Collector {
  const source = 'source' in deps ? deps.source : detectTimeSource();
  const run = deps.run ?? ((file: string, args: string[]) => runCommand(file, args, { timeoutMs: 10_000 }));
  const task = new BackgroundTask<ClockState>({
    name: 'timesync',
    intervalMs: opts.interval,
    timeoutMs: 15_000,
    log,
    run: async () => {
      if (source === 'chrony') {
        const r = await run('chronyc', ['-c', 'tracking']);
        if (r.code !== 0) throw new Error(`chronyc -c tracking exited with ${r.code}: ${r.stderr.trim()}`);
        return parseChronyTracking(r.stdout);
      }
      const r = await run('timedatectl', ['timesync-status']);
      if (r.code !== 0)
        throw new Error(`timedatectl timesync-status exited with ${r.code}: ${r.stderr.trim()}`);
      return parseTimesyncStatus(r.stdout, existsSync('/run/systemd/timesync/synchronized'));
    },
  });
  const status = checkStatusDescriptors('timesync', 'clock synchronisation', opts.interval);
  return backgroundCollector({
    name: 'timesync',
    tasks: [task],
    log,
    ...(source
      ? {}
      : { unavailable: 'neither chrony nor systemd-timesyncd found; clock sync series are absent' }),
    collect({ sink }) {
      sink.add(TIME, Date.now() / 1000);
      if (!source) return;
      writeCheckStatus(sink, status, task);
      const s = task.value;
      if (!s) return;
      sink.add(SYNCHRONIZED, s.synchronized ? 1 : 0, s.source);
      if (s.offsetSeconds !== undefined) sink.add(OFFSET, s.offsetSeconds, s.source);
    },
  });
}
