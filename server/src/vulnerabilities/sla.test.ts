import { buildCalendar, calendarSpecSchema } from '@opsdesk/calendar';
import { vulnerabilitiesSchema } from './config';
import { remediationDueAt, slaDays } from './sla';

const cst = (iso: string) => new Date(`${iso}+08:00`).getTime();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const cn = buildCalendar(
  calendarSpecSchema.parse({
    name: 'cn-5x8',
    timezone: 'Asia/Shanghai',
    hours: { weekdays: '09:00-18:00' },
    holidays: { builtin: 'cn' },
  }),
);
const sla = (over: Record<string, unknown>) => vulnerabilitiesSchema.parse({ sla: over }).sla;

test('business days: a critical found on 2026-09-30 is due at the end of 10-13 (国庆 off, Saturday 10-10 worked)', () => {
  const business = sla({ days_kind: 'business', days: { critical: 5 } });
  expect(iso(remediationDueAt(cn, business, 'critical', false, cst('2026-09-30T10:00:00')))).toBe(
    iso(cst('2026-10-14T00:00:00')),
  );
  // the same five days counted as calendar days end during the holiday
  const calendarDays = sla({ days_kind: 'calendar', days: { critical: 5 } });
  expect(iso(remediationDueAt(cn, calendarDays, 'critical', false, cst('2026-09-30T10:00:00')))).toBe(
    iso(cst('2026-10-06T00:00:00')),
  );
});

test('defaults are DefectDojo’s 7/30/90/120 days; negligible and unknown have no deadline unless set', () => {
  const d = sla({});
  expect([
    slaDays(d, 'critical', false),
    slaDays(d, 'high', false),
    slaDays(d, 'medium', false),
    slaDays(d, 'low', false),
  ]).toEqual([7, 30, 90, 120]);
  expect(remediationDueAt(cn, d, 'negligible', false, 0)).toBeNull();
  expect(slaDays(sla({ days: { unknown: 30 } }), 'unknown', false)).toBe(30);
});

test('known exploited: the shorter of its severity’s days and known_exploited_days', () => {
  const s = sla({ days_kind: 'business', known_exploited_days: 2 });
  expect(slaDays(s, 'high', true)).toBe(2);
  expect(slaDays(s, 'high', false)).toBe(30);
  expect(slaDays(sla({ known_exploited_days: 10 }), 'critical', true)).toBe(7);
  expect(slaDays(sla({ known_exploited_days: 3 }), 'negligible', true)).toBe(3);
  // two business days from the eve of the holiday: Thursday 10-08 and Friday 10-09
  expect(iso(remediationDueAt(cn, s, 'high', true, cst('2026-09-30T10:00:00')))).toBe(
    iso(cst('2026-10-10T00:00:00')),
  );
});
