import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from './db';
import { SEVERITIES, type Severity } from './incidents/schema';
import { incidentStore } from './incidents/store';
import { GOALS, type SlaPolicies } from './sla/policy';

const BUSINESS_BUCKETS = [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200, 604_800];

/**
 * The server's /metrics: incident and SLA state for dashboards and alerts (opsdesk_ prefix).
 * Gauges that describe stored state are computed from the store when scraped (cached briefly), so
 * every replica reports the same numbers.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly breaches: Counter<'severity' | 'goal'>;
  readonly responseSeconds: Histogram<'severity'>;
  readonly resolutionSeconds: Histogram<'severity'>;
  readonly webhooks: Counter<'outcome'>;
  readonly opened: Counter<'severity' | 'source'>;
  private snapshot: { at: number; value: Promise<Snapshot> } | undefined;

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

  /** Adds the gauges computed from the store. */
  attachStore(db: Db, sla: SlaPolicies, now: () => number): void {
    const registers = [this.registry];
    const read = () => {
      if (!this.snapshot || now() - this.snapshot.at > 10_000) {
        this.snapshot = { at: now(), value: takeSnapshot(db, sla, now()) };
      }
      return this.snapshot.value;
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
      'Open incidents whose SLA clock falls due within sla.at_risk_horizon and is not yet breached, by severity and goal.',
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
}

async function takeSnapshot(db: Db, sla: SlaPolicies, now: number): Promise<Snapshot> {
  const open = await incidentStore.countsByStatus(db);
  const openRows = await incidentStore.openIncidents(db);
  const pauses = await incidentStore.pauses(
    db,
    openRows.map((r) => r.id),
  );
  const atRisk = new Map<string, number>();
  const breachedOpen = new Map<string, number>();
  for (const r of openRows) {
    for (const g of sla.evaluate(r, pauses.get(r.id) ?? [], now)) {
      const key = `${r.severity}/${g.goal}`;
      if (sla.atRisk(g, now)) atRisk.set(key, (atRisk.get(key) ?? 0) + 1);
      if (g.state === 'breached') breachedOpen.set(key, (breachedOpen.get(key) ?? 0) + 1);
    }
  }
  const d = new Date(now);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const month = await incidentStore.between(db, monthStart, now + 1);
  const monthPauses = await incidentStore.pauses(
    db,
    month.map((r) => r.id),
  );
  const met = new Map<string, number>();
  const decided = new Map<string, number>();
  for (const r of month) {
    for (const g of sla.evaluate(r, monthPauses.get(r.id) ?? [], now)) {
      if (g.state !== 'met' && g.state !== 'breached') continue;
      const key = `${r.severity}/${g.goal}`;
      decided.set(key, (decided.get(key) ?? 0) + 1);
      if (g.state === 'met') met.set(key, (met.get(key) ?? 0) + 1);
    }
  }
  const monthRatio = new Map([...decided].map(([k, n]) => [k, (met.get(k) ?? 0) / n]));
  return { open, atRisk, breachedOpen, monthRatio };
}
