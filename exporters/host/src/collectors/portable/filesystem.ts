import type { Collector, Logger } from '@opsdesk/exporter-core';
import { loadSystemInformation, sampledCollector, type SystemInformation } from './sampled';

type FsSize = Awaited<ReturnType<SystemInformation['fsSize']>>;

export function portableFilesystemCollector(
  log: Logger,
  intervalMs: number,
  si = loadSystemInformation,
): Collector {
  return sampledCollector<FsSize>(
    'filesystem',
    { intervalMs, log },
    async () => (await si()).fsSize(),
    (sink, list) => {
      const labels = ['device', 'mountpoint', 'fstype'];
      const size = sink.gauge(
        'opsdesk_host_filesystem_size_bytes',
        'Filesystem size in bytes (systeminformation, sampled in the background).',
        labels,
      );
      const avail = sink.gauge(
        'opsdesk_host_filesystem_avail_bytes',
        'Bytes available to users (systeminformation).',
        labels,
      );
      const readonly = sink.gauge(
        'opsdesk_host_filesystem_readonly',
        '1 when the filesystem is read-only (systeminformation).',
        labels,
      );
      for (const fs of list) {
        const l = [fs.fs, fs.mount, fs.type];
        size.set(fs.size, ...l);
        avail.set(fs.available, ...l);
        readonly.set(fs.rw === false ? 1 : 0, ...l);
      }
    },
  );
}
