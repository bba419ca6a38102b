/**
 * Errors that say the database cannot serve right now (down, unreachable, its schema gone, full,
 * locked, out of connections, a statement timeout) rather than that the request was wrong. The
 * server answers them 503 with Retry-After: Alertmanager retries a 5xx, and a person retries later.
 */
const POSTGRES_CLASSES = ['08', '53', '57', '58', '3D', '40'];
const POSTGRES_CODES = new Set(['42P01', '3F000', 'XX000', 'XX001', 'XX002']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
const SQLITE_PREFIXES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_NOMEM',
  'SQLITE_PROTOCOL',
];
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /database connection is not open/i,
  /cannot use a pool after calling end/i,
  /Client has encountered a connection error/i,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | undefined;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && (POSTGRES_CODES.has(code) || POSTGRES_CLASSES.includes(code.slice(0, 2))))
    return true;
  if (SQLITE_PREFIXES.some((p) => code.startsWith(p))) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (MESSAGES.some((re) => re.test(message))) return true;
  // AggregateError from net.connect when every address of a host refuses
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner));
}
