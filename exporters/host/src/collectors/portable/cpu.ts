import os from 'node:os';
import type { Collector } from '@opsdesk/exporter-core';

/** CPU time per mode from the OS (os.cpus() reports milliseconds on every platform); cheap enough for the scrape path. */
export function portableCpuCollector(cpus: () => os.CpuInfo[] = os.cpus): Collector {
  return {
    name: 'cpu',
    collect({ sink }) {
      const seconds = sink.counter(
        'opsdesk_host_cpu_seconds_total',
        'Seconds each CPU spent in each mode since boot (from the OS via Node os.cpus()).',
        ['cpu', 'mode'],
      );
      cpus().forEach((c, i) => {
        const cpu = String(i);
        seconds.set(c.times.user / 1000, cpu, 'user');
        seconds.set(c.times.nice / 1000, cpu, 'nice');
        seconds.set(c.times.sys / 1000, cpu, 'system');
        seconds.set(c.times.idle / 1000, cpu, 'idle');
        seconds.set(c.times.irq / 1000, cpu, 'irq');
      });
    },
  };
}

export function portableLoadavgCollector(loadavg: () => number[] = os.loadavg): Collector {
  return {
    name: 'loadavg',
    collect({ sink }) {
      const [l1, l5, l15] = loadavg();
      sink.gauge('opsdesk_host_load1', '1-minute load average (from the OS).').set(l1 ?? 0);
      sink.gauge('opsdesk_host_load5', '5-minute load average (from the OS).').set(l5 ?? 0);
      sink.gauge('opsdesk_host_load15', '15-minute load average (from the OS).').set(l15 ?? 0);
    },
  };
}
