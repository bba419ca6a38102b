import { formatDate } from '@grafana/i18n';
import { t } from '../i18n';
import type { CalendarDay, Person, ShiftSource } from '../api/types';

/** A time of day in the roster's zone, e.g. 09:00. */
export function timeInZone(instant: number | string, timeZone: string): string {
  return formatDate(instant, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** A date and time in the roster's zone, in the user's language. */
export function dateTimeInZone(instant: number | string, timeZone: string): string {
  return formatDate(instant, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar column's heading: weekday and day of month, e.g. Mon 12/1 or 12月1日周一. */
export function dayHeading(start: number, timeZone: string): { weekday: string; date: string } {
  return {
    weekday: formatDate(start, { timeZone, weekday: 'short' }),
    date: formatDate(start, { timeZone, month: 'numeric', day: 'numeric' }),
  };
}

export function personName(p: Person | string | null | undefined, people?: Map<string, Person>): string {
  if (!p) return t('oncall.nobody', 'nobody');
  if (typeof p === 'string') return people?.get(p)?.name ?? p;
  return p.name || p.id;
}

export function sourceLabel(source: ShiftSource): string {
  switch (source) {
    case 'rotation':
      return t('oncall.source.rotation', 'rotation');
    case 'override':
      return t('oncall.source.override', 'override');
    case 'swap':
      return t('oncall.source.swap', 'swap');
  }
}

/** What kind of day it is on the roster's service calendar; a make-up workday (调休) says so. */
export function dayKindLabel(day: CalendarDay): string {
  if (day.kind === 'holiday')
    return day.name
      ? t('oncall.day.holidayNamed', 'Holiday: {{name}}', { name: day.name })
      : t('oncall.day.holiday', 'Holiday');
  if (day.kind === 'workday' && day.makeup) return t('oncall.day.makeup', 'Make-up workday');
  if (day.kind === 'workday') return t('oncall.day.workday', 'Workday');
  return t('oncall.day.restday', 'Rest day');
}
