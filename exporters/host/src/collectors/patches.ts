import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import {
  BackgroundTask,
  backgroundCollector,
  gaugeDescriptor,
  jsonReply,
  type Collector,
  type Route,
} from '@opsdesk/exporter-core';
import { findOnPath, runCommand, type Logger } from '@opsdesk/runtime';
import { checkStatusDescriptors, writeCheckStatus } from '../check-status';

import {
  PATCH_MANAGERS,
  type PatchManager,
  type PatchStatus,
  type PendingPackage,
  type Run,
} from '../patch-managers';

export interface PatchesOptions {
  /** false: the collector is off, so no check runs (the JSON route says so) */
  enabled?: boolean;
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

/** How long `GET /api/v1/patches` waits for a check started because packages were installed. */
const REFRESH_WAIT_MS = 3_000;

/** `GET /api/v1/patches`: the pending packages of the last check (version 1 of the document). */
export interface PatchesDocument {
  version: 1;
  host: string;
  manager: string | null;
  /** pending: no check has finished yet; error: the last one failed (packages are the last good list) */
  status: 'ok' | 'error' | 'pending';
  error: string | null;
  checkedAt: string | null;
  metadataRefreshedAt: string | null;
  rebootRequired: boolean | null;
  packages: PendingPackage[];
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** The patches collector and the JSON route that reads the same background check. */
export interface PatchesCheck {
  collector: Collector;
  document(): PatchesDocument;
  route: Route;
}

export function patchesCollector(...args: Parameters<typeof patchesCheck>): Collector {
  return patchesCheck(...args).collector;
}

/**
 * OS patch status, checked in the background (a package-manager query takes seconds and spawns
 * processes, which must never sit on the scrape path). Scrapes and `GET /api/v1/patches` read the
 * last good result; neither ever runs the package manager.
 */
export function patchesCheck(
  opts: PatchesOptions,
  log: Logger,
  deps: {
    manager?: PatchManager | undefined;
    run?: Run;
    fileMtime?: (f: string) => Promise<number | undefined>;
    hostname?: string;
  } = {},
): PatchesCheck {
  const manager = 'manager' in deps ? deps.manager : detectPatchManager(opts.manager);
  const fileMtime = deps.fileMtime ?? mtimeSeconds;
  let task: BackgroundTask<PatchStatus> | undefined;
  if (manager) {
    task = new BackgroundTask<PatchStatus>({
      name: `patches/${manager.name}`,
      intervalMs: opts.interval,
      timeoutMs: opts.check_timeout,
      log,
      run: async (signal) => {
        // the database's mtime before the check: a change after it means a newer state to read
        const before = databaseFile ? await fileMtime(databaseFile) : undefined;
        const status = await manager.check(
          deps.run ?? ((file, args) => runCommand(file, args, { timeoutMs: opts.check_timeout, signal })),
          fileMtime,
        );
        databaseFile = status.databaseFile;
        databaseMtime = before ?? (databaseFile ? await fileMtime(databaseFile) : undefined);
        return status;
      },
    });
  }
  let databaseFile: string | undefined;
  let databaseMtime: number | undefined;
  /**
   * Packages installed since the last check (dpkg/rpm database changed): check again now, and let
   * the caller wait for it a little, so a reader right after an install sees the new state rather
   * than waiting for the next interval. Otherwise nothing runs: readers never run the manager.
   */
  const refreshIfInstalled = async (waitMs: number): Promise<void> => {
    if (!task || !databaseFile || opts.enabled === false) return;
    const now = await fileMtime(databaseFile);
    if (now === databaseMtime) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      task.refresh(),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timer);
  };
  const d = patchDescriptors(opts.interval);
  const host = deps.hostname ?? hostname();
  const document = (): PatchesDocument => {
    const s = task?.value;
    const base = {
      version: 1 as const,
      host,
      manager: manager?.name ?? null,
      checkedAt: iso(task?.lastSuccessMs),
      metadataRefreshedAt:
        s?.metadataTimestampSeconds === undefined ? null : iso(s.metadataTimestampSeconds * 1000),
      rebootRequired: s?.rebootRequired ?? null,
      packages: s?.packages ?? [],
    };
    if (opts.enabled === false)
      return {
        ...base,
        status: 'error',
        error: 'the patches collector is disabled (collectors.patches.enabled: false)',
      };
    if (!task)
      return {
        ...base,
        status: 'error',
        error: `no supported package manager (apt, dnf, yum, zypper) found (collectors.patches.manager: ${opts.manager})`,
      };
    if (task.lastRunFailed) return { ...base, status: 'error', error: task.lastError ?? 'the check failed' };
    if (!s) return { ...base, status: 'pending', error: null };
    return { ...base, status: 'ok', error: null };
  };
  const route: Route = {
    method: 'GET',
    path: '/api/v1/patches',
    handle: async () => {
      await refreshIfInstalled(REFRESH_WAIT_MS);
      return jsonReply(200, document(), { 'Cache-Control': 'no-store' });
    },
  };
  const collector = backgroundCollector({
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
  return { collector, document, route };
}
