/**
 * The server configuration of the browser suite: a people directory, a roster on a 5×8 service
 * calendar and a WeCom channel whose webhook address is a stand-in robot (lib/testing robots).
 * The suite runs against the real clock, so "this week" is whichever week it runs in: the
 * calendar gets one extra holiday (this week's Wednesday, in the roster's zone) and one make-up
 * workday (调休, this week's Saturday), so every run sees a workday, a rest day, a holiday and a
 * make-up workday in the week the page opens on.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROSTER_ZONE = 'Asia/Shanghai';
export const ROBOT_URL_ENV = 'OPSDESK_BROWSER_WECOM_URL';

export const PEOPLE = [
  { id: 'li.si', name: '李四', wecom_userid: 'LiSi' },
  { id: 'zhang.san', name: '张三', wecom_userid: 'ZhangSan' },
  { id: 'wang.wu', name: '王五', wecom_userid: 'WangWu' },
];

export const BACKUP_POLICIES = [
  {
    name: 'settlement-db',
    description: 'settlement database files, restic to the backup host',
    target: 'db1:/var/lib/settlement',
    tool: 'restic',
    schedule: 'daily 01:00',
    retention: '7 daily, 4 weekly, 12 monthly',
    rpo: '1d',
    rto: '4h',
    restore_test_interval: '30d',
    owner: 'li.si',
  },
  {
    name: 'trade-files',
    target: 'gw1:/srv/trade-files',
    tool: 'borg',
    schedule: 'hourly',
    retention: '48 hourly, 14 daily',
    rpo: '2h',
    rto: '1h',
    restore_test_interval: '7d',
    calendar: 'team-5x8',
    owner: 'zhang.san',
  },
  {
    name: 'ledger-archive',
    description: 'month-end ledger archive (pgBackRest), not reporting yet',
    target: 'db2:ledger',
    tool: 'pgbackrest',
    schedule: 'monthly',
    retention: '24 monthly',
    rpo: '31d',
    rto: '8h',
    owner: 'wang.wu',
  },
];

/** The local dates (YYYY-MM-DD, Monday first) of the week that `now` falls in, in the roster's zone. */
export function thisWeek(now = Date.now()): string[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ROSTER_ZONE }).format(now); // YYYY-MM-DD
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(y, m - 1, d - weekday + i)).toISOString().slice(0, 10));
}

export function writeServerConfig(dir: string, week: string[]): string {
  const [monday, , wednesday, , , saturday] = week as [string, string, string, string, string, string, string];
  const config = {
    sla: {
      calendars: [
        { name: '24x7', timezone: ROSTER_ZONE, hours: '24x7' },
        {
          name: 'team-5x8',
          kind: 'service',
          timezone: ROSTER_ZONE,
          hours: { weekdays: '09:00-17:00' },
          // the built-in mainland China days are left out: this week must look the same every run
          holidays: { dates: [wednesday], workdays: [saturday] },
        },
      ],
    },
    people: PEOPLE,
    oncall: {
      rosters: [
        {
          name: 'ops',
          calendar: 'team-5x8',
          timezone: ROSTER_ZONE,
          layers: [
            {
              name: 'primary',
              members: ['li.si', 'zhang.san', 'wang.wu'],
              cadence: 'daily',
              handoff: '09:00',
              start: monday,
            },
            // the backup works workdays only: nobody on the holiday or on Sunday, somebody on the 调休 Saturday;
            // li.si (the suite's Editor) is never on it, so a handover of it to li.si is always allowed
            {
              name: 'backup',
              members: ['zhang.san', 'wang.wu'],
              cadence: 'weekly',
              handoff: '09:00',
              start: monday,
              days: 'workday',
            },
          ],
        },
      ],
    },
    // the Backups page's policies: the suite backs up with real restic and borg into the first two
    // (tests/seed.ts seedBackups); the third never reports, so it shows a breached RPO and no test
    backups: {
      policies: BACKUP_POLICIES.map((p) => ({ ...p })),
    },
    // the Patches page's plans: db1 and db2 (never collected: the suite runs no Prometheus) in a
    // group whose window is open all day every day, so a plan can be scheduled around "now"
    maintenance: {
      host_groups: [{ name: 'db', hosts: ['db1:9741', 'db2:9741'] }],
      windows: [
        { name: 'db-any-time', host_groups: ['db'], calendar: '24x7', days: 'every', start: '00:00', end: '24:00' },
      ],
    },
    notify: {
      grafana_url: 'http://grafana.example:3000',
      poll_interval: '200ms',
      channels: [
        {
          name: 'ops-wecom',
          type: 'wecom',
          language: 'zh-Hans',
          webhook_url: { env: ROBOT_URL_ENV },
          roster: 'ops',
          // not the SLA events: the restored history's 1 000 incidents would queue hundreds of
          // breach messages at the robot's 20 a minute, and the page's messages would wait behind them
          events: ['incident.opened', 'incident.acknowledged', 'incident.resolved', 'incident.reopened'],
        },
      ],
    },
  };
  const file = path.join(dir, 'opsdesk.yml');
  // JSON is YAML: the server's loader reads it as is
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
