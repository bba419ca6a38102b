import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import type { Collector } from './collector';
import {
  ConfigError,
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
import { formatProblem, problemsError, type ConfigProblem } from './prepare';
import { ProcessMetrics } from './process-metrics';
import { CollectorRunner } from './runner';
import type { Route } from './http';
import { createExporterApp } from './server';

/** What an exporter is made with besides its config. */
export interface ExporterContext {
  readonly log: Logger;
  /** the exporter's clock, ms since the epoch; tests pass a fake one */
  readonly now: () => number;
  /** the folder of the config file (the working directory when there is none) */
  readonly configDir: string;
  /** a path from the config as the exporter opens it: a relative one is taken from configDir, never the working directory */
  resolvePath(p: string): string;
}

/** What `create` makes of a config: the collectors the runner scrapes, and the routes that share their state. */
export interface ExporterParts {
  collectors: Collector[];
  /** the exporter's own HTTP routes besides /metrics and the health endpoints (ingest, status) */
  routes?: readonly Route[];
}

/** One exporter: its name and defaults, its config schema, and the one factory that makes it from a config. */
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
  /**
   * Checks what the config needs of this machine (files, folders, certificates) before anything
   * serves, so `--check-config` finds it too; the schema has checked everything else.
   */
  prepare?(config: C, ctx: ExporterContext): Promise<ConfigProblem[]>;
  /** Makes the collectors and routes; state they share is made here and passed to both. */
  create(config: C, ctx: ExporterContext): ExporterParts;
}

/** The context of an exporter whose config came from `configFile` (or from nowhere: the built-in defaults). */
export function exporterContext(opts: {
  log: Logger;
  configFile?: string;
  now?: () => number;
}): ExporterContext {
  const configDir = opts.configFile ? path.dirname(path.resolve(opts.configFile)) : process.cwd();
  return {
    log: opts.log,
    now: opts.now ?? Date.now,
    configDir,
    resolvePath: (p) => path.resolve(configDir, p),
  };
}

/**
 * Runs the definition's prepare step: throws a ConfigError listing the errors, and returns the
 * warnings (each formatted like an error) for the caller to say.
 */
export async function prepareExporter<C extends CommonExporterConfig>(
  def: ExporterDefinition<C>,
  config: C,
  ctx: ExporterContext,
  configFile = '(built-in defaults)',
): Promise<string[]> {
  const problems = (await def.prepare?.(config, ctx)) ?? [];
  const error = problemsError(configFile, problems);
  if (error) throw error;
  return problems.map((p) => formatProblem(configFile, p));
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
  opts: {
    listen?: string;
    log?: Logger;
    /** the file the config came from: relative paths in it are taken from its folder */
    configFile?: string;
    now?: () => number;
  } = {},
): Promise<RunningExporter> {
  const log = opts.log ?? createLogger(def.name, config.log_level);
  const ctx = exporterContext({ log, configFile: opts.configFile, now: opts.now });
  for (const warning of await prepareExporter(def, config, ctx, opts.configFile)) log.warn(warning);
  const listen = parseListenAddress(opts.listen ?? config.listen ?? def.defaultListen);
  const { collectors, routes } = def.create(config, ctx);
  const runner = new CollectorRunner({
    prefix: def.prefix,
    collectors,
    enabled: enabledCollectorNames(config).filter((n) => collectors.some((c) => c.name === n)),
    defaultTimeoutMs: config.collectors.timeout,
    maxSeriesPerMetric: config.limits.max_series_per_metric,
    log,
  });
  let ready = false;
  const processMetrics = new ProcessMetrics();
  const app = createExporterApp({
    title: def.title,
    version: def.version,
    runner,
    processMetrics,
    log,
    isReady: () => ready,
    routes,
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
  --check-config    validate the config and the files, folders and certificates it names,
                    print the result and exit (0 valid, with any warnings; 2 invalid)
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
  const log = createLogger(def.name, config.log_level);
  if (flags['check-config']) {
    let warnings: string[];
    try {
      warnings = await prepareExporter(
        def,
        config,
        exporterContext({ log, configFile: flags.config }),
        flags.config,
      );
    } catch (err) {
      process.stderr.write(`${def.name}: invalid configuration:\n${(err as Error).message}\n`);
      process.exit(2);
    }
    if (warnings.length) process.stderr.write(`${def.name}: warnings:\n${warnings.join('\n')}\n`);
    process.stdout.write(
      `${flags.config ?? '(built-in defaults)'}: valid${warnings.length ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : ''}\n`,
    );
    return;
  }
  let running: RunningExporter;
  try {
    running = await startExporter(def, config, {
      listen: flags.listen ?? process.env[def.listenEnv],
      log,
      configFile: flags.config,
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${def.name}: invalid configuration:\n${err.message}\n`);
      process.exit(2);
    }
    log.error({ err: (err as Error).message }, 'cannot start');
    process.exit(1);
  }
  stopOnSignals(log, () => running.close());
}
