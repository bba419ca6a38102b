import type { Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readText, type HostPaths } from '../procfs';

export function filefdCollector(paths: HostPaths): Collector {
  const file = procPath(paths, 'sys', 'fs', 'file-nr');
  return {
    name: 'filefd',
    async collect({ sink }) {
      const [allocated, , maximum] = fields(await readText(file)).map(Number);
      if (
        allocated === undefined ||
        maximum === undefined ||
        Number.isNaN(allocated) ||
        Number.isNaN(maximum)
      ) {
        throw malformed(file, 'expected "allocated unused maximum"');
      }
      sink
        .gauge(
          'opsdesk_host_filefd_allocated',
          'File handles allocated by the kernel, all processes together (/proc/sys/fs/file-nr).',
        )
        .set(allocated);
      sink
        .gauge(
          'opsdesk_host_filefd_maximum',
          'Most file handles the kernel will allocate (fs.file-max, /proc/sys/fs/file-nr).',
        )
        .set(maximum);
    },
  };
}
