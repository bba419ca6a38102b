import type { PromSample } from '../prometheus/client';
import type { Missing } from './plans-state';

/**
 * The verified gate's rules as plain functions over what the hosts report (the server's collected
 * view of each host exporter's GET /api/v1/patches) and what Prometheus answers: no database, no
 * network, so every refusal is tested directly.
 */

/** What the verify gate reads of a host (PH's patchHostStore.hostState). */
export interface HostPatchView {
  collectedAt: number;
  /** when the host exporter last ran its package check, when the collected view carries it */
  checkedAt?: number | null;
  rebootRequired: boolean | null;
  status: string;
  error?: string | null;
  pending: ReadonlyArray<{ name: string; candidateVersion: string; advisories: string[]; cves?: string[] }>;
}

export interface HostResult {
  host: string;
  collectedAt: number | null;
  status: string | null;
  stillPending: Array<{ name: string; candidateVersion: string; advisories: string[] }>;
  rebootRequired: boolean | null;
  problems: string[];
}

export interface CheckResult {
  name: string;
  expr: string;
  expect: 'empty' | 'non_empty';
  passed: boolean;
  series: number | null;
  value: number | null;
  error: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Each host of the plan against its collected state: collected (and checked, when known) after the
 * install, its check healthy, none of the plan's packages (or packages of its advisories / CVEs)
 * still pending, and a required reboot done. Returns the per-host results and what is missing.
 */
export function evaluateHosts(opts: {
  planRef: string;
  hosts: readonly string[];
  states: ReadonlyMap<string, HostPatchView>;
  /** hosts whose collection just now failed, with why */
  failures?: ReadonlyMap<string, string>;
  packages: readonly string[];
  advisories: readonly string[];
  installedAt: number;
  reboot: { at: number } | null;
}): { results: HostResult[]; missing: Missing[] } {
  const { planRef, packages, advisories, installedAt, reboot } = opts;
  const wanted = new Set(advisories);
  const results: HostResult[] = [];
  const missing: Missing[] = [];
  const verifyAgain = `POST /api/v1/patches/plans/${planRef}/verify`;
  for (const host of opts.hosts) {
    const s = opts.states.get(host);
    const result: HostResult = {
      host,
      collectedAt: s?.collectedAt ?? null,
      status: s?.status ?? null,
      stillPending: [],
      rebootRequired: s?.rebootRequired ?? null,
      problems: [],
    };
    results.push(result);
    const collectProblem = (message: string, how: string) => {
      result.problems.push(message);
      missing.push({ missing: 'hosts_collected', gate: 'verified', message, how });
    };
    const failure = opts.failures?.get(host);
    if (!s) {
      collectProblem(
        `host ${host} has never been collected${failure ? ` (${failure})` : ''}`,
        `check that it is a target of a patches.jobs job in Prometheus (GET /api/v1/patches/hosts) and verify again`,
      );
      continue;
    }
    if (s.collectedAt < installedAt) {
      collectProblem(
        `host ${host}'s package list is from ${iso(s.collectedAt)}, before the install at ${iso(installedAt)}${failure ? ` (collecting it just now failed: ${failure})` : ''}`,
        `fix what GET /api/v1/patches/hosts/${encodeURIComponent(host)} reports and verify again`,
      );
      continue;
    }
    if (s.status !== 'ok') {
      collectProblem(
        `host ${host}'s patch check is ${s.status}${s.error ? `: ${s.error}` : ''}, so it cannot show the packages are installed`,
        `wait for the host exporter's next check (or fix its package manager) and verify again: ${verifyAgain}`,
      );
      continue;
    }
    if (s.checkedAt !== undefined && s.checkedAt !== null && s.checkedAt < installedAt) {
      collectProblem(
        `host ${host}'s exporter last checked its packages at ${iso(s.checkedAt)}, before the install at ${iso(installedAt)}`,
        `wait for its next check and verify again: ${verifyAgain}`,
      );
      continue;
    }
    for (const p of s.pending) {
      const byAdvisory = [...p.advisories, ...(p.cves ?? [])].filter((a) => wanted.has(a));
      if (packages.includes(p.name) || byAdvisory.length > 0)
        result.stillPending.push({
          name: p.name,
          candidateVersion: p.candidateVersion,
          advisories: [...p.advisories, ...(p.cves ?? [])],
        });
    }
    if (result.stillPending.length > 0) {
      const list = result.stillPending.map((p) => `${p.name} ${p.candidateVersion}`).join(', ');
      const message = `host ${host} still reports ${list} pending (collected at ${iso(s.collectedAt)})`;
      result.problems.push(message);
      missing.push({
        missing: 'packages_pending',
        gate: 'verified',
        message,
        how: `install them on ${host} (or roll back: POST /api/v1/patches/plans/${planRef}/rollback) and verify again`,
      });
    }
    if (s.rebootRequired === true && reboot === null) {
      const message = `host ${host} requires a reboot and none is recorded`;
      result.problems.push(message);
      missing.push({
        missing: 'reboot',
        gate: 'verified',
        message,
        how: `reboot it, then verify with {"reboot": {"done": true, "at": "<when>"}}`,
      });
    } else if (
      s.rebootRequired === true &&
      reboot !== null &&
      s.checkedAt !== undefined &&
      s.checkedAt !== null &&
      s.checkedAt > reboot.at
    ) {
      const message = `host ${host} still reports a reboot required, checked at ${iso(s.checkedAt)} after the reboot recorded at ${iso(reboot.at)}`;
      result.problems.push(message);
      missing.push({
        missing: 'reboot',
        gate: 'verified',
        message,
        how: 'reboot it again (another update may need one) and verify with the new reboot time',
      });
    }
  }
  return { results, missing };
}

/** A post-install check's outcome from the samples Prometheus returned (or its error). */
export function checkOutcome(
  check: { name: string; expr: string; expect: 'empty' | 'non_empty' },
  answer: { samples: PromSample[] } | { error: string },
): CheckResult {
  if ('error' in answer) return { ...check, passed: false, series: null, value: null, error: answer.error };
  const first = answer.samples[0]?.value;
  const passed = check.expect === 'empty' ? answer.samples.length === 0 : answer.samples.length > 0;
  return {
    ...check,
    passed,
    series: answer.samples.length,
    value: first === undefined || !Number.isFinite(first) ? null : first,
    error: null,
  };
}

/** What failing checks are missing, one entry each, naming the check. */
export function checksMissing(planRef: string, checks: readonly CheckResult[]): Missing[] {
  return checks
    .filter((c) => !c.passed)
    .map((c) => ({
      missing: 'post_install_checks',
      gate: 'verified' as const,
      message: c.error
        ? `post-install check ${c.name} could not be evaluated: ${c.error}`
        : `post-install check ${c.name} failed: ${c.expr} returned ${c.series} series, expected ${c.expect === 'empty' ? 'none' : 'at least one'}`,
      how: `fix what it shows (or roll back: POST /api/v1/patches/plans/${planRef}/rollback) and verify again`,
    }));
}
