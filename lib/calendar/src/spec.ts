import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ALWAYS, CALENDAR_KINDS, Calendar, type CalendarKind, type DayInterval } from './calendar';
import { chinaDays } from './china';
import { parseIcs } from './ics';
import { assertTimeZone } from './zone';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real date (no 2026-02-30), as written, e.g. 2026-10-01. */
const date = z
  .string()
  .regex(DATE, { message: 'expected a date like 2026-10-01' })
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a date of the calendar; expected a date like 2026-10-01`,
  });

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

/**
 * One calendar, as every config writes it (the server's `sla.calendars`, the transfer exporter's
 * and the flow exporter's `calendars`). `kind` defaults to what the config uses calendars for:
 * `service` for SLA clocks, `trading` for trading windows (see calendarSpec).
 */
export function calendarSpec(defaultKind: CalendarKind) {
  return z
    .strictObject({
      name: z.string().min(1),
      /** service: when the team works (make-up workdays work); trading: when the market trades */
      kind: z.enum(CALENDAR_KINDS).default(defaultKind),
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
      /** hours of a make-up workday; default: Monday's (service calendars only) */
      makeup_day_hours: hours.optional(),
      holidays: z
        .strictObject({
          /** `cn`: mainland China public holidays and make-up workdays, built in */
          builtin: z.enum(['cn']).optional(),
          /** YAML (`holidays: [...]`, `workdays: [...]`) or ICS files, relative to the config file */
          files: z.array(z.string().min(1)).default([]),
          dates: z.array(date).default([]),
          /** extra make-up workdays (service calendars only) */
          workdays: z.array(date).default([]),
        })
        .prefault({}),
    })
    .superRefine((spec, ctx) => {
      if (spec.kind !== 'trading') return;
      // A trading calendar ignores make-up workdays (the market stays closed on them), so
      // settings that only describe make-up workdays would silently do nothing.
      if (spec.makeup_day_hours !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['makeup_day_hours'],
          message: `calendar ${spec.name} is a trading calendar, which stays closed on make-up workdays; remove makeup_day_hours, or set kind: service for a calendar of working hours`,
        });
      if (spec.holidays.workdays.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', 'workdays'],
          message: `calendar ${spec.name} is a trading calendar, which stays closed on make-up workdays; remove holidays.workdays, or set kind: service for a calendar of working hours`,
        });
    });
}

/** A calendar for SLA clocks: `kind` defaults to service. */
export const calendarSpecSchema = calendarSpec('service');
/** A calendar for trading windows (channels, flows, file deadlines): `kind` defaults to trading. */
export const tradingCalendarSpecSchema = calendarSpec('trading');

export type CalendarSpec = z.output<typeof calendarSpecSchema>;

const holidayFileSchema = z.strictObject({
  holidays: z.array(z.union([date, z.strictObject({ date, name: z.string().default('') })])).default([]),
  workdays: z.array(z.union([date, z.strictObject({ date, name: z.string().default('') })])).default([]),
});

export interface CalendarLoadOptions {
  /**
   * The directory of the config file that names the calendars: holiday files resolve against it,
   * never against the working directory. Required when a spec names holiday files.
   */
  baseDir?: string | undefined;
  /** recurring ICS events are expanded over these years (default: ten years either side of `now`) */
  years?: { from: number; to: number } | undefined;
  /** for the default expansion years; Date.now() by default */
  now?: number | undefined;
}

interface FileDays {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
  /** years the file lists dates for (recurring ICS events do not count: they are not a published list) */
  datedYears: Iterable<number>;
}

function readHolidayFile(file: string, timeZone: string, years: { from: number; to: number }): FileDays {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(
      `${file}: cannot read holiday file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  if (/\.ics$/i.test(file)) return parseIcs(text, file, { timeZone, years });
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${file}: invalid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = holidayFileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const toMap = (list: typeof parsed.data.holidays) =>
    new Map(list.map((d) => (typeof d === 'string' ? [d, ''] : [d.date, d.name])));
  const days = { holidays: toMap(parsed.data.holidays), workdays: toMap(parsed.data.workdays) };
  const datedYears = [...days.holidays.keys(), ...days.workdays.keys()].map((d) => Number(d.slice(0, 4)));
  return { ...days, datedYears };
}

/**
 * Builds a calendar from its spec. Holiday files are read relative to `options.baseDir` (pass
 * the directory of the config file, or a string as a shorthand for it); a spec that names files
 * without a base directory is refused rather than read against whatever the working directory is.
 */
export function buildCalendar(spec: CalendarSpec, options: string | CalendarLoadOptions = {}): Calendar {
  const opts = typeof options === 'string' ? { baseDir: options } : options;
  if (spec.hours === '24x7') {
    return new Calendar({ ...ALWAYS.data, name: spec.name, kind: spec.kind, timeZone: spec.timezone });
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
  const thisYear = new Date(opts.now ?? Date.now()).getUTCFullYear();
  const years = opts.years ?? { from: thisYear - 10, to: thisYear + 10 };
  spec.holidays.files.forEach((f, i) => {
    const where = `calendar ${spec.name}: holidays.files[${i}]`;
    if (opts.baseDir === undefined && !path.isAbsolute(f))
      throw new Error(
        `${where}: ${JSON.stringify(f)} is relative and no config file directory was given to resolve it against (a bug in the caller of buildCalendar; an absolute path works meanwhile)`,
      );
    let days: FileDays;
    try {
      days = readHolidayFile(path.resolve(opts.baseDir ?? '/', f), spec.timezone, years);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
    days.holidays.forEach((v, k) => {
      holidays.set(k, v);
      workdays.delete(k);
    });
    days.workdays.forEach((v, k) => {
      workdays.set(k, v);
      // the team working a public holiday does not open the market
      if (spec.kind === 'service') holidays.delete(k);
    });
    const dated = [...days.datedYears];
    if (knownThroughYear !== undefined && dated.length > 0)
      knownThroughYear = Math.max(knownThroughYear, ...dated);
  });
  for (const d of spec.holidays.dates) {
    holidays.set(d, holidays.get(d) ?? '');
    workdays.delete(d);
  }
  for (const d of spec.holidays.workdays) {
    workdays.set(d, workdays.get(d) ?? '');
    holidays.delete(d);
  }
  return new Calendar({
    name: spec.name,
    kind: spec.kind,
    timeZone: spec.timezone,
    always: false,
    weekly,
    makeupDayHours: spec.makeup_day_hours ?? weekly[1] ?? [],
    holidays,
    workdays,
    knownThroughYear,
  });
}

/**
 * Builds every calendar a config defines, by name, reading their holiday files against the
 * config file's directory. Errors name the calendar and the file; a config loader's prepare step
 * calls this to check the files before serving.
 */
export function buildCalendars(
  specs: readonly CalendarSpec[],
  options: CalendarLoadOptions,
): Map<string, Calendar> {
  const out = new Map<string, Calendar>();
  for (const spec of specs) {
    if (out.has(spec.name))
      throw new Error(`calendar ${spec.name} is defined twice; give each calendar its own name`);
    out.set(spec.name, buildCalendar(spec, options));
  }
  return out;
}
