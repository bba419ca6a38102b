import { z } from 'zod';

/**
 * Instants the API accepts: ISO 8601 with an offset, a real calendar day (zod refuses 2026-02-30),
 * and a year in [1970, 2100). Year 0 or 9999 is a typo or a placeholder, never an incident time, and
 * PostgreSQL and JavaScript disagree about dates that far out.
 */
export const MIN_INSTANT = Date.UTC(1970, 0, 1);
export const MAX_INSTANT = Date.UTC(2100, 0, 1);

export const instant = z.iso
  .datetime({
    offset: true,
    message: 'expected an ISO 8601 time with an offset, e.g. 2026-12-01T09:30:00+08:00',
  })
  .refine(
    (s) => {
      const ms = Date.parse(s);
      return Number.isFinite(ms) && ms >= MIN_INSTANT && ms < MAX_INSTANT;
    },
    { message: 'expected a time between 1970-01-01 and 2099-12-31' },
  );

/**
 * The first string (key or value) holding a NUL byte, as a dotted path, or undefined.
 * PostgreSQL cannot store U+0000 in text, and no incident field has a use for it.
 */
export function findNul(value: unknown, at: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at.join('.') || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...at, String(i)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...at, JSON.stringify(k)].join('.');
      const found = findNul(v, [...at, k]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// eslint-disable-next-line no-control-regex -- the NUL byte is exactly what is looked for
const NUL_BYTES = /\u0000/g;

/** Replaces NUL bytes by U+FFFD in every string of a JSON value (keys included); returns a copy. */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NUL_BYTES, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map((v) => withoutNul(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k.replace(NUL_BYTES, '\uFFFD'), {
        value: withoutNul(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out as T;
  }
  return value;
}

/** `map[key]` for own properties only: `constructor`, `toString` or `__proto__` never reach Object.prototype. */
export function own<V>(map: Readonly<Record<string, V>> | undefined, key: string | undefined): V | undefined {
  if (map === undefined || key === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
