import os from 'node:os';
import { counterDescriptor, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';

const CPU_SECONDS = counterDescriptor(
  'opsdesk_host_cpu_seconds_total',
  'Seconds each CPU spent in each mode since boot (from the OS via Node os.cpus()).',
  ['cpu', 'mode'],
);
const LOADS = ['1', '5', '15'].map((w) =>
  gaugeDescriptor(`opsdesk_host_load${w}`, `${w}-minute load average (from the OS).`),
);

/** CPU time per mode from the OS (os.cpus() reports milliseconds on every platform); cheap enough for the scrape path. */
export function portableCpuCollector(cpus: () => os.CpuInfo[] = os.cpus): Collector {
  return {
    name: 'cpu',
    collect({ sink }) {
      const seconds = sink.writer(CPU_SECONDS);
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
      const loads = loadavg();
      LOADS.forEach((gauge, i) => sink.add(gauge, loads[i] ?? 0));
    },
  };
}
