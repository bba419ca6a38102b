import { duration } from '@opsdesk/runtime';
import type { CalendarKind } from '@opsdesk/calendar';
import { z } from 'zod';

/**
 * `maintenance`: where and when patch plans may be installed. Host groups name the hosts (the
 * Prometheus `instance` of each host exporter, e.g. db1:9741); a window opens on some days of a
 * named calendar (sla.calendars) for some groups; the trading calendar, when set, is closed time
 * for every plan that is not an emergency.
 */

/** HH:MM, 00:00–24:00 (24:00 only ends a window). */
const clock = z
  .string()
  .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, 'expected HH:MM between 00:00 and 24:00, e.g. 22:00');

/** Which days of the window's calendar it opens on (the day the window starts). */
export const WINDOW_DAYS = ['every', 'working', 'non_working'] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'expected lower-case letters, digits, ., - or _, e.g. db-weekend');

/** The Prometheus `instance` of a host exporter: host:port, an IPv6 [addr]:port, or a name. */
export const hostName = z
  .string()
  .regex(
    /^[A-Za-z0-9_.:[\]-]{1,255}$/,
    'expected a host exporter instance as Prometheus labels it, e.g. db1:9741',
  );

export const hostGroupSchema = z.strictObject({
  name,
  hosts: z.array(hostName).min(1).max(1000),
});

export const maintenanceWindowSchema = z.strictObject({
  name,
  /** the host groups this window is for */
  host_groups: z.array(name).min(1),
  /** a calendar of sla.calendars; its time zone is the window's, its days decide `days` */
  calendar: z.string().min(1),
  /**
   * every: each day; working: the calendar's working days (on a service calendar a 调休 make-up
   * Saturday is one, a public holiday is not); non_working: its other days. A window that runs
   * past midnight belongs to the day it starts on.
   */
  days: z.enum(WINDOW_DAYS),
  start: clock,
  /** an end at or before the start runs into the next day (22:00–06:00); 00:00–24:00 is the whole day */
  end: clock,
});
export type MaintenanceWindowConfig = z.output<typeof maintenanceWindowSchema>;

export const maintenanceSchema = z
  .strictObject({
    /** a trading calendar of sla.calendars: no plan but an emergency is scheduled while it is open */
    trading_calendar: z.string().min(1).optional(),
    host_groups: z.array(hostGroupSchema).default([]),
    windows: z.array(maintenanceWindowSchema).default([]),
    /** the newest backup must have finished at most this long before the install (a backup run or a snapshot's takenAt) */
    backup_max_age: duration({ min: '1m' }).default(24 * 3_600_000),
  })
  .prefault({});
export type MaintenanceConfig = z.output<typeof maintenanceSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Cross-checks of `maintenance` against the calendars (called from the server config's superRefine). */
export function maintenanceIssues(
  m: MaintenanceConfig,
  calendars: ReadonlyArray<{ name: string; kind: CalendarKind }>,
): Issue[] {
  const issues: Issue[] = [];
  const kinds = new Map(calendars.map((c) => [c.name, c.kind]));
  const defined = [...kinds.keys()].join(', ');
  if (m.trading_calendar !== undefined) {
    const kind = kinds.get(m.trading_calendar);
    if (kind === undefined)
      issues.push({
        path: ['maintenance', 'trading_calendar'],
        message: `no calendar named ${JSON.stringify(m.trading_calendar)}; define it under sla.calendars (kind: trading) or use one of: ${defined}`,
      });
    else if (kind !== 'trading')
      issues.push({
        path: ['maintenance', 'trading_calendar'],
        message: `calendar ${m.trading_calendar} is a ${kind} calendar; trading_calendar needs one with kind: trading (it is closed on make-up workdays)`,
      });
  }
  const groups = new Map<string, number>();
  m.host_groups.forEach((g, i) => {
    if (groups.has(g.name))
      issues.push({
        path: ['maintenance', 'host_groups', i, 'name'],
        message: `host group ${g.name} appears twice; merge the two`,
      });
    groups.set(g.name, i);
    const seen = new Set<string>();
    g.hosts.forEach((h, j) => {
      if (seen.has(h))
        issues.push({
          path: ['maintenance', 'host_groups', i, 'hosts', j],
          message: `host ${h} appears twice in group ${g.name}`,
        });
      seen.add(h);
    });
  });
  const windows = new Set<string>();
  m.windows.forEach((w, i) => {
    const at = ['maintenance', 'windows', i];
    if (windows.has(w.name))
      issues.push({ path: [...at, 'name'], message: `window ${w.name} appears twice; rename one` });
    windows.add(w.name);
    if (!kinds.has(w.calendar))
      issues.push({
        path: [...at, 'calendar'],
        message: `no calendar named ${JSON.stringify(w.calendar)}; define it under sla.calendars or use one of: ${defined}`,
      });
    w.host_groups.forEach((g, j) => {
      if (!groups.has(g))
        issues.push({
          path: [...at, 'host_groups', j],
          message: `no host group named ${JSON.stringify(g)}; define it under maintenance.host_groups${groups.size ? ` or use one of: ${[...groups.keys()].join(', ')}` : ''}`,
        });
    });
    if (w.start === '24:00')
      issues.push({ path: [...at, 'start'], message: 'a window cannot start at 24:00; use 00:00' });
  });
  return issues;
}
