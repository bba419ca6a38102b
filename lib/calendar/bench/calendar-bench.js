#!/usr/bin/env node
// Calendar micro-benchmark: what one SLA clock evaluation costs on a 5×8 calendar in Shanghai with
// the built-in China holidays — workingMs over a month (the elapsed time of an incident open for a
// month) and addWorkingMs of 8 working hours (its due time) — from many start instants, so the day
// cache is exercised the way a listing of open incidents exercises it. Runs against dist/ (build
// first: npx tsc -b).
//   npm run bench -w lib/calendar
const { buildCalendar, calendarSpecSchema } = require('../dist');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const spec = calendarSpecSchema.parse({
  name: '5x8-cn',
  timezone: 'Asia/Shanghai',
  hours: { weekdays: '09:00-17:00' },
  holidays: { builtin: 'cn' },
});
// The loader's base directory is only used for holiday files, and this spec has none.
const calendar = buildCalendar(spec, { baseDir: __dirname });

const STARTS = 1000;
const first = Date.parse('2026-09-01T00:00:00Z');
// starts spread over three months at odd minutes, like incident trigger times
const starts = Array.from({ length: STARTS }, (_, i) => first + i * 7_919_000);

function measure(label, fn, rounds) {
  // untimed rounds fill the day cache and let the JIT settle: the steady state a long-running server sees
  let sink = 0;
  for (let r = 0; r < 5; r++) for (const s of starts) sink += fn(s);
  const t = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const s of starts) sink += fn(s);
  const ns = Number(process.hrtime.bigint() - t) / (rounds * starts.length);
  console.log(`${label.padEnd(58)} ${ns.toFixed(0).padStart(9)} ns`);
  return sink;
}

console.log(`OpsDesk calendar benchmark — ${new Date().toISOString()}, node ${process.version}`);
measure(
  'workingMs over 30 days (5x8, Asia/Shanghai, cn), per call',
  (s) => calendar.workingMs(s, s + 30 * DAY),
  50,
);
measure(
  'addWorkingMs of 8 h (5x8, Asia/Shanghai, cn), per call',
  (s) => calendar.addWorkingMs(s, 8 * HOUR),
  50,
);
measure('isWorking (5x8, Asia/Shanghai, cn), per call', (s) => (calendar.isWorking(s) ? 1 : 0), 200);
