import { gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { fields, malformed, procPath, readText, type HostPaths } from '../procfs';

const ALLOCATED = gaugeDescriptor(
  'opsdesk_host_filefd_allocated',
  'File handles allocated by the kernel, all processes together (/proc/sys/fs/file-nr).',
);
const MAXIMUM = gaugeDescriptor(
  'opsdesk_host_filefd_maximum',
  'Most file handles the kernel will allocate (fs.file-max, /proc/sys/fs/file-nr).',
);

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
      sink.add(ALLOCATED, allocated);
      sink.add(MAXIMUM, maximum);
    },
  };
}
