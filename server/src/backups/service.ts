import { createHash, randomUUID } from 'node:crypto';
import { formatDuration } from '@opsdesk/runtime';
import type { Caller } from '../auth/roles';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { ApiError, conflict, notFound } from '../http/errors';
import { requireIncident } from '../incidents/service';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { GRAFANA_APP_ID } from '../notify/templates/links';
import { enqueue } from '../notify/outbox';
import { person } from '../people/directory';
import type { BackupPolicyConfig } from './config';
import { coveredMs, policyStatus, type PolicyStatus, type RunFacts, type TestFacts } from './policy';
import type {
  BackupRunBody,
  BackupRunOut,
  PolicyOut,
  RestoreAction,
  RestoreRequestOut,
  RestoreTestBody,
  RestoreTestOut,
} from './schema';
import { backupStore, type RestoreRequestRow, type RestoreTestRow, type RunRow } from './store';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const isoOf = (ms: number): string => new Date(ms).toISOString();
const secs = (ms: number) => ms / 1000;

/** The policy a report names, or 422 naming it and listing the configured ones. */
export function requirePolicy(ctx: AppContext, name: string, field = 'body policy'): BackupPolicyConfig {
  const policies = ctx.config.backups.policies;
  const p = policies.find((x) => x.name === name);
  if (p) return p;
  throw new ApiError(
    422,
    'unknown_policy',
    `${field}: no backup policy named ${JSON.stringify(name)}; ${
      policies.length
        ? `defined: ${policies.map((x) => x.name).join(', ')}`
        : 'none is defined: add it under backups.policies in the server config'
    }`,
    [{ in: 'body', path: field.replace(/^body /, ''), message: 'unknown policy' }],
  );
}

/**
 * A report's times, judged against the server's clock: finished not before started, neither
 * further ahead than backups.ingest.max_future_skew (a host whose clock is wrong would otherwise
 * make a stale backup look fresh until its clock is fixed).
 */
function checkTimes(ctx: AppContext, started: number, finished: number, what: string): void {
  if (finished < started)
    throw new ApiError(
      422,
      'implausible_time',
      `body finishedAt: ${isoOf(finished)} is before startedAt ${isoOf(started)}; send the ${what}'s real start and end`,
    );
  const skew = ctx.config.backups.ingest.max_future_skew;
  const now = ctx.now();
  if (finished > now + skew)
    throw new ApiError(
      422,
      'implausible_time',
      `body finishedAt: ${isoOf(finished)} is ${formatDuration(finished - now)} ahead of the server's clock (${isoOf(now)}), more than backups.ingest.max_future_skew ${formatDuration(skew)}; fix the reporting host's clock (NTP)`,
    );
}

/** SHA-256 of a JSON value with its object keys sorted: the same report hashes the same however it was serialised. */
function canonicalHash(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canon(value)))
    .digest('hex');
}

export function toRun(r: RunRow): BackupRunOut {
  return {
    id: r.id,
    policy: r.policy,
    host: r.host,
    tool: r.tool,
    startedAt: isoOf(r.started_at),
    finishedAt: isoOf(r.finished_at),
    durationSeconds: secs(r.duration_ms),
    exitCode: r.exit_code,
    result: r.result,
    snapshotId: r.snapshot_id,
    bytesAdded: r.bytes_added,
    bytesProcessed: r.bytes_processed,
    filesNew: r.files_new,
    filesChanged: r.files_changed,
    filesUnmodified: r.files_unmodified,
    message: r.message,
    summary: r.summary === null ? null : (JSON.parse(r.summary) as Record<string, unknown>),
    summaryDropped: r.summary === null && Number(r.summary_bytes ?? 0) > 0,
    receivedAt: isoOf(r.received_at),
    receivedBy: r.received_by,
  };
}

