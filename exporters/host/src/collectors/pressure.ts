import { counterDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readTextIfExists, type HostPaths } from '../procfs';

const RESOURCES = ['cpu', 'memory', 'io'] as const;

const SOME = counterDescriptor(
  'opsdesk_host_pressure_some_seconds_total',
  'Seconds in which at least one task was stalled waiting for the resource (PSI "some" total, /proc/pressure/*).',
  ['resource'],
);
const FULL = counterDescriptor(
  'opsdesk_host_pressure_full_seconds_total',
  'Seconds in which all non-idle tasks were stalled on the resource at once (PSI "full" total, /proc/pressure/*).',
  ['resource'],
);

/** Pressure stall information (PSI); kernels before 4.20 or booted with psi=0 have none, which is not an error. */
export function pressureCollector(paths: HostPaths): Collector {
  let reportedMissing = false;
  return {
    name: 'pressure',
    async collect({ sink, log }) {
      const texts = await Promise.all(RESOURCES.map((r) => readTextIfExists(procPath(paths, 'pressure', r))));
      if (texts.every((t) => t === undefined)) {
        if (!reportedMissing)
          log.info(
            'no /proc/pressure on this kernel (needs 4.20+ and psi enabled); pressure series are absent',
          );
        reportedMissing = true;
        return;
      }
      const some = sink.writer(SOME);
      const full = sink.writer(FULL);
      RESOURCES.forEach((resource, i) => {
        const text = texts[i];
        if (text === undefined) return;
        for (const line of text.split('\n')) {
          const f = fields(line);
          const total = f.find((x) => x.startsWith('total='));
          if (!total) continue;
          const seconds = Number(total.slice(6)) / 1e6;
          if (Number.isNaN(seconds)) throw malformed(procPath(paths, 'pressure', resource), line);
          if (f[0] === 'some') some.set(seconds, resource);
          else if (f[0] === 'full') full.set(seconds, resource);
        }
      });
    },
  };
}
