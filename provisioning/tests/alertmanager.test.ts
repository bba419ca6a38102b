import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWithPrograms, program } from '@opsdesk/testing';
import { toLocal } from '@opsdesk/calendar';
import { AM, expectAlertmanagerConfigValid, RULES } from './checks';

const config = parse(readFileSync(path.join(AM, 'alertmanager.yml'), 'utf8')) as {
  route: {
    routes: Array<{
      matchers: string[];
      receiver: string;
      active_time_intervals?: string[];
      continue?: boolean;
    }>;
  };
  time_intervals: Array<{
    name: string;
    time_intervals: Array<{
      weekdays: string[];
      times: Array<{ start_time: string; end_time: string }>;
      location: string;
    }>;
  }>;
};
const receivers = (
  parse(readFileSync(path.join(AM, 'alertmanager.yml'), 'utf8')) as {
    receivers: Array<{
      name: string;
      webhook_configs?: Array<{
        url: string;
        send_resolved?: boolean;
        http_config?: { authorization?: { credentials_file?: string } };
      }>;
    }>;
  }
).receivers;
const cases = parse(readFileSync(path.join(AM, 'routes.cases.yaml'), 'utf8')) as Array<{
  labels: Record<string, string>;
  receivers: string[];
}>;

/** every alerting rule provisioned, with its own labels */
const alertRules = readdirSync(RULES)
  .filter((f) => f.endsWith('.rules.yml'))
  .flatMap((f) =>
    (
      parse(readFileSync(path.join(RULES, f), 'utf8')) as {
        groups: Array<{ rules: Array<{ alert?: string; labels?: Record<string, string> }> }>;
      }
    ).groups.flatMap((g) => g.rules),
  )
  .filter((r) => r.alert)
  .map((r) => ({ alert: r.alert!, labels: r.labels ?? {} }));

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Alertmanager's time_interval semantics for weekdays ranges and times, in the interval's location. */
function active(intervalName: string, at: Date): boolean {
  const def = config.time_intervals.find((t) => t.name === intervalName);
  if (!def) throw new Error(`no time interval ${intervalName}`);
  return def.time_intervals.some((ti) => {
    const local = toLocal(at.getTime(), ti.location);
    const day = DAYS[local.weekday] as string;
    const inDays = ti.weekdays.some((w) => {
      const [from, to = from] = w.split(':') as [string, string?];
      const i = DAYS.indexOf(day);
      return i >= DAYS.indexOf(from) && i <= DAYS.indexOf(to as string);
    });
    const minute = local.hour * 60 + local.minute;
    const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    return inDays && ti.times.some((t) => minute >= toMin(t.start_time) && minute < toMin(t.end_time));
  });
}

test('5x8 pages on call only inside Mon–Fri 09:00–17:00 Asia/Shanghai; 24x7 always', () => {
  const paging5x8 = config.route.routes.find(
    (r) => r.receiver === 'oncall-im' && r.matchers.includes('support_hours="5x8"'),
  );
  const paging24x7 = config.route.routes.find(
    (r) => r.receiver === 'oncall-im' && r.matchers.includes('support_hours="24x7"'),
  );
  expect(paging5x8?.active_time_intervals).toEqual(['service-hours-5x8']);
  expect(paging5x8?.continue).toBe(true); // muted outside hours, so the team route must still be reached
  expect(paging24x7?.active_time_intervals).toBeUndefined();
  const at = (iso: string) => new Date(iso);
  expect(active('service-hours-5x8', at('2026-11-23T10:00:00+08:00'))).toBe(true); // Monday
  expect(active('service-hours-5x8', at('2026-11-23T08:59:00+08:00'))).toBe(false);
  expect(active('service-hours-5x8', at('2026-11-23T17:00:00+08:00'))).toBe(false);
  expect(active('service-hours-5x8', at('2026-11-27T16:59:00+08:00'))).toBe(true); // Friday
  expect(active('service-hours-5x8', at('2026-11-28T10:00:00+08:00'))).toBe(false); // Saturday
  // 02:00 UTC Monday is 10:00 in Shanghai: the location, not the server's zone, decides
  expect(active('service-hours-5x8', at('2026-11-23T02:00:00Z'))).toBe(true);
});

