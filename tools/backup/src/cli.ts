import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, UsageError, type Connection, type Invocation } from './args';
import { ConfigError, readToken, serverUrlOf } from './client';
import { flushSpool, type FlushOutcome } from './deliver';
import { execute, processIo, type Io } from './execute';
import { restoreTestReport, runReport } from './report';
import { Spool, type ReportKind } from './spool';
import { readerOf } from './tools';

/** Exit codes of our own (sysexits.h), apart from the backup command's, which we pass on. */
export const EXIT = {
  usage: 64,
  /** the spool directory cannot be made or written */
  cantCreate: 73,
  /** reports are still waiting in the spool (server unreachable) — flush only */
  tempFail: 75,
  /** a report was refused (4xx) or the server/token is not configured: a person must fix it */
  config: 78,
} as const;

/** The opsdesk-backup command line; resolves with the exit code. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = processIo,
): Promise<number> {
  const say = (line: string) => io.stderr.write(`opsdesk-backup: ${line}\n`);
  let inv: Invocation;
  try {
    inv = parseArgs(argv, env);
  } catch (err) {
    if (err instanceof UsageError) {
      say(err.message);
      return EXIT.usage;
    }
    throw err;
  }
  if (inv.command === 'help') {
    io.stdout.write(`${inv.text}\n`);
    return 0;
  }
  if (inv.command === 'version') {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    io.stdout.write(`opsdesk-backup ${pkg.version}\n`);
    return 0;
  }
  // the settings are checked before the backup runs: a cron job that cannot report should say so
  // at once, not after hours of backup
  const spool = new Spool(inv.connection.spoolDir);
  try {
    serverUrlOf(inv.connection);
    readToken(inv.connection);
  } catch (err) {
    if (err instanceof ConfigError) {
      say(err.message);
      return EXIT.config;
    }
    throw err;
  }
  try {
    spool.ensure();
  } catch (err) {
    say((err as Error).message);
    return EXIT.cantCreate;
  }

  if (inv.command === 'flush') {
    if (inv.includeRejected) {
      const n = spool.requeueRejected();
      if (n) say(`${n} rejected report(s) put back in the queue`);
    }
    const outcome = await flushSpool(spool, inv.connection);
    tellFlush(say, outcome, undefined, inv.connection);
    if (outcome.rejected.length) return EXIT.config;
    if (outcome.waiting.length) return EXIT.tempFail;
    return 0;
  }

  if (inv.command === 'run') {
    const run = await execute(inv.argv, { env, io });
    const reading = readerOf(inv.tool, inv.exitCodes).readBackup(run);
    const body = runReport(inv.policy, inv.connection.host, inv.tool, run, reading);
    const facts = [
      reading.result,
      body.snapshotId && `snapshot ${body.snapshotId}`,
      body.bytesAdded !== undefined && `${body.bytesAdded} bytes added`,
      `${body.durationSeconds} s`,
    ].filter(Boolean);
    say(
      `policy ${inv.policy}: ${facts.join(', ')}${reading.message ? `\n  ${reading.message.replaceAll('\n', '\n  ')}` : ''}`,
    );
    const delivered = await report(say, spool, inv.connection, 'run', body);
    return exitCode(run.exitCode, delivered);
  }

  const restore = await execute(inv.argv, { env, io });
  const reading = readerOf(inv.tool).readRestore(restore);
  const verify = inv.verify && restore.exitCode === 0 ? await execute(inv.verify, { env, io }) : undefined;
  const body = restoreTestReport({
    policy: inv.policy,
    host: inv.connection.host,
    snapshotId: inv.snapshotId,
    target: inv.target,
    restore,
    reading,
    verify,
    verifyArgv: inv.verify,
  });
  say(
    `policy ${inv.policy}: restore test ${body.result}: restore ${restore.exitCode === 0 ? 'ok' : `exit ${restore.exitCode}`} in ${body.durationSeconds} s` +
      `${body.bytesRestored !== undefined ? `, ${body.bytesRestored} bytes in ${body.filesRestored} files` : ''}, verification ${body.verification.result}`,
  );
  const delivered = await report(say, spool, inv.connection, 'restore-test', body);
  const own =
    restore.exitCode !== 0 ? restore.exitCode : verify && verify.exitCode !== 0 ? verify.exitCode : 0;
  return exitCode(own, delivered);
}

type Fate = 'delivered' | 'waiting' | 'rejected';

/**
 * Puts the new report in the spool first and then sends the whole spool oldest first, so the new
 * report is on disk before any network call (a crash, a kill or a hung server cannot lose it) and
 * never overtakes an older one.
 */
async function report(
  say: (line: string) => void,
  spool: Spool,
  conn: Connection,
  kind: ReportKind,
  body: { id: string; policy: string },
): Promise<Fate> {
  try {
    spool.put(kind, body);
  } catch (err) {
    say(`cannot write the report to the spool ${spool.dir}: ${(err as Error).message}`);
    return 'rejected';
  }
  let outcome: FlushOutcome;
  try {
    outcome = await flushSpool(spool, conn);
  } catch (err) {
    if (err instanceof ConfigError) {
      say(err.message);
      return 'rejected';
    }
    throw err;
  }
  tellFlush(say, outcome, body.id, conn);
  if (outcome.delivered.includes(body.id)) return 'delivered';
  if (outcome.rejected.some((r) => r.id === body.id)) return 'rejected';
  return 'waiting';
}

function tellFlush(
  say: (line: string) => void,
  outcome: FlushOutcome,
  current: string | undefined,
  conn: Connection,
): void {
  const older = outcome.delivered.filter((id) => id !== current);
  if (current && outcome.delivered.includes(current)) say(`reported to ${conn.serverUrl} (id ${current})`);
  if (older.length) say(`sent ${older.length} report(s) kept from earlier runs`);
  if (outcome.waiting.length) {
    say(
      `${outcome.waiting.length} report(s) kept in ${conn.spoolDir} (${outcome.retryReason}); ` +
        'the next opsdesk-backup run or `opsdesk-backup flush` sends them',
    );
  }
  for (const r of outcome.rejected) say(`report ${r.id} refused, moved to ${r.file}: ${r.reason}`);
}

/** The command's own exit code; a success whose report was refused exits 78, so cron mails someone. */
function exitCode(own: number, fate: Fate): number {
  if (own !== 0) return own;
  return fate === 'rejected' ? EXIT.config : 0;
}
