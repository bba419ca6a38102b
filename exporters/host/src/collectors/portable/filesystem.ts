import type { Collector } from '@opsdesk/exporter-core';
import type { Logger } from '@opsdesk/runtime';
import { filesystemDescriptors, filesystemWriters } from '../filesystem';
import { loadSystemInformation, sampledCollector, type SystemInformation } from './sampled';

type FsSize = Awaited<ReturnType<SystemInformation['fsSize']>>;

const SAMPLED = filesystemDescriptors('systeminformation, sampled in the background');

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
      const { size, avail, readonly } = filesystemWriters(sink, SAMPLED);
      for (const fs of list) {
        const l = [fs.fs, fs.mount, fs.type];
        size.set(fs.size, ...l);
        avail.set(fs.available, ...l);
        readonly.set(fs.rw === false ? 1 : 0, ...l);
      }
    },
  );
}
