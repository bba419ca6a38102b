import { fromLocal, nextDate, timeZoneSchema } from '@opsdesk/calendar';
import { z } from 'zod';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { defineRoute } from '../http/routes';
import { slaReport } from './report';
import { slaReportSchema } from './schema';

const instantOrDate = z
  .string()
  .max(40)
  .refine(
    (v) => z.iso.datetime({ offset: true }).safeParse(v).success || isPlainDate(v),
    'expected an instant (2026-11-01T00:00:00+08:00) or a date (2026-11-01) that exists',
  );

function isPlainDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * An instant as given, or a date in `timeZone`: `from` its start, `to` its end (the day
 * included), so from=2026-11-01&to=2026-11-30 is the whole of November.
 */
function reportBound(value: string, bound: 'from' | 'to', timeZone: string): number {
  if (!isPlainDate(value)) return Date.parse(value);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const [yy, mm, dd] = bound === 'to' ? nextDate(y, m, d) : [y, m, d];
  return fromLocal(yy, mm, dd, 0, timeZone);
}

export function slaRoutes(ctx: AppContext) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/sla/report',
      summary:
        "SLA report for incidents detected in [from, to): met, breached, running and self-cleared per severity and goal; MTTA, MTTR, MTBF and availability per service over the elapsed part of the period (docs/sla.md). Dates (2026-11-01) are whole days in timeZone (default: the first SLA calendar's)",
      tag: 'sla',
      role: 'viewer',
      query: z.strictObject({
        from: instantOrDate,
        to: instantOrDate,
        service: z.string().max(200).optional(),
        timeZone: timeZoneSchema.optional(),
      }),
      response: slaReportSchema,
      handler: ({ query }) => {
        const timeZone = query.timeZone ?? ctx.config.sla.calendars[0]?.timezone ?? 'UTC';
        const from = reportBound(query.from, 'from', timeZone);
        const to = reportBound(query.to, 'to', timeZone);
        if (to <= from) throw badRequest('query to: must be after from');
        if (to - from > 400 * 86_400_000) throw badRequest('query from/to: at most 400 days per report');
        return slaReport(ctx, from, to, query.service);
      },
    }),
  ];
}
