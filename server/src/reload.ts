import { importTemplateFiles } from './inspections/service';
import { Gauge, type Registry } from 'prom-client';
import type { ServerConfig } from './config';
import type { AppContext } from './context';
import { incidentStore } from './incidents/store';
import { SlaPolicies } from './sla/policy';

/** Settings read once at start: a reload that changes them says so and keeps the running value. */
const RESTART_ONLY = ['listen', 'database'] as const;

/** `a.b[2].c = value` lines for every leaf of a config, for diffs a person can read. */
function leaves(value: unknown, at = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`${at}[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [at ? `${at}.${k}` : k, v] as const);
    if (entries.length === 0) out.set(at, Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) for (const [kk, vv] of leaves(v, k)) out.set(kk, vv);
  } else out.set(at, JSON.stringify(value));
  return out;
}

/** What differs between two configurations: `path: old → new`, one line per changed leaf. */
export function configChanges(before: ServerConfig, after: ServerConfig): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const changes: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(k) !== b.get(k)) changes.push(`${k}: ${a.get(k) ?? '(unset)'} → ${b.get(k) ?? '(unset)'}`);
  }
  return changes.sort();
}

function reloadMetrics(registry: Registry) {
  const get = (name: string, help: string) =>
    (registry.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help, registers: [registry] });
  return {
    ok: get(
      'opsdesk_config_last_reload_successful',
      'Whether the last configuration reload (SIGHUP) succeeded (1) or was refused and the previous configuration kept (0).',
    ),
    at: get(
      'opsdesk_config_last_reload_success_timestamp_seconds',
      'When the configuration was last loaded successfully (start or SIGHUP), in seconds since the epoch.',
    ),
  };
}

export function recordConfigLoaded(registry: Registry, now = Date.now()): void {
  const m = reloadMetrics(registry);
  m.ok.set(1);
  m.at.set(now / 1000);
}

export type ReloadResult =
  { ok: true; changes: string[]; restartNeeded: string[] } | { ok: false; error: string };

/**
 * Applies a configuration read again on SIGHUP, as Prometheus and Alertmanager do. `load` reads
 * and validates the file; a file that does not load (or whose calendars do not build) is refused
 * and the running configuration stays. Everything but listen, database and sla.tick_interval applies at once: rate
 * and body limits to the next request, log level, incident rules, SLA policies and calendars
 * (the open incidents' clocks are recomputed by the next SLA tick).
 */
export async function reloadConfig(
  ctx: AppContext,
  load: () => ServerConfig,
  baseDir: string,
): Promise<ReloadResult> {
  const metrics = reloadMetrics(ctx.metrics.registry);
  let next: ServerConfig;
  let sla: SlaPolicies;
  try {
    next = load();
    sla = new SlaPolicies(next.sla, baseDir);
  } catch (err) {
    metrics.ok.set(0);
    const error = (err as Error).message;
    ctx.log.error({ err: error }, 'configuration reload refused; the running configuration stays');
    return { ok: false, error };
  }
  const before = ctx.config;
  const restartNeeded: string[] = RESTART_ONLY.filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
  );
  // the SLA tick's timer is set at start
  if (before.sla.tick_interval !== next.sla.tick_interval) restartNeeded.push('sla.tick_interval');
  const kept = { ...next, ...Object.fromEntries(RESTART_ONLY.map((k) => [k, before[k]])) } as ServerConfig;
  const changes = configChanges(before, kept);
  ctx.config = kept;
  ctx.sla = sla;
  ctx.log.level = kept.log_level;
  if (changes.some((c) => c.startsWith('sla.'))) await incidentStore.markOpenClocksStale(ctx.db);
  // inspection template files: one edited since the start becomes a new version (docs/inspections.md)
  await importTemplateFiles(ctx, baseDir);
  metrics.ok.set(1);
  metrics.at.set(Date.now() / 1000);
  ctx.log.info(
    { changes, ...(restartNeeded.length ? { restartNeeded } : {}) },
    changes.length ? 'configuration reloaded' : 'configuration reloaded; nothing changed',
  );
  if (restartNeeded.length)
    ctx.log.warn(
      { settings: restartNeeded },
      'these settings apply only after a restart; kept the running values',
    );
  return { ok: true, changes, restartNeeded };
}
