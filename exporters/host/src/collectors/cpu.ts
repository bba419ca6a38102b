import { counterDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readText, type HostPaths } from '../procfs';

/** /proc/stat counts in USER_HZ, which Linux fixes at 100 for user space on every architecture. */
const USER_HZ = 100;
const MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;

const CPU_SECONDS = counterDescriptor(
  'opsdesk_host_cpu_seconds_total',
  'Seconds each CPU spent in each mode since boot (from /proc/stat). rate() gives the busy fraction; iowait is time idle while I/O was outstanding.',
  ['cpu', 'mode'],
);
const GUEST_SECONDS = counterDescriptor(
  'opsdesk_host_cpu_guest_seconds_total',
  'Seconds each CPU spent running virtual-machine guests, already included in user/nice (from /proc/stat).',
  ['cpu', 'mode'],
);

export function cpuCollector(paths: HostPaths): Collector {
  const file = procPath(paths, 'stat');
  return {
    name: 'cpu',
    async collect({ sink }) {
      const text = await readText(file);
      const seconds = sink.writer(CPU_SECONDS);
      const guest = sink.writer(GUEST_SECONDS);
      let seen = 0;
      for (const line of text.split('\n')) {
        if (!line.startsWith('cpu') || line.startsWith('cpu ')) continue;
        const f = fields(line);
        const cpu = (f[0] as string).slice(3);
        for (let i = 0; i < MODES.length; i++) {
          const v = f[i + 1];
          if (v !== undefined) seconds.set(Number(v) / USER_HZ, cpu, MODES[i] as string);
        }
        if (f[9] !== undefined) guest.set(Number(f[9]) / USER_HZ, cpu, 'user');
        if (f[10] !== undefined) guest.set(Number(f[10]) / USER_HZ, cpu, 'nice');
        seen++;
      }
      if (seen === 0) throw malformed(file, 'no per-CPU lines');
    },
  };
}
