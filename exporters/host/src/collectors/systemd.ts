import { existsSync } from 'node:fs';
import { BackgroundTask, backgroundCollector, gaugeDescriptor, type Collector } from '@opsdesk/exporter-core';
import { findOnPath, runCommand, type CommandResult, type Logger } from '@opsdesk/runtime';
import { checkStatusDescriptors, writeCheckStatus } from '../check-status';

export interface SystemdOptions {
  interval: number;
  units: string[];
}

export interface UnitStates {
  failed: string[];
  /** unit → ACTIVE column (active, inactive, failed, activating, …) */
  active: Map<string, string>;
}

/** `systemctl list-units --all --plain --no-legend --full`: `UNIT LOAD ACTIVE SUB DESCRIPTION…` */
export function parseListUnits(text: string): UnitStates {
  const failed: string[] = [];
  const active = new Map<string, string>();
  for (const line of text.split('\n')) {
    const f = line.trim().replace(/^●\s*/, '').split(/\s+/);
    const [unit, , state] = f;
    if (!unit || !state || !unit.includes('.')) continue;
    active.set(unit, state);
    if (state === 'failed') failed.push(unit);
  }
  return { failed, active };
}

const FAILED_UNITS = gaugeDescriptor(
  'opsdesk_host_systemd_failed_units',
  'Units systemd reports in the failed state (systemctl list-units --state=failed shows which).',
);
const UNIT_ACTIVE = gaugeDescriptor(
  'opsdesk_host_systemd_unit_active',
  '1 when the unit named in collectors.systemd.units is active, 0 otherwise (inactive, failed, activating or not loaded).',
  ['unit'],
);

/**
 * Failed units and the state of the units named in config. systemctl runs in the background every
 * `interval`; a host without systemd as init (containers, Alpine) has no systemd series.
 */
export function systemdCollector(
  opts: SystemdOptions,
  log: Logger,
  deps: { booted?: boolean; run?: () => Promise<CommandResult> } = {},
): Collector {
  const booted = deps.booted ?? (existsSync('/run/systemd/system') && findOnPath('systemctl') !== undefined);
  const args = ['list-units', '--all', '--plain', '--no-legend', '--no-pager', '--full'];
  const task = new BackgroundTask<UnitStates>({
    name: 'systemd',
    intervalMs: opts.interval,
    timeoutMs: Math.max(5000, opts.interval),
    log,
    run: async (signal) => {
      const r = await (deps.run ? deps.run() : runCommand('systemctl', args, { timeoutMs: 30_000, signal }));
      if (r.code !== 0)
        throw new Error(`systemctl ${args.join(' ')} exited with ${r.code}: ${r.stderr.trim()}`);
      return parseListUnits(r.stdout);
    },
  });
  const status = checkStatusDescriptors('systemd', 'systemctl', opts.interval);
  return backgroundCollector({
    name: 'systemd',
    tasks: [task],
    log,
    ...(booted
      ? {}
      : {
          unavailable:
            'systemd is not the init system here (no /run/systemd/system or no systemctl); systemd series are absent',
        }),
    collect({ sink }) {
      if (!booted) return;
      writeCheckStatus(sink, status, task);
      const s = task.value;
      if (!s) return;
      sink.add(FAILED_UNITS, s.failed.length);
      const active = sink.writer(UNIT_ACTIVE);
      for (const unit of opts.units) active.set(s.active.get(unit) === 'active' ? 1 : 0, unit);
    },
  });
}
