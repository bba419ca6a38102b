import { gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readText, type HostPaths } from '../procfs';

const LOADS = ['1', '5', '15'].map((w) =>
  gaugeDescriptor(
    `opsdesk_host_load${w}`,
    `${w}-minute load average: runnable plus uninterruptible tasks (from /proc/loadavg). Compare with the CPU count.`,
  ),
);

export function loadavgCollector(paths: HostPaths): Collector {
  const file = procPath(paths, 'loadavg');
  return {
    name: 'loadavg',
    async collect({ sink }) {
      const f = fields(await readText(file));
      const loads = f.slice(0, 3).map(Number);
      if (loads.length !== 3 || loads.some(Number.isNaN))
        throw malformed(file, 'expected three load averages');
      loads.forEach((v, i) => sink.add(LOADS[i]!, v));
    },
  };
}
