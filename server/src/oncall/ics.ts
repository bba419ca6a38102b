import type { Shift } from './roster';

/**
 * A roster's shifts as an iCalendar feed (RFC 5545), written by hand because it is a few lines:
 * CRLF line ends (3.1), lines folded at 75 octets without splitting a UTF-8 character (3.1),
 * TEXT values escaped (3.3.11), times in UTC (3.3.5 form 2) so no VTIMEZONE is needed. Each shift
 * is one VEVENT whose UID is stable across fetches (roster, layer, start), so a calendar program
 * updates an event when an override changes who covers it instead of adding a second one.
 */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line: each physical line at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    // the first line holds 75 octets, a continuation line 74 after its leading space
    if (bytes + n > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n');
}

export function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function icsCalendar(roster: string, shifts: readonly Shift[], now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OpsDesk//On-call roster//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`值班 ${roster}`)}`,
  ];
  for (const s of shifts) {
    if (!s.person) continue;
    const who = s.person.name === s.person.id ? s.person.id : `${s.person.name} (${s.person.id})`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(`${roster}/${s.layer}/${icsTime(s.start)}`)}@opsdesk`,
      `DTSTAMP:${icsTime(now)}`,
      `DTSTART:${icsTime(s.start)}`,
      `DTEND:${icsTime(s.end)}`,
      `SUMMARY:${escapeText(`${roster} ${s.layer}: ${who}`)}`,
      `DESCRIPTION:${escapeText(
        `${s.source === 'rotation' ? 'rotation' : s.source === 'swap' ? 'swap' : 'override'}; ${s.layer} on call: ${who}${s.person.email ? `, ${s.person.email}` : ''}`,
      )}`,
      `CATEGORIES:${escapeText(s.layer)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
