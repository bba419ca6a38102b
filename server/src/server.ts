import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createLogger, formatListenAddress, parseListenAddress, type Logger } from '@opsdesk/runtime';
import { alertmanagerRoutes } from './alertmanager/routes';
import { backupRoutes } from './backups/routes';
import { tokenRoutes } from './auth/routes';
import { authenticator, ensureBootstrapToken } from './auth/service';
import type { ServerConfig } from './config';
import type { AppContext } from './context';
import { isPostgresUrl, migrate, openDb, PostgresDb, type Db } from './db';
import { createApp, type AppOptions } from './http/app';
import type { AnyRoute } from './http/routes';
import { incidentRoutes } from './incidents/routes';
import { notifyRoutes } from './notify/routes';
import { Notifier, type NotifierOptions } from './notify/service';
import { oncallRoutes } from './oncall/routes';
import { peopleRoutes } from './people/routes';
import { ServerMetrics } from './metrics';
import { reviewRoutes } from './reviews/routes';
import { SlaPolicies } from './sla/policy';
import { recurrenceRoutes } from './recurrence/routes';
import { slaRoutes } from './sla/routes';
import { recordConfigLoaded, reloadConfig, type ReloadResult } from './reload';
import { calendarDay, recordBreaches } from './sla/tick';
import { incidentStore } from './incidents/store';
import { escalationRoutes } from './oncall/escalation-routes';
import { runEscalations } from './oncall/escalation-service';
import { patchHostRoutes } from './patches/hosts-routes';
import { collectIfDue } from './patches/collector';
import { vulnerabilityRoutes } from './vulnerabilities/routes';
import { expireRiskAcceptances, notifyOverdue } from './vulnerabilities/service';
import { patchPlanRoutes } from './patches/plans-routes';
import { inspectionRoutes } from './inspections/routes';
import { importTemplateFiles } from './inspections/service';
import { inspectionScheduleRoutes } from './inspections/schedules-routes';
import { runDueInspections } from './inspections/schedules-service';

/** Start time of a process in clock ticks since boot (/proc/<pid>/stat field 22), on Linux. */
function processStartTime(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count from the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * `<database>.pid` (`<pid> <start time>`): tells `opsdesk-server restore` (and a second server)
 * that this SQLite file is in use. A pid alone is not enough: after a crash or a reboot the pid
 * may belong to another program, so the process must also have started when the file says.
 */
export function databaseOwner(database: string): number | undefined {
  try {
    const [pidText, started] = readFileSync(`${database}.pid`, 'utf8').trim().split(/\s+/);
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    const now = processStartTime(pid);
    if (started !== undefined && now !== undefined && now !== started) return undefined; // pid reused
    if (started === undefined && now !== undefined) {
      // a pid file without a start time (older servers): the process must at least be one of ours
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('opsdesk')) return undefined;
    }
    return pid;
  } catch {
    return undefined; // no file, or its process is gone (killed without cleaning up)
  }
}

function claimDatabase(database: string): void {
  const owner = databaseOwner(database);
  if (owner !== undefined && owner !== process.pid) {
    throw new Error(
      `${database} is in use by opsdesk-server pid ${owner}; SQLite serves one server process (use PostgreSQL for several replicas)`,
    );
  }
  mkdirSync(path.dirname(path.resolve(database)), { recursive: true });
  const started = processStartTime('self');
  writeFileSync(`${database}.pid`, `${process.pid}${started ? ` ${started}` : ''}\n`);
}

