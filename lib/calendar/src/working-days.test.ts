import { buildCalendar, calendarSpecSchema } from './spec';

/**
 * Whole-day deadlines (remediation SLAs) over the real 2026 China data of chinese-days:
 * 国庆 2026-10-01…10-07 off with make-up workdays Sunday 09-20 and Saturday 10-10, 中秋 09-25…27 off.
 */
const cst = (iso: string) => new Date(`${iso}+08:00`).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const calendar = (kind: 'service' | 'trading', holidays?: { builtin: 'cn' }) =>
  buildCalendar(
    calendarSpecSchema.parse({
      name: `${kind}-${holidays ? 'cn' : 'plain'}`,
      kind,
      timezone: 'Asia/Shanghai',
      hours: { weekdays: '09:00-18:00' },
      ...(holidays ? { holidays } : {}),
    }),
  );
const cn = calendar('service', { builtin: 'cn' });
const plain = calendar('service');
const trading = calendar('trading', { builtin: 'cn' });

test('5 business days from the eve of National Day skip 10-01…10-07 and count Saturday 10-10', () => {
  // 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat make-up (3), 10-12 Mon (4), 10-13 Tue (5)
  expect(iso(cn.addWorkingDays(cst('2026-09-30T10:00:00'), 5))).toBe(iso(cst('2026-10-14T00:00:00')));
  // without the holiday data the same 5 days end on Wednesday 10-07
  expect(iso(plain.addWorkingDays(cst('2026-09-30T10:00:00'), 5))).toBe(iso(cst('2026-10-08T00:00:00')));
  // an exchange does not open on the make-up Saturday: one day later
  expect(iso(trading.addWorkingDays(cst('2026-09-30T10:00:00'), 5))).toBe(iso(cst('2026-10-15T00:00:00')));
});

test('the make-up Sunday 09-20 is the first business day after Friday 09-18', () => {
  expect(iso(cn.addWorkingDays(cst('2026-09-18T23:59:00'), 1))).toBe(iso(cst('2026-09-21T00:00:00')));
  expect(iso(plain.addWorkingDays(cst('2026-09-18T23:59:00'), 1))).toBe(iso(cst('2026-09-22T00:00:00')));
  expect(cn.isWorkingDay(2026, 9, 20)).toBe(true);
  expect(cn.isWorkingDay(2026, 10, 1)).toBe(false);
  expect(cn.isWorkingDay(2026, 9, 25)).toBe(false); // 中秋, a Friday
});

test('the hour of the start does not matter, and 0 days is the end of the next working day', () => {
  expect(cn.addWorkingDays(cst('2026-09-30T00:00:00'), 1)).toBe(
    cn.addWorkingDays(cst('2026-09-30T23:59:59'), 1),
  );
  expect(iso(cn.addWorkingDays(cst('2026-09-30T10:00:00'), 0))).toBe(iso(cst('2026-10-01T00:00:00')));
  expect(iso(cn.addWorkingDays(cst('2026-10-03T10:00:00'), 0))).toBe(iso(cst('2026-10-09T00:00:00')));
  expect(() => cn.addWorkingDays(0, -1)).toThrow(/whole number/);
  expect(() => cn.addWorkingDays(0, 1.5)).toThrow(/whole number/);
});

test('business days between two instants: the start date excluded, the end date included', () => {
  expect(cn.workingDaysBetween(cst('2026-09-30T10:00:00'), cst('2026-10-13T09:00:00'))).toBe(5);
  expect(cn.workingDaysBetween(cst('2026-10-01T10:00:00'), cst('2026-10-07T23:00:00'))).toBe(0);
  expect(cn.workingDaysBetween(cst('2026-10-13T10:00:00'), cst('2026-09-30T10:00:00'))).toBe(0);
});

test('calendar days end at local midnight whatever the holidays; 24×7 counts every day as a business day', () => {
  expect(iso(cn.addCalendarDays(cst('2026-09-30T10:00:00'), 7))).toBe(iso(cst('2026-10-08T00:00:00')));
  const always = buildCalendar(
    calendarSpecSchema.parse({ name: '24x7', timezone: 'Asia/Shanghai', hours: '24x7' }),
  );
  expect(iso(always.addWorkingDays(cst('2026-09-30T10:00:00'), 7))).toBe(iso(cst('2026-10-08T00:00:00')));
});

test('a calendar without working days says so instead of looping', () => {
  const never = buildCalendar(calendarSpecSchema.parse({ name: 'never', hours: {} }));
  expect(() => never.addWorkingDays(0, 1)).toThrow(/no working day within three years/);
});
