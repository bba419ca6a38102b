import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { alertStorm, MAX_STORM_GROUPS } from './alerts';
import { PARTICIPANTS, startTransferSim, type TransferFaults } from './transfer';

export { demoServerConfig, DEMO_ROBOT_ENV, DEMO_SERVER_FRAGMENT } from './server-config';

/** Faults that can be switched on while the demo runs (PUT /faults). */
export interface Faults extends TransferFaults {
  /** orders that reach this step never leave it */
  stuck_step: string | null;
  /** 40 % of orders are rejected at the risk check instead of 2 % */
  failure_burst: boolean;
  /** the journey target answers 503 */
  journey_down: boolean;
  /** this many alert groups firing at the OpsDesk server (each an incident); 0: none, the rest resolved */
  alert_storm: number;
}

export interface DemoOptions {
  /** where the flow exporter takes events, e.g. http://localhost:9743 */
  flowExporterUrl: string;
  token: string;
  /** new orders per second */
  rate: number;
  /** HTTP port of the control API and the journey target (0: any free one) */
  port: number;
  host?: string;
  /** a SQLite file the demo keeps its orders in, for the flow exporter's SQL check */
  ordersDb?: string;
  /** the transfer exporter, its token and the folder participants drop files in; without them no transfer traffic */
  transfer?: { exporterUrl: string; token: string; dropDir: string };
  /** the OpsDesk server and an editor token, for the alert_storm fault; without them that fault is refused */
  server?: { url: string; token: string; repeatMs?: number };
}

const STEPS = ['received', 'risk_check', 'matched', 'cleared', 'settled'] as const;
/** typical time from one step to the next, ms */
const DELAY: Record<string, number> = { received: 150, risk_check: 200, matched: 800, cleared: 1200 };

/**
 * A simulated trading day: orders go received → risk_check → matched (or rejected) → cleared →
 * settled, reported to the flow exporter as NDJSON every 250 ms, with faults to switch on.
 */
