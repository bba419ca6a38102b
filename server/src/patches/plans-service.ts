import { randomUUID } from 'node:crypto';
import { offsetAt, type Calendar } from '@opsdesk/calendar';
import type { Caller } from '../auth/roles';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { ApiError, conflict, notFound, unprocessable } from '../http/errors';
import { person, personOfCaller } from '../people/directory';
import { prometheusOf } from '../prometheus/client';
import { planDeps, type PlanDeps } from './plans-deps';
import type {
  CreatePlanBody,
  GatedState,
  ListPlansQuery,
  PatchPlan,
  PlanAction,
  PlanState,
} from './plans-schema';
import { allowedActions, gateUnmet, missingBefore, type Missing } from './plans-state';
import { planStore, type PlanRow } from './plans-store';
import {
  checkOutcome,
  checksMissing,
  evaluateHosts,
  type CheckResult,
  type HostResult,
} from './plans-verify';
import { fitWindow, MAX_SCHEDULE_MS, tradingOverlap } from './plans-windows';
import type { z } from 'zod';
import type {
  approveBody,
  closeBody,
  installBody,
  reasonBody,
  rollbackBody,
  scheduleBody,
  testBody,
  verifyBody,
} from './plans-schema';

type Body<S extends z.ZodType> = z.output<S>;

interface TestRecord {
  at: number;
  by: string;
  testHosts: string[];
  result: 'passed' | 'failed';
  evidence: string;
}
interface Approval {
  at: number;
  approver: string;
  by: string;
  note: string | null;
}
interface BackupRecord {
  backupRunId: string | null;
  policy: string | null;
  tool: string | null;
  snapshotId: string | null;
  takenAt: number | null;
}
interface Verification {
  at: number;
  by: string;
  passed: boolean;
  reboot: { at: number } | null;
  results: HostResult[];
  checks: CheckResult[];
  missing: string[];
}
interface Check {
  name: string;
  expr: string;
  expect: 'empty' | 'non_empty';
}

const iso = (ms: number) => new Date(ms).toISOString();
const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** An instant as the wall time of a calendar's zone, e.g. 2026-10-10T22:00+08:00, for messages. */
function wall(ms: number, calendar: Calendar | undefined): string {
  if (!calendar) return iso(ms);
  const off = offsetAt(ms, calendar.data.timeZone);
  const local = new Date(ms + off).toISOString().slice(0, 16);
  const sign = off < 0 ? '-' : '+';
  const h = String(Math.floor(Math.abs(off) / 3_600_000)).padStart(2, '0');
  const m = String(Math.floor((Math.abs(off) % 3_600_000) / 60_000)).padStart(2, '0');
  return `${local}${sign}${h}:${m}`;
}

function durationText(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 48
    ? `${Math.round(h / 24)} d`
    : h >= 1
      ? `${Math.round(h * 10) / 10} h`
      : `${Math.round(ms / 60_000)} min`;
}

/** The checklist of a plan: each gated state, met, or what is missing. */
export function gatesOf(row: PlanRow): PatchPlan['gates'] {
  const test = json<TestRecord>(row.test);
  const verification = json<Verification>(row.verification);
  const gate = (state: GatedState, met: boolean, missing: string[]) => ({
    state,
    met,
    missing: met ? [] : missing,
  });
  return [
    gate('tested', test?.result === 'passed', ['test_evidence']),
    gate('approved', row.approval !== null, ['approval']),
    gate('scheduled', row.window_start !== null, ['maintenance_window']),
    gate('installed', row.install !== null && row.backup !== null, ['backup_evidence']),
    gate(
      'verified',
      verification?.passed === true,
      verification && !verification.passed ? [...new Set(verification.missing)] : ['verification'],
    ),
  ];
}

