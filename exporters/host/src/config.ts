import { collectorSection, exporterConfigSchema } from '@opsdesk/exporter-core';
import { duration } from '@opsdesk/runtime';
import { z } from 'zod';

/** A regular expression given in config; reported with its path when it does not compile. */
const regex = z.string().transform((text, ctx) => {
  try {
    return new RegExp(text);
  } catch (err) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid regular expression ${JSON.stringify(text)}: ${(err as Error).message}`,
    });
    return z.NEVER;
  }
});

const unitName = z
  .string()
  .regex(
    /^[A-Za-z0-9:_.@\\-]+\.(service|socket|timer|mount|target|path|slice|scope|swap|device|automount)$/,
    {
      message: 'expected a systemd unit name with its type, e.g. sshd.service',
    },
  );

export const DEFAULT_DISK_EXCLUDE = '^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p|mmcblk\\d+p)\\d+$';
export const DEFAULT_MOUNT_POINTS_EXCLUDE =
  '^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+|var/lib/kubelet/.+)($|/)';
export const DEFAULT_FS_TYPES_EXCLUDE =
  '^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs|sysfs|tracefs)$';

export const hostConfigSchema = exporterConfigSchema(
  {
    cpu: collectorSection({}),
    loadavg: collectorSection({}),
    meminfo: collectorSection({}),
    pressure: collectorSection({}),
    stat: collectorSection({}),
    filefd: collectorSection({}),
    diskstats: collectorSection({ device_exclude: regex.default(new RegExp(DEFAULT_DISK_EXCLUDE)) }),
    filesystem: collectorSection({
      mount_points_exclude: regex.default(new RegExp(DEFAULT_MOUNT_POINTS_EXCLUDE)),
      fs_types_exclude: regex.default(new RegExp(DEFAULT_FS_TYPES_EXCLUDE)),
      mount_timeout: duration({ min: '10ms', max: '1m' }).default(2000),
    }),
    netdev: collectorSection({
      device_exclude: regex.optional(),
      device_include: regex.optional(),
    }),
    timesync: collectorSection({ interval: duration({ min: '1s' }).default(60_000) }),
    inventory: collectorSection({ interval: duration({ min: '1m' }).default(3_600_000) }),
    patches: collectorSection({
      interval: duration({ min: '1m' }).default(1_800_000),
      check_timeout: duration({ min: '10s', max: '1h' }).default(600_000),
      manager: z.enum(['auto', 'apt', 'dnf', 'yum', 'zypper', 'none']).default('auto'),
    }),
    systemd: collectorSection({
      interval: duration({ min: '1s' }).default(15_000),
      units: z.array(unitName).default([]),
    }),
  },
  {
    paths: z
      .strictObject({
        procfs: z.string().default('/proc'),
        sysfs: z.string().default('/sys'),
        /** where the host's / is mounted when the exporter runs in a container (e.g. /host) */
        rootfs: z.string().default('/'),
      })
      .prefault({}),
  },
);

export type HostConfig = z.output<typeof hostConfigSchema>;
