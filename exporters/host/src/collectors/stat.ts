import { counterDescriptor, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readText, type HostPaths } from '../procfs';

const BOOT_TIME = gaugeDescriptor(
  'opsdesk_host_boot_time_seconds',
  'When the host booted, as a Unix timestamp in seconds (btime in /proc/stat).',
);
/** /proc/stat key → the counter it becomes */
const COUNTERS = [
  [
    'ctxt',
    counterDescriptor(
      'opsdesk_host_context_switches_total',
      'Context switches since boot (ctxt in /proc/stat).',
    ),
  ],
  [
    'processes',
    counterDescriptor(
      'opsdesk_host_forks_total',
      'Processes and threads created since boot (processes in /proc/stat).',
    ),
  ],
  [
    'intr',
    counterDescriptor(
      'opsdesk_host_interrupts_total',
      'Interrupts serviced since boot, all sources (intr in /proc/stat).',
    ),
  ],
] as const;
const PROCS_RUNNING = gaugeDescriptor(
  'opsdesk_host_procs_running',
  'Processes runnable right now (procs_running in /proc/stat).',
);
const PROCS_BLOCKED = gaugeDescriptor(
  'opsdesk_host_procs_blocked',
  'Processes blocked waiting for I/O right now (procs_blocked in /proc/stat).',
);

export function statCollector(paths: HostPaths): Collector {
  const file = procPath(paths, 'stat');
  return {
    name: 'stat',
    async collect({ sink }) {
      const text = await readText(file);
      const values = new Map<string, number>();
      for (const line of text.split('\n')) {
        const f = fields(line);
        if (f[0] && f[1] !== undefined && !f[0].startsWith('cpu')) values.set(f[0], Number(f[1]));
      }
      const btime = values.get('btime');
      if (btime === undefined) throw malformed(file, 'no btime line');
      sink.add(BOOT_TIME, btime);
      for (const [key, counter] of COUNTERS) {
        const v = values.get(key);
        if (v !== undefined) sink.add(counter, v);
      }
      const running = values.get('procs_running');
      if (running !== undefined) sink.add(PROCS_RUNNING, running);
      const blocked = values.get('procs_blocked');
      if (blocked !== undefined) sink.add(PROCS_BLOCKED, blocked);
    },
  };
}
