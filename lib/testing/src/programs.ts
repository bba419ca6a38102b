import { homedir } from 'node:os';
import path from 'node:path';
import { findOnPath } from '@opsdesk/runtime';

/**
 * Programs that `scripts/go-tools.sh` builds from their Go modules at pinned versions (keep the
 * two in step): the test name of the program → its folder in the cache and its binary. Debian
 * ships Prometheus 2.42 and Alertmanager 0.25 under these names; the cached builds are the
 * current releases, and the tests run on them wherever they are built.
 */
export const PINNED_PROGRAMS: Record<string, { release: string; dir: string; binary: string }> = {
  prometheus: { release: 'Prometheus 3.16.0', dir: 'prometheus-v0.316.0', binary: 'prometheus' },
  promtool: { release: 'Prometheus 3.16.0', dir: 'prometheus-v0.316.0', binary: 'promtool' },
  'prometheus-alertmanager': {
    release: 'Alertmanager 0.35.0',
    dir: 'alertmanager-v0.35.0',
    binary: 'alertmanager',
  },
  alertmanager: { release: 'Alertmanager 0.35.0', dir: 'alertmanager-v0.35.0', binary: 'alertmanager' },
  amtool: { release: 'Alertmanager 0.35.0', dir: 'alertmanager-v0.35.0', binary: 'amtool' },
};

/** The oldest versions OpsDesk supports: Debian 12's packages, run by one smoke test. */
export const OLDEST_PROGRAMS = {
  promtool: '/usr/bin/promtool',
  amtool: '/usr/bin/amtool',
} as const;

/** Where scripts/go-tools.sh caches its builds (outside the checkout). */
export function toolsCache(): string {
  return process.env.OPSDESK_TOOLS_CACHE || path.join(homedir(), '.cache', 'opsdesk');
}

/** The cached build of a pinned program, when scripts/go-tools.sh has built it. */
export function cachedProgram(program: string): string | undefined {
  const pin = PINNED_PROGRAMS[program];
  return pin ? findOnPath(path.join(toolsCache(), pin.dir, pin.binary)) : undefined;
}

/**
 * Absolute path of the program the tests should run: the cached current release of a pinned
 * program (Prometheus, promtool, Alertmanager, amtool) first, then PATH (an absolute path is taken
 * as it is). Resolve it once per file, not per call.
 */
export function findProgram(program: string): string | undefined {
  return cachedProgram(program) ?? findOnPath(program);
}

/** `findProgram`, for code that already knows the program is there (inside describeWithPrograms). */
export function program(name: string): string {
  const found = findProgram(name);
  if (!found) throw new Error(`${name} is not installed: ${installHint(name)}`);
  return found;
}

const inCi = () => process.env.CI === 'true' || process.env.CI === '1';

function installHint(name: string, pkg = name): string {
  return PINNED_PROGRAMS[name]
    ? `bash scripts/go-tools.sh (or apt-get install -y ${pkg})`
    : `apt-get install -y ${pkg}`;
}

/**
 * `describe` for tests that need real programs (promtool, prometheus, node_exporter). Locally a
 * missing program skips the block with a note; under CI=true it fails, so CI never goes green
 * by not running them. Under CI a pinned program must be the cached current release: falling
 * back to Debian's old one would let CI pass without ever running the current one.
 */
export function describeWithPrograms(programs: Record<string, string>, name: string, fn: () => void): void {
  const ci = inCi();
  const missing = Object.entries(programs).filter(([p]) =>
    ci && PINNED_PROGRAMS[p] ? !cachedProgram(p) : !findProgram(p),
  );
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const hint = missing.map(([p, pkg]) => `${p} (${installHint(p, pkg)})`).join(', ');
  if (ci) {
    describe(name, () => {
      test('required programs are installed', () => {
        throw new Error(`missing: ${hint}`);
      });
    });
  } else {
    describe.skip(`${name} [skipped: missing ${hint}]`, fn);
  }
}
