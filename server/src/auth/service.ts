import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../db';
import { isUniqueViolation } from '../db';
import { ApiError } from '../http/errors';
import type { Caller, Role } from '../http/routes';
import type { TokenInfo } from './schema';
import { tokenStore, toTokenInfo } from './store';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** `odk_` + 32 random bytes: high entropy, so a plain SHA-256 is enough to store it. */
export function newTokenSecret(): string {
  return `odk_${randomBytes(32).toString('base64url')}`;
}

export async function createToken(
  db: Db,
  name: string,
  role: Role,
  createdBy: string,
  secret = newTokenSecret(),
): Promise<TokenInfo & { token: string }> {
  const row = {
    id: randomUUID(),
    name,
    role,
    hash: hashToken(secret),
    created_at: Date.now(),
    created_by: createdBy,
  };
  try {
    await tokenStore.insert(db, row);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ApiError(
        409,
        'token_exists',
        `a token named ${name} already exists; revoke it first or pick another name`,
      );
    throw err;
  }
  return { ...toTokenInfo({ ...row, last_used_at: null, revoked_at: null }), token: secret };
}

export async function revokeToken(db: Db, name: string): Promise<void> {
  const t = await tokenStore.byName(db, name);
  if (!t || t.revoked_at !== null) throw new ApiError(404, 'not_found', `no active token named ${name}`);
  if (t.role === 'admin' && (await tokenStore.countActiveAdmins(db)) <= 1) {
    throw new ApiError(
      409,
      'last_admin',
      `${name} is the last admin token; create another admin token before revoking it`,
    );
  }
  await tokenStore.revoke(db, name, Date.now());
}

/** First start: when no admin token exists, OPSDESK_BOOTSTRAP_TOKEN becomes one, named `bootstrap`. */
export async function ensureBootstrapToken(db: Db, secret: string | undefined): Promise<boolean> {
  if (!secret) return false;
  if ((await tokenStore.countActiveAdmins(db)) > 0) return false;
  if (secret.length < 16) throw new Error('OPSDESK_BOOTSTRAP_TOKEN must be at least 16 characters');
  const existing = await tokenStore.byName(db, 'bootstrap');
  await createToken(
    db,
    existing ? `bootstrap-${Date.now()}` : 'bootstrap',
    'admin',
    'OPSDESK_BOOTSTRAP_TOKEN',
    secret,
  );
  return true;
}

function grafanaUser(req: Request): string | undefined {
  const user = req.get('x-grafana-user');
  if (user) return user.slice(0, 200);
  const ctx = req.get('x-grafana-context');
  if (!ctx) return undefined;
  try {
    const parsed = JSON.parse(ctx) as { Login?: string; UserID?: number; UserId?: number };
    if (parsed.Login) return String(parsed.Login).slice(0, 200);
    const id = parsed.UserID ?? parsed.UserId;
    return id !== undefined ? `user-${id}` : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the bearer token of a request into a Caller, or throws 401. Records last use at most once a minute. */
export function authenticator(db: Db) {
  const lastTouch = new Map<string, number>();
  return async (req: Request): Promise<Caller> => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw new ApiError(
        401,
        'unauthorized',
        'missing bearer token: send Authorization: Bearer <token> (opsdesk-server token create)',
      );
    const row = await tokenStore.byHash(db, hashToken(m[1] as string));
    if (!row) throw new ApiError(401, 'unauthorized', 'unknown or revoked token');
    const now = Date.now();
    if (now - (lastTouch.get(row.id) ?? 0) > 60_000) {
      lastTouch.set(row.id, now);
      await tokenStore.touch(db, row.id, now);
    }
    const user = grafanaUser(req);
    return {
      tokenId: row.id,
      tokenName: row.name,
      role: row.role,
      grafanaUser: user,
      actor: user ? `${user} via ${row.name}` : row.name,
    };
  };
}
