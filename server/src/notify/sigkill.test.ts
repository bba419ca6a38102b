import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRobot, waitFor, type Robot } from '@opsdesk/testing';
import { webhookPayload } from '../testing/alerts';
import { spawnServer } from '../testing/process';
import { ADMIN_TOKEN } from '../testing/server';

// The built server killed with SIGKILL while messages are queued and one request is in flight,
// then started again on the same database: every message arrives, none twice. The request in
// flight at the kill never got its answer (the stand-in held it), so it is sent again after its
// lease runs out, titled as a possible repeat.

const MESSAGES = 40;
const KILL_AFTER = 10;

describe('a SIGKILL with messages queued', () => {
  let dir: string;
  let robot: Robot;
  let holding = false;
  let held = 0;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-notify-kill-'));
    robot = await startRobot({
      platform: 'webhook',
      intercept: () => {
        if (!holding || robot.received.length < KILL_AFTER) return undefined;
        held++;
        return 'hang';
      },
    });
  });
  afterAll(async () => {
    await robot.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every message arrives after the restart, none twice; the one in flight is marked as a possible repeat', async () => {
    const config = path.join(dir, 'server.yml');
    writeFileSync(
      config,
      [
        'notify:',
        '  poll_interval: 100ms',
        '  channels:',
        '    - name: hook',
        '      type: webhook',
        '      webhook_url: { env: OPSDESK_TEST_HOOK_URL }',
        '      mention: none',
        '      timeout: 5s',
        '',
      ].join('\n'),
    );
    const database = path.join(dir, 'o.db');
    const env = { OPSDESK_TEST_HOOK_URL: robot.url };
    holding = true;
    const first = await spawnServer(database, env, ['--config', config]);
    let killed = false;
    try {
      for (let i = 0; i < MESSAGES; i++) {
        const res = await fetch(`${first.url}/api/v1/alertmanager/notify/hook`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(
            webhookPayload({ alertname: `Kill${i}` }, [
              {
                labels: { alertname: `Kill${i}` },
                annotations: { summary: `kill-test-${i}` },
                startsAt: '2026-12-01T00:00:00Z',
              },
            ]),
          ),
        });
        expect(res.status).toBe(202);
      }
      await waitFor('a request held in flight', async () => (held > 0 ? true : undefined), {
        timeoutMs: 20_000,
        intervalMs: 20,
      });
      first.child.kill('SIGKILL');
      killed = true;
      await first.stop().catch(() => undefined);
    } finally {
      if (!killed) await first.stop();
    }
    expect(robot.received.length).toBe(KILL_AFTER);
    holding = false;
    const second = await spawnServer(database, env, ['--config', config]);
    try {
      const bodies = () => robot.received.map((m) => JSON.stringify(m.body));
      await waitFor(
        'every message delivered',
        async () =>
          new Set(bodies().flatMap((b) => b.match(/kill-test-\d+/g) ?? [])).size >= MESSAGES
            ? true
            : undefined,
        { timeoutMs: 60_000, intervalMs: 100 }, // the lease of the request in flight runs 15 s
      );
      await new Promise((resolve) => setTimeout(resolve, 1000)); // a duplicate would arrive by now
      for (let i = 0; i < MESSAGES; i++) {
        const carrying = bodies().filter((b) => new RegExp(`kill-test-${i}(?!\\d)`).test(b));
        expect([i, carrying.length]).toEqual([i, 1]);
      }
      expect(bodies().filter((b) => b.includes('[可能重复]'))).toHaveLength(1);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 120_000);
});
