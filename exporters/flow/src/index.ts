import type { Collector, ExporterDefinition } from '@opsdesk/exporter-core';
import { abandonAfterMs, flowConfigSchema, type FlowConfig } from './config';
import { ingestRoutes } from './ingest';
import { journeysCollector } from './journeys';
import { logsCollector } from './logs';
import { flowsCollector } from './metrics';
import { sqlChecksCollector } from './sql-checks';
import { FlowStateFile } from './state';
import { statusRoutes } from './status';
import { FlowTracker } from './tracker';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

const trackers = new WeakMap<Collector[], FlowTracker>();

export const flowExporter: ExporterDefinition<FlowConfig> = {
  name: 'opsdesk-flow-exporter',
  title: 'OpsDesk flow exporter',
  version,
  prefix: 'opsdesk_flow_',
  defaultListen: ':9743',
  listenEnv: 'OPSDESK_FLOW_EXPORTER_LISTEN',
  configSchema: flowConfigSchema,
  createCollectors(config, log) {
    const tracker = new FlowTracker(config.flows, {
      maxInFlight: config.ingest.max_in_flight,
      rememberFinishedMs: config.ingest.remember_finished,
      abandonAfterMs: config.flows.map(abandonAfterMs),
    });
    const state = config.state.path ? new FlowStateFile(config.state.path, tracker, log) : undefined;
    state?.restore();
    const collectors = [
      flowsCollector(tracker, config.flows, Date.now, {
        log,
        state,
        saveIntervalMs: config.state.save_interval,
      }),
      logsCollector(config.logs, tracker, log, config.ingest.max_future_skew),
      sqlChecksCollector(config.sql_checks, log),
      journeysCollector(config.journeys, log),
    ];
    trackers.set(collectors, tracker);
    return collectors;
  },
  extraRoutes(app, config, collectors, log) {
    const tracker = trackers.get(collectors);
    if (!tracker) throw new Error('flow tracker missing');
    ingestRoutes(app, config, tracker, log);
    statusRoutes(app, config, tracker);
  },
};

export { flowConfigSchema, type FlowConfig } from './config';
export { FlowTracker, type FlowEvent } from './tracker';
