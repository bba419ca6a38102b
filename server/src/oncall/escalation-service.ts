import type { Calendar } from '@opsdesk/calendar';
import { Counter, Gauge } from 'prom-client';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { incidentStore, type IncidentRow } from '../incidents/store';
import { channelsFor, enqueue, incidentData } from '../notify/outbox';
import type { NotifyEvent, Recipient } from '../notify/types';
import { peopleWithRole, person } from '../people/directory';
import type { EscalationPolicy, EscalationTarget } from './escalation-config';
import {
  asSeenByRun,
  choosePolicy,
  nextStep,
  pageAt,
  pagesOutsideHours,
  startsLate,
  stopOf,
  type EscalationIncident,
} from './escalation';
import { escalationStore, type EscalationRow } from './escalation-store';
import { onCallAt } from './roster';

const BATCH = 200;
const ACTOR = 'opsdesk';

/** The escalation metrics, registered once per server registry (the routes and the tick both ask). */
const registered = new WeakMap<object, { steps: Counter<'policy'> }>();

export function escalationMetrics(ctx: AppContext): { steps: Counter<'policy'> } {
  const registry = ctx.metrics.registry;
  let m = registered.get(registry);
  if (!m) {
    const steps = new Counter({
      name: 'opsdesk_escalation_steps_total',
      help: 'Escalation steps paged (a timeline entry and the notifications queued), by policy.',
      labelNames: ['policy'],
      registers: [registry],
    });
    for (const p of ctx.config.oncall.escalation.policies) steps.inc({ policy: p.name }, 0);
    new Gauge({
      name: 'opsdesk_escalations_running',
      help: 'Incidents whose escalation is running: a step is still to page (waiting for service hours included), nobody has acknowledged.',
      registers: [registry],
      async collect() {
        this.set(await escalationStore.runningCount(ctx.db));
      },
    });
    m = { steps };
    registered.set(registry, m);
  }
  return m;
}

export function policyNamed(ctx: AppContext, name: string | null): EscalationPolicy | undefined {
  return name === null ? undefined : ctx.config.oncall.escalation.policies.find((p) => p.name === name);
}

/** The policy's service-hours calendar; none (pages at any time) when it names none. */
export function serviceHours(ctx: AppContext, policy: EscalationPolicy): Calendar | undefined {
  return policy.service_hours === undefined ? undefined : ctx.sla.calendars.get(policy.service_hours);
}

/** Who one step reaches at `at`: people (each once, in the step's order), named channels, and what nobody covered. */
export interface Page {
  people: Recipient[];
  /** null: every channel whose filters take the event */
  channels: string[] | null;
  uncovered: EscalationTarget[];
}

export async function resolveStep(
  ctx: AppContext,
  policy: EscalationPolicy,
  step: number,
  at: number,
): Promise<Page> {
  const people: Recipient[] = [];
  const channels: string[] = [];
  const uncovered: EscalationTarget[] = [];
  const add = (p: Recipient) => {
    if (!people.some((q) => q.id === p.id)) people.push(p);
  };
  for (const t of policy.steps[step - 1]?.notify ?? []) {
    if (t.roster !== undefined) {
      const shifts = await onCallAt(ctx, at, { roster: t.roster, layer: t.layer });
      const covered = shifts.filter((s) => s.person !== null);
      if (covered.length === 0) uncovered.push({ roster: t.roster, layer: t.layer });
      for (const s of covered) add(s.person as Recipient);
    } else if (t.person !== undefined) {
      const p = person(ctx, t.person);
      if (p) add(p);
      else uncovered.push({ person: t.person });
    } else if (t.role !== undefined) {
      const holders = peopleWithRole(ctx, t.role);
      if (holders.length === 0) uncovered.push({ role: t.role });
      holders.forEach(add);
    } else if (t.channel !== undefined && !channels.includes(t.channel)) {
      channels.push(t.channel);
    }
  }
  return { people, channels: channels.length ? channels : null, uncovered };
}

