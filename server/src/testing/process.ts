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