export function planOut(row: PlanRow): PatchPlan {
  const test = json<TestRecord>(row.test);
  const approval = json<Approval>(row.approval);
  const backup = json<BackupRecord>(row.backup);
  const install = json<{ at: number; by: string; notes: string | null }>(row.install);
  const verification = json<Verification>(row.verification);
  const rollback = json<{ at: number; by: string; what: string; why: string }>(row.rollback_record);
  const outcome = json<{ at: number; by: string; reason: string }>(row.outcome);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    state: row.state as PlanState,
    hosts: JSON.parse(row.hosts) as string[],
    hostGroup: row.host_group,
    packages: JSON.parse(row.packages) as string[],
    advisories: JSON.parse(row.advisories) as string[],
    emergency: json<{ reason: string; approver: string }>(row.emergency),
    postInstallChecks: JSON.parse(row.post_install_checks) as Check[],
    test: test && { ...test, at: iso(test.at) },
    approval: approval && { ...approval, at: iso(approval.at) },
    window:
      row.window_start === null || row.window_end === null
        ? null
        : {
            start: iso(row.window_start),
            end: iso(row.window_end),
            maintenanceWindow: row.maintenance_window,
          },
    backup: backup && { ...backup, takenAt: backup.takenAt === null ? null : iso(backup.takenAt) },
    install: install && { ...install, at: iso(install.at) },
    verification: verification && {
      at: iso(verification.at),
      by: verification.by,
      passed: verification.passed,
      reboot: verification.reboot && { at: iso(verification.reboot.at) },
      results: verification.results.map((r) => ({
        ...r,
        collectedAt: r.collectedAt === null ? null : iso(r.collectedAt),
      })),
      checks: verification.checks,
    },
    rollback: rollback && { ...rollback, at: iso(rollback.at) },
    outcome: outcome && { ...outcome, at: iso(outcome.at) },
    gates: gatesOf(row),
    allowedActions: allowedActions(row.state as PlanState),
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
  };
}

function unknownPerson(field: string, id: string): ApiError {
  return new ApiError(
    422,
    'unknown_person',
    `body ${field}: ${JSON.stringify(id)} is not in the people directory; list people with GET /api/v1/people`,
    [{ in: 'body', path: field, message: 'not in the people directory' }],
  );
}

export class PatchPlanService {
  constructor(
    private readonly ctx: AppContext,
    private readonly deps: PlanDeps = planDeps,
  ) {}

  private get db(): Db {
    return this.ctx.db;
  }

  async require(id: string): Promise<PlanRow> {
    const row = await planStore.get(this.db, id);
    if (!row) throw notFound(`patch plan ${id} (GET /api/v1/patches/plans lists them)`);
    return row;
  }

  async list(q: ListPlansQuery) {
    const { rows, nextCursor } = await planStore.list(this.db, q);
    return { plans: rows.map(planOut), nextCursor };
  }

  async get(id: string) {
    const row = await this.require(id);
    const timeline = await planStore.timeline(this.db, row.id);
    return {
      ...planOut(row),
      timeline: timeline.map((t) => ({
        at: iso(t.at),
        actor: t.actor,
        kind: t.kind,
        detail: JSON.parse(t.detail) as Record<string, unknown>,
      })),
    };
  }