function releaseDatabase(database: string): void {
  if (databaseOwner(database) === process.pid) rmSync(`${database}.pid`, { force: true });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION = (require('../package.json') as { version: string }).version;

export const DEFAULT_LISTEN = ':9744';
const SCHEDULER_LOCK = 0x0905d35d;

/** Every route of the API, in one list: the HTTP binding and the OpenAPI document both come from it. */
export function allRoutes(ctx: AppContext): AnyRoute[] {
  return [
    // before the incidents' /api/v1/incidents/:id/:action, which would take .../verifications
    ...inspectionRoutes(ctx),
    ...incidentRoutes(ctx),
    ...reviewRoutes(ctx),
    ...slaRoutes(ctx),
    ...recurrenceRoutes(ctx),
    ...alertmanagerRoutes(ctx),
    ...notifyRoutes(ctx),
    ...peopleRoutes(ctx),
    ...oncallRoutes(ctx),
    ...escalationRoutes(ctx),
    ...patchHostRoutes(ctx),
    ...vulnerabilityRoutes(ctx),
    ...patchPlanRoutes(ctx),
    ...backupRoutes(ctx),
    ...inspectionScheduleRoutes(ctx),
    ...tokenRoutes(ctx.db),
  ];
}

export function buildContext(
  config: ServerConfig,
  db: Db,
  log: Logger,
  baseDir: string,
  now: () => number = Date.now,
): AppContext {
  const metrics = new ServerMetrics(VERSION);
  const sla = new SlaPolicies(config.sla, baseDir);
  const ctx: AppContext = { db, config, sla, log, metrics, now };
  metrics.attachStore(db, () => ctx.now());
  metrics.attachCalendars(
    () => sla.calendars.values(),
    now(),
    (w) => log.warn(w),
  );
  return ctx;
}

export interface RunningServer {
  url: string;
  ctx: AppContext;
  notifier: Notifier;
  /** applies a configuration read again (SIGHUP); a bad one is refused and the running one kept */
  reload(load: () => ServerConfig): Promise<ReloadResult>;
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  opts: {
    listen?: string;
    database?: string;
    log?: Logger;
    baseDir?: string;
    bootstrapToken?: string;
    /** tests only: the notifier's render and senders; start: false leaves it to runOnce (a fake clock) */
    notifier?: Partial<Omit<NotifierOptions, 'baseDir'>> & { start?: boolean };
    /** tests only: sees every JSON response (see createApp) */
    onJsonResponse?: AppOptions['onJsonResponse'];
  } = {},
): Promise<RunningServer> {
  const log = opts.log ?? createLogger('opsdesk-server', config.log_level);
  const listen = parseListenAddress(opts.listen ?? config.listen ?? DEFAULT_LISTEN);
  const database = opts.database ?? config.database;
  if (!isPostgresUrl(database)) claimDatabase(database);
  const db = openDb(database);
  const applied = await migrate(db);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  const bootstrap = await ensureBootstrapToken(db, opts.bootstrapToken);
  if (bootstrap === 'created')
    log.warn(
      'created admin token "bootstrap" from OPSDESK_BOOTSTRAP_TOKEN; create named tokens and revoke it',
    );
  else if (bootstrap === 'revoked' || bootstrap === 'not_admin')
    log.warn(
      { bootstrap },
      `OPSDESK_BOOTSTRAP_TOKEN names a ${bootstrap === 'revoked' ? 'revoked' : 'non-admin'} token, which stays as it is; unset it, or set a new value to create an admin token when none is left`,
    );
  const ctx = buildContext(config, db, log, opts.baseDir ?? process.cwd());
  // the template files of inspections.templates (a changed one becomes a new version); a bad file is logged, not fatal
  await importTemplateFiles(ctx, opts.baseDir ?? process.cwd());
  const routes = allRoutes(ctx);
  const app = createApp(ctx, {
    version: VERSION,
    routes,
    authenticate: authenticator(db),
    isReady: () => db.ping(),
    onJsonResponse: opts.onJsonResponse,
  });

  const server: Server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(listen.port, listen.host);
    s.once('listening', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `cannot listen on ${formatListenAddress(listen)}: ${err.code === 'EADDRINUSE' ? 'address already in use; pick another with --listen' : err.message}`,
        ),
      ),
    );
  }).catch(async (err: Error) => {
    await db.close();
    if (db.kind === 'sqlite') releaseDatabase(database);
    throw err;
  });

  // Scheduled work: one replica at a time on PostgreSQL, one tick at a time in this process.
  let day = '';
  let stopping = false;
  let ticking: Promise<unknown> | undefined;
  const tick = () => {
    if (ticking) return;
    const work = async () => {
      const today = calendarDay(ctx, ctx.now());
      if (today !== day) {
        if (day !== '') await incidentStore.markOpenClocksStale(db);
        day = today;
      }
      // each job on its own: a failing one (a database error, a bug) must not hold up the other —
      // breaches unrecorded because an escalation failed, or a P1 not paged because a clock did
      const jobs: Array<[string, () => Promise<unknown>]> = [
        ['SLA tick', () => recordBreaches(ctx, () => stopping)],
        ['escalation tick', () => runEscalations(ctx, () => stopping)],
        ['pending-patch collection', () => collectIfDue(ctx, () => stopping)],
        ['vulnerability risk-acceptance expiry', () => expireRiskAcceptances(ctx, () => stopping)],
        ['vulnerability overdue notifications', () => notifyOverdue(ctx, () => stopping)],
        ['scheduled inspections', () => runDueInspections(ctx, () => stopping)],
      ];
      for (const [name, job] of jobs) {
        if (stopping) break;
        await job().catch((err: Error) =>
          log.warn({ err: err.message }, `${name} failed; retrying on the next one`),
        );
      }
    };
    ticking = (db instanceof PostgresDb ? db.withAdvisoryLock(SCHEDULER_LOCK, work) : work())
      .catch((err: Error) =>
        log.warn({ err: err.message }, 'scheduler tick failed; retrying on the next one'),
      )
      .finally(() => (ticking = undefined));
  };
  // The outbox's senders: one loop per channel, on every replica (the channel's row lock takes turns)
  const notifier = new Notifier(ctx, { ...opts.notifier, baseDir: opts.baseDir ?? process.cwd() });
  if (opts.notifier?.start === false) await notifier.prepare();
  else await notifier.start();

  const timer = setInterval(tick, config.sla.tick_interval);
  timer.unref();
  tick();

  const addr = server.address() as AddressInfo;
  const url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  log.info(
    {
      listen: formatListenAddress(listen),
      database: db.kind === 'sqlite' ? path.resolve(database) : 'postgres',
      url,
    },
    'OpsDesk server listening',
  );
  recordConfigLoaded(ctx.metrics.registry);
  return {
    url,
    ctx,
    notifier,
    reload: async (load) => {
      const result = await reloadConfig(ctx, load, opts.baseDir ?? process.cwd());
      if (result.ok) await notifier.reload();
      return result;
    },
    close: async () => {
      clearInterval(timer);
      stopping = true;
      const senders = notifier.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      await ticking;
      await senders;
      await db.close();
      if (db.kind === 'sqlite') releaseDatabase(database);
    },
  };
}
