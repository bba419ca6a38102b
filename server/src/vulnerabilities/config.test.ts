import { serverConfigSchema } from '../config';

const calendars = [
  { name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' },
  {
    name: 'cn-5x8',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:00-18:00' },
    holidays: { builtin: 'cn' },
  },
  {
    name: 'sse',
    kind: 'trading',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:30-15:00' },
    holidays: { builtin: 'cn' },
  },
];
const policies = (['P1', 'P2', 'P3', 'P4'] as const).map((severity) => ({
  severity,
  response: '1h',
  resolution: '8h',
  calendar: '24x7',
}));
const load = (vulnerabilities: unknown) =>
  serverConfigSchema.safeParse({ sla: { calendars, policies }, vulnerabilities });
const messages = (r: ReturnType<typeof load>) =>
  r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

test('an old config without vulnerabilities loads with DefectDojo’s defaults on calendar days', () => {
  const r = serverConfigSchema.parse({});
  expect(r.vulnerabilities.sla).toEqual({
    days_kind: 'calendar',
    days: { critical: 7, high: 30, medium: 90, low: 120 },
  });
  expect(r.vulnerabilities.import_body_limit_bytes).toBe(64 * 1024 * 1024);
});

test('the SLA calendar must be a service calendar of sla.calendars', () => {
  expect(messages(load({ sla: { calendar: 'cn-5x8', days_kind: 'business' } }))).toEqual([]);
  expect(messages(load({ sla: { calendar: 'nope' } }))).toEqual([
    'vulnerabilities.sla.calendar: no calendar named "nope"; defined: 24x7, cn-5x8, sse',
  ]);
  expect(messages(load({ sla: { calendar: 'sse' } }))).toEqual([
    expect.stringMatching(/^vulnerabilities\.sla\.calendar: calendar sse is a trading calendar/),
  ]);
  expect(messages(load({ sla: { days: { critical: -1 } } }))[0]).toMatch(
    /^vulnerabilities\.sla\.days\.critical/,
  );
  expect(messages(load({ risk_acceptance_max: '10y' }))[0]).toMatch(/^vulnerabilities\.risk_acceptance_max/);
});
