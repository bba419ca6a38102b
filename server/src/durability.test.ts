import { DATABASE_KINDS, freshDatabase } from './testing/databases';
import { spawnServer } from './testing/process';
import { webhookPayload } from './testing/alerts';
import { openDb } from './db';

const AUTH = { authorization: 'Bearer odk_test-admin-token-0123456789', 'content-type': 'application/json' };

describe.each(DATABASE_KINDS)('SIGKILL while webhooks arrive (%s)', (kind) => {
  test('every webhook that got a 200 is stored exactly once after a restart', async () => {
    const database = await freshDatabase(kind);
    let server = await spawnServer(database.url);
    const acknowledged: string[] = [];
    let stop = false;
    let sent = 0;
    // four concurrent senders, each posting a new group per request, until the kill
    const sender = async (n: number) => {
      for (let i = 0; !stop && i < 5000; i++) {
        const name = `Kill${n}x${i}`;
        const body = JSON.stringify(
          webhookPayload({ alertname: name }, [
            { labels: { alertname: name, severity: 'warning' }, startsAt: '2026-11-26T04:00:00Z' },
          ]),
        );
        sent++;
        try {
          const res = await fetch(`${server.url}/api/v1/alertmanager/webhook`, {
            method: 'POST',
            headers: AUTH,
            body,
          });
          if (res.status === 200) acknowledged.push(name);
          await res.arrayBuffer();
        } catch {
          return; // connection cut by the kill
        }
      }
    };
    const senders = [0, 1, 2, 3].map(sender);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(senders);
    expect(sent).toBeGreaterThan(acknowledged.length); // some were in flight when it died

    // a restart recovers the database (WAL / PostgreSQL), and a retry of an acknowledged one is a no-op
    server = await spawnServer(database.url);
    const retry = acknowledged[0] as string;
    const again = await fetch(`${server.url}/api/v1/alertmanager/webhook`, {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify(
        webhookPayload({ alertname: retry }, [
          { labels: { alertname: retry, severity: 'warning' }, startsAt: '2026-11-26T04:00:00Z' },
        ]),
      ),
    });
    expect(((await again.json()) as { outcome: string }).outcome).toBe('unchanged');
    await server.stop();

    const db = openDb(database.url);
    const rows = await db.kysely
      .selectFrom('incidents as i')
      .innerJoin('incident_alerts as a', 'a.incident_id', 'i.id')
      .select((eb) => [
        'i.alertname',
        eb.fn.count<number>('i.id').distinct().as('incidents'),
        eb.fn.count<number>('a.fingerprint').as('alerts'),
      ])
      .groupBy('i.alertname')
      .execute();
    await db.close();
    const stored = new Map(rows.map((r) => [r.alertname, r]));
    for (const name of acknowledged) {
      expect([name, Number(stored.get(name)?.incidents), Number(stored.get(name)?.alerts)]).toEqual([
        name,
        1,
        1,
      ]);
    }
    // nothing is stored twice, acknowledged or not
    expect(rows.every((r) => Number(r.incidents) === 1 && Number(r.alerts) === 1)).toBe(true);
    await database.drop();
  });
});
