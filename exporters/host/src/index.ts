import type { ExporterDefinition } from '@opsdesk/exporter-core';
import { createHostCollectors } from './collectors';
import { patchesCheck } from './collectors/patches';
import { hostConfigSchema, type HostConfig } from './config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export const hostExporter: ExporterDefinition<HostConfig> = {
  name: 'opsdesk-host-exporter',
  title: 'OpsDesk host exporter',
  version,
  prefix: 'opsdesk_host_',
  defaultListen: ':9741',
  listenEnv: 'OPSDESK_HOST_EXPORTER_LISTEN',
  configSchema: hostConfigSchema,
  create(config, { log, resolvePath }) {
    // /proc, /sys and / of the host, taken from the config file's folder when written relative
    const paths = {
      procfs: resolvePath(config.paths.procfs),
      sysfs: resolvePath(config.paths.sysfs),
      rootfs: resolvePath(config.paths.rootfs),
    };
    // one background check feeds the patch series and GET /api/v1/patches
    const patches = patchesCheck(config.collectors.patches, log);
    return {
      collectors: createHostCollectors({ ...config, paths }, log, process.platform, {
        patches: patches.collector,
      }),
      routes: [patches.route],
    };
  },
};

export { hostConfigSchema, type HostConfig } from './config';
export { createHostCollectors } from './collectors';
