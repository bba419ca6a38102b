import { execFile } from 'node:child_process';
import path from 'node:path';
import { freePort, startService, type RunningService } from '@opsdesk/testing';

export const SERVER_BIN = path.join(__dirname, '..', '..', 'bin', 'opsdesk-server.js');

/** The built opsdesk-server binary on a free loopback port (`npm test` builds first). */
export async function spawnServer(
  database: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<RunningService & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const svc = await startService({
    command: process.execPath,
    args: [SERVER_BIN, '--database', database, '--listen', `127.0.0.1:${port}`, ...args],
    env: { OPSDESK_BOOTSTRAP_TOKEN: 'odk_test-admin-token-0123456789', ...env },
    readyUrl: `${url}/-/ready`,
  });
  return { ...svc, url };
}

/**
 * Runs the built binary without blocking this process: while a command runs, the servers these
 * tests talk to keep their keep-alive sockets, and a socket a server closes meanwhile is seen as
 * closed before the next request (a blocking spawnSync longer than the server's keep-alive let
 * fetch reuse a dead socket: "other side closed").
 */
export const runServerCommand = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [SERVER_BIN, ...args],
      { encoding: 'utf8', env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') reject(err);
        else resolve({ status: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
