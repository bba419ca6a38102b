import { holidayCoverageGauge, holidayCoverageWarnings, type Calendar } from '@opsdesk/calendar';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from './db';
import { SEVERITIES, type Severity } from './incidents/schema';
import { incidentStore } from './incidents/store';
import { GOALS } from './sla/policy';

const BUSINESS_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200, 604_800];

/**
 * The server's /metrics: incident and SLA state for dashboards and alerts (opsdesk_ prefix).
 * Gauges that describe stored state are computed from the store when scraped, so every replica
 * reports the same numbers: a few aggregate queries over the stored due times (no calendar walk),
 * shared by scrapes that arrive while one is being computed.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly breaches: Counter<'severity' | 'goal'>;
  readonly responseSeconds: Histogram<'severity'>;
  readonly resolutionSeconds: Histogram<'severity'>;
  readonly webhooks: Counter<'outcome'>;
  readonly opened: Counter<'severity' | 'source'>;
  private snapshot: Promise<Snapshot> | undefined;

  constructor(version: string) {
    collectDefaultMetrics({ register: this.registry });
    for (const name of [
      'nodejs_active_handles_total',
      'nodejs_active_requests_total',
      'nodejs_active_resources_total',
    ]) {
      this.registry.removeSingleMetric(name);
    }
    const registers = [this.registry];
    new Gauge({
      name: 'opsdesk_build_info',
      help: 'OpsDesk server build; always 1.',
      labelNames: ['version', 'nodejs'],
      registers,
    }).set({ version, nodejs: process.version }, 1);
    this.breaches = new Counter({
      name: 'opsdesk_incident_sla_breaches_total',
      help: 'SLA goals breached, counted when the breach is first seen by this server process.',
      labelNames: ['severity', 'goal'],
      registers,
    });
    this.responseSeconds = new Histogram({
      name: 'opsdesk_incident_response_seconds',
      help: 'Business time from detection to acknowledgement on the SLA calendar, in seconds (pauses excluded).',
      labelNames: ['severity'],
      buckets: BUSINESS_BUCKETS,
      registers,
    });
    this.resolutionSeconds = new Histogram({
      name: 'opsdesk_incident_resolution_seconds',
      help: 'Business time from detection to resolution on the SLA calendar, in seconds (pauses excluded).',
      labelNames: ['severity'],
      buckets: BUSINESS_BUCKETS,
      registers,
    });
    this.webhooks = new Counter({
      name: 'opsdesk_alertmanager_webhooks_total',
      help: 'Alertmanager webhook notifications received, by outcome (stored, duplicate, rejected).',
      labelNames: ['outcome'],
      registers,
    });
    this.opened = new Counter({
      name: 'opsdesk_incidents_opened_total',
      help: 'Incidents opened by this server process, by severity and source.',
      labelNames: ['severity', 'source'],
      registers,
    });
  }

  incidentOpened(severity: Severity, source = 'manual'): void {
    this.opened.inc({ severity, source });
  }

  /**
   * opsdesk_calendar_holidays_known_through_year of the SLA calendars, as the exporters export it
   * for theirs; `warn` hears of each calendar whose holiday data does not reach next year.
   */
  attachCalendars(calendars: () => Iterable<Calendar>, now: number, warn: (message: string) => void): void {
    new Gauge({ ...holidayCoverageGauge(calendars), registers: [this.registry] });
    for (const w of holidayCoverageWarnings(calendars(), now)) warn(w);
  }

  /** Adds the gauges computed from the store. */
  attachStore(db: Db, now: () => number): void {
    const registers = [this.registry];
    const read = () => {
      this.snapshot ??= takeSnapshot(db, now()).finally(() => {
        // the gauges of one scrape are collected together; the next scrape reads afresh
        setImmediate(() => (this.snapshot = undefined));
      });
      return this.snapshot;
    };
    /** A gauge whose series are read from the snapshot on each scrape. */
    const fromSnapshot = (
      name: string,
      help: string,
      labelNames: string[],
      fill: (s: Snapshot, set: (labels: Record<string, string>, v: number) => void) => void,
    ) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          const s = await read();
          this.reset();
          fill(s, (labels, v) => this.set(labels, v));
        },
      });
    const perSeverityAndGoal = (
      counts: Map<string, number>,
      set: (labels: Record<string, string>, v: number) => void,
    ) => {
      for (const severity of SEVERITIES)
        for (const goal of GOALS) set({ severity, goal }, counts.get(`${severity}/${goal}`) ?? 0);
    };
    fromSnapshot(
      'opsdesk_incidents_open',
      'Incidents not yet closed, by severity and status.',
      ['severity', 'status'],
      (s, set) => {
        for (const r of s.open) set({ severity: r.severity, status: r.status }, Number(r.n));
      },
    );
    fromSnapshot(
      'opsdesk_incident_sla_at_risk',
      'Open incidents whose SLA clock is in the last sla.at_risk_share of its goal (default: the last quarter) and not yet breached, by severity and goal.',
      ['severity', 'goal'],
      (s, set) => perSeverityAndGoal(s.atRisk, set),
    );
    fromSnapshot(
      'opsdesk_incident_sla_breached',
      'Open incidents whose SLA clock is breached right now, by severity and goal.',
      ['severity', 'goal'],
      (s, set) => perSeverityAndGoal(s.breachedOpen, set),
    );
    fromSnapshot(
      'opsdesk_sla_clocks_stale',
      'Incidents whose stored SLA due times wait for the next SLA tick to be recomputed (after a change from outside the incident service, a new calendar day or a start after an upgrade).',
      [],
      (s, set) => set({}, s.stale),
    );
    fromSnapshot(
      'opsdesk_sla_met_ratio',
      'Share of incidents detected this calendar month (UTC) that met the goal, among those met or breached so far; absent without any.',
      ['severity', 'goal'],
      (s, set) => {
        for (const [key, v] of s.monthRatio) {
          const [severity, goal] = key.split('/') as [string, string];
          set({ severity, goal }, v);
        }
      },
    );
  }
}

