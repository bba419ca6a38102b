import { statfs, statfsSync } from 'node:fs';
import path from 'node:path';
import { gaugeDescriptor, type Collector, type FamilyWriter, type MetricSink } from '@opsdesk/exporter-core';
import { fields, procPath, readText, readTextIfExists, type HostPaths } from '../procfs';

export interface FilesystemOptions {
  mount_points_exclude: RegExp;
  fs_types_exclude: RegExp;
  mount_timeout: number;
}

interface Mount {
  device: string;
  mountpoint: string;
  fstype: string;
  readonly: boolean;
}

/** /proc/mounts escapes space, tab, newline and backslash as octal (\040). */
function unescapeMountField(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export function parseMounts(text: string): Mount[] {
  const byMountpoint = new Map<string, Mount>();
  for (const line of text.split('\n')) {
    const f = fields(line);
    if (f.length < 4) continue;
    const mountpoint = unescapeMountField(f[1] as string);
    // A later mount on the same point hides the earlier one; report what is visible.
    byMountpoint.set(mountpoint, {
      device: unescapeMountField(f[0] as string),
      mountpoint,
      fstype: f[2] as string,
      readonly: (f[3] as string).split(',').includes('ro'),
    });
  }
  return [...byMountpoint.values()];
}

export type StatFs = {
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
};

function statfsAsync(file: string): Promise<StatFs> {
  return new Promise((resolve, reject) => statfs(file, (err, s) => (err ? reject(err) : resolve(s))));
}

/**
 * Filesystems whose statfs can wait on a server or a user-space daemon. Everything else answers
 * statfs from in-memory counters, so it is asked inline; these go to the thread pool under
 * `mount_timeout`, so a dead NFS server cannot hang a scrape.
 */
const REMOTE_FS =
  /^(nfs4?|cifs|smb3?|smbfs|ncpfs|9p|afs|ceph|glusterfs|lustre|gpfs|ocfs2|gfs2|beegfs|davfs|sshfs|fuse(\..+)?|fuseblk)$/;

/** The filesystem metric descriptors, shared by the Linux collector and the Windows/macOS one. */
export function filesystemDescriptors(source: string) {
  const labels = ['device', 'mountpoint', 'fstype'];
  return {
    size: gaugeDescriptor(
      'opsdesk_host_filesystem_size_bytes',
      `Filesystem size in bytes (${source}).`,
      labels,
    ),
    free: gaugeDescriptor(
      'opsdesk_host_filesystem_free_bytes',
      `Free bytes, including the part reserved for root (${source}).`,
      labels,
    ),
    avail: gaugeDescriptor(
      'opsdesk_host_filesystem_avail_bytes',
      `Bytes available to unprivileged users; alert on this one (${source}).`,
      labels,
    ),
    files: gaugeDescriptor(
      'opsdesk_host_filesystem_files',
      `Inodes the filesystem has in total (${source}).`,
      labels,
    ),
    filesFree: gaugeDescriptor('opsdesk_host_filesystem_files_free', `Free inodes (${source}).`, labels),
    readonly: gaugeDescriptor(
      'opsdesk_host_filesystem_readonly',
      '1 when the filesystem is mounted read-only.',
      labels,
    ),
    deviceError: gaugeDescriptor(
      'opsdesk_host_filesystem_device_error',
      '1 when statfs failed or did not answer within collectors.filesystem.mount_timeout (e.g. a hung network mount); the log names the mount.',
      labels,
    ),
  };
}

/** Writers for each of the descriptors, declared in this order in the sink. */
export function filesystemWriters(
  sink: MetricSink,
  d: ReturnType<typeof filesystemDescriptors>,
): Record<keyof typeof d, FamilyWriter> {
  return {
    size: sink.writer(d.size),
    free: sink.writer(d.free),
    avail: sink.writer(d.avail),
    files: sink.writer(d.files),
    filesFree: sink.writer(d.filesFree),
    readonly: sink.writer(d.readonly),
    deviceError: sink.writer(d.deviceError),
  };
}

const STATFS = filesystemDescriptors('statfs');

/**
 * Space and inodes per mounted filesystem. statfs on a dead NFS server can block for minutes, so
 * each mount gets its own timeout; a mount whose statfs is still pending is reported through
 * `opsdesk_host_filesystem_device_error` and not asked again until the kernel answers.
 */
export function filesystemCollector(
  paths: HostPaths,
  opts: FilesystemOptions,
  deps: { remoteStatfs?: (file: string) => Promise<StatFs> } = {},
): Collector {
  const remoteStatfs = deps.remoteStatfs ?? statfsAsync;
  const stuck = new Set<string>();
  return {
    name: 'filesystem',
    async collect({ sink, log }) {
      // PID 1's view is the host's view even when the exporter runs in its own mount namespace.
      const text =
        (await readTextIfExists(procPath(paths, '1', 'mounts'))) ??
        (await readText(procPath(paths, 'mounts')));
      const mounts = parseMounts(text).filter(
        (m) => !opts.mount_points_exclude.test(m.mountpoint) && !opts.fs_types_exclude.test(m.fstype),
      );
      const { size, free, avail, files, filesFree, readonly, deviceError } = filesystemWriters(sink, STATFS);
      await Promise.all(
        mounts.map(async (m) => {
          const l = [m.device, m.mountpoint, m.fstype];
          readonly.set(m.readonly ? 1 : 0, ...l);
          if (stuck.has(m.mountpoint)) {
            deviceError.set(1, ...l);
            return;
          }
          const target = path.join(paths.rootfs, m.mountpoint);
          let pending: Promise<StatFs>;
          if (REMOTE_FS.test(m.fstype)) {
            pending = remoteStatfs(target);
          } else {
            try {
              pending = Promise.resolve(statfsSync(target));
            } catch (err) {
              pending = Promise.reject(err as Error);
            }
          }
          let timer: NodeJS.Timeout | undefined;
          const timedOut = new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), opts.mount_timeout);
          });
          try {
            const s = await Promise.race([pending, timedOut]);
            if (s === 'timeout') {
              stuck.add(m.mountpoint);
              log.warn(
                { mountpoint: m.mountpoint, device: m.device, timeout_ms: opts.mount_timeout },
                'statfs did not answer; marking mount as stuck until it does',
              );
              void pending.then(
                () => stuck.delete(m.mountpoint),
                () => stuck.delete(m.mountpoint),
              );
              deviceError.set(1, ...l);
              return;
            }
            deviceError.set(0, ...l);
            size.set(s.blocks * s.bsize, ...l);
            free.set(s.bfree * s.bsize, ...l);
            avail.set(s.bavail * s.bsize, ...l);
            files.set(s.files, ...l);
            filesFree.set(s.ffree, ...l);
          } catch (err) {
            log.debug({ mountpoint: m.mountpoint, err: (err as Error).message }, 'statfs failed');
            deviceError.set(1, ...l);
          } finally {
            clearTimeout(timer);
          }
        }),
      );
    },
  };
}
