import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfigText } from '@opsdesk/runtime';
import {
  freePort,
  startRobot,
  startService,
  waitFor,
  type Robot,
  type RobotMessage,
  type RunningService,
} from '@opsdesk/testing';
import { parse } from 'yaml';
import { serverConfigSchema } from '../../server/src/config';
import { ALERTS_PER_GROUP } from './alerts';
import { startDemo } from './index';
import { DEMO_ROBOT_ENV, demoServerConfig } from './server-config';

// What `npm start` shows: the real server with the demo's config (server.example.yml + server.demo.yml,
// joined as scripts/start.js joins them), the demo's two channels played by WeCom robot stand-ins,
// and the demo's alert_storm fault opening incidents through the server's Alertmanager webhook.
const ROOT = path.join(__dirname, '..', '..');
const SERVER_BIN = path.join(ROOT, 'server', 'bin', 'opsdesk-server.js');
const ADMIN = 'odk_demo-notify-admin-0123456789';
const HAN = /\p{Script=Han}/u;

const ENV_FOR_CHECK = {
  [DEMO_ROBOT_ENV.team]: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=x',
  [DEMO_ROBOT_ENV.oncall]: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=y',
};

test("the demo's server config is valid and has the channels the provisioned Alertmanager receivers name", () => {
  const config = parseConfigText(demoServerConfig(ROOT), 'server.yml', serverConfigSchema, ENV_FOR_CHECK);
  const channels = config.notify.channels.map((c) => c.name);
  const am = parse(
    readFileSync(path.join(ROOT, 'provisioning', 'alertmanager', 'alertmanager.yml'), 'utf8'),
  ) as {
    receivers: Array<{ webhook_configs?: Array<{ url: string }> }>;
  };
  const bridged = am.receivers
    .flatMap((r) => r.webhook_configs ?? [])
    .map((w) => /\/api\/v1\/alertmanager\/notify\/([^/?]+)$/.exec(new URL(w.url).pathname)?.[1])
    .filter((c): c is string => c !== undefined);
  expect(bridged.length).toBeGreaterThan(0);
  for (const c of bridged) expect([c, channels.includes(c)]).toEqual([c, true]);
  for (const c of config.notify.channels)
    expect([c.name, c.type, c.language]).toEqual([c.name, 'wecom', 'zh-Hans']);
  // a 调休 Saturday in the roster's calendar: 2026-10-10 is a make-up workday on the 5x8 calendar
  const roster = config.oncall.rosters.find((r) => r.name === 'ops')!;
  const calendar = config.sla.calendars.find((c) => c.name === roster.calendar)!;
  expect(calendar).toMatchObject({ kind: 'service', holidays: { builtin: 'cn' } });
  expect(roster.layers.find((l) => l.days === 'workday')).toBeDefined();
  // every layer's members are people with a WeCom userid, so a mention reaches them
  const people = new Map(config.people.map((p) => [p.id, p]));
  for (const l of roster.layers)
    for (const m of l.members) expect([m, people.get(m)?.wecom_userid]).toEqual([m, expect.any(String)]);
  expect(config.oncall.escalation.policies.map((p) => p.match.severities)).toEqual(
    expect.arrayContaining([['P1']]),
  );
});

