import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Gauge, Registry } from 'prom-client';
import type { z } from 'zod';
import type { Collector } from './collector';
import {
  createLogger,
  formatListenAddress,
  loadConfigFile,
  LOG_LEVELS,
  parseConfigText,
  parseListenAddress,
  stopOnSignals,
  type Logger,
  type LogLevel,
} from '@opsdesk/runtime';
import { enabledCollectorNames, type CommonExporterConfig } from './exporter-config';
import { ProcessMetrics } from './process-metrics';
import { CollectorRunner } from './runner';
import { createExporterApp } from './server';

export interface ExporterDefinition<C extends CommonExporterConfig> {
  /** binary name, e.g. `opsdesk-host-exporter` */
  name: string;
  title: string;
  version: string;
  /** metric prefix with trailing underscore */
  prefix: string;
  defaultListen: string;
  /** env var that overrides the listen address, e.g. `OPSDESK_HOST_EXPORTER_LISTEN` */
  listenEnv: string;
  configSchema: z.ZodType<C, unknown>;
  createCollectors(config: C, log: Logger): Collector[];
  /** routes of the exporter besides /metrics (e.g. an ingest endpoint); collectors come first */
  extraRoutes?(app: import('express').Express, config: C, collectors: Collector[], log: Logger): void;
}

export interface RunningExporter {
  url: string;
  runner: CollectorRunner;
  close(): Promise<void>;
}

/** Starts an exporter from an already validated config; used by the CLI and by tests. */
export async function startExporter<C extends CommonExporterConfig>(
  def: ExporterDefinition<C>,
  config: C,
  opts: { listen?: string; log?: Logger } = {},
): Promise<RunningExporter> {
  const log = opts.log ?? createLogger(def.name, config.log_level);
  const listen = parseListenAddress(opts.listen ?? config.listen ?? def.defaultListen);
  const registry = new Registry();
  new Gauge({
    name: `${def.prefix}build_info`,
    help: `${def.title} build: version and the Node.js runtime it runs on; always 1.`,
    labelNames: ['version', 'nodejs'],
    registers: [registry],
  }).set({ version: def.version, nodejs: process.version }, 1);

  const collectors = def.createCollectors(config, log);
  const runner = new CollectorRunner({
    prefix: def.prefix,
    collectors,
    enabled: enabledCollectorNames(config).filter((n) => collectors.some((c) => c.name === n)),
    defaultTimeoutMs: config.collectors.timeout,
    maxSeriesPerMetric: config.limits.max_series_per_metric,
    registry,
    log,
  });
  let ready = false;
  const processMetrics = new ProcessMetrics();
  const app = createExporterApp({
    title: def.title,
    version: def.version,
    runner,
    registry,
    processMetrics,
    log,
    isReady: () => ready,
    extraRoutes: def.extraRoutes ? (a) => def.extraRoutes!(a, config, collectors, log) : undefined,
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(listen.port, listen.host);
    s.once('listening', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE' ? 'address already in use; pick another with --listen' : err.message;
      reject(new Error(`cannot listen on ${formatListenAddress(listen)}: ${why}`));
    });
  });
  server.keepAliveTimeout = 65_000;
  for (const c of collectors) if (runner.enabledNames.includes(c.name)) c.start?.();
  ready = true;
  const addr = server.address() as AddressInfo;
  const url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  log.info(
    { listen: formatListenAddress(listen), url, collectors: runner.enabledNames },
    `${def.title} listening`,
  );

  return {
    url,
    runner,
    close: async () => {
      ready = false;
      for (const c of collectors) c.stop?.();
      processMetrics.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Connections still mid-scrape get a moment to finish, then go.
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
    },
  };
}

const USAGE = (def: {
  name: string;
  defaultListen: string;
  listenEnv: string;
}) => `Usage: ${def.name} [--config FILE] [--listen HOST:PORT] [--check-config]

  --config FILE     YAML config; without it the built-in defaults apply
  --listen ADDR     address to serve /metrics on (default ${def.defaultListen}; env ${def.listenEnv})
  --log-level LVL   debug, info, warn or error (overrides log_level in the config)
  --check-config    validate the config, print the result and exit (0 valid, 2 invalid)
  --version         print the version and exit
`;

/** The command line of every exporter. Exit codes: 0 clean stop, 1 runtime failure, 2 bad flags or config. */
export async function runExporterCli<C extends CommonExporterConfig>(
  def: ExporterDefinition<C>,
  argv: string[],
): Promise<void> {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' },
        listen: { type: 'string' },
        'log-level': { type: 'string' },
        'check-config': { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    process.stderr.write(`${def.name}: ${(err as Error).message}\n\n${USAGE(def)}`);
    process.exit(2);
  }
  if (flags.help) {
    process.stdout.write(USAGE(def));
    return;
  }
  if (flags.version) {
    process.stdout.write(`${def.name} ${def.version} (node ${process.version})\n`);
    return;
  }
  let config: C;
  try {
    config = flags.config
      ? loadConfigFile(flags.config, def.configSchema)
      : parseConfigText('{}', '(built-in defaults)', def.configSchema);
    const level = flags['log-level'];
    if (level !== undefined) {
      if (!(LOG_LEVELS as readonly string[]).includes(level)) {
        throw new Error(
          `--log-level: expected one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`,
        );
      }
      config = { ...config, log_level: level as LogLevel };
    }
    const listen = flags.listen ?? process.env[def.listenEnv];
    if (listen !== undefined) parseListenAddress(listen);
  } catch (err) {
    process.stderr.write(`${def.name}: invalid configuration:\n${(err as Error).message}\n`);
    process.exit(2);
  }
  if (flags['check-config']) {
    process.stdout.write(`${flags.config ?? '(built-in defaults)'}: valid\n`);
    return;
  }
  const log = createLogger(def.name, config.log_level);
  let running: RunningExporter;
  try {
    running = await startExporter(def, config, { listen: flags.listen ?? process.env[def.listenEnv], log });
  } catch (err) {
    log.error({ err: (err as Error).message }, 'cannot start');
    process.exit(1);
  }
  stopOnSignals(log, () => running.close());
}