export function toRestoreTest(r: RestoreTestRow): RestoreTestOut {
  const v = JSON.parse(r.verification) as RestoreTestBody['verification'];
  return {
    id: r.id,
    policy: r.policy,
    host: r.host,
    snapshotId: r.snapshot_id,
    startedAt: isoOf(r.started_at),
    finishedAt: isoOf(r.finished_at),
    durationSeconds: secs(r.duration_ms),
    bytesRestored: r.bytes_restored,
    filesRestored: r.files_restored,
    result: r.result,
    restoreExitCode: r.restore_exit_code,
    verification: {
      command: v.command ?? null,
      exitCode: v.exitCode ?? null,
      result: v.result,
      output: v.output ?? null,
    },
    message: r.message,
    rtoSeconds: secs(r.rto_ms),
    rtoMet: r.result === 'passed' && r.duration_ms <= r.rto_ms,
    receivedAt: isoOf(r.received_at),
    receivedBy: r.received_by,
  };
}

/** The same id again: the stored report when the body is the same, else 409 naming what differs. */
function replay<T extends { body_hash: string }>(
  known: T | undefined,
  hash: string,
  what: string,
  id: string,
): T {
  if (!known) throw new Error(`${what} ${id}: not inserted and not found`);
  if (known.body_hash !== hash)
    throw conflict(
      'idempotency_conflict',
      `body id: ${what} ${id} is already recorded with a different report; a resend must repeat the report exactly, a new report needs a new id`,
    );
  return known;
}

export const backupsPageUrl = (ctx: AppContext, policy: string) =>
  `${ctx.config.notify.grafana_url.replace(/\/+$/, '')}/a/${GRAFANA_APP_ID}/backups?policy=${encodeURIComponent(policy)}`;

/** Records a run report once per id (201), repeats it for a resend (200); a failed run notifies. */
export async function recordRun(
  ctx: AppContext,
  body: BackupRunBody,
  caller: Caller,
): Promise<{ created: boolean; run: BackupRunOut }> {
  const policy = requirePolicy(ctx, body.policy);
  const started = Date.parse(body.startedAt);
  const finished = Date.parse(body.finishedAt);
  checkTimes(ctx, started, finished, 'backup');
  const hash = canonicalHash(body);
  const summaryText = body.summary === undefined ? null : JSON.stringify(body.summary);
  const summaryBytes = summaryText === null ? 0 : Buffer.byteLength(summaryText);
  const now = ctx.now();
  const row = {
    id: body.id,
    policy: policy.name,
    host: body.host ?? null,
    tool: body.tool,
    started_at: started,
    finished_at: finished,
    duration_ms: Math.round(
      body.durationSeconds !== undefined ? body.durationSeconds * 1000 : finished - started,
    ),
    exit_code: body.exitCode,
    result: body.result,
    snapshot_id: body.snapshotId ?? null,
    bytes_added: body.bytesAdded ?? null,
    bytes_processed: body.bytesProcessed ?? null,
    files_new: body.filesNew ?? null,
    files_changed: body.filesChanged ?? null,
    files_unmodified: body.filesUnmodified ?? null,
    message: body.message ?? null,
    // over the limit the run is kept without it: a report is never lost for its size
    summary: summaryBytes > ctx.config.backups.ingest.summary_limit_bytes ? null : summaryText,
    summary_bytes: summaryBytes,
    body_hash: hash,
    received_at: now,
    received_by: caller.actor,
  };
  return ctx.db.transaction(async (tx) => {
    if (!(await backupStore.insertRun(tx, row)))
      return { created: false, run: toRun(replay(await backupStore.run(tx, body.id), hash, 'run', body.id)) };
    if (body.result === 'failed') {
      const { good } = await backupStore.latestRuns(tx);
      const last = good.get(policy.name);
      await enqueue(ctx, tx, {
        kind: 'backup.failed',
        key: `backup:${policy.name}`,
        phase: 'firing',
        at: now,
        data: {
          job: policy.name,
          target: body.host ? `${policy.target} (${body.host})` : policy.target,
          error: body.message?.slice(0, 500) ?? `${body.tool} exited with ${body.exitCode}`,
          lastSuccessAt: last ? isoOf(last.finished_at) : undefined,
          url: backupsPageUrl(ctx, policy.name),
        },
        mention: [policy.owner],
      });
    }
    return { created: true, run: toRun(row) };
  });
}