/** Starts the escalation of incidents opened since the last tick: the policy and when its first step pages. */
async function startNew(ctx: AppContext, stopping: () => boolean): Promise<void> {
  // Without policies nothing is recorded: an incident opened then starts escalating once a reload
  // adds a policy that matches it (it is still unanswered, so the new policy pages for it).
  if (ctx.config.oncall.escalation.policies.length === 0) return;
  for (;;) {
    const fresh = await escalationStore.unstarted(ctx.db, BATCH);
    const now = ctx.now();
    for (const i of fresh) {
      const policy = choosePolicy(ctx.config.oncall.escalation.policies, i);
      // an incident answered before the first tick saw it still records its policy, as stopped
      const due = Number(i.created_at);
      const nextAt = policy ? pageAt(policy, 1, due, serviceHours(ctx, policy)) : null;
      await escalationStore.insert(ctx.db, {
        incident_id: i.id,
        policy: policy?.name ?? null,
        run: 1,
        started_at: due,
        step: policy ? 1 : 0,
        repeat: 0,
        due_at: policy ? due : null,
        next_at: nextAt,
        stopped_at: null,
        stopped_by: null,
        stop_reason: null,
        finished_at: null,
        updated_at: now,
      });
    }
    if (fresh.length < BATCH || stopping()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The incident as the escalation's current run sees it (a reopened one: its answers since the reopen). */
export async function seenByRun(
  db: Db,
  e: Pick<EscalationRow, 'incident_id' | 'run' | 'started_at'>,
  lock = false,
): Promise<EscalationIncident | undefined> {
  const incident = await escalationStore.incident(db, e.incident_id, lock);
  if (!incident) return undefined;
  const later =
    e.run > 1
      ? await escalationStore.answersSince(db, e.incident_id, e.started_at)
      : { acknowledged_at: null, responded_at: null };
  return asSeenByRun(incident, e, later);
}

/** Records why an escalation stopped: when, why and by whom (from the incident's timeline). */
async function stop(
  ctx: AppContext,
  db: Db,
  e: Pick<EscalationRow, 'incident_id' | 'step' | 'repeat'>,
  incident: EscalationIncident,
): Promise<boolean> {
  const why = stopOf(incident);
  if (!why) return false;
  const at = why.at || ctx.now();
  const by = await escalationStore.actorAt(db, e.incident_id, at);
  return escalationStore.advance(db, e.incident_id, e, {
    next_at: null,
    stopped_at: at,
    stopped_by: by,
    stop_reason: why.reason,
    updated_at: ctx.now(),
  });
}

async function stopAnswered(ctx: AppContext, stopping: () => boolean): Promise<void> {
  for (;;) {
    const answered = await escalationStore.answered(ctx.db, BATCH);
    let changed = 0;
    for (const i of answered) {
      const e = await escalationStore.get(ctx.db, i.id);
      const seen = e && (await seenByRun(ctx.db, e));
      if (e && seen && (await stop(ctx, ctx.db, e, seen))) changed++;
    }
    // a row that could not be stopped (changed meanwhile) must not keep this loop going
    if (answered.length < BATCH || changed === 0 || stopping()) return;
  }
}

/**
 * A reopened incident (resolved or closed, then triggered again) starts a new run from step 1 of
 * the policy that matches it now, whatever its earlier run did (stopped, finished, or still
 * running when it was resolved and reopened between two ticks); the earlier pages stay in the
 * history, and the new run stops at the first acknowledgement after the reopen. One that matches
 * no policy now gets a run without one (a later severity change may start it). The restart is on
 * the incident's timeline.
 */
async function restartReopened(ctx: AppContext, stopping: () => boolean): Promise<void> {
  const policies = ctx.config.oncall.escalation.policies;
  if (policies.length === 0) return;
  for (;;) {
    const rows = await escalationStore.reopened(ctx.db, BATCH);
    let changed = 0;
    for (const r of rows) {
      const now = ctx.now();
      const restarted = await ctx.db.transaction(async (tx) => {
        const e = await escalationStore.get(tx, r.incident_id, true);
        const incident = await escalationStore.incident(tx, r.incident_id, true);
        if (!e || !incident || r.reopened_at <= e.started_at) return false;
        const policy = choosePolicy(policies, incident);
        const done = await escalationStore.restart(tx, r.incident_id, e.run, {
          run: e.run + 1,
          policy: policy?.name ?? null,
          started_at: r.reopened_at,
          step: policy ? 1 : 0,
          repeat: 0,
          due_at: policy ? r.reopened_at : null,
          next_at: policy ? pageAt(policy, 1, r.reopened_at, serviceHours(ctx, policy)) : null,
          stopped_at: null,
          stopped_by: null,
          stop_reason: null,
          finished_at: null,
          updated_at: now,
        });
        if (done && policy)
          await incidentStore.appendTimeline(tx, r.incident_id, now, 'escalation_restarted', ACTOR, {
            policy: policy.name,
            run: e.run + 1,
            reopenedAt: new Date(r.reopened_at).toISOString(),
            previous: { policy: e.policy, stopReason: e.stop_reason, finished: e.finished_at !== null },
          });
        return done;
      });
      if (restarted) changed++;
    }
    if (rows.length < BATCH || changed === 0 || stopping()) return;
  }
}

/**
 * An incident whose run matched no policy (when it opened, or when it was reopened) and that now
 * matches one, still open and unanswered (a P4 raised to P1 before anyone acknowledged it), starts
 * escalating by that policy from its first step: at once, or when its service hours open. Its
 * timeline says so as a policy change from none.
 */
async function startLate(ctx: AppContext, stopping: () => boolean): Promise<void> {
  const policies = ctx.config.oncall.escalation.policies;
  if (policies.length === 0) return;
  let after = '';
  for (;;) {
    const rows = await escalationStore.unmatched(ctx.db, BATCH, after);
    for (const r of rows) {
      const policy = choosePolicy(policies, r);
      if (!policy) continue;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const e = await escalationStore.get(tx, r.id, true);
        if (!e || e.run !== r.run) return;
        const seen = await seenByRun(tx, e, true);
        if (!seen || !startsLate(choosePolicy(policies, seen), seen)) return;
        const begun = await escalationStore.begin(tx, r.id, e.run, {
          policy: policy.name,
          // the run's answers count from here: nobody answered it before
          started_at: now,
          step: 1,
          repeat: 0,
          due_at: now,
          next_at: pageAt(policy, 1, now, serviceHours(ctx, policy)),
          updated_at: now,
        });
        if (begun)
          await incidentStore.appendTimeline(tx, r.id, now, 'escalation_policy_changed', ACTOR, {
            from: null,
            to: policy.name,
            severity: r.severity,
            service: r.service,
          });
      });
    }
    if (rows.length < BATCH || stopping()) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/**
 * An incident whose severity or service changed while its escalation runs (a P3 upgraded to P1
 * at night) is escalated by the policy that matches it now, from that policy's first step: at
 * once, or when its service hours open. One that now matches no policy keeps the one it has.
 * The change is on the incident's timeline.
 */
async function rematch(ctx: AppContext, stopping: () => boolean): Promise<void> {
  const policies = ctx.config.oncall.escalation.policies;
  if (policies.length === 0) return;
  let after = '';
  for (;;) {
    const rows = await escalationStore.running(ctx.db, BATCH, after);
    for (const r of rows) {
      const policy = choosePolicy(policies, r);
      if (!policy || policy.name === r.policy) continue;
      const now = ctx.now();
      await ctx.db.transaction(async (tx) => {
        const e = await escalationStore.get(tx, r.id, true);
        if (!e || e.next_at === null || e.policy !== r.policy) return;
        const moved = await escalationStore.advance(tx, r.id, e, {
          policy: policy.name,
          step: 1,
          repeat: 0,
          due_at: now,
          next_at: pageAt(policy, 1, now, serviceHours(ctx, policy)),
          updated_at: now,
        });
        if (moved)
          await incidentStore.appendTimeline(tx, r.id, now, 'escalation_policy_changed', ACTOR, {
            from: e.policy,
            to: policy.name,
            severity: r.severity,
            service: r.service,
          });
      });
    }
    if (rows.length < BATCH || stopping()) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** Alerts the message shows with its incident (values, links to the graph and the runbook). */
const ALERTS_IN_EVENT = 20;

/**
 * The notification of one step: the incident and its first alerts as every incident event carries
 * them (notify/outbox.ts), the step for the templates (`escalation`: step, the round from the
 * second one on, the names notified), the people to mention and the channels the step names.
 */
async function eventOf(
  ctx: AppContext,
  tx: Db,
  incident: IncidentRow,
  policy: EscalationPolicy,
  e: EscalationRow,
  page: Page,
  now: number,
): Promise<NotifyEvent> {
  const alerts = (await incidentStore.alerts(tx, incident.id, { limit: ALERTS_IN_EVENT })).rows.map((a) => ({
    status: a.status,
    alertname: a.alertname,
    labels: JSON.parse(a.labels) as Record<string, string>,
    annotations: JSON.parse(a.annotations) as Record<string, string>,
    generatorURL: a.generator_url,
    startsAt: new Date(Number(a.starts_at)).toISOString(),
    endsAt: a.ends_at === null ? null : new Date(Number(a.ends_at)).toISOString(),
  }));
  return {
    kind: 'incident.escalated',
    key: incident.id,
    phase: 'firing',
    severity: incident.severity,
    service: incident.service,
    at: now,
    data: {
      incident: incidentData(incident),
      alerts,
      actor: ACTOR,
      escalation: {
        policy: policy.name,
        step: e.step,
        steps: policy.steps.length,
        // the templates say 第 N 轮 / round N from the first repeat on
        ...(e.repeat > 0 ? { repeat: e.repeat + 1 } : {}),
        notified: page.people.map((p) => p.name),
        people: page.people.map((p) => p.id),
        uncovered: page.uncovered,
      },
    },
    mention: page.people.map((p) => p.id),
    ...(page.channels ? { channels: page.channels } : {}),
  };
}

/**
 * Pages one due step: written on the timeline and queued in the outbox in one transaction, with
 * the step recorded under its (incident, repeat, step) key so it never pages twice. Who is on call
 * is read before the transaction (the roster reads the database, and SQLite has one connection).
 * Returns true when a step paged.
 */
async function pageDue(ctx: AppContext, due: EscalationRow): Promise<boolean> {
  const now = ctx.now();
  const policy = policyNamed(ctx, due.policy);
  if (!policy) {
    ctx.log.warn(
      { incident: due.incident_id, policy: due.policy },
      'escalation policy no longer configured; escalation stopped',
    );
    await escalationStore.advance(ctx.db, due.incident_id, due, {
      next_at: null,
      stopped_at: now,
      stopped_by: ACTOR,
      stop_reason: 'policy_removed',
      updated_at: now,
    });
    return false;
  }
  const hours = serviceHours(ctx, policy);
  // the service hours may have changed (a reload) since the step was scheduled
  if (hours && !pagesOutsideHours(policy, due.step) && !hours.isWorking(now)) {
    await escalationStore.advance(ctx.db, due.incident_id, due, {
      next_at: hours.nextOpen(now),
      updated_at: now,
    });
    return false;
  }
  const page = await resolveStep(ctx, policy, due.step, now);
  return ctx.db.transaction(async (tx) => {
    const e = await escalationStore.get(tx, due.incident_id, true);
    if (!e || e.next_at === null || e.step !== due.step || e.repeat !== due.repeat || e.next_at > now)
      return false;
    const incident = await seenByRun(tx, e, true);
    const row = await incidentStore.get(tx, due.incident_id);
    if (!incident || !row) return false;
    if (stopOf(incident)) {
      await stop(ctx, tx, e, incident);
      return false;
    }
    const next = nextStep(policy, e, e.next_at, now);
    const paged = await escalationStore.insertStep(tx, {
      incident_id: e.incident_id,
      run: e.run,
      repeat: e.repeat,
      step: e.step,
      policy: policy.name,
      due_at: e.due_at ?? e.next_at,
      at: now,
      notified: JSON.stringify(page.people.map((p) => p.id)),
      channels: null,
      uncovered: JSON.stringify(page.uncovered),
    });
    if (paged) {
      const event = await eventOf(ctx, tx, row, policy, e, page, now);
      const channels = channelsFor(ctx, event).map((c) => c.name);
      await escalationStore.setStepChannels(tx, { ...e, policy: policy.name }, channels);
      await incidentStore.appendTimeline(tx, e.incident_id, now, 'escalated', ACTOR, {
        policy: policy.name,
        step: e.step,
        steps: policy.steps.length,
        repeat: e.repeat,
        repeats: policy.repeat,
        dueAt: new Date(e.next_at).toISOString(),
        notified: page.people.map((p) => p.id),
        people: page.people.map((p) => ({ id: p.id, name: p.name })),
        channels,
        ...(page.uncovered.length ? { uncovered: page.uncovered } : {}),
      });
      await enqueue(ctx, tx, event);
    }
    await escalationStore.advance(
      tx,
      e.incident_id,
      e,
      next
        ? {
            step: next.step,
            repeat: next.repeat,
            due_at: next.dueAt,
            next_at: pageAt(policy, next.step, next.dueAt, hours),
            updated_at: now,
          }
        : { next_at: null, due_at: null, finished_at: now, updated_at: now },
    );
    return paged;
  });
}

/**
 * The escalation tick (the server's scheduler calls it, on PostgreSQL under the scheduler's
 * advisory lock): starts the escalation of every incident opened since the last tick and a new run
 * for every one reopened, stops those a person answered, moves those whose severity or service
 * changed to the policy that matches them now (and starts those that matched none before), and
 * pages every step that has fallen due. Returns how many steps paged.
 */
export async function runEscalations(ctx: AppContext, stopping: () => boolean): Promise<number> {
  const metrics = escalationMetrics(ctx);
  await startNew(ctx, stopping);
  if (stopping()) return 0;
  // before the stops: a run a reopen started is stopped by what happened since the reopen
  await restartReopened(ctx, stopping);
  await stopAnswered(ctx, stopping);
  await rematch(ctx, stopping);
  await startLate(ctx, stopping);
  let paged = 0;
  for (;;) {
    if (stopping()) break;
    const due = await escalationStore.due(ctx.db, ctx.now(), BATCH);
    let moved = 0;
    for (const e of due) {
      if (stopping()) break;
      const before = `${e.step}/${e.repeat}/${e.next_at}`;
      if (await pageDue(ctx, e)) {
        paged++;
        metrics.steps.inc({ policy: e.policy ?? '' });
      }
      const after = await escalationStore.get(ctx.db, e.incident_id);
      if (!after || `${after.step}/${after.repeat}/${after.next_at}` !== before) moved++;
    }
    // each row moves on (or stops) once a pass; one that did not must not spin the loop
    if (due.length < BATCH || moved === 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return paged;
}
