import { holidayCoverageWarnings } from '@opsdesk/calendar';
import { eventIngestRoute, type ExporterDefinition } from '@opsdesk/exporter-core';
import { ChannelStore, toTransferEvent } from './channels';
import { transferConfigSchema, type TransferConfig } from './config';
import { dropsCollector } from './drops';
import { transferLogsCollector } from './logs';
import { channelsCollector } from './metrics';
import { prepareTransfer } from './prepare';
import { probesCollector } from './probes/collector';
import { statusRoute } from './status';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export const transferExporter: ExporterDefinition<TransferConfig> = {
  name: 'opsdesk-transfer-exporter',
  title: 'OpsDesk transfer-channel exporter',
  version,
  prefix: 'opsdesk_transfer_',
  defaultListen: ':9742',
  listenEnv: 'OPSDESK_TRANSFER_EXPORTER_LISTEN',
  configSchema: transferConfigSchema,
  prepare: prepareTransfer,
  create(config, { log, now, configDir, resolvePath }) {
    const store = new ChannelStore(config, now, log, configDir);
    for (const w of holidayCoverageWarnings(store.calendars, now())) log.warn(w);
    const probes = probesCollector(store.channels, log, resolvePath);
    return {
      collectors: [
        channelsCollector(store),
        probes,
        transferLogsCollector(config.logs, store, log, config.ingest.max_future_skew, resolvePath),
        dropsCollector(store, log, now, resolvePath),
      ],
      routes: [
        eventIngestRoute('/api/v1/events', {
          tokens: config.tokens,
          maxBodyBytes: config.ingest.max_body_bytes,
          log,
          parse: toTransferEvent,
          maxFutureSkewMs: config.ingest.max_future_skew,
          accept: (e) => store.accept(e),
          onInvalid: (n, reason) => store.drop(reason, n),
          now,
        }),
        statusRoute(store, probes.tasks),
      ],
    };
  },
};

export { transferConfigSchema, type TransferConfig } from './config';
export { ChannelStore, toTransferEvent, type TransferEvent } from './channels';
export { runProbe, probeSchema, type Probe, type ProbeResult } from './probes';
