import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { PLAN_STATES } from './plans-schema';
import { planStore } from './plans-store';

const PLANS = 'opsdesk_patch_plans';
const WINDOW_PASSED = 'opsdesk_patch_plans_window_passed';

/** Registers the patch plan gauges on the server's registry once (the routes are built more than once). */
export function attachPlanMetrics(ctx: AppContext): void {
  const registry = ctx.metrics.registry;
  if (registry.getSingleMetric(PLANS)) return;
  // one read of the store per scrape, shared by both gauges
  let snapshot: ReturnType<typeof planStore.counts> | undefined;
  const read = () => {
    snapshot ??= planStore
      .counts(ctx.db, ctx.now())
      .finally(() => setImmediate(() => (snapshot = undefined)));
    return snapshot;
  };
  new Gauge({
    name: PLANS,
    help: 'Patch plans (补丁计划) by state, every state listed (0 when none): draft, tested, approved, scheduled, installed, verified, closed, declined, failed, rolled_back. From the server’s store.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const { byState } = await read();
      this.reset();
      for (const state of PLAN_STATES) this.set({ state }, byState.get(state) ?? 0);
    },
  });
  new Gauge({
    name: WINDOW_PASSED,
    help: 'Patch plans still scheduled whose maintenance window has ended: the install did not happen (or was not recorded) in the window. Schedule them again, record the install, or decline them.',
    registers: [registry],
    async collect() {
      this.set((await read()).windowPassed);
    },
  });
}
