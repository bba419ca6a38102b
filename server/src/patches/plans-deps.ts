import type { AppContext } from '../context';
import type { Db } from '../db';
import { backupRunOf } from '../backups/store';
import { collectPatchHosts } from './collector';
import { patchHostStore } from './hosts-store';
import type { HostPatchView } from './plans-verify';

/**
 * What patch plans read from the other domains: the hosts' collected pending patches (patches/
 * collector and hosts-store) and backup runs (backups/store). One seam, so nothing else in the
 * plans reaches into those domains.
 */
export interface PlanDeps {
  /**
   * Collects these hosts now, so the verify gate reads what they report after the install; the
   * hosts that could not be read, with why. Throws when there is no Prometheus to find them through.
   */
  collectHosts(ctx: AppContext, hosts: string[]): Promise<Array<{ host: string; error: string }>>;
  hostState(db: Db, hosts: string[]): Promise<Map<string, HostPatchView>>;
  backupRunOf(
    db: Db,
    id: string,
  ): Promise<
    { id: string; policy: string; result: string; snapshotId: string | null; finishedAt: number } | undefined
  >;
}

export const planDeps: PlanDeps = {
  collectHosts: async (ctx, hosts) => (await collectPatchHosts(ctx, hosts)).failed,
  hostState: (db, hosts) => patchHostStore.hostState(db, hosts),
  backupRunOf,
};
