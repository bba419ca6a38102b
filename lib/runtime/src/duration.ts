import { z } from 'zod';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const DURATION_RE = /^((\d+)y)?((\d+)w)?((\d+)d)?((\d+)h)?((\d+)m)?((\d+)s)?((\d+)ms)?$/;

/** Parses a Prometheus duration (`30s`, `5m`, `1h30m`, `250ms`) into milliseconds; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  if (text === '' || text === '0') return text === '0' ? 0 : undefined;
  const m = DURATION_RE.exec(text);
  if (!m) return undefined;
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  let total = 0;
  units.forEach((unit, i) => {
    const n = m[2 + i * 2];
    if (n !== undefined) total += Number(n) * (UNIT_MS[unit] as number);
  });
  return total;
}

export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit] as number;
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  return parts.join('');
}

/** A zod schema for a duration in config: accepts `30s`-style strings, yields milliseconds. */
export function duration(opts: { min?: string; max?: string } = {}) {
  const min = opts.min ? (parseDuration(opts.min) as number) : 0;
  const max = opts.max ? (parseDuration(opts.max) as number) : Infinity;
  return z.string().transform((text, ctx) => {
    const ms = parseDuration(text.trim());
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a duration like 30s, 5m or 1h, got ${JSON.stringify(text)}`,
      });
      return z.NEVER;
    }
    if (ms < min || ms > max) {
      const range = max === Infinity ? `at least ${opts.min}` : `between ${opts.min ?? '0s'} and ${opts.max}`;
      ctx.addIssue({ code: 'custom', message: `expected a duration ${range}, got ${JSON.stringify(text)}` });
      return z.NEVER;
    }
    return ms;
  });
}
