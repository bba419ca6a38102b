import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  createLogger,
  loadConfigFile,
  parseConfigText,
  parseListenAddress,
  stopOnSignals,
} from '@opsdesk/runtime';
import { tokenStore, toTokenInfo } from './auth/store';
import { createToken, revokeToken } from './auth/service';
import { serverConfigSchema, type ServerConfig } from './config';
import { isPostgresUrl, migrate, openDb, pendingMigrations, SqliteDb } from './db';
import { copySqliteFile, sqliteTables } from './db/sqlite';
import { ApiError } from './http/errors';
import { buildOpenApi } from './http/openapi';
import { ROLES, SCOPES, type Role, type Scope } from './auth/roles';
import { allRoutes, buildContext, databaseOwner, startServer, VERSION } from './server';

const USAGE = `Usage: opsdesk-server [command] [flags]

Commands:
  serve (default)                          run the server
  migrate                                  apply pending database migrations and exit
  token create --name NAME --role ROLE     create an API token (viewer, editor, admin); prints the secret once
    [--grafana-plugin]                     the token of the Grafana app plugin: it may name the Grafana user
    [--scope backups:ingest]               limit it to those routes (a backup host's token; role editor)
  token list                               list tokens (never their secrets)
  token revoke NAME                        revoke a token
  backup --to FILE                         online backup of the SQLite database
  restore --from FILE                      replace the SQLite database with a backup (server stopped);
                                           the replaced database is kept whole (its WAL included) beside it
  openapi                                  print the OpenAPI document

Flags:
  --config FILE      YAML config (see server.example.yml); built-in defaults without it
  --database DB      SQLite file path or postgres:// URL (default ./data/opsdesk.db; env OPSDESK_DATABASE)
  --listen ADDR      HOST:PORT to serve on (default :9744; env OPSDESK_SERVER_LISTEN)

First start: with no admin token, OPSDESK_BOOTSTRAP_TOKEN (≥ 16 characters) becomes one.
SIGHUP reloads --config (a file that does not load is refused and the running one kept).
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`opsdesk-server: ${message}\n`);
  process.exit(code);
}

export async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        database: { type: 'string' },
        listen: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'grafana-plugin': { type: 'boolean' },
        scope: { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values: flags, positionals } = parsed;
  if (flags.help) return void process.stdout.write(USAGE);
  if (flags.version)
    return void process.stdout.write(`opsdesk-server ${VERSION} (node ${process.version})\n`);

  let config: ServerConfig;
  try {
    config = flags.config
      ? loadConfigFile(flags.config, serverConfigSchema)
      : parseConfigText('{}', '(built-in defaults)', serverConfigSchema);
    const listen = flags.listen ?? process.env.OPSDESK_SERVER_LISTEN;
    if (listen !== undefined) parseListenAddress(listen);
  } catch (err) {
    fail(`invalid configuration:\n${(err as Error).message}`);
  }
  const baseDir = flags.config ? path.dirname(path.resolve(flags.config)) : process.cwd();
  const database = flags.database ?? process.env.OPSDESK_DATABASE ?? config.database;
  const [command = 'serve', sub, arg] = positionals;

  try {
    switch (command) {
      case 'serve':
        return await serve(
          config,
          database,
          baseDir,
          flags.listen ?? process.env.OPSDESK_SERVER_LISTEN,
          flags.config,
        );
      case 'migrate': {
        const db = openDb(database);
        const applied = await migrate(db);
        process.stdout.write(
          applied.length ? `applied migrations ${applied.join(', ')}\n` : 'database is up to date\n',
        );
        return await db.close();
      }
      case 'token':
        return await tokenCommand(
          database,
          sub,
          arg,
          flags.name,
          flags.role,
          flags['grafana-plugin'],
          flags.scope,
        );
      case 'backup':
        return await backup(database, flags.to);
      case 'restore':
        return await restore(database, flags.from);
      case 'openapi': {
        const db = openDb(':memory:');
        const ctx = buildContext(config, db, createLogger('opsdesk-server', 'error'), baseDir);
        process.stdout.write(JSON.stringify(buildOpenApi(allRoutes(ctx), VERSION), null, 2) + '\n');
        return await db.close();
      }
      default:
        fail(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof ApiError) fail(err.message, 1);
    if (err instanceof ConfigError) fail(err.message, 2);
    fail((err as Error).message, 1);
  }
}

async function serve(
  config: ServerConfig,
  database: string,
  baseDir: string,
  listen: string | undefined,
  configFile: string | undefined,
): Promise<void> {
  const log = createLogger('opsdesk-server', config.log_level);
  let running;
  try {
    running = await startServer(config, {
      listen,
      database,
      log,
      baseDir,
      bootstrapToken: process.env.OPSDESK_BOOTSTRAP_TOKEN,
    });
  } catch (err) {
    log.error({ err: (err as Error).message }, 'cannot start');
    process.exit(1);
  }
  stopOnSignals(log, () => running.close());
  // SIGHUP reloads the configuration, as Prometheus and Alertmanager do (its default would end the process).
  let reloading = Promise.resolve();
  process.on('SIGHUP', () => {
    reloading = reloading.then(async () => {
      if (!configFile) {
        log.warn('SIGHUP: started without --config, so there is no file to reload; built-in defaults stay');
        return;
      }
      log.info({ file: configFile }, 'SIGHUP: reloading the configuration');
      await running.reload(() => loadConfigFile(configFile, serverConfigSchema));
    });
  });
}

async function tokenCommand(
  database: string,
  sub: string | undefined,
  arg: string | undefined,
  name?: string,
  role?: string,
  grafanaPlugin = false,
  scope?: string,
): Promise<void> {
  const db = openDb(database);
  try {
    await migrate(db);
    if (sub === 'create') {
      if (!name) fail('token create: --name is required, e.g. --name grafana');
      if (!role || !(ROLES as readonly string[]).includes(role))
        fail(`token create: --role must be one of ${ROLES.join(', ')}`);
      if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(name))
        fail('token create: --name: expected lowercase letters, digits, dots, dashes or underscores');
      if (scope !== undefined && !(SCOPES as readonly string[]).includes(scope))
        fail(`token create: --scope must be one of ${SCOPES.join(', ')}`);
      const t = await createToken(db, name, role as Role, 'cli', undefined, {
        grafanaPlugin,
        scope: scope as Scope | undefined,
      }).catch((err: Error) => fail(`token create: ${err.message}`));
      process.stdout.write(`${t.token}\n`);
      process.stderr.write(
        `created ${t.role} token ${t.name}${t.grafanaPlugin ? ' for the Grafana app plugin' : ''}${t.scope ? ` with scope ${t.scope}` : ''}; the secret above is shown only now\n`,
      );
    } else if (sub === 'list') {
      for (const t of (await tokenStore.list(db)).map(toTokenInfo)) {
        process.stdout.write(
          `${t.name}\t${t.role}${t.grafanaPlugin ? ' grafana-plugin' : ''}${t.scope ? ` scope ${t.scope}` : ''}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? 'never'}${t.revokedAt ? `\trevoked ${t.revokedAt}` : ''}\n`,
        );
      }
    } else if (sub === 'revoke') {
      if (!arg) fail('token revoke: name the token, e.g. token revoke grafana');
      await revokeToken(db, arg);
      process.stdout.write(`revoked ${arg}\n`);
    } else {
      fail('token: expected create, list or revoke');
    }
  } finally {
    await db.close();
  }
}

async function backup(database: string, to: string | undefined): Promise<void> {
  if (!to) fail('backup: --to FILE is required');
  if (isPostgresUrl(database)) {
    fail(
      'backup: the database is PostgreSQL; back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=opsdesk.dump "$DATABASE_URL"\nand restore with pg_restore --clean --dbname "$DATABASE_URL" opsdesk.dump',
      1,
    );
  }
  if (existsSync(to)) fail(`backup: ${to} exists; choose a new file`);
  const db = new SqliteDb(database);
  await db.backup(to);
  await db.close();
  process.stdout.write(`backed up ${database} to ${to}\n`);
}

/**
 * The database being replaced, whole: a server killed without a checkpoint leaves its latest
 * transactions in `<db>-wal` only, so the copy is made through SQLite (its backup API reads the WAL)
 * into one self-contained file. Should SQLite refuse the file, the three files are kept as they are.
 */
function keepSafetyCopy(database: string, keep: string): void {
  try {
    copySqliteFile(database, keep);
  } catch (err) {
    process.stderr.write(
      `restore: SQLite could not copy ${database} (${(err as Error).message}); keeping its files as they are\n`,
    );
    rmSync(keep, { force: true });
    copyFileSync(database, keep);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(`${database}${suffix}`)) copyFileSync(`${database}${suffix}`, `${keep}${suffix}`);
  }
}

async function restore(database: string, from: string | undefined): Promise<void> {
  if (!from) fail('restore: --from FILE is required');
  if (isPostgresUrl(database))
    fail('restore: the database is PostgreSQL; restore it with pg_restore (see backup)', 1);
  if (!existsSync(from)) fail(`restore: ${from} not found`);
  // Check the file is an OpsDesk database before touching the live one.
  try {
    if (!sqliteTables(from).includes('incidents'))
      fail(`restore: ${from} is not an OpsDesk database (no incidents table)`);
  } catch (err) {
    fail(`restore: ${from} is not a SQLite database: ${(err as Error).message}`);
  }
  const owner = databaseOwner(database);
  if (owner !== undefined)
    fail(`restore: the database is in use by opsdesk-server pid ${owner}; stop the server first`, 1);
  const keep = `${database}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(database)) keepSafetyCopy(database, keep);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
  copyFileSync(from, database);
  const db = openDb(database);
  const pending = await pendingMigrations(db);
  await migrate(db);
  await db.close();
  process.stdout.write(
    `restored ${database} from ${from}${pending.length ? ` (then applied migrations ${pending.join(', ')})` : ''}; the previous file is ${keep}\n`,
  );
}
