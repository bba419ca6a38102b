/**
 * The part of iCalendar (RFC 5545) a holiday calendar uses: all-day VEVENTs with DTSTART, an
 * optional exclusive DTEND, and a SUMMARY. An event whose summary matches `workdayPattern` is a
 * make-up workday (调休上班); every other event is a holiday. Recurrence rules are not expanded.
 */
export interface IcsDays {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
}

const DEFAULT_WORKDAY = /[(（]班[)）]|补班|调休上班|make-?up work ?day|working day/i;

function unfold(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
}

function parseDate(value: string, where: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) throw new Error(`${where}: expected a date like 20261001, got ${JSON.stringify(value)}`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function unescapeText(value: string): string {
  return value
    .replace(/\\n/gi, ' ')
    .replace(/\\([,;\\])/g, '$1')
    .trim();
}

export function parseIcs(text: string, source: string, workdayPattern: RegExp = DEFAULT_WORKDAY): IcsDays {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  let event: { start?: string; end?: string; summary: string; line: number } | undefined;
  const lines = unfold(text);
  if (!lines.some((l) => l.trim() === 'BEGIN:VCALENDAR'))
    throw new Error(`${source}: not an iCalendar file (no BEGIN:VCALENDAR)`);
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === 'BEGIN:VEVENT') event = { summary: '', line: i + 1 };
    else if (line === 'END:VEVENT' && event) {
      const where = `${source}: event at line ${event.line}`;
      if (!event.start) throw new Error(`${where}: no DTSTART`);
      const target = workdayPattern.test(event.summary) ? workdays : holidays;
      let day = new Date(`${event.start}T00:00:00Z`).getTime();
      const end = event.end ? new Date(`${event.end}T00:00:00Z`).getTime() : day + 86_400_000;
      for (; day < end; day += 86_400_000)
        target.set(new Date(day).toISOString().slice(0, 10), event.summary);
      event = undefined;
    } else if (event) {
      const colon = line.indexOf(':');
      if (colon < 0) return;
      const name = line.slice(0, colon).split(';')[0]?.toUpperCase();
      const value = line.slice(colon + 1);
      if (name === 'DTSTART') event.start = parseDate(value, `${source}:${i + 1}: DTSTART`);
      else if (name === 'DTEND') event.end = parseDate(value, `${source}:${i + 1}: DTEND`);
      else if (name === 'SUMMARY') event.summary = unescapeText(value);
    }
  });
  return { holidays, workdays };
}
