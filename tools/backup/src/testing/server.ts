import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startService, type RunningService } from '@opsdesk/testing';

/**
 * The real opsdesk-server (its built bin: tools/ reach the server only over HTTP, as on a backup
 * host), on a port the caller chose so it can be stopped and started again at the same address.
 */
const SERVER_BIN = path.join(__dirname, '..', '..', '..', '..', 'server', 'bin', 'opsdesk-server.js');
export const ADMIN = 'odk_backup-e2e-admin-0123456789abcdef';

export interface OpsdeskServer extends RunningService {
  url: string;
  /** GET with the admin token; the JSON body */
  get<T>(p: string): Promise<T>;
  /** a new token of scope backups:ingest, as a backup host holds it */
  ingestToken(name?: string): Promise<string>;
}

export function serverConfig(opts: { rpo?: string; extra?: string } = {}): string {
  return [
    'people:',
    '  - { id: ops.lead, name: Ops Lead, email: ops.lead@example.com }',
    'backups:',
    '  policies:',
    `    - { name: files, target: "settlement files on app-1", tool: restic, schedule: "hourly", retention: "24 hourly", rpo: ${opts.rpo ?? '1d'}, rto: 10m, restore_test_interval: 7d, owner: ops.lead }`,
    '    - { name: archive, target: "reports archive", tool: borg, schedule: "daily 02:00", retention: "7 daily", rpo: 1d, rto: 1h, owner: ops.lead }',
    opts.extra ?? '',
    '',
  ].join('\n');
}

export async function startOpsdesk(
  dir: string,
  port: number,
  configYaml = serverConfig(),
): Promise<OpsdeskServer> {
  const config = path.join(dir, 'server.yml');
  writeFileSync(config, configYaml);
  const url = `http://127.0.0.1:${port}`;
  const service = await startService({
    command: process.execPath,
    args: [
      SERVER_BIN,
      '--config',
      config,
      '--database',
      path.join(dir, 'opsdesk.db'),
      '--listen',
      `127.0.0.1:${port}`,
    ],
    env: { OPSDESK_BOOTSTRAP_TOKEN: ADMIN },
    readyUrl: `${url}/-/ready`,
  });
  const get = async <T>(p: string): Promise<T> => {
    const once = () => fetch(`${url}${p}`, { headers: { authorization: `Bearer ${ADMIN}` } });
    // the server may close a kept-alive connection just as it is reused: once more on a fresh one
    const res = await once().catch(once);
    if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    ...service,
    url,
    get,
    async ingestToken(name = 'backup-host') {
      const res = await fetch(`${url}/api/v1/tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, role: 'editor', scope: 'backups:ingest' }),
      });
      if (res.status !== 201) throw new Error(`POST /api/v1/tokens: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
  };
}
