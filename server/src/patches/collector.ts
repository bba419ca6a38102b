import type { AppContext } from '../context';
import { ApiError } from '../http/errors';
import { prometheusOf, type PromTarget } from '../prometheus/client';
import { exporterDocumentSchema } from './hosts-schema';
import { patchHostStore, type CollectedTarget } from './hosts-store';

/** A document larger than this is not a host's package list (20 000 packages fit in a few MB). */
const MAX_BODY_BYTES = 16 << 20;

export interface CollectResult {
  collected: number;
  failed: Array<{ host: string; error: string }>;
}

/**
 * The host exporter's patches URL for a target: Prometheus' own scheme and address (after
 * relabelling), so the server reads the host Prometheus reads, on the path /api/v1/patches.
 */
export function patchesUrl(t: PromTarget): string {
  const u = new URL(t.scrapeUrl);
  return `${u.protocol}//${u.host}/api/v1/patches`;
}

/** Reads one host; every way it can go wrong is an Error whose message says what and where. */
async function readDocument(url: string, timeoutMs: number) {
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: Error };
    throw new Error(
      e.name === 'TimeoutError'
        ? `${url} did not answer within ${timeoutMs / 1000} s (patches.timeout)`
        : `${url} did not answer: ${e.cause?.message ?? e.message}`,
    );
  }
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw new Error(`${url} answered ${length} bytes, more than a host's package list (${MAX_BODY_BYTES})`);
  }
  const text = await res.text();
  if (text.length > MAX_BODY_BYTES)
    throw new Error(`${url} answered more than a host's package list (${MAX_BODY_BYTES} bytes)`);
  if (res.status === 404)
    throw new Error(
      `${url} answered 404: not an OpsDesk host exporter serving /api/v1/patches (upgrade it, or remove its job from patches.jobs)`,
    );
  if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered something that is not JSON (${JSON.stringify(text.slice(0, 80))})`);
  }
  const parsed = exporterDocumentSchema.safeParse(body);
  if (!parsed.success) {
    // every field that is wrong (the first three), so one read of the error says what to fix
    const wrong = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'document'}: ${i.message}`)
      .join('; ');
    throw new Error(
      `${url} answered JSON that is not a host exporter's patches document (version 1): ${wrong}`,
    );
  }
  return parsed.data;
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Collects the pending patches of every active Prometheus target of `patches.jobs` (or of just
 * `hosts`, their Prometheus instances). A host that is down, slow, or answers something else is
 * recorded as failed with the reason and keeps its last list; it never stops the others.
 * Throws (ApiError 409) when there is no Prometheus to ask, or Prometheus cannot be reached.
 */
export async function collectPatchHosts(
  ctx: AppContext,
  hosts?: string[],
  isStopping: () => boolean = () => false,
): Promise<CollectResult> {
  const prom = prometheusOf(ctx);
  if (!prom)
    throw new ApiError(
      409,
      'prometheus_not_configured',
      'collecting pending patches needs Prometheus: set prometheus.url in the server config (the hosts are the targets of patches.jobs)',
    );
  const cfg = ctx.config.patches;
  let targets: PromTarget[];
  try {
    targets = await prom.activeTargets();
  } catch (err) {
    throw new ApiError(409, 'prometheus_unavailable', (err as Error).message);
  }
  const jobs = new Set(cfg.jobs);
  // one target per instance: the same exporter in two jobs is one host
  const byHost = new Map<string, PromTarget>();
  for (const t of targets)
    if (jobs.has(t.job) && t.instance && !byHost.has(t.instance)) byHost.set(t.instance, t);
  const wanted = hosts ? [...new Set(hosts)] : [...byHost.keys()].sort();
  const result: CollectResult = { collected: 0, failed: [] };
  for (const h of wanted)
    if (!byHost.has(h))
      result.failed.push({
        host: h,
        error: `Prometheus has no active target ${h} in the jobs ${cfg.jobs.join(', ')} (patches.jobs); see its /targets page`,
      });
  await pool(
    wanted.filter((h) => byHost.has(h)),
    cfg.concurrency,
    async (host) => {
      if (isStopping()) return;
      const t = byHost.get(host) as PromTarget;
      const target: CollectedTarget = { host, job: t.job, url: patchesUrl(t) };
      try {
        const doc = await readDocument(target.url, cfg.timeout);
        await patchHostStore.recordDocument(ctx.db, target, doc, ctx.now());
        result.collected++;
      } catch (err) {
        const message = (err as Error).message;
        result.failed.push({ host, error: message });
        await patchHostStore.recordFailure(ctx.db, target, message, ctx.now());
      }
    },
  );
  result.failed.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  return result;
}

/** For patch plans' verify gate: collect these hosts now (or all), failures recorded per host. */
export async function collectHosts(ctx: AppContext, hosts?: string[]): Promise<void> {
  await collectPatchHosts(ctx, hosts);
}

/**
 * The scheduler's job: every host once per `patches.interval`, across replicas (the tick runs
 * under the scheduler's advisory lock; the start of the last run is in the database).
 */
export async function collectIfDue(ctx: AppContext, isStopping: () => boolean): Promise<void> {
  if (!ctx.config.prometheus.url) return; // nothing to collect from; the docs say to set it
  const now = ctx.now();
  const last = await patchHostStore.lastCollectionStart(ctx.db);
  if (last !== undefined && now - last < ctx.config.patches.interval) return;
  await patchHostStore.startCollection(ctx.db, now);
  try {
    const r = await collectPatchHosts(ctx, undefined, isStopping);
    await patchHostStore.finishCollection(ctx.db, now, {
      finishedAt: ctx.now(),
      targets: r.collected + r.failed.length,
      failed: r.failed.length,
      error: null,
    });
    if (r.failed.length)
      ctx.log.warn(
        { failed: r.failed.slice(0, 10), count: r.failed.length },
        'pending-patch collection: some hosts could not be read',
      );
  } catch (err) {
    await patchHostStore.finishCollection(ctx.db, now, {
      finishedAt: ctx.now(),
      targets: 0,
      failed: 0,
      error: (err as Error).message,
    });
    throw err;
  }
}
