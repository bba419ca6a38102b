import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { patchHostStore } from './hosts-store';

const NAMES = {
  pending: 'opsdesk_patches_pending',
  security: 'opsdesk_patches_security_pending',
  reboot: 'opsdesk_patches_reboot_required',
  oldest: 'opsdesk_patches_oldest_security_age_seconds',
  collected: 'opsdesk_patches_last_collected_timestamp_seconds',
  failures: 'opsdesk_patches_collect_failures',
} as const;

/**
 * Per host (label `host`: the exporter's Prometheus instance — `instance` would be renamed when
 * Prometheus scrapes the server), from the store on each scrape so every replica says the same.
 * Hosts Prometheus has not listed within patches.stale_after drop out: a decommissioned host
 * must not alert forever.
 */
export function attachPatchHostMetrics(ctx: AppContext): void {
  if (ctx.metrics.registry.getSingleMetric(NAMES.pending)) return;
  const registers = [ctx.metrics.registry];
  let snapshot: Promise<Map<string, Record<keyof typeof NAMES, number | undefined>>> | undefined;
  // the six gauges of one scrape share one read of the store
  const read = () =>
    (snapshot ??= (async () => {
      const now = ctx.now();
      const [hosts, aggs] = await Promise.all([
        patchHostStore.hosts(ctx.db),
        patchHostStore.aggregates(ctx.db),
      ]);
      const out = new Map<string, Record<keyof typeof NAMES, number | undefined>>();
      for (const h of hosts) {
        if (now - h.seen_at > ctx.config.patches.stale_after) continue;
        const a = aggs.get(h.host);
        out.set(h.host, {
          pending: a?.pending ?? 0,
          security: a?.security ?? 0,
          reboot: h.reboot_required ?? undefined,
          oldest: a?.oldestSecurity == null ? 0 : Math.max(0, (now - a.oldestSecurity) / 1000),
          collected: h.collected_at === null ? undefined : h.collected_at / 1000,
          failures: h.status === 'failed' || h.status === 'error' ? 1 : 0,
        });
      }
      return out;
    })().finally(() => setImmediate(() => (snapshot = undefined))));
  const gauge = (key: keyof typeof NAMES, help: string) =>
    new Gauge({
      name: NAMES[key],
      help,
      labelNames: ['host'],
      registers,
      async collect() {
        const rows = await read();
        this.reset();
        for (const [host, v] of rows) if (v[key] !== undefined) this.set({ host }, v[key]);
      },
    });
  gauge(
    'pending',
    'Package upgrades the host reports pending (its last collected list), by host (the Prometheus instance of its host exporter).',
  );
  gauge(
    'security',
    'Pending security upgrades (apt: from a *-security archive; dnf/yum/zypper: in a security advisory), by host.',
  );
  gauge(
    'reboot',
    '1 when the host reports that installed updates need a reboot; absent when its package manager cannot tell.',
  );
  gauge(
    'oldest',
    'How long the oldest pending security upgrade of the host has been pending (since the server first collected it), in seconds; 0 when none.',
  );
  gauge('collected', 'When the server last read a package list from the host, Unix seconds.');
  gauge(
    'failures',
    "1 when the host's last collection failed: its exporter did not answer properly, or its package-manager check fails; 0 otherwise.",
  );
}
