import { homedir, hostname } from 'node:os';
import path from 'node:path';
import { parseDuration } from '@opsdesk/runtime';

/** The tools the server knows (the policy's `tool`); anything else is reported as `other`. */
export const TOOLS = ['restic', 'borg', 'pgbackrest', 'dump', 'other'] as const;
export type Tool = (typeof TOOLS)[number];

/** Where and how reports are sent: the same for every command. */
export interface Connection {
  serverUrl: string | undefined;
  /** the token itself (from OPSDESK_BACKUP_TOKEN) or undefined when it comes from a file */
  token: string | undefined;
  tokenFile: string | undefined;
  spoolDir: string;
  timeoutMs: number;
  host: string;
}

/** How the command's exit code maps to a result, beyond the tool's own rules. */
export interface ExitCodes {
  success: number[];
  partial: number[];
}

export type Invocation =
  | { command: 'help'; text: string }
  | { command: 'version' }
  | {
      command: 'run';
      connection: Connection;
      policy: string;
      tool: Tool;
      exitCodes: ExitCodes;
      argv: string[];
    }
  | {
      command: 'restore-test';
      connection: Connection;
      policy: string;
      tool: Tool;
      snapshotId: string | undefined;
      target: string | undefined;
      verify: string[] | undefined;
      argv: string[];
    }
  | { command: 'flush'; connection: Connection; includeRejected: boolean };

/** A mistake on the command line: the message names the word and the fix; exit 64 (EX_USAGE). */
export class UsageError extends Error {}

export const USAGE = `Usage:
  opsdesk-backup [OPTIONS] run --policy NAME [--tool TOOL] [--partial-exit-codes N,…] [--success-exit-codes N,…] -- COMMAND [ARG…]
  opsdesk-backup [OPTIONS] restore-test --policy NAME [--tool TOOL] [--snapshot ID] [--target DIR] [--verify VERIFY-COMMAND [ARG…]] -- RESTORE-COMMAND [ARG…]
  opsdesk-backup [OPTIONS] flush [--include-rejected]

Options (before the --; also OPSDESK_* environment variables):
  --server URL         the OpsDesk server (OPSDESK_SERVER_URL)
  --token-file FILE    file holding a token with scope backups:ingest (OPSDESK_BACKUP_TOKEN_FILE, or the token in OPSDESK_BACKUP_TOKEN)
  --spool DIR          where undelivered reports wait (OPSDESK_BACKUP_SPOOL; default /var/spool/opsdesk-backup as root, else $XDG_STATE_HOME/opsdesk-backup/spool)
  --timeout DURATION   per request to the server (default 10s)
  --host NAME          the host reported (default: this host's name)

Everything after the first -- is the command, run as it is (no shell). --verify takes every word up to that --,
so it comes last among the options; a verify command that needs a -- of its own goes in sh -c '…'.
TOOL is restic, borg, pgbackrest, dump or other (default: from the command's program name).`;

const GLOBAL_VALUE_OPTIONS = ['server', 'token-file', 'spool', 'timeout', 'host'] as const;
const COMMAND_VALUE_OPTIONS: Record<string, readonly string[]> = {
  run: ['policy', 'tool', 'partial-exit-codes', 'success-exit-codes'],
  'restore-test': ['policy', 'tool', 'snapshot', 'target'],
  flush: [],
};
const COMMAND_FLAGS: Record<string, readonly string[]> = {
  run: [],
  'restore-test': [],
  flush: ['include-rejected'],
};

