import type { AppContext } from '../context';
import { ApiError } from '../http/errors';
import type { z } from 'zod';
import type { patchHostSchema } from './hosts-schema';
import { patchHostStore, type HostAggregate, type PatchHostRow } from './hosts-store';

type HostOut = z.output<typeof patchHostSchema>;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const NONE: HostAggregate = { pending: 0, security: 0, oldestSecurity: null };

/** Stale: no package list within patches.stale_after, or Prometheus stopped listing the target as long. */
export function isStale(ctx: AppContext, h: PatchHostRow, now = ctx.now()): boolean {
  const after = ctx.config.patches.stale_after;
  return h.collected_at === null || now - h.collected_at > after || now - h.seen_at > after;
}

export function hostOut(ctx: AppContext, h: PatchHostRow, a: HostAggregate = NONE): HostOut {
  return {
    host: h.host,
    job: h.job,
    hostname: h.hostname,
    manager: h.manager,
    status: h.status as HostOut['status'],
    error: h.error,
    collectedAt: iso(h.collected_at),
    checkedAt: iso(h.checked_at),
    attemptedAt: new Date(h.attempted_at).toISOString(),
    stale: isStale(ctx, h),
    pending: a.pending,
    security: a.security,
    rebootRequired: h.reboot_required === null ? null : h.reboot_required === 1,
    oldestSecuritySince: iso(a.oldestSecurity),
  };
}

export async function listHosts(ctx: AppContext) {
  const [hosts, aggs] = await Promise.all([patchHostStore.hosts(ctx.db), patchHostStore.aggregates(ctx.db)]);
  return { hosts: hosts.map((h) => hostOut(ctx, h, aggs.get(h.host))) };
}

const HISTORY_LIMIT = 500;

export async function hostDetail(ctx: AppContext, host: string) {
  const [h] = await patchHostStore.hosts(ctx.db, [host]);
  if (!h)
    throw new ApiError(
      404,
      'not_found',
      `no host ${host} has been collected; hosts are the Prometheus instances of patches.jobs (GET /api/v1/patches/hosts lists them; POST /api/v1/patches/collect reads them now)`,
    );
  const [aggs, packages, history] = await Promise.all([
    patchHostStore.aggregates(ctx.db, [host]),
    patchHostStore.packages(ctx.db, host),
    patchHostStore.history(ctx.db, host, HISTORY_LIMIT),
  ]);
  return {
    host: hostOut(ctx, h, aggs.get(host)),
    packages: packages.map((p) => ({
      name: p.name,
      arch: p.arch,
      installedVersion: p.installed_version,
      candidateVersion: p.candidate_version,
      origin: p.origin,
      repository: p.repository,
      security: p.security === 1,
      advisories: JSON.parse(p.advisories) as string[],
      cves: JSON.parse(p.cves) as string[],
      firstSeenAt: new Date(p.first_seen_at).toISOString(),
    })),
    history: history.map((r) => ({
      name: r.name,
      arch: r.arch,
      candidateVersion: r.candidate_version,
      security: r.security === 1,
      firstSeenAt: new Date(r.first_seen_at).toISOString(),
      resolvedAt: iso(r.resolved_at),
    })),
  };
}
