import net from 'node:net';
import { createLogger } from '@opsdesk/runtime';
import { freePort } from '@opsdesk/testing';
import { serverConfigSchema } from '../config';
import { startServer, type RunningServer } from '../server';
import { freshDatabase, POSTGRES_URL, type TestDatabase } from '../testing/databases';
import { webhookPayload } from '../testing/alerts';
import { ADMIN_TOKEN } from '../testing/server';

/**
 * A TCP relay in front of the local PostgreSQL: closing it is a database outage as the server sees
 * one (connections reset, then the port refuses), opening it again on the same port ends it.
 */
class Relay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  /** 0 until the first open, which lets the system choose a free port; later opens reuse it */
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    const server = this.server;
    for (let attempt = 0; ; attempt++) {
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(this.port, '127.0.0.1', () => resolve());
        });
        break;
      } catch (err) {
        // the port reused on reopening may be held a moment by a closing socket
        if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    this.port = (server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('a PostgreSQL outage', () => {
  let db: TestDatabase;
  let relay: Relay;
  let server: RunningServer;
  const lines: Array<{ level: string; msg: string; err?: string }> = [];

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    const target = new URL(POSTGRES_URL);
    relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    await relay.open();
    const url = new URL(db.url);
    url.port = String(relay.port);
    server = await startServer(serverConfigSchema.parse({}), {
      listen: `127.0.0.1:${await freePort()}`,
      database: url.toString(),
      log: createLogger('test', 'warn', {
        write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]),
      } as never),
      bootstrapToken: ADMIN_TOKEN,
    });
  });
  afterAll(async () => {
    await relay?.open().catch(() => undefined);
    await server?.close();
    await relay?.close();
    await db?.drop();
  });

  const send = (n: number) =>
    fetch(`${server.url}/api/v1/alertmanager/webhook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        webhookPayload({ alertname: 'GatewayDown' }, [
          { labels: { alertname: 'GatewayDown', instance: `gw-${n}` }, startsAt: '2026-11-30T08:00:00Z' },
        ]),
      ),
    });

  test('webhooks get 503 with Retry-After, logged once, not a stack trace per request; the retry after it lands', async () => {
    expect((await send(0)).status).toBe(200);
    await relay.close();
    lines.length = 0;
    const during = [];
    for (let i = 1; i <= 20; i++) {
      const res = await send(i);
      during.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() });
    }
    expect(new Set(during.map((d) => d.status))).toEqual(new Set([503]));
    expect(during.every((d) => Number(d.retryAfter) > 0)).toBe(true);
    expect((during[0]?.body as { error: { code: string } }).error.code).toBe('database_unavailable');
    const about = lines.filter((l) => /database does not answer/.test(l.msg));
    expect(about).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]); // no 'request failed' stack traces
    expect((await fetch(`${server.url}/-/ready`)).status).toBe(503);
    expect((await fetch(`${server.url}/-/healthy`)).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(
      'opsdesk_alertmanager_notifications_refused_total{reason="database_unavailable"} 20',
    );

    await relay.open();
    // Alertmanager retries the 503s: each lands once the database is back
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await send(1)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    const list = await fetch(`${server.url}/api/v1/incidents/${'INC-2026-0001'}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(((await list.json()) as { alerts: unknown[] }).alerts).toHaveLength(2);
  });

  test('a dropped schema is an outage too: 503, not 500', async () => {
    const c = new (await import('pg')).default.Client({ connectionString: POSTGRES_URL });
    await c.connect();
    const schema = /search_path%3D(\w+)/.exec(db.url)?.[1] as string;
    await c.query(`ALTER SCHEMA ${schema} RENAME TO ${schema}_away`);
    try {
      const res = await send(30);
      expect([res.status, Number(res.headers.get('retry-after')) > 0]).toEqual([503, true]);
      const list = await fetch(`${server.url}/api/v1/incidents`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      // the token itself cannot be read: still 503, never 401 or 500
      expect(list.status).toBe(503);
    } finally {
      await c.query(`ALTER SCHEMA ${schema}_away RENAME TO ${schema}`);
      await c.end();
    }
    expect((await send(31)).status).toBe(200);
  });
});
