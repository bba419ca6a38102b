import { statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Calendar } from '@opsdesk/calendar';
import type { AppContext } from '../context';
import type { VulnerabilitiesConfig } from './config';
import type { VulnSeverity } from './model';

/** The calendar whose days the SLA counts: the configured one, else the first of sla.calendars. */
export function slaCalendar(ctx: AppContext): Calendar {
  const name = ctx.config.vulnerabilities.sla.calendar;
  const found = name === undefined ? undefined : ctx.sla.calendars.get(name);
  // config validation guarantees the named one exists, and sla.calendars is never empty
  return found ?? (ctx.sla.calendars.values().next().value as Calendar);
}

/** How many days a finding of this severity gets; undefined: no deadline. */
export function slaDays(
  sla: VulnerabilitiesConfig['sla'],
  severity: VulnSeverity,
  knownExploited: boolean,
): number | undefined {
  const days = sla.days[severity];
  const kev = knownExploited ? sla.known_exploited_days : undefined;
  if (kev === undefined) return days;
  return days === undefined ? kev : Math.min(days, kev);
}

/**
 * The remediation deadline of a finding whose clock started at `startMs`: the end of the N-th day
 * after that date (its own day never counts), calendar days or the calendar's working days.
 */
export function remediationDueAt(
  calendar: Calendar,
  sla: VulnerabilitiesConfig['sla'],
  severity: VulnSeverity,
  knownExploited: boolean,
  startMs: number,
): number | null {
  const days = slaDays(sla, severity, knownExploited);
  if (days === undefined) return null;
  return sla.days_kind === 'business'
    ? calendar.addWorkingDays(startMs, days)
    : calendar.addCalendarDays(startMs, days);
}

export function dueAtFor(ctx: AppContext, severity: VulnSeverity, knownExploited: boolean, startMs: number) {
  return remediationDueAt(
    slaCalendar(ctx),
    ctx.config.vulnerabilities.sla,
    severity,
    knownExploited,
    startMs,
  );
}

interface KevCache {
  file: string;
  mtimeMs: number;
  size: number;
  ids: ReadonlySet<string>;
}
const kevCaches = new WeakMap<AppContext, KevCache>();

/**
 * CVE ids of the known-exploited list (CISA KEV JSON: `{ vulnerabilities: [{ cveID }] }`), read
 * again when the file changes. A missing or broken file is logged and counts as an empty list:
 * deadlines fall back to the severity's, an import is never refused for it.
 */
export function knownExploitedIds(ctx: AppContext): ReadonlySet<string> {
  const configured = ctx.config.vulnerabilities.known_exploited_file;
  if (configured === undefined) return new Set();
  const file = path.resolve(configured);
  const cached = kevCaches.get(ctx);
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(file);
  } catch (err) {
    if (cached?.file !== file || cached.mtimeMs !== -1)
      ctx.log.warn(
        { file, err: (err as Error).message },
        'vulnerabilities.known_exploited_file cannot be read; deadlines ignore known exploitation until it can',
      );
    kevCaches.set(ctx, { file, mtimeMs: -1, size: -1, ids: new Set() });
    return new Set();
  }
  if (cached && cached.file === file && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size)
    return cached.ids;
  let ids = new Set<string>();
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { vulnerabilities?: Array<{ cveID?: unknown }> };
    if (!Array.isArray(doc.vulnerabilities))
      throw new Error('no vulnerabilities array (expected the CISA KEV JSON feed)');
    ids = new Set(
      doc.vulnerabilities
        .map((v) => v.cveID)
        .filter((x): x is string => typeof x === 'string')
        .map((x) => x.toUpperCase()),
    );
  } catch (err) {
    ctx.log.warn(
      { file, err: (err as Error).message },
      'vulnerabilities.known_exploited_file is not the CISA KEV JSON feed; deadlines ignore known exploitation until it is',
    );
  }
  kevCaches.set(ctx, { file, mtimeMs: stat.mtimeMs, size: stat.size, ids });
  return ids;
}