export async function startDemo(opts: DemoOptions) {
  const faults: Faults = {
    stuck_step: null,
    failure_burst: false,
    journey_down: false,
    transfer_outage: null,
    transfer_latency: false,
    late_file: false,
    transfer_loss: 0,
    alert_storm: 0,
  };
  const storm = opts.server
    ? alertStorm({ serverUrl: opts.server.url, token: opts.server.token, repeatMs: opts.server.repeatMs })
    : undefined;
  const transfer = opts.transfer ? startTransferSim({ ...opts.transfer, faults }) : undefined;
  const pending: string[] = [];
  let seq = 0;
  let sent = 0;
  let sendErrors = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  let db: Database.Database | undefined;
  let upsert: Database.Statement | undefined;
  if (opts.ordersDb) {
    mkdirSync(path.dirname(path.resolve(opts.ordersDb)), { recursive: true });
    db = new Database(opts.ordersDb);
    db.pragma('journal_mode = WAL');
    db.exec(
      'CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, status TEXT NOT NULL, updated_at INTEGER NOT NULL)',
    );
    db.exec('DELETE FROM orders');
    upsert = db.prepare(
      'INSERT INTO orders (id, status, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at',
    );
  }
  const emit = (instance: string, step: string, extra: Record<string, unknown> = {}) => {
    const time = Date.now();
    pending.push(JSON.stringify({ instance, flow: 'order', step, time, ...extra }));
    upsert?.run(instance, step, Math.floor(time / 1000));
  };
  const prune = setInterval(
    () =>
      db
        ?.prepare("DELETE FROM orders WHERE status IN ('settled', 'rejected') AND updated_at < ?")
        .run(Math.floor(Date.now() / 1000) - 60),
    10_000,
  );

  const advance = (id: string, i: number) => {
    const step = STEPS[i]!;
    emit(id, step);
    if (step === 'settled' || step === faults.stuck_step) return;
    if (step === 'risk_check' && Math.random() < (faults.failure_burst ? 0.4 : 0.02)) {
      later(DELAY.risk_check!, () => emit(id, 'rejected'));
      return;
    }
    later(DELAY[step]! * (0.5 + Math.random()), () => advance(id, i + 1));
  };

  const newOrders = setInterval(() => {
    const n = Math.max(1, Math.round(opts.rate / 10));
    for (let k = 0; k < n; k++) advance(`ORD-${Date.now().toString(36)}-${++seq}`, 0);
  }, 100);
  const flush = setInterval(async () => {
    if (pending.length === 0) return;
    const body = pending.splice(0, pending.length).join('\n') + '\n';
    try {
      const res = await fetch(`${opts.flowExporterUrl}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      await res.arrayBuffer();
      if (res.ok) sent += body.split('\n').length - 1;
      else sendErrors++;
    } catch {
      sendErrors++; // the exporter is not up yet; those events are lost, as they would be
    }
  }, 250);

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const send = (status: number, data: unknown) => {
        res.statusCode = status;
        res.end(JSON.stringify(data));
      };
      if (req.url === '/faults' && req.method === 'GET')
        return send(200, {
          ...faults,
          sent,
          sendErrors,
          transfer: transfer?.stats ?? null,
          alertStorm: storm?.stats ?? null,
        });
      if (req.url === '/faults' && req.method === 'PUT') {
        try {
          const patch = JSON.parse(body || '{}') as Partial<Faults>;
          if (
            patch.stuck_step !== undefined &&
            patch.stuck_step !== null &&
            !STEPS.includes(patch.stuck_step as never)
          ) {
            return send(400, { error: `stuck_step must be one of ${STEPS.join(', ')} or null` });
          }
          if (
            patch.transfer_outage !== undefined &&
            patch.transfer_outage !== null &&
            !PARTICIPANTS.includes(patch.transfer_outage as never)
          ) {
            return send(400, { error: `transfer_outage must be one of ${PARTICIPANTS.join(', ')} or null` });
          }
          if (
            patch.transfer_loss !== undefined &&
            !(typeof patch.transfer_loss === 'number' && patch.transfer_loss >= 0 && patch.transfer_loss <= 1)
          ) {
            return send(400, { error: 'transfer_loss must be a share between 0 and 1, e.g. 0.1' });
          }
          if (patch.alert_storm !== undefined) {
            if (!(
              Number.isInteger(patch.alert_storm) &&
              patch.alert_storm >= 0 &&
              patch.alert_storm <= MAX_STORM_GROUPS
            ))
              return send(400, {
                error: `alert_storm must be a number of alert groups from 0 to ${MAX_STORM_GROUPS}, e.g. 30`,
              });
            if (!storm)
              return send(400, {
                error:
                  'alert_storm needs the OpsDesk server: start the demo with --server URL and OPSDESK_DEMO_SERVER_TOKEN (an editor token); npm start does',
              });
          }
          Object.assign(faults, patch);
          if (patch.alert_storm !== undefined)
            return void storm!.set(patch.alert_storm).then(() => send(200, faults));
          return send(200, faults);
        } catch {
          return send(400, { error: 'body must be JSON, e.g. {"stuck_step":"cleared"}' });
        }
      }
      // the journey target: log in, then place an order
      if (faults.journey_down && req.url?.startsWith('/api/'))
        return send(503, { error: 'service unavailable (demo fault)' });
      if (req.url === '/api/health') return send(200, { status: 'UP' });
      if (req.url === '/api/login' && req.method === 'POST') return send(200, { token: 'demo-session' });
      if (req.url === '/api/orders' && req.method === 'POST') {
        if (req.headers.authorization !== 'Bearer demo-session') return send(401, { error: 'log in first' });
        return send(201, { order: { id: `J-${++seq}`, status: 'accepted' } });
      }
      send(404, {
        error: 'try GET /faults, PUT /faults, GET /api/health, POST /api/login, POST /api/orders',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? '0.0.0.0', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    faults,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(newOrders);
        clearInterval(flush);
        clearInterval(prune);
        transfer?.stop();
        storm?.stop();
        db?.close();
        for (const t of timers) clearTimeout(t);
        server.close(() => resolve());
      }),
  };
}