export async function recordRestoreTest(
  ctx: AppContext,
  body: RestoreTestBody,
  caller: Caller,
): Promise<{ created: boolean; restoreTest: RestoreTestOut }> {
  const policy = requirePolicy(ctx, body.policy);
  const started = Date.parse(body.startedAt);
  const finished = Date.parse(body.finishedAt);
  checkTimes(ctx, started, finished, 'restore test');
  // the measured duration is the RTO evidence: it cannot exceed the time the test took (1 s of rounding)
  if (body.durationSeconds * 1000 > finished - started + 1000)
    throw new ApiError(
      422,
      'implausible_time',
      `body durationSeconds: ${body.durationSeconds} s is longer than finishedAt - startedAt (${secs(finished - started)} s); send the measured restore time`,
    );
  const hash = canonicalHash(body);
  const row = {
    id: body.id,
    policy: policy.name,
    host: body.host ?? null,
    snapshot_id: body.snapshotId ?? null,
    started_at: started,
    finished_at: finished,
    duration_ms: Math.round(body.durationSeconds * 1000),
    bytes_restored: body.bytesRestored ?? null,
    files_restored: body.filesRestored ?? null,
    result: body.result,
    restore_exit_code: body.restoreExitCode,
    verification: JSON.stringify(body.verification),
    message: body.message ?? null,
    rto_ms: policy.rto,
    body_hash: hash,
    received_at: ctx.now(),
    received_by: caller.actor,
  };
  return ctx.db.transaction(async (tx) => {
    if (!(await backupStore.insertRestoreTest(tx, row)))
      return {
        created: false,
        restoreTest: toRestoreTest(
          replay(await backupStore.restoreTest(tx, body.id), hash, 'restore test', body.id),
        ),
      };
    return { created: true, restoreTest: toRestoreTest(row) };
  });
}

const runFacts = (r: RunRow | undefined): RunFacts | undefined =>
  r && { startedAt: r.started_at, finishedAt: r.finished_at, result: r.result, snapshotId: r.snapshot_id };
const testFacts = (r: RestoreTestRow | undefined): TestFacts | undefined =>
  r && { finishedAt: r.finished_at, result: r.result, durationMs: r.duration_ms, rtoMs: r.rto_ms };

/** Every configured policy with its status at `now`, read in four queries whatever the number of policies. */
export async function policyStatuses(
  ctx: AppContext,
  db: Db = ctx.db,
): Promise<Array<{ policy: BackupPolicyConfig; status: PolicyStatus; lastRun: RunRow | undefined }>> {
  const runs = await backupStore.latestRuns(db);
  const tests = await backupStore.latestRestoreTests(db);
  const now = ctx.now();
  return ctx.config.backups.policies.map((p) => ({
    policy: p,
    lastRun: runs.last.get(p.name),
    status: policyStatus(
      {
        rpoMs: p.rpo,
        restoreTestIntervalMs: p.restore_test_interval,
        calendar: p.calendar === undefined ? undefined : ctx.sla.calendars.get(p.calendar),
      },
      {
        lastRun: runFacts(runs.last.get(p.name)),
        lastGood: runFacts(runs.good.get(p.name)),
        lastTest: testFacts(tests.last.get(p.name)),
        lastPassedTest: testFacts(tests.passed.get(p.name)),
      },
      now,
    ),
  }));
}

