import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExporterDefinition } from '@opsdesk/exporter-core';
import { abandonAfterMs, flowConfigSchema, type FlowConfig } from './config';
import { ingestRoute } from './ingest';
import { journeysCollector } from './journeys';
import { logsCollector } from './logs';
import { flowsCollector } from './metrics';
import { prepareFlow } from './prepare';
import { sqlChecksCollector, withResolvedDsn } from './sql-checks';
import { FlowStateFile } from './state';
import { statusRoutes } from './status';
import { FlowTracker } from './tracker';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export const flowExporter: ExporterDefinition<FlowConfig> = {
  name: 'opsdesk-flow-exporter',
  title: 'OpsDesk flow exporter',
  version,
  prefix: 'opsdesk_flow_',
  defaultListen: ':9743',
  listenEnv: 'OPSDESK_FLOW_EXPORTER_LISTEN',
  configSchema: flowConfigSchema,
  prepare: prepareFlow,
  create(config, { log, now, configDir, resolvePath }) {
    const tracker = new FlowTracker(config.flows, {
      maxInFlight: config.ingest.max_in_flight,
      rememberFinishedMs: config.ingest.remember_finished,
      abandonAfterMs: config.flows.map(abandonAfterMs),
      now,
    });
    let state: FlowStateFile | undefined;
    if (config.state.path !== undefined) {
      const file = resolvePath(config.state.path);
      mkdirSync(path.dirname(file), { recursive: true }); // prepare has checked that it can be
      state = new FlowStateFile(file, tracker, log, now);
      state.restore();
    }
    return {
      collectors: [
        flowsCollector(tracker, config.flows, now, {
          log,
          state,
          saveIntervalMs: config.state.save_interval,
          configDir,
        }),
        logsCollector(config.logs, tracker, log, config.ingest.max_future_skew, resolvePath),
        sqlChecksCollector(
          config.sql_checks.map((c) => withResolvedDsn(c, resolvePath)),
          log,
        ),
        journeysCollector(config.journeys, log),
      ],
      routes: [ingestRoute(config, tracker, log, now), ...statusRoutes(config, tracker, now)],
    };
  },
};

export { flowConfigSchema, type FlowConfig } from './config';
export { FlowTracker, type FlowEvent } from './tracker';