describe('the demo channel receives the demo’s incidents in Chinese', () => {
  let dir: string;
  let team: Robot;
  let oncall: Robot;
  let server: RunningService & { url: string };
  let demo: Awaited<ReturnType<typeof startDemo>>;
  const put = (patch: object) => fetch(`${demo.url}/faults`, { method: 'PUT', body: JSON.stringify(patch) });
  // the text as a person reads it: Markdown's backslash escapes (demo\\_01) gone
  const read = (m: RobotMessage) => m.text.replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1');
  const about = (messages: RobotMessage[], participant: string) =>
    messages.filter((m) => read(m).includes(participant));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opsdesk-demo-notify-'));
    team = await startRobot({ platform: 'wecom' });
    oncall = await startRobot({ platform: 'wecom' });
    writeFileSync(path.join(dir, 'server.yml'), demoServerConfig(ROOT));
    const port = await freePort();
    server = {
      ...(await startService({
        command: process.execPath,
        args: [
          SERVER_BIN,
          '--config',
          path.join(dir, 'server.yml'),
          '--database',
          path.join(dir, 'opsdesk.db'),
          '--listen',
          `127.0.0.1:${port}`,
        ],
        env: {
          OPSDESK_BOOTSTRAP_TOKEN: ADMIN,
          [DEMO_ROBOT_ENV.team]: team.url,
          [DEMO_ROBOT_ENV.oncall]: oncall.url,
        },
        readyUrl: `http://127.0.0.1:${port}/-/ready`,
      })),
      url: `http://127.0.0.1:${port}`,
    };
    demo = await startDemo({
      // no flow exporter here: the demo's order events are dropped, as when it is not up yet
      flowExporterUrl: `http://127.0.0.1:${await freePort()}`,
      token: 'demo-notify-token-0123456789',
      rate: 1,
      port: 0,
      host: '127.0.0.1',
      server: { url: server.url, token: ADMIN, repeatMs: 3_600_000 },
    });
  }, 60_000);

  afterAll(async () => {
    await demo?.stop();
    await server?.stop();
    await team?.close();
    await oncall?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('alert_storm: one Chinese message per incident, not per alert', async () => {
    expect((await put({ alert_storm: 1000 })).status).toBe(400);
    expect((await put({ alert_storm: 3 })).status).toBe(200);
    await waitFor(
      'a message about each of the three incidents',
      async () =>
        ['demo_01', 'demo_02', 'demo_03'].every((p) => about(team.received, p).length > 0) ? true : undefined,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    for (const m of team.received) expect([m.text, HAN.test(m.text)]).toEqual([m.text, true]);
    // aggregated: each incident's four alerts are in one message, each alert told by its Chinese
    // summary (summary_zh, as every provisioned rule has one) on a zh-Hans channel
    for (const p of ['demo_01', 'demo_02', 'demo_03']) {
      const [opened, ...more] = about(team.received, p);
      expect([p, more.length]).toEqual([p, 0]);
      for (let k = 1; k <= ALERTS_PER_GROUP; k++)
        expect(read(opened!)).toContain(`${p} 的网关 gw-${k}.${p}:9742 拒绝报单`);
    }
  }, 90_000);

  test('the P1 of the storm pages the on-call group, mentioning who is on call now', async () => {
    const now = (await (
      await fetch(`${server.url}/api/v1/oncall/now?roster=ops`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      })
    ).json()) as { shifts: Array<{ layer: string; person: { wecomUserId?: string } | null }> };
    const primary = now.shifts.find((s) => s.layer === 'primary')?.person?.wecomUserId;
    expect(primary).toEqual(expect.any(String));
    await waitFor(
      'a page about the P1 in the on-call group',
      async () => (about(oncall.received, 'demo_01').length > 0 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const page = about(oncall.received, 'demo_01')[0]!;
    expect(HAN.test(page.text)).toBe(true);
    expect(page.mentions).toContain(primary);
  }, 90_000);

  test('alert_storm off: the incidents resolve, each told once more in Chinese; the robot never throttled', async () => {
    const before = team.received.length;
    expect((await put({ alert_storm: 0 })).status).toBe(200);
    await waitFor(
      'the resolved messages',
      async () =>
        ['demo_01', 'demo_02', 'demo_03'].every((p) => about(team.received.slice(before), p).length > 0)
          ? true
          : undefined,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    for (const m of team.received.slice(before)) expect([m.text, HAN.test(m.text)]).toEqual([m.text, true]);
    // the server paced itself: the robot never had to answer WeCom's 45009 (over 20 a minute)
    expect(team.answers.map((a) => a.code).filter((c) => c !== '0')).toEqual([]);
  }, 90_000);
});
