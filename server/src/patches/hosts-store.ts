import { sql } from 'kysely';
import type { Db } from '../db';
import type { Row } from '../db/tables';
import type { ExporterDocument } from './hosts-schema';

export type PatchHostRow = Row<'patch_hosts'>;
export type PatchPackageRow = Row<'patch_host_packages'>;
export type PatchHistoryRow = Row<'patch_host_history'>;

const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** PostgreSQL's BIGINT columns arrive as strings; the service compares numbers. */
function hostOf(r: PatchHostRow): PatchHostRow {
  return {
    ...r,
    checked_at: num(r.checked_at),
    metadata_refreshed_at: num(r.metadata_refreshed_at),
    reboot_required: num(r.reboot_required),
    collected_at: num(r.collected_at),
    attempted_at: Number(r.attempted_at),
    seen_at: Number(r.seen_at),
  };
}

function packageOf(r: PatchPackageRow): PatchPackageRow {
  return { ...r, security: Number(r.security), first_seen_at: Number(r.first_seen_at) };
}

/** The target a collection read: the host's identity is its Prometheus instance. */
export interface CollectedTarget {
  host: string;
  job: string;
  url: string;
}

export interface HostAggregate {
  pending: number;
  security: number;
  /** first_seen_at of the oldest pending security package; null when none */
  oldestSecurity: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const msOf = (s: string | null) => (s === null ? null : Date.parse(s));
const json = (v: string) => JSON.parse(v) as string[];

export const patchHostStore = {
  /**
   * A collection that read a valid document. Status ok replaces the package list (new packages
   * get first_seen_at now and a history row; gone ones are resolved; a new candidate version
   * resolves the old one's history row and opens another). Status error or pending keeps the
   * stored list: an exporter that cannot check (or just restarted) has not seen anything installed.
   */
  async recordDocument(db: Db, t: CollectedTarget, doc: ExporterDocument, now: number): Promise<void> {
    await db.transaction(async (tx) => {
      const replace = doc.status === 'ok';
      await upsertHost(tx, t, now, {
        hostname: doc.host || null,
        manager: doc.manager,
        status: doc.status,
        error: doc.error,
        checked_at: msOf(doc.checkedAt),
        metadata_refreshed_at: msOf(doc.metadataRefreshedAt),
        reboot_required: doc.rebootRequired === null ? null : doc.rebootRequired ? 1 : 0,
        ...(replace ? { collected_at: now } : {}),
      });
      if (!replace) return;
      const current = new Map(
        (await tx.kysely.selectFrom('patch_host_packages').selectAll().where('host', '=', t.host).execute())
          .map(packageOf)
          .map((r) => [`${r.name}\u0000${r.arch}`, r]),
      );
      const seen = new Set<string>();
      for (const p of doc.packages) {
        const key = `${p.name}\u0000${p.arch}`;
        if (seen.has(key)) continue; // one row per package and arch, whatever the document repeats
        seen.add(key);
        const before = current.get(key);
        const values = {
          installed_version: p.installedVersion,
          candidate_version: p.candidateVersion,
          origin: p.origin,
          repository: p.repository,
          security: p.security ? 1 : 0,
          advisories: JSON.stringify([...new Set(p.advisories)]),
          cves: JSON.stringify([...new Set(p.cves)]),
        };
        if (!before) {
          await tx.kysely
            .insertInto('patch_host_packages')
            .values({ host: t.host, name: p.name, arch: p.arch, ...values, first_seen_at: now })
            .execute();
        } else {
          await tx.kysely
            .updateTable('patch_host_packages')
            .set(values)
            .where('host', '=', t.host)
            .where('name', '=', p.name)
            .where('arch', '=', p.arch)
            .execute();
          if (before.candidate_version === p.candidateVersion) continue;
          await resolveHistory(tx, t.host, p.name, p.arch, now);
        }
        await tx.kysely
          .insertInto('patch_host_history')
          .values({
            host: t.host,
            name: p.name,
            arch: p.arch,
            candidate_version: p.candidateVersion,
            security: p.security ? 1 : 0,
            first_seen_at: now,
            resolved_at: null,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      for (const [key, r] of current) {
        if (seen.has(key)) continue;
        await tx.kysely
          .deleteFrom('patch_host_packages')
          .where('host', '=', t.host)
          .where('name', '=', r.name)
          .where('arch', '=', r.arch)
          .execute();
        await resolveHistory(tx, t.host, r.name, r.arch, now);
      }
    });
  },

  /** A collection that failed (no answer, not a host exporter's document): the stored list stays. */
  async recordFailure(db: Db, t: CollectedTarget, error: string, now: number): Promise<void> {
    await upsertHost(db, t, now, { status: 'failed', error });
  },

  async hosts(db: Db, hosts?: string[]): Promise<PatchHostRow[]> {
    if (hosts && hosts.length === 0) return [];
    let q = db.kysely.selectFrom('patch_hosts').selectAll().orderBy('host');
    if (hosts) q = q.where('host', 'in', hosts);
    return (await q.execute()).map(hostOf);
  },

  async aggregates(db: Db, hosts?: string[]): Promise<Map<string, HostAggregate>> {
    if (hosts && hosts.length === 0) return new Map();
    let q = db.kysely
      .selectFrom('patch_host_packages')
      .select((eb) => [
        'host',
        eb.fn.countAll<number>().as('pending'),
        eb.fn.sum<number>('security').as('security'),
        sql<number | null>`MIN(CASE WHEN security = 1 THEN first_seen_at END)`.as('oldest'),
      ])
      .groupBy('host');
    if (hosts) q = q.where('host', 'in', hosts);
    const out = new Map<string, HostAggregate>();
    for (const r of await q.execute())
      out.set(r.host, {
        pending: Number(r.pending),
        security: Number(r.security ?? 0),
        oldestSecurity: num(r.oldest),
      });
    return out;
  },

  async packages(db: Db, host: string): Promise<PatchPackageRow[]> {
    const rows = await db.kysely
      .selectFrom('patch_host_packages')
      .selectAll()
      .where('host', '=', host)
      .orderBy('name')
      .orderBy('arch')
      .execute();
    return rows.map(packageOf);
  },

  async history(db: Db, host: string, limit: number): Promise<PatchHistoryRow[]> {
    const rows = await db.kysely
      .selectFrom('patch_host_history')
      .selectAll()
      .where('host', '=', host)
      .orderBy('first_seen_at', 'desc')
      .orderBy('name')
      .orderBy('arch')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      ...r,
      security: Number(r.security),
      first_seen_at: Number(r.first_seen_at),
      resolved_at: num(r.resolved_at),
    }));
  },

  /**
   * The current view of these hosts for patch plans' verify gate; a host never collected is absent.
   * collectedAt is when the host's package manager was asked (the exporter's checkedAt) — what an
   * install must precede — or, without one, when the server last read a package list.
   */
  async hostState(
    db: Db,
    hosts: string[],
  ): Promise<
    Map<
      string,
      {
        collectedAt: number;
        rebootRequired: boolean | null;
        status: string;
        pending: Array<{ name: string; candidateVersion: string; advisories: string[]; cves: string[] }>;
      }
    >
  > {
    const out = new Map<
      string,
      {
        collectedAt: number;
        rebootRequired: boolean | null;
        status: string;
        pending: Array<{ name: string; candidateVersion: string; advisories: string[]; cves: string[] }>;
      }
    >();
    for (const h of await this.hosts(db, hosts)) {
      const at = h.status === 'ok' ? (h.checked_at ?? h.collected_at) : h.collected_at;
      if (at === null) continue;
      const pkgs = await this.packages(db, h.host);
      out.set(h.host, {
        collectedAt: at,
        rebootRequired: h.reboot_required === null ? null : h.reboot_required === 1,
        status: h.status,
        pending: pkgs.map((p) => ({
          name: p.name,
          candidateVersion: p.candidate_version,
          advisories: json(p.advisories),
          cves: json(p.cves),
        })),
      });
    }
    return out;
  },

  /** When the latest collection of every host started (the scheduler's due check, across replicas). */
  async lastCollectionStart(db: Db): Promise<number | undefined> {
    const r = await db.kysely
      .selectFrom('patch_collections')
      .select((eb) => eb.fn.max('started_at').as('at'))
      .executeTakeFirst();
    return num(r?.at as number | null) ?? undefined;
  },

  async startCollection(db: Db, now: number): Promise<void> {
    await db.kysely
      .insertInto('patch_collections')
      .values({ started_at: now, finished_at: null, targets: 0, failed: 0, error: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },

  async finishCollection(
    db: Db,
    startedAt: number,
    outcome: { finishedAt: number; targets: number; failed: number; error: string | null },
  ): Promise<void> {
    await db.kysely
      .updateTable('patch_collections')
      .set({
        finished_at: outcome.finishedAt,
        targets: outcome.targets,
        failed: outcome.failed,
        error: outcome.error,
      })
      .where('started_at', '=', startedAt)
      .execute();
    // a run a day for a month is plenty to see when collection stopped working
    await db.kysely
      .deleteFrom('patch_collections')
      .where('started_at', '<', startedAt - 31 * 86_400_000)
      .execute();
  },
};

async function upsertHost(
  db: Db,
  t: CollectedTarget,
  now: number,
  values: Partial<Omit<PatchHostRow, 'host' | 'job' | 'url' | 'attempted_at' | 'seen_at'>> & {
    status: string;
    error: string | null;
  },
): Promise<void> {
  const set = { job: t.job, url: t.url, attempted_at: now, seen_at: now, ...values };
  await db.kysely
    .insertInto('patch_hosts')
    .values({
      host: t.host,
      hostname: null,
      manager: null,
      checked_at: null,
      metadata_refreshed_at: null,
      reboot_required: null,
      collected_at: null,
      ...set,
    })
    .onConflict((oc) => oc.column('host').doUpdateSet(set))
    .execute();
}

async function resolveHistory(db: Db, host: string, name: string, arch: string, now: number): Promise<void> {
  await db.kysely
    .updateTable('patch_host_history')
    .set({ resolved_at: now })
    .where('host', '=', host)
    .where('name', '=', name)
    .where('arch', '=', arch)
    .where('resolved_at', 'is', null)
    .execute();
}

export const timeOut = iso;
