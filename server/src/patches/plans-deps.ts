import type { AppContext } from '../context';
import type { Db } from '../db';
import { backupRunOf } from '../backups/store';
import type { HostPatchView } from './plans-verify';

/**
 * What patch plans read from the other domains: the hosts' collected pending patches (patches/
 * hosts-store, collector) and backup runs (backups/store). One seam, so the gates' tests can run
 * against the real ones and nothing else reaches into those domains.
 */
export interface PlanDeps {
  /** collect these hosts now, so the verify gate reads what they report after the install */
  collectHosts(ctx: AppContext, hosts: string[]): Promise<void>;
  hostState(db: Db, hosts: string[]): Promise<Map<string, HostPatchView>>;
  backupRunOf(
    db: Db,
    id: string,
  ): Promise<
    { id: string; policy: string; result: string; snapshotId: string | null; finishedAt: number } | undefined
  >;
}

export const planDeps: PlanDeps = {
  collectHosts: async () => {
    throw new Error('pending-patch collection is not wired yet (PH)');
  },
  hostState: async () => new Map(),
  backupRunOf,
};
