import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './net';
import { startService } from './process';
import { program } from './programs';

export interface RunningPrometheus {
  url: string;
  /** instant query; returns the result vector */
  query(expr: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop(): Promise<void>;
  logs(): string;
}

/**
 * Starts the real Prometheus (the current release that scripts/go-tools.sh builds, else the one on
 * PATH) on a free loopback port with the given prometheus.yml text and a throwaway TSDB, and waits
 * until it is ready.
 */
export async function startPrometheus(
  configYaml: string,
  binary = program('prometheus'),
): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-prom-'));
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, configYaml);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let service;
  try {
    service = await startService({
      command: binary,
      args: [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      readyUrl: `${url}/-/ready`,
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const svc = service;
  return {
    url,
    logs: () => svc.output(),
    async stop() {
      await svc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    async query(expr) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await res.json()) as { status: string; error?: string; data?: { result: [] } };
      if (body.status !== 'success') throw new Error(`query ${expr} failed: ${body.error}`);
      return body.data?.result ?? [];
    },
  };
}