interface Snapshot {
  open: Array<{ severity: string; status: string; n: number }>;
  atRisk: Map<string, number>;
  breachedOpen: Map<string, number>;
  monthRatio: Map<string, number>;
  stale: number;
}

async function takeSnapshot(db: Db, now: number): Promise<Snapshot> {
  const atRisk = new Map<string, number>();
  const breachedOpen = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, v: unknown) =>
    m.set(key, (m.get(key) ?? 0) + Number(v ?? 0));
  const clocks = await incidentStore.openClockCounts(db, now);
  const open: Snapshot['open'] = [
    ...clocks.map((r) => ({ severity: r.severity, status: r.status, n: Number(r.n) })),
    ...(await incidentStore.resolvedBySeverity(db)).map((r) => ({
      ...r,
      status: 'resolved',
      n: Number(r.n),
    })),
  ];
  for (const r of clocks) {
    add(atRisk, `${r.severity}/response`, r.response_at_risk);
    add(atRisk, `${r.severity}/resolution`, r.resolution_at_risk);
    add(breachedOpen, `${r.severity}/response`, r.response_breached);
    add(breachedOpen, `${r.severity}/resolution`, r.resolution_breached);
  }
  const d = new Date(now);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const monthRatio = new Map<string, number>();
  for (const r of await incidentStore.decidedGoals(db, monthStart, now + 1, now)) {
    for (const goal of GOALS) {
      const met = Number(r[`${goal}_met`] ?? 0);
      const decided = met + Number(r[`${goal}_breached`] ?? 0);
      if (decided > 0) monthRatio.set(`${r.severity}/${goal}`, met / decided);
    }
  }
  return { open, atRisk, breachedOpen, monthRatio, stale: await incidentStore.staleCount(db) };
}
