import { holidayCoverageWarnings } from '@opsdesk/calendar';
import { eventIngestRoute, type Collector, type ExporterDefinition } from '@opsdesk/exporter-core';
import { ChannelStore, toTransferEvent } from './channels';
import { transferConfigSchema, type TransferConfig } from './config';
import { dropsCollector } from './drops';
import { transferLogsCollector } from './logs';
import { channelsCollector, probesCollector, type ProbeTask } from './metrics';
import { statusRoutes } from './status';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

const state = new WeakMap<Collector[], { store: ChannelStore; probes: ProbeTask[] }>();

export const transferExporter: ExporterDefinition<TransferConfig> = {
  name: 'opsdesk-transfer-exporter',
  title: 'OpsDesk transfer-channel exporter',
  version,
  prefix: 'opsdesk_transfer_',
  defaultListen: ':9742',
  listenEnv: 'OPSDESK_TRANSFER_EXPORTER_LISTEN',
  configSchema: transferConfigSchema,
  createCollectors(config, log) {
    const store = new ChannelStore(config, Date.now, log);
    for (const w of holidayCoverageWarnings(store.calendars, Date.now())) log.warn(w);
    const probes = probesCollector(store, log);
    const collectors = [
      channelsCollector(store),
      probes,
      transferLogsCollector(config.logs, store, log, config.ingest.max_future_skew),
      dropsCollector(store, log),
    ];
    state.set(collectors, { store, probes: probes.tasks });
    return collectors;
  },
  extraRoutes(app, config, collectors, log) {
    const s = state.get(collectors);
    if (!s) throw new Error('channel store missing');
    eventIngestRoute(app, '/api/v1/events', {
      tokens: config.tokens,
      maxBodyBytes: config.ingest.max_body_bytes,
      log,
      parse: toTransferEvent,
      maxFutureSkewMs: config.ingest.max_future_skew,
      accept: (e) => s.store.accept(e),
      onInvalid: (n, reason) => s.store.drop(reason, n),
    });
    statusRoutes(app, s.store, s.probes);
  },
};

export { transferConfigSchema, type TransferConfig } from './config';
export { ChannelStore, toTransferEvent, type TransferEvent } from './channels';
export { runProbe, probeSchema, type Probe, type ProbeResult } from './probes';