  async create(body: CreatePlanBody, caller: Caller): Promise<PatchPlan> {
    const m = this.ctx.config.maintenance;
    let hosts = body.hosts ?? [];
    if (body.hostGroup !== undefined) {
      const group = m.host_groups.find((g) => g.name === body.hostGroup);
      if (!group)
        throw new ApiError(
          422,
          'unknown_host_group',
          `body hostGroup: no host group ${JSON.stringify(body.hostGroup)} in maintenance.host_groups${m.host_groups.length ? `; defined: ${m.host_groups.map((g) => g.name).join(', ')}` : '; define one in the server config or list the hosts'}`,
          [{ in: 'body', path: 'hostGroup', message: 'not a maintenance.host_groups name' }],
        );
      hosts = [...group.hosts];
    }
    const creator = personOfCaller(this.ctx, caller)?.id ?? null;
    if (body.emergency) {
      if (!person(this.ctx, body.emergency.approver))
        throw unknownPerson('emergency.approver', body.emergency.approver);
      if (body.emergency.approver === creator)
        throw new ApiError(
          422,
          'four_eyes',
          `body emergency.approver: ${creator} is creating this plan and cannot also authorise its emergency; name another person`,
          [{ in: 'body', path: 'emergency.approver', message: 'the creator cannot approve' }],
        );
    }
    const now = this.ctx.now();
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      const number = await planStore.nextNumber(tx);
      await planStore.insert(tx, {
        id,
        number,
        title: body.title,
        state: 'draft',
        host_group: body.hostGroup ?? null,
        hosts: JSON.stringify(hosts),
        packages: JSON.stringify(body.packages),
        advisories: JSON.stringify(body.advisories),
        emergency: body.emergency ? JSON.stringify(body.emergency) : null,
        post_install_checks: JSON.stringify(body.postInstallChecks),
        test: null,
        approval: null,
        window_start: null,
        window_end: null,
        maintenance_window: null,
        backup: null,
        install: null,
        installed_at: null,
        verification: null,
        rollback_record: null,
        outcome: null,
        created_by: caller.actor,
        created_by_person: creator,
        created_at: now,
        updated_at: now,
      });
      await planStore.addTimeline(tx, {
        plan_id: id,
        at: now,
        actor: caller.actor,
        kind: 'created',
        detail: {
          hosts,
          hostGroup: body.hostGroup ?? null,
          packages: body.packages,
          advisories: body.advisories,
          ...(body.emergency ? { emergency: body.emergency } : {}),
        },
      });
      return planOut((await planStore.get(tx, id)) as PlanRow);
    });
  }

  /**
   * Writes a step: the plan's new fields and a timeline entry, only if the plan is still as `row`
   * was read (a concurrent step wins, this one answers 409 and changes nothing).
   */
  private async step(
    row: PlanRow,
    caller: Caller,
    fields: Partial<PlanRow>,
    kind: string,
    detail: Record<string, unknown>,
  ): Promise<PatchPlan> {
    const now = Math.max(this.ctx.now(), row.updated_at + 1);
    return this.db.transaction(async (tx) => {
      const ok = await planStore.update(tx, row.id, row, { ...fields, updated_at: now });
      if (!ok)
        throw conflict(
          'plan_changed',
          `patch plan ${row.number} changed while this ${kind} was being checked; read it again (GET /api/v1/patches/plans/${row.number}) and retry`,
        );
      await planStore.addTimeline(tx, { plan_id: row.id, at: now, actor: caller.actor, kind, detail });
      return planOut((await planStore.get(tx, row.id)) as PlanRow);
    });
  }

  private early(row: PlanRow, action: PlanAction): Missing[] {
    return missingBefore(row.number, row.state as PlanState, action);
  }

  async test(id: string, body: Body<typeof testBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    this.early(row, 'test');
    const record: TestRecord = { at: this.ctx.now(), by: caller.actor, ...body };
    return this.step(
      row,
      caller,
      { state: body.result === 'passed' ? 'tested' : 'draft', test: JSON.stringify(record) },
      body.result === 'passed' ? 'tested' : 'test_failed',
      { testHosts: body.testHosts, result: body.result, evidence: body.evidence },
    );
  }

  async approve(id: string, body: Body<typeof approveBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    const missing = this.early(row, 'approve');
    if (missing.length) throw gateUnmet('approved', missing);
    if (!person(this.ctx, body.approver)) throw unknownPerson('approver', body.approver);
    const callerPerson = personOfCaller(this.ctx, caller)?.id;
    if (callerPerson !== body.approver)
      throw new ApiError(
        403,
        'not_the_approver',
        `an approval is made by the approver: ${body.approver} approves through Grafana as themselves or with a token named ${body.approver}; this request is ${callerPerson ? `from ${callerPerson}` : `from token ${caller.tokenName}, which is no person of the people directory`}`,
      );
    const emergency = json<{ approver: string }>(row.emergency);
    if (body.approver === row.created_by_person)
      missing.push({
        missing: 'independent_approver',
        gate: 'approved',
        message: `${body.approver} created ${row.number} and cannot approve it (four eyes)`,
        how: 'another person of the people directory approves it',
      });
    if (emergency && emergency.approver !== body.approver)
      missing.push({
        missing: 'emergency_approver',
        gate: 'approved',
        message: `${row.number} is an emergency authorised by ${emergency.approver}`,
        how: `${emergency.approver} approves it`,
      });
    if (missing.length) throw gateUnmet('approved', missing);
    const approval: Approval = {
      at: this.ctx.now(),
      approver: body.approver,
      by: caller.actor,
      note: body.note ?? null,
    };
    return this.step(row, caller, { state: 'approved', approval: JSON.stringify(approval) }, 'approved', {
      approver: body.approver,
      ...(body.note ? { note: body.note } : {}),
    });
  }

  async schedule(id: string, body: Body<typeof scheduleBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    const start = Date.parse(body.start);
    const end = Date.parse(body.end);
    const now = this.ctx.now();
    if (end - start > MAX_SCHEDULE_MS)
      throw unprocessable(
        'schedule_too_long',
        `body end: the schedule lasts ${durationText(end - start)}; at most 7 d — split the change into several plans`,
      );
    if (end <= now)
      throw unprocessable('schedule_in_past', `body end: ${body.end} has passed; schedule a time to come`);
    const missing = this.early(row, 'schedule');
    const m = this.ctx.config.maintenance;
    const calendars = this.ctx.sla.calendars;
    const hosts = JSON.parse(row.hosts) as string[];
    const emergency = row.emergency !== null;
    const trading = m.trading_calendar === undefined ? undefined : calendars.get(m.trading_calendar);
    const overlap = trading && tradingOverlap(trading, start, end);
    const fit = fitWindow(m, calendars, hosts, start, end);
    if (!emergency) {
      if (overlap)
        missing.push({
          missing: 'outside_trading_hours',
          gate: 'scheduled',
          message: `${wall(start, trading)}–${wall(end, trading)} touches trading hours of ${m.trading_calendar} (${wall(overlap[0], trading)}–${wall(overlap[1], trading)})`,
          how: 'schedule outside trading hours, or create an emergency plan (emergency: {reason, approver})',
        });
      if (!fit.ok && fit.ungrouped.length)
        missing.push({
          missing: 'host_group',
          gate: 'scheduled',
          message: `${fit.ungrouped.join(', ')} ${fit.ungrouped.length > 1 ? 'are' : 'is'} in no maintenance.host_groups, so no maintenance window is theirs`,
          how: 'add the hosts to a host group that has a window in the server config',
        });
      else if (!fit.ok) {
        const next = fit.candidates
          .map((c) => {
            const w = m.windows.find((x) => x.name === c.window);
            const cal = w && calendars.get(w.calendar);
            return c.next
              ? `${c.window} next opens ${wall(c.next[0], cal)}–${wall(c.next[1], cal)}`
              : c.window;
          })
          .join('; ');
        missing.push({
          missing: 'maintenance_window',
          gate: 'scheduled',
          message: fit.candidates.length
            ? `${wall(start, undefined)}–${wall(end, undefined)} is not inside a maintenance window of the plan's hosts (${next})`
            : `no window of maintenance.windows covers all of the plan's hosts (${hosts.join(', ')})`,
          how: fit.candidates.length
            ? 'schedule inside one of those openings'
            : 'add a window for their host groups (one window whose host_groups hold every host of the plan) to the server config',
        });
      }
    }
    if (missing.length) throw gateUnmet('scheduled', missing);
    const retry = row.state === 'failed';
    return this.step(
      row,
      caller,
      {
        state: 'scheduled',
        window_start: start,
        window_end: end,
        maintenance_window: fit.ok ? fit.window : null,
        // another try after a failed install needs its own backup and install record
        ...(retry ? { backup: null, install: null, installed_at: null, verification: null } : {}),
      },
      row.state === 'scheduled' ? 'rescheduled' : 'scheduled',
      {
        start: iso(start),
        end: iso(end),
        maintenanceWindow: fit.ok ? fit.window : null,
        ...(emergency ? { emergency: true, duringTradingHours: overlap !== undefined } : {}),
        ...(retry ? { retryAfterFailure: true } : {}),
      },
    );
  }

  async install(id: string, body: Body<typeof installBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    const now = this.ctx.now();
    const installedAt = body.installedAt === undefined ? now : Date.parse(body.installedAt);
    if (installedAt > now + 60_000)
      throw unprocessable('installed_at_future', `body installedAt: ${body.installedAt} is in the future`);
    const missing = this.early(row, 'install');
    const ref = row.number;
    const test = json<TestRecord>(row.test);
    if (missing.length === 0 && test?.result !== 'passed')
      missing.push({
        missing: 'test_evidence',
        gate: 'installed',
        message: 'no passing test record',
        how: `POST /api/v1/patches/plans/${ref}/test`,
      });
    const maxAge = this.ctx.config.maintenance.backup_max_age;
    const backupMissing = (message: string, how: string) =>
      missing.push({ missing: 'backup_evidence', gate: 'installed', message, how });
    let backup: BackupRecord | undefined;
    const howBackup = `take a backup and send it: {"backup": {"backupRunId": "…"}} (a run of GET /api/v1/backups/runs) or {"backup": {"tool": "…", "snapshotId": "…", "takenAt": "…"}}`;
    const age = (finished: number, what: string) => {
      if (finished > installedAt)
        backupMissing(
          `${what} finished at ${iso(finished)}, after the install at ${iso(installedAt)}`,
          howBackup,
        );
      else if (installedAt - finished > maxAge)
        backupMissing(
          `${what} finished ${durationText(installedAt - finished)} before the install, longer ago than maintenance.backup_max_age (${durationText(maxAge)})`,
          'take a fresh backup before installing',
        );
    };
    if (body.backup === undefined) backupMissing('no backup evidence', howBackup);
    else if ('backupRunId' in body.backup) {
      const run = await this.deps.backupRunOf(this.db, body.backup.backupRunId);
      if (!run)
        backupMissing(
          `backup run ${body.backup.backupRunId} is not recorded by the backups domain`,
          'send the id of a run that GET /api/v1/backups/runs lists',
        );
      else if (run.result !== 'success')
        backupMissing(
          `backup run ${run.id} of policy ${run.policy} ended ${run.result}, which is no backup to restore from`,
          'run the backup again until it succeeds',
        );
      else {
        age(run.finishedAt, `backup run ${run.id}`);
        backup = {
          backupRunId: run.id,
          policy: run.policy,
          tool: null,
          snapshotId: run.snapshotId,
          takenAt: run.finishedAt,
        };
      }
    } else {
      const takenAt = body.backup.takenAt === undefined ? null : Date.parse(body.backup.takenAt);
      if (takenAt !== null) age(takenAt, `snapshot ${body.backup.snapshotId}`);
      backup = {
        backupRunId: null,
        policy: null,
        tool: body.backup.tool,
        snapshotId: body.backup.snapshotId,
        takenAt,
      };
    }
    if (
      missing.length === 0 &&
      row.window_start !== null &&
      row.window_end !== null &&
      (installedAt < row.window_start || installedAt > row.window_end)
    )
      missing.push({
        missing: 'install_in_window',
        gate: 'installed',
        message: `the install at ${iso(installedAt)} is outside the scheduled window ${iso(row.window_start)}–${iso(row.window_end)}`,
        how: `install inside it, or schedule the time it really happens: POST /api/v1/patches/plans/${ref}/schedule`,
      });
    if (missing.length || !backup) throw gateUnmet('installed', missing);
    return this.step(
      row,
      caller,
      {
        state: 'installed',
        backup: JSON.stringify(backup),
        install: JSON.stringify({ at: installedAt, by: caller.actor, notes: body.notes ?? null }),
        installed_at: installedAt,
      },
      'installed',
      {
        installedAt: iso(installedAt),
        backup: { ...backup, takenAt: backup.takenAt === null ? null : iso(backup.takenAt) },
        ...(body.notes ? { notes: body.notes } : {}),
      },
    );
  }

  /**
   * The verified gate: collects the plan's hosts now, then reads what they report; every host must
   * have been collected since the install with none of the plan's packages pending and a required
   * reboot recorded, and every post-install check must pass in Prometheus. A refusal is kept (the
   * plan's verification, a verify_refused timeline entry): what the hosts said at that moment.
   */
  async verify(id: string, body: Body<typeof verifyBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    const early = this.early(row, 'verify');
    if (early.length) throw gateUnmet('verified', early);
    const now = this.ctx.now();
    const installedAt = row.installed_at ?? now;
    const reboot = body.reboot ? { at: Date.parse(body.reboot.at) } : null;
    if (reboot && (reboot.at < installedAt || reboot.at > now + 60_000))
      throw new ApiError(
        422,
        'reboot_time',
        `body reboot.at: ${body.reboot?.at} is ${reboot.at < installedAt ? `before the install at ${iso(installedAt)}` : 'in the future'}; give the time of the reboot after the install`,
        [{ in: 'body', path: 'reboot.at', message: 'not between the install and now' }],
      );
    const hosts = JSON.parse(row.hosts) as string[];
    const ref = row.number;
    const missing: Missing[] = [];
    let collectError: string | undefined;
    let failures: Array<{ host: string; error: string }> = [];
    try {
      failures = await this.deps.collectHosts(this.ctx, hosts);
    } catch (err) {
      collectError = (err as Error).message;
    }
    const states = await this.deps.hostState(this.db, hosts);
    const hostsOutcome = evaluateHosts({
      planRef: ref,
      hosts,
      states,
      failures: new Map(failures.map((f) => [f.host, f.error])),
      packages: JSON.parse(row.packages) as string[],
      advisories: JSON.parse(row.advisories) as string[],
      installedAt,
      reboot,
    });
    if (collectError !== undefined)
      missing.push({
        missing: 'hosts_collected',
        gate: 'verified',
        message: `the hosts could not be collected: ${collectError}`,
        how: 'set prometheus.url and patches.jobs in the server config so the server finds the host exporters',
      });
    missing.push(...hostsOutcome.missing);
    const checks = JSON.parse(row.post_install_checks) as Check[];
    const prometheus = prometheusOf(this.ctx);
    const checkResults: CheckResult[] = [];
    if (checks.length && !prometheus)
      missing.push({
        missing: 'prometheus',
        gate: 'verified',
        message: `${ref} has ${checks.length} post-install check(s) and the server has no Prometheus`,
        how: 'set prometheus.url in the server config',
      });
    else if (prometheus)
      for (const c of checks) {
        const answer = await prometheus.query(c.expr).then(
          (samples) => ({ samples }),
          (err: Error) => ({ error: err.message }),
        );
        checkResults.push(checkOutcome(c, answer));
      }
    missing.push(...checksMissing(ref, checkResults));
    const verification: Verification = {
      at: now,
      by: caller.actor,
      passed: missing.length === 0,
      reboot,
      results: hostsOutcome.results,
      checks: checkResults,
      missing: missing.map((x) => x.missing),
    };
    const detail = {
      passed: verification.passed,
      ...(reboot ? { reboot: { at: iso(reboot.at) } } : {}),
      hosts: hostsOutcome.results.map((r) => ({ host: r.host, problems: r.problems })),
      checks: checkResults.map((c) => ({ name: c.name, passed: c.passed })),
      ...(missing.length ? { missing: missing.map((x) => x.message) } : {}),
      ...(body.notes ? { notes: body.notes } : {}),
    };
    if (missing.length) {
      await this.step(row, caller, { verification: JSON.stringify(verification) }, 'verify_refused', detail);
      throw gateUnmet('verified', missing);
    }
    return this.step(
      row,
      caller,
      { state: 'verified', verification: JSON.stringify(verification) },
      'verified',
      detail,
    );
  }

  async close(id: string, body: Body<typeof closeBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    this.early(row, 'close');
    return this.step(row, caller, { state: 'closed' }, 'closed', body.note ? { note: body.note } : {});
  }

  async end(
    id: string,
    action: 'decline' | 'fail',
    body: Body<typeof reasonBody>,
    caller: Caller,
  ): Promise<PatchPlan> {
    const row = await this.require(id);
    this.early(row, action);
    const outcome = { at: this.ctx.now(), by: caller.actor, reason: body.reason };
    const state = action === 'decline' ? 'declined' : 'failed';
    return this.step(row, caller, { state, outcome: JSON.stringify(outcome) }, state, {
      reason: body.reason,
      from: row.state,
    });
  }

  async rollback(id: string, body: Body<typeof rollbackBody>, caller: Caller): Promise<PatchPlan> {
    const row = await this.require(id);
    this.early(row, 'rollback');
    const record = { at: this.ctx.now(), by: caller.actor, what: body.what, why: body.why };
    return this.step(
      row,
      caller,
      { state: 'rolled_back', rollback_record: JSON.stringify(record) },
      'rolled_back',
      { what: body.what, why: body.why, from: row.state },
    );
  }
}
