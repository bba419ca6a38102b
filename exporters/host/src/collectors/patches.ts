import { stat } from 'node:fs/promises';
import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { findOnPath, runCommand, type Logger } from '@opsdesk/runtime';
import { checkStatusDescriptors, writeCheckStatus } from '../check-status';

import { PATCH_MANAGERS, type PatchManager, type PatchStatus, type Run } from '../patch-managers';

export interface PatchesOptions {
  interval: number;
  check_timeout: number;
  manager: 'auto' | 'apt' | 'dnf' | 'yum' | 'zypper' | 'none';
}

const MANAGER_INFO = gaugeDescriptor(
  'opsdesk_host_patches_package_manager_info',
  'The package manager whose state the patch series describe; always 1.',
  ['manager'],
);
const METADATA_TIMESTAMP = gaugeDescriptor(
  'opsdesk_host_patches_metadata_timestamp_seconds',
  'When the package lists were last refreshed (apt update), Unix seconds; pending counts are only as fresh as these lists.',
);

/** The series whose help says how often they are checked, declared once from the config. */
function patchDescriptors(intervalMs: number) {
  const every = `checked in the background every ${Math.round(intervalMs / 60_000)} min`;
  return {
    status: checkStatusDescriptors('patches', 'package-manager', intervalMs),
    pending: gaugeDescriptor(
      'opsdesk_host_patches_upgrades_pending',
      `Package upgrades available and not installed, by origin (apt archive or repository); ${every}.`,
      ['origin'],
    ),
    security: gaugeDescriptor(
      'opsdesk_host_patches_security_upgrades_pending',
      `Pending security upgrades (apt: packages from a *-security origin; dnf/yum: packages in security advisories; zypper: needed security patches); ${every}.`,
    ),
    held: gaugeDescriptor(
      'opsdesk_host_patches_held_packages',
      `Packages held back from upgrades (apt-mark hold, versionlock, zypper locks); ${every}.`,
    ),
    rebootRequired: gaugeDescriptor(
      'opsdesk_host_reboot_required',
      `1 when installed updates need a reboot to take effect (/run/reboot-required, needs-restarting -r, zypper needs-rebooting); ${every}.`,
    ),
  };
}

async function mtimeSeconds(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs / 1000;
  } catch {
    return undefined;
  }
}

export function detectPatchManager(
  choice: PatchesOptions['manager'],
  onPath = findOnPath,
): PatchManager | undefined {
  if (choice === 'none') return undefined;
  if (choice !== 'auto') return PATCH_MANAGERS.find((m) => m.name === choice);
  return PATCH_MANAGERS.find((m) => onPath(m.program) !== undefined);
}

/**
 * OS patch status, checked in the background (a package-manager query takes seconds and spawns
 * processes, which must never sit on the scrape path). Scrapes read the last good result.
 */
export function patchesCollector(
  opts: PatchesOptions,
  log: Logger,
  deps: {
    manager?: PatchManager | undefined;
    run?: Run;
    fileMtime?: (f: string) => Promise<number | undefined>;
  } = {},
): Collector {
  const manager = 'manager' in deps ? deps.manager : detectPatchManager(opts.manager);
  const fileMtime = deps.fileMtime ?? mtimeSeconds;
  let task: BackgroundTask<PatchStatus> | undefined;
  if (manager) {
    task = new BackgroundTask<PatchStatus>({
      name: `patches/${manager.name}`,
      intervalMs: opts.interval,
      timeoutMs: opts.check_timeout,
      log,
      run: (signal) =>
        manager.check(
          deps.run ?? ((file, args) => runCommand(file, args, { timeoutMs: opts.check_timeout, signal })),
          fileMtime,
        ),
    });
  }
  const d = patchDescriptors(opts.interval);
  return backgroundCollector({
    name: 'patches',
    tasks: task ? [task] : [],
    log,
    ...(task
      ? {}
      : {
          unavailable: `no supported package manager (apt, dnf, yum, zypper) found (collectors.patches.manager: ${opts.manager}); patch series are absent`,
        }),
    collect({ sink }) {
      if (!task || !manager) return;
      sink.add(MANAGER_INFO, 1, manager.name);
      writeCheckStatus(sink, d.status, task);
      const s = task.value;
      if (!s) return;
      const pending = sink.writer(d.pending);
      for (const [origin, n] of s.pendingByOrigin) pending.set(n, origin);
      sink.add(d.security, s.security);
      if (s.held !== undefined) sink.add(d.held, s.held);
      if (s.rebootRequired !== undefined) sink.add(d.rebootRequired, s.rebootRequired ? 1 : 0);
      if (s.metadataTimestampSeconds !== undefined) sink.add(METADATA_TIMESTAMP, s.metadataTimestampSeconds);
    },
  });
}