export async function policiesOut(ctx: AppContext): Promise<{ policies: PolicyOut[] }> {
  return {
    policies: (await policyStatuses(ctx)).map(({ policy: p, status: s }) => ({
      name: p.name,
      description: p.description,
      target: p.target,
      tool: p.tool,
      schedule: p.schedule,
      retention: p.retention,
      rpoSeconds: secs(p.rpo),
      rtoSeconds: secs(p.rto),
      restoreTestIntervalSeconds: secs(p.restore_test_interval),
      calendar: p.calendar ?? null,
      owner: p.owner,
      status: {
        lastRunAt: iso(s.lastRunAt),
        lastRunResult: s.lastRunResult as PolicyOut['status']['lastRunResult'],
        lastSuccessAt: iso(s.lastSuccessAt),
        lastSnapshotId: s.lastSnapshotId,
        rpoBreached: s.rpoBreached,
        rpoDueAt: iso(s.rpoDueAt),
        lastRestoreTest: s.lastRestoreTest && {
          at: isoOf(s.lastRestoreTest.at),
          result: s.lastRestoreTest.result as 'passed' | 'failed',
          durationSeconds: secs(s.lastRestoreTest.durationMs),
          rtoMet: s.lastRestoreTest.rtoMet,
        },
        restoreTestOverdue: s.restoreTestOverdue,
        restoreTestDueAt: iso(s.restoreTestDueAt),
      },
    })),
  };
}

// ---- data-restore requests (数据恢复) ----

interface Attempt {
  startedAt: number;
  finishedAt: number | null;
  result: 'restored' | 'failed' | null;
  note: string | null;
}

/** The state machine: which actions each state allows, and where they lead. */
const ALLOWED: Record<RestoreRequestRow['state'], readonly RestoreAction[]> = {
  requested: ['start', 'cancel'],
  in_progress: ['finish', 'cancel'],
  restored: ['verify'],
  failed: ['start', 'cancel'],
  verified: [],
  cancelled: [],
};

const attemptsOf = (r: RestoreRequestRow) => JSON.parse(r.attempts) as Attempt[];
const intervals = (attempts: readonly Attempt[], now: number) =>
  attempts.map((a) => [a.startedAt, a.finishedAt ?? now] as const);

export function toRestoreRequest(
  r: RestoreRequestRow,
  incident: IncidentRow,
  now: number,
): RestoreRequestOut {
  const attempts = attemptsOf(r);
  const verification = r.verification === null ? null : (JSON.parse(r.verification) as { evidence: string });
  return {
    id: r.id,
    incidentId: r.incident_id,
    incidentNumber: incident.number,
    what: r.what,
    policy: r.policy,
    snapshotId: r.snapshot_id,
    requestedBy: r.requested_by,
    state: r.state,
    attempts: attempts.map((a) => ({
      startedAt: isoOf(a.startedAt),
      finishedAt: iso(a.finishedAt),
      result: a.result,
      note: a.note,
    })),
    durationSeconds: secs(intervals(attempts, now).reduce((t, [a, b]) => t + Math.max(0, b - a), 0)),
    verification:
      verification && r.verified_at !== null
        ? { at: isoOf(r.verified_at), by: r.verified_by ?? '', evidence: verification.evidence }
        : null,
    cancelReason: r.cancel_reason,
    allowedActions: [...ALLOWED[r.state]],
    createdAt: isoOf(r.created_at),
    createdBy: r.created_by,
    updatedAt: isoOf(r.updated_at),
  };
}

