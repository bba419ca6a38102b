import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { ACTIVE_STATES, VULN_SEVERITIES } from './model';
import { vulnerabilityStore } from './store';

const OPEN = 'opsdesk_vulnerability_findings_open';

/**
 * The vulnerability gauges, computed from the store on each scrape (every replica reports the
 * same numbers); registered once however often the routes are built. One store read serves the
 * four gauges of one scrape.
 */
export function attachVulnerabilityMetrics(ctx: AppContext): void {
  const registry = ctx.metrics.registry;
  if (registry.getSingleMetric(OPEN)) return;
  let snapshot:
    Promise<{ now: number; counts: Awaited<ReturnType<typeof vulnerabilityStore.counts>> }> | undefined;
  const read = () => {
    snapshot ??= (async () => {
      const now = ctx.now();
      return { now, counts: await vulnerabilityStore.counts(ctx.db, now) };
    })().finally(() => setImmediate(() => (snapshot = undefined)));
    return snapshot;
  };
  const registers = [registry];
  new Gauge({
    name: OPEN,
    help: 'Vulnerability findings not yet fixed (open, analysed or fixing), by severity; from the server’s findings (Trivy and Grype imports, and by hand).',
    labelNames: ['severity'],
    registers,
    async collect() {
      const { counts } = await read();
      this.reset();
      for (const s of VULN_SEVERITIES) this.set({ severity: s }, 0);
      for (const r of counts.byStateAndSeverity)
        if (ACTIVE_STATES.includes(r.state)) this.inc({ severity: r.severity }, r.n);
    },
  });
  new Gauge({
    name: 'opsdesk_vulnerability_findings',
    help: 'Vulnerability findings by state and severity (fixed: awaiting verification).',
    labelNames: ['state', 'severity'],
    registers,
    async collect() {
      const { counts } = await read();
      this.reset();
      for (const r of counts.byStateAndSeverity) this.set({ state: r.state, severity: r.severity }, r.n);
    },
  });
  new Gauge({
    name: 'opsdesk_vulnerability_findings_overdue',
    help: 'Unfixed vulnerability findings past their remediation deadline (vulnerabilities.sla), by severity.',
    labelNames: ['severity'],
    registers,
    async collect() {
      const { counts } = await read();
      this.reset();
      for (const s of VULN_SEVERITIES) this.set({ severity: s }, 0);
      for (const r of counts.overdue) this.set({ severity: r.severity }, r.n);
    },
  });
  new Gauge({
    name: 'opsdesk_vulnerability_oldest_open_critical_age_seconds',
    help: 'Age in seconds of the oldest unfixed critical finding since it was first seen; 0 when there is none.',
    registers,
    async collect() {
      const { now, counts } = await read();
      const since = counts.oldestOpenCriticalSince;
      this.set(since === null ? 0 : Math.max(0, (now - since) / 1000));
    },
  });
  new Gauge({
    name: 'opsdesk_vulnerability_risk_acceptances_expired',
    help: 'Findings whose risk acceptance expired and that nobody has decided on again (fixed, accepted anew or marked a false positive).',
    registers,
    async collect() {
      const { counts } = await read();
      this.set(counts.expiredAcceptances);
    },
  });
}
