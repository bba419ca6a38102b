import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ALWAYS, Calendar, type DayInterval } from './calendar';
import { chinaDays } from './china';
import { parseIcs } from './ics';
import { assertTimeZone } from './zone';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = z.string().regex(DATE, { message: 'expected a date like 2026-10-01' });

/** `09:00-17:00` or `09:00-12:00,13:00-17:30`; `24:00` may end a range. */
export function parseHours(text: string): DayInterval[] {
  if (text.trim() === '' || text.trim() === 'off') return [];
  const out: DayInterval[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})\s*$/.exec(part);
    if (!m) throw new Error(`expected HH:MM-HH:MM, got ${JSON.stringify(part.trim())}`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= 1440 || end > 1440 || end <= start) {
      throw new Error(
        `expected a range within one day with its end after its start, got ${JSON.stringify(part.trim())}`,
      );
    }
    out.push([start, end]);
  }
  out.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as DayInterval)[0] < (out[i - 1] as DayInterval)[1])
      throw new Error(`ranges overlap in ${JSON.stringify(text)}`);
  }
  return out;
}

const hours = z.string().transform((text, ctx) => {
  try {
    return parseHours(text);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** An IANA time zone name, Asia/Shanghai by default. */
export const timeZoneSchema = z
  .string()
  .default('Asia/Shanghai')
  .superRefine((tz, ctx) => {
    try {
      assertTimeZone(tz);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });

export const calendarSpecSchema = z.strictObject({
  name: z.string().min(1),
  timezone: timeZoneSchema,
  /** "24x7", or hours per weekday; `weekdays` sets Monday to Friday at once */
  hours: z.union([
    z.literal('24x7'),
    z.strictObject({
      weekdays: hours.optional(),
      mon: hours.optional(),
      tue: hours.optional(),
      wed: hours.optional(),
      thu: hours.optional(),
      fri: hours.optional(),
      sat: hours.optional(),
      sun: hours.optional(),
    }),
  ]),
  /** hours of a make-up workday; default: Monday's */
  makeup_day_hours: hours.optional(),
  holidays: z
    .strictObject({
      /** `cn`: mainland China public holidays and make-up workdays, built in */
      builtin: z.enum(['cn']).optional(),
      /** YAML (`holidays: [...]`, `workdays: [...]`) or ICS files, relative to the config file */
      files: z.array(z.string()).default([]),
      dates: z.array(date).default([]),
      workdays: z.array(date).default([]),
    })
    .prefault({}),
});

export type CalendarSpec = z.output<typeof calendarSpecSchema>;

const holidayFileSchema = z.strictObject({
  holidays: z.array(z.union([date, z.strictObject({ date, name: z.string().default('') })])).default([]),
  workdays: z.array(z.union([date, z.strictObject({ date, name: z.string().default('') })])).default([]),
});

function readHolidayFile(file: string): { holidays: Map<string, string>; workdays: Map<string, string> } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(
      `${file}: cannot read holiday file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (/\.ics$/i.test(file)) return parseIcs(text, file);
  const parsed = holidayFileSchema.safeParse(parseYaml(text) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const toMap = (list: typeof parsed.data.holidays) =>
    new Map(list.map((d) => (typeof d === 'string' ? [d, ''] : [d.date, d.name])));
  return { holidays: toMap(parsed.data.holidays), workdays: toMap(parsed.data.workdays) };
}

/** Builds a calendar from its spec; holiday files are read relative to `baseDir`. */
export function buildCalendar(spec: CalendarSpec, baseDir = process.cwd()): Calendar {
  if (spec.hours === '24x7') {
    return new Calendar({ ...ALWAYS.data, name: spec.name, timeZone: spec.timezone });
  }
  const h = spec.hours;
  const weekly = DAYS.map((d) => h[d] ?? (d !== 'sat' && d !== 'sun' ? (h.weekdays ?? []) : []));
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  let knownThroughYear: number | undefined;
  if (spec.holidays.builtin === 'cn') {
    const cn = chinaDays();
    cn.holidays.forEach((v, k) => holidays.set(k, v));
    cn.workdays.forEach((v, k) => workdays.set(k, v));
    knownThroughYear = cn.knownThroughYear;
  }
  for (const f of spec.holidays.files) {
    const days = readHolidayFile(path.resolve(baseDir, f));
    days.holidays.forEach((v, k) => holidays.set(k, v));
    days.workdays.forEach((v, k) => {
      workdays.set(k, v);
      holidays.delete(k);
    });
    const years = [...days.holidays.keys(), ...days.workdays.keys()].map((d) => Number(d.slice(0, 4)));
    if (knownThroughYear !== undefined && years.length > 0)
      knownThroughYear = Math.max(knownThroughYear, ...years);
  }
  for (const d of spec.holidays.dates) holidays.set(d, holidays.get(d) ?? '');
  for (const d of spec.holidays.workdays) {
    workdays.set(d, workdays.get(d) ?? '');
    holidays.delete(d);
  }
  return new Calendar({
    name: spec.name,
    timeZone: spec.timezone,
    always: false,
    weekly,
    makeupDayHours: spec.makeup_day_hours ?? weekly[1] ?? [],
    holidays,
    workdays,
    knownThroughYear,
  });
}
