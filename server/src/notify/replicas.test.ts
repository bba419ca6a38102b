import { waitFor } from '@opsdesk/testing';
import { serverConfigSchema } from '../config';
import { migrate, openDb, type Db } from '../db';
import { buildContext } from '../server';
import { freshDatabase, type TestDatabase } from '../testing/databases';
import { event, plainRender, ScriptedSender, silentLog, webhookChannel } from '../testing/notify';
import { enqueue } from './outbox';
import { Notifier } from './service';

// Two replicas on one PostgreSQL database, each with its own pool and its own sender loop, running
// on real time while messages keep arriving: every message reaches the platform once.

describe('two Notifiers on one PostgreSQL database', () => {
  let database: TestDatabase;
  const dbs: Db[] = [];
  const notifiers: Notifier[] = [];
  afterAll(async () => {
    for (const n of notifiers) await n.stop();
    for (const db of dbs) await db.close();
    await database?.drop();
  });

  test('each message is sent by one of them, once', async () => {
    database = await freshDatabase('postgres');
    const config = serverConfigSchema.parse({
      notify: { channels: [webhookChannel('ops')], poll_interval: '100ms' },
    });
    const senders: ScriptedSender[] = [];
    for (let r = 0; r < 2; r++) {
      const db = openDb(database.url);
      dbs.push(db);
      await migrate(db);
      const ctx = buildContext(structuredClone(config), db, silentLog(), process.cwd());
      const sender = new ScriptedSender({ maxBytes: 4096, rates: [{ count: 1000, windowMs: 1000 }] });
      // a slow platform, so that both replicas contend for the channel while requests are in flight
      const send = sender.send.bind(sender);
      sender.send = async (part, signal) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return send(part, signal);
      };
      senders.push(sender);
      const n = new Notifier(ctx, {
        baseDir: process.cwd(),
        render: plainRender,
        createSender: () => sender,
        owner: `replica-${r}`,
      });
      notifiers.push(n);
      await n.start();
    }
    const writer = buildContext(config, dbs[0] as Db, silentLog(), process.cwd());
    const TOTAL = 300;
    for (let i = 0; i < TOTAL; i += 10)
      await writer.db.transaction(async (tx) => {
        for (let k = i; k < i + 10; k++)
          // every message its own key and a third of the size limit: some are merged, none lost
          await enqueue(writer, tx, event({ key: `k${k}`, channels: ['ops'], data: { mark: k, pad: 1200 } }));
      });
    const marks = () =>
      senders.flatMap((s) => s.received.flatMap((p) => p.sections.map((x) => Number(x.split('|')[3]))));
    await waitFor('every message delivered', async () => (marks().length >= TOTAL ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would show by now
    const got = marks().sort((a, b) => a - b);
    expect(got).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    console.log(`replica requests: ${senders.map((s) => s.received.length).join(' + ')}`);
  }, 90_000);
});
