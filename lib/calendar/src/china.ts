import data from 'chinese-days/dist/chinese-days.json';

/**
 * Mainland China public holidays and make-up workdays (调休) as the State Council publishes them
 * each year, from the `chinese-days` package. A year is only known once it is published (usually
 * in November for the next year); `knownThroughYear` says how far the data goes.
 */
export function chinaDays(): {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
  knownThroughYear: number;
} {
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  const name = (raw: string) => {
    const [en, zh] = raw.split(',');
    return zh ? `${zh} ${en}` : (en ?? '');
  };
  for (const [date, raw] of Object.entries(data.holidays as Record<string, string>))
    holidays.set(date, name(raw));
  for (const [date, raw] of Object.entries(data.workdays as Record<string, string>))
    workdays.set(date, name(raw));
  const years = [...holidays.keys()].map((d) => Number(d.slice(0, 4)));
  return { holidays, workdays, knownThroughYear: Math.max(...years) };
}