export async function createRestoreRequest(
  ctx: AppContext,
  body: {
    incidentId: string;
    what: string;
    policy?: string | undefined;
    snapshotId?: string | undefined;
    requestedBy: string;
  },
  caller: Caller,
): Promise<RestoreRequestOut> {
  if (body.policy !== undefined) requirePolicy(ctx, body.policy);
  if (!person(ctx, body.requestedBy))
    throw new ApiError(
      422,
      'unknown_person',
      `body requestedBy: ${JSON.stringify(body.requestedBy)} is not in the people directory; GET /api/v1/people lists the ids`,
    );
  return ctx.db.transaction(async (tx) => {
    const incident = await requireIncident(tx, body.incidentId);
    if (incident.status === 'closed')
      throw conflict(
        'incident_closed',
        `incident ${incident.number} is closed; reopen it, or open a new incident for this restore`,
      );
    const now = ctx.now();
    const row: RestoreRequestRow = {
      id: randomUUID(),
      incident_id: incident.id,
      what: body.what,
      policy: body.policy ?? null,
      snapshot_id: body.snapshotId ?? null,
      requested_by: body.requestedBy,
      state: 'requested',
      attempts: '[]',
      verification: null,
      cancel_reason: null,
      created_at: now,
      created_by: caller.actor,
      started_at: null,
      finished_at: null,
      verified_at: null,
      verified_by: null,
      cancelled_at: null,
      updated_at: now,
    };
    await backupStore.insertRestoreRequest(tx, row);
    await incidentStore.appendTimeline(tx, incident.id, now, 'restore_requested', caller.actor, {
      restoreRequestId: row.id,
      what: row.what,
      policy: row.policy,
      snapshotId: row.snapshot_id,
      requestedBy: row.requested_by,
    });
    return toRestoreRequest(row, incident, now);
  });
}

export interface RestoreActionInput {
  at?: string | undefined;
  note?: string | undefined;
  result?: 'restored' | 'failed' | undefined;
  evidence?: string | undefined;
  reason?: string | undefined;
}

const missing = (field: string, action: string, hint: string) =>
  new ApiError(400, 'invalid_request', `body ${field}: required to ${action} a restore request (${hint})`, [
    { in: 'body', path: field, message: 'required' },
  ]);

/** start | finish | verify | cancel, each a timeline entry of the incident, in one transaction. */
export async function restoreAction(
  ctx: AppContext,
  id: string,
  action: RestoreAction,
  body: RestoreActionInput,
  caller: Caller,
): Promise<RestoreRequestOut> {
  if (action === 'finish' && body.result === undefined) throw missing('result', action, 'restored or failed');
  if (action === 'verify' && body.evidence === undefined)
    throw missing('evidence', action, 'how the restored data was checked');
  if (action === 'cancel' && body.reason === undefined)
    throw missing('reason', action, 'why it is not needed');
  return ctx.db.transaction(async (tx) => {
    const r = await backupStore.restoreRequest(tx, id, true);
    if (!r) throw notFound(`restore request ${id}`);
    const incident = await requireIncident(tx, r.incident_id);
    const now = ctx.now();
    if (!ALLOWED[r.state].includes(action))
      throw conflict(
        'illegal_transition',
        `restore request ${id} is ${r.state}; it allows ${ALLOWED[r.state].join(', ') || 'no further action'}, not ${action}`,
      );
    const attempts = attemptsOf(r);
    const open = attempts[attempts.length - 1];
    const previous = Math.max(r.updated_at, open?.finishedAt ?? open?.startedAt ?? r.created_at);
    const at = body.at === undefined ? now : Date.parse(body.at);
    if (body.at !== undefined) {
      if (at > now + ctx.config.backups.ingest.max_future_skew)
        throw new ApiError(
          422,
          'implausible_time',
          `body at: ${body.at} is in the future; leave it out to mean now`,
        );
      const floor =
        action === 'start' ? (open?.finishedAt ?? r.created_at) : (open?.startedAt ?? r.created_at);
      if (at < floor)
        throw new ApiError(
          422,
          'implausible_time',
          `body at: ${body.at} is before the previous step (${isoOf(floor)}); steps are recorded in order`,
        );
    }
    const set: Parameters<typeof backupStore.updateRestoreRequest>[2] = {
      updated_at: Math.max(now, previous),
    };
    const data: Record<string, unknown> = { restoreRequestId: r.id, what: r.what };
    let kind: string;
    if (action === 'start') {
      attempts.push({ startedAt: at, finishedAt: null, result: null, note: body.note ?? null });
      set.state = 'in_progress';
      set.started_at = r.started_at ?? at;
      kind = 'restore_started';
      data.attempt = attempts.length;
      if (r.snapshot_id) data.snapshotId = r.snapshot_id;
    } else if (action === 'finish') {
      const a = open as Attempt;
      a.finishedAt = at;
      a.result = body.result ?? null;
      if (body.note) a.note = a.note ? `${a.note}\n${body.note}` : body.note;
      set.state = body.result === 'restored' ? 'restored' : 'failed';
      set.finished_at = at;
      kind = 'restore_finished';
      data.result = body.result;
      data.durationSeconds = secs(at - a.startedAt);
    } else if (action === 'verify') {
      set.state = 'verified';
      set.verified_at = at;
      set.verified_by = caller.actor;
      set.verification = JSON.stringify({ evidence: body.evidence, note: body.note ?? null });
      kind = 'restore_verified';
      data.evidence = body.evidence;
    } else {
      // a restore stopped half way: its time spent still counts
      if (open && open.finishedAt === null) open.finishedAt = now;
      set.state = 'cancelled';
      set.cancelled_at = now;
      set.cancel_reason = body.reason ?? null;
      kind = 'restore_cancelled';
      data.reason = body.reason;
    }
    set.attempts = JSON.stringify(attempts);
    data.totalRestoreSeconds = secs(
      intervals(attempts, now).reduce((t, [a, b]) => t + Math.max(0, b - a), 0),
    );
    if (body.note) data.note = body.note;
    await backupStore.updateRestoreRequest(tx, r.id, set);
    await incidentStore.appendTimeline(tx, incident.id, now, kind, caller.actor, data);
    return toRestoreRequest({ ...r, ...set } as RestoreRequestRow, incident, now);
  });
}

