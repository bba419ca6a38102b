import type express from 'express';
import type { FlowConfig } from './config';
import type { FlowTracker } from './tracker';

/** GET /api/v1/flows: per flow and step the counts and the stuck instances, for a person to act on. */
export function statusRoutes(
  app: express.Express,
  config: FlowConfig,
  tracker: FlowTracker,
  now: () => number = Date.now,
): void {
  app.get('/api/v1/flows', (_req, res) => {
    const at = now();
    const snap = tracker.snapshot(at);
    res.json({
      at: new Date(at).toISOString(),
      flows: config.flows.map((flow, f) => {
        const st = tracker.stats[f]!;
        return {
          flow: flow.name,
          started: st.started,
          completed: st.completed,
          failed: Object.fromEntries(st.failed),
          stuck: snap.flowStuck[f],
          steps: flow.steps.map((step, s) => ({
            step: step.name,
            started: st.steps[s]!.started,
            completed: st.steps[s]!.completed,
            failed: Object.fromEntries(st.steps[s]!.failed),
            inProgress: snap.steps[f]![s]!.inProgress,
            stuck: snap.steps[f]![s]!.stuck,
            stuckInstances: tracker
              .stuckInstances(flow.name, step.name, at)
              .map((i) => ({ instance: i.instance, since: new Date(i.since).toISOString() })),
          })),
        };
      }),
    });
  });
}