/**
 * Parses the command line. The grammar keeps the command's own words away from ours: options are
 * read up to the first `--`, and everything after it is the command, verbatim (so
 * `restic restore --verify` or a `--` inside the backup command is never taken for ours).
 */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Invocation {
  const separator = argv.indexOf('--');
  const ours = separator === -1 ? [...argv] : argv.slice(0, separator);
  const theirs = separator === -1 ? [] : argv.slice(separator + 1);

  const values = new Map<string, string>();
  const flags = new Set<string>();
  let command: string | undefined;
  let verify: string[] | undefined;

  for (let i = 0; i < ours.length; i++) {
    const word = ours[i] as string;
    if (word === '--help' || word === '-h' || word === 'help') return { command: 'help', text: USAGE };
    if (word === '--version' || word === 'version') return { command: 'version' };
    if (!word.startsWith('--')) {
      if (command === undefined && word in COMMAND_VALUE_OPTIONS) {
        command = word;
        continue;
      }
      throw new UsageError(
        command === undefined
          ? `unknown command "${word}": use run, restore-test or flush (opsdesk-backup --help)`
          : `unexpected "${word}" before the --: the ${command} command goes after a -- (opsdesk-backup ${command} --policy NAME -- COMMAND…)`,
      );
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    if (name === 'verify') {
      if (command !== 'restore-test') throw new UsageError('--verify belongs to restore-test');
      if (eq !== -1) throw new UsageError('--verify takes the words after it up to the --, not --verify=…');
      verify = ours.slice(i + 1);
      if (verify.length === 0) {
        throw new UsageError('--verify needs a command: --verify sha256sum -c SUMS -- RESTORE-COMMAND…');
      }
      if (separator === -1) {
        throw new UsageError('--verify runs up to the --: put -- RESTORE-COMMAND… after the verify command');
      }
      break;
    }
    const isGlobal = (GLOBAL_VALUE_OPTIONS as readonly string[]).includes(name);
    const forCommand = command !== undefined && COMMAND_VALUE_OPTIONS[command]?.includes(name);
    if (command !== undefined && COMMAND_FLAGS[command]?.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!isGlobal && !forCommand) {
      const known = Object.entries(COMMAND_VALUE_OPTIONS).find(([, opts]) => opts.includes(name));
      throw new UsageError(
        known
          ? `--${name} belongs to the ${known[0]} command: put it after "${known[0]}"`
          : `unknown option --${name} (opsdesk-backup --help)`,
      );
    }
    let value: string | undefined;
    if (eq !== -1) value = word.slice(eq + 1);
    else {
      value = ours[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    values.set(name, value);
  }

  if (command === undefined) throw new UsageError(`no command: use run, restore-test or flush\n\n${USAGE}`);
  const connection = connectionOf(values, env);

  if (command === 'flush') {
    if (separator !== -1) throw new UsageError('flush takes no command after --');
    return { command, connection, includeRejected: flags.has('include-rejected') };
  }

  const policy = values.get('policy');
  if (!policy)
    throw new UsageError(`${command} needs --policy NAME (a policy of the server's backups config)`);
  if (theirs.length === 0 || theirs[0] === '') {
    throw new UsageError(
      command === 'run'
        ? 'run needs the backup command after --: opsdesk-backup run --policy NAME -- restic backup --json /srv'
        : 'restore-test needs the restore command after --: opsdesk-backup restore-test --policy NAME -- restic restore latest --target /tmp/x',
    );
  }
  const tool = toolOf(values.get('tool'), theirs);
  if (command === 'run') {
    return {
      command,
      connection,
      policy,
      tool,
      exitCodes: {
        success: exitCodeList(values, 'success-exit-codes'),
        partial: exitCodeList(values, 'partial-exit-codes'),
      },
      argv: theirs,
    };
  }
  return {
    command: 'restore-test',
    connection,
    policy,
    tool,
    snapshotId: values.get('snapshot'),
    target: values.get('target'),
    verify,
    argv: theirs,
  };
}

function connectionOf(values: Map<string, string>, env: NodeJS.ProcessEnv): Connection {
  const timeoutText = values.get('timeout') ?? env.OPSDESK_BACKUP_TIMEOUT ?? '10s';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined || timeoutMs <= 0) {
    throw new UsageError(`--timeout "${timeoutText}" is not a duration: write it like 10s or 1m`);
  }
  const serverUrl = values.get('server') ?? (env.OPSDESK_SERVER_URL || undefined);
  if (serverUrl !== undefined && !/^https?:\/\/[^/]/.test(serverUrl)) {
    throw new UsageError(`--server "${serverUrl}" is not an http(s) URL: write it like http://opsdesk:9744`);
  }
  const tokenFile = values.get('token-file') ?? (env.OPSDESK_BACKUP_TOKEN_FILE || undefined);
  return {
    serverUrl: serverUrl?.replace(/\/+$/, ''),
    tokenFile,
    token: tokenFile ? undefined : env.OPSDESK_BACKUP_TOKEN || undefined,
    spoolDir: values.get('spool') ?? (env.OPSDESK_BACKUP_SPOOL || defaultSpoolDir(env)),
    timeoutMs,
    host: values.get('host') ?? hostname(),
  };
}

/** root's reports wait in /var/spool like mail does; a user's in their XDG state directory. */
export function defaultSpoolDir(env: NodeJS.ProcessEnv, uid = process.getuid?.() ?? 0): string {
  if (uid === 0) return '/var/spool/opsdesk-backup';
  const state = env.XDG_STATE_HOME || path.join(env.HOME || homedir(), '.local', 'state');
  return path.join(state, 'opsdesk-backup', 'spool');
}

function exitCodeList(values: Map<string, string>, name: string): number[] {
  const text = values.get(name);
  if (text === undefined) return [];
  return text.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 0 || n > 255) {
      throw new UsageError(
        `--${name} "${text}": "${part}" is not an exit code (0-255); write a list like 1,24`,
      );
    }
    return n;
  });
}

/** --tool when given, else the program's name: a wrapper (sudo, nice, setpriv) hides it, so say --tool then. */
export function toolOf(flag: string | undefined, argv: readonly string[]): Tool {
  if (flag !== undefined) {
    if (!(TOOLS as readonly string[]).includes(flag)) {
      throw new UsageError(`--tool "${flag}": use one of ${TOOLS.join(', ')}`);
    }
    return flag as Tool;
  }
  const program = path.basename(argv[0] ?? '');
  if (program === 'restic') return 'restic';
  if (/^borg[0-9.]*$/.test(program)) return 'borg';
  if (program === 'pgbackrest') return 'pgbackrest';
  if (/^(pg_dump|pg_dumpall|pg_basebackup|mysqldump|mariadb-dump|mongodump)$/.test(program)) return 'dump';
  return 'other';
}