export async function getRestoreRequest(ctx: AppContext, id: string): Promise<RestoreRequestOut> {
  const r = await backupStore.restoreRequest(ctx.db, id);
  if (!r) throw notFound(`restore request ${id}`);
  return toRestoreRequest(r, await requireIncident(ctx.db, r.incident_id), ctx.now());
}

/**
 * The time spent restoring within an incident's repair time (detection → resolution, to now while
 * unresolved): the union of every attempt of its restore requests, clipped to that span, so two
 * restores running side by side count once.
 */
export function incidentRestoreTime(
  incident: IncidentRow,
  requests: readonly RestoreRequestRow[],
  now: number,
) {
  const detected = Number(incident.detected_at);
  const resolved = incident.resolved_at === null ? null : Number(incident.resolved_at);
  const end = resolved ?? now;
  return {
    incidentId: incident.id,
    number: incident.number,
    detectedAt: isoOf(detected),
    resolvedAt: iso(resolved),
    repairSeconds: secs(Math.max(0, end - detected)),
    restoreSeconds: secs(
      coveredMs(
        requests.flatMap((r) => intervals(attemptsOf(r), now)),
        detected,
        end,
      ),
    ),
  };
}

export async function listRestoreRequests(
  ctx: AppContext,
  q: { incidentId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const now = ctx.now();
  const incident = q.incidentId === undefined ? undefined : await requireIncident(ctx.db, q.incidentId);
  const pageOf = await backupStore.restoreRequests(ctx.db, { ...q, incidentId: incident?.id });
  const incidents = new Map<string, IncidentRow>(incident ? [[incident.id, incident]] : []);
  for (const r of pageOf.rows)
    if (!incidents.has(r.incident_id))
      incidents.set(r.incident_id, await requireIncident(ctx.db, r.incident_id));
  return {
    restoreRequests: pageOf.rows.map((r) =>
      toRestoreRequest(r, incidents.get(r.incident_id) as IncidentRow, now),
    ),
    nextCursor: pageOf.nextCursor,
    repair: incident
      ? incidentRestoreTime(incident, await backupStore.restoreRequestsOfIncident(ctx.db, incident.id), now)
      : null,
  };
}