test("every critical or warning alert reaches the OpsDesk server, with continue, except the server's own", () => {
  const routes = config.route.routes;
  const toServer = routes.findIndex((r) => r.receiver === 'opsdesk-server');
  expect(routes[toServer]).toMatchObject({ receiver: 'opsdesk-server', continue: true });
  expect(routes[toServer]!.matchers).toEqual(['severity=~"critical|warning"']);
  // only the routes of the server's own alerts come before it
  for (const r of routes.slice(0, toServer)) expect(r.matchers).toContain('opens_incident="false"');
  expect(routes.filter((r) => r.receiver === 'opsdesk-server')).toHaveLength(1);
});

test("people hear of alerts through the OpsDesk bridge, firing and resolved, with the server receiver's token", () => {
  const server = receivers.find((r) => r.name === 'opsdesk-server')!.webhook_configs![0]!;
  const origin = new URL(server.url).origin;
  const bridged = new Map<string, string>();
  for (const name of ['team-im', 'oncall-im']) {
    const configs = receivers.find((r) => r.name === name)?.webhook_configs ?? [];
    expect([name, configs.length]).toEqual([name, 1]);
    const c = configs[0]!;
    const url = new URL(c.url);
    // the channel is the last path segment; POST /api/v1/alertmanager/notify/{channel}
    const channel = /^\/api\/v1\/alertmanager\/notify\/([a-z0-9][a-z0-9_-]*)$/.exec(url.pathname)?.[1];
    expect([name, url.origin, channel !== undefined]).toEqual([name, origin, true]);
    expect([name, c.send_resolved]).toEqual([name, true]);
    expect([name, c.http_config?.authorization?.credentials_file]).toEqual([
      name,
      server.http_config?.authorization?.credentials_file,
    ]);
    bridged.set(name, channel!);
  }
  // two channels: one broken channel cannot hide the alert about it from the other
  expect(new Set(bridged.values()).size).toBe(2);
  // nothing left pointing at a host no deployment has
  expect(readFileSync(path.join(AM, 'alertmanager.yml'), 'utf8')).not.toContain('im-bridge');
});

describeWithPrograms({ amtool: 'prometheus-alertmanager' }, 'amtool', () => {
  test('amtool check-config accepts the configuration and its templates', () => {
    expectAlertmanagerConfigValid(program('amtool'));
  });

  test.each(
    cases.map((c) => [
      Object.entries(c.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
      c,
    ]),
  )('%s → receivers', (_name, c) => {
    const { labels, receivers } = c as (typeof cases)[number];
    const args = [
      'config',
      'routes',
      'test',
      '--config.file=alertmanager.yml',
      `--verify.receivers=${receivers.join(',')}`,
      ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
    ];
    const r = spawnSync(program('amtool'), args, { cwd: AM, encoding: 'utf8' });
    expect([r.status, r.stdout.trim()]).toEqual([0, receivers.join(',')]);
  });

  test("every provisioned alert reaches the server unless it is the server's own; those reach people", () => {
    const wrong: string[] = [];
    for (const rule of alertRules) {
      const labels = {
        service: 'x',
        support_hours: '24x7',
        instance: 'a:1',
        ...rule.labels,
        alertname: rule.alert,
      };
      const r = spawnSync(
        program('amtool'),
        [
          'config',
          'routes',
          'test',
          '--config.file=alertmanager.yml',
          ...Object.entries(labels).map(([k, v]) => `${k}=${v}`),
        ],
        { cwd: AM, encoding: 'utf8' },
      );
      const receivers = r.stdout.trim().split(',');
      const own = rule.labels.opens_incident === 'false';
      const incident = !own && ['critical', 'warning'].includes(rule.labels.severity ?? '');
      if (receivers.includes('opsdesk-server') !== incident || receivers.every((x) => x === 'opsdesk-server'))
        wrong.push(`${rule.alert} ${JSON.stringify(rule.labels)} → ${r.stdout.trim() || r.stderr}`);
    }
    expect(wrong).toEqual([]);
  });

  test('the IM template renders a title and one line per alert', () => {
    const r = spawnSync(
      program('amtool'),
      [
        'template',
        'render',
        '--template.glob=templates/*.tmpl',
        '--template.text={{ template "opsdesk.im.text" . }}',
      ],
      { cwd: AM, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\[[A-Z]+/);
    expect(lines.slice(1).every((l) => l.startsWith('- '))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });
});
