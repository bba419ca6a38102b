import { readFileSync } from 'node:fs';
import type { Connection } from './args';

/** The answer to one report: delivered (recorded now or before), try again later, or fix something. */
export type Delivery =
  | { kind: 'delivered'; status: number; recordedBefore: boolean }
  | { kind: 'retry'; reason: string }
  | { kind: 'rejected'; status: number; reason: string };

/** A setting that stops every delivery (no server URL, no token): exit 78 (EX_CONFIG). */
export class ConfigError extends Error {}

/** The token, read each time (a rotated token file is picked up by the next run). */
export function readToken(conn: Connection): string {
  if (conn.tokenFile) {
    let text: string;
    try {
      text = readFileSync(conn.tokenFile, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(`cannot read the token file ${conn.tokenFile}: ${(err as Error).message}`);
    }
    if (!text)
      throw new ConfigError(`the token file ${conn.tokenFile} is empty: put the backups:ingest token in it`);
    return text;
  }
  if (conn.token) return conn.token;
  throw new ConfigError(
    'no token: give --token-file FILE (or OPSDESK_BACKUP_TOKEN_FILE / OPSDESK_BACKUP_TOKEN) with a token of scope backups:ingest ' +
      '(an admin creates it: POST /api/v1/tokens {"name":"backup-<host>","role":"editor","scope":"backups:ingest"})',
  );
}

export function serverUrlOf(conn: Connection): string {
  if (!conn.serverUrl) {
    throw new ConfigError('no server: give --server URL or OPSDESK_SERVER_URL (e.g. http://opsdesk:9744)');
  }
  return conn.serverUrl;
}

/**
 * POSTs one report. 201 (recorded) and 200 (this id was recorded before: a resend after a lost
 * answer) are delivered; no answer, a timeout, 408, 429 and 5xx are worth another try later; any
 * other 4xx will not get better by waiting (unknown policy, bad token, a body the server refuses),
 * so it is rejected with the server's own message and what to fix.
 */
export async function postReport(conn: Connection, path: string, body: unknown): Promise<Delivery> {
  const url = `${serverUrlOf(conn)}${path}`;
  const token = readToken(conn);
  let res: Response;
  try {
    res = await send(url, token, body, conn.timeoutMs);
  } catch (first) {
    // a kept-alive connection the server closed meanwhile, or a reset: one more try at once is safe,
    // since the id makes a report that did get through the first time record once
    if (!isDroppedConnection(first))
      return { kind: 'retry', reason: `${url}: ${networkReason(first, conn)}` };
    try {
      res = await send(url, token, body, conn.timeoutMs);
    } catch (err) {
      return { kind: 'retry', reason: `${url}: ${networkReason(err, conn)}` };
    }
  }
  const text = await res.text().catch(() => '');
  if (res.status === 201 || res.status === 200) {
    return { kind: 'delivered', status: res.status, recordedBefore: res.status === 200 };
  }
  const serverMessage = errorMessage(text);
  if (res.status >= 500 || res.status === 408 || res.status === 429) {
    return {
      kind: 'retry',
      reason: `${url} answered ${res.status}${serverMessage ? `: ${serverMessage}` : ''}`,
    };
  }
  return {
    kind: 'rejected',
    status: res.status,
    reason: `${url} answered ${res.status}: ${serverMessage || text.slice(0, 300)}; ${fixFor(res.status, conn)}`,
  };
}

function send(url: string, token: string, body: unknown, timeoutMs: number): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

type NetError = Error & { cause?: { code?: string; message?: string } };

function isDroppedConnection(err: unknown): boolean {
  const cause = (err as NetError).cause;
  return (
    cause?.code === 'ECONNRESET' ||
    cause?.code === 'UND_ERR_SOCKET' ||
    /other side closed/.test(cause?.message ?? '')
  );
}

function networkReason(err: unknown, conn: Connection): string {
  const e = err as NetError;
  if (e.name === 'TimeoutError') return `no answer within ${conn.timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.message)
      return body.error.code ? `${body.error.code}: ${body.error.message}` : body.error.message;
  } catch {
    // not the server's JSON error (a proxy's page)
  }
  return '';
}

function fixFor(status: number, conn: Connection): string {
  const tokenFrom = conn.tokenFile ? `the token in ${conn.tokenFile}` : 'the token in OPSDESK_BACKUP_TOKEN';
  switch (status) {
    case 401:
      return `${tokenFrom} is unknown or revoked: create a token with scope backups:ingest and put it there`;
    case 403:
      return `${tokenFrom} may not report backups: it needs scope backups:ingest (or role editor)`;
    case 404:
      return `check --server (${conn.serverUrl}): it must be the OpsDesk server, at a version with backups`;
    case 409:
      return 'this report id was recorded before with different content: the spooled file was changed; move it away';
    default:
      return "fix what the server names (an unknown --policy must be added to the server's backups.policies config), then run opsdesk-backup flush --include-rejected";
  }
}
