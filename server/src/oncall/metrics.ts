import { Gauge } from 'prom-client';
import type { AppContext } from '../context';
import { uncoveredLayers } from './service';

const NAME = 'opsdesk_oncall_uncovered';

/** Registers opsdesk_oncall_uncovered on the server's registry once (the routes are built more than once). */
export function attachOncallMetrics(ctx: AppContext): void {
  if (ctx.metrics.registry.getSingleMetric(NAME)) return;
  new Gauge({
    name: NAME,
    help: "1 while nobody is on call on a roster layer whose days say it should be covered now (a layer without members, or whose members left the people directory); 0 while it is covered or off (a workday-only layer on a holiday). From the server's oncall.rosters.",
    labelNames: ['roster', 'layer'],
    registers: [ctx.metrics.registry],
    async collect() {
      const layers = await uncoveredLayers(ctx);
      this.reset();
      for (const l of layers) this.set({ roster: l.roster, layer: l.layer }, l.uncovered);
    },
  });
}
