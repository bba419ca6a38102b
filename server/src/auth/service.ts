import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../db';
import { isUniqueViolation } from '../db';
import { ApiError } from '../http/errors';
import type { Caller, Role, Scope } from './roles';
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
  opts: { grafanaPlugin?: boolean; scope?: Scope | undefined } = {},
): Promise<TokenInfo & { token: string }> {
  if (opts.scope !== undefined) {
    // the scope's routes write (editor); a viewer could call none of them, an admin scope is a contradiction
    if (role !== 'editor')
      throw new ApiError(
        422,
        'invalid_scope',
        `a ${opts.scope} token must have role editor (its routes record reports), not ${role}; create it with role editor`,
      );
    if (opts.grafanaPlugin)
      throw new ApiError(
        422,
        'invalid_scope',
        `the Grafana app plugin's token calls every route; create it without a scope, and a separate ${opts.scope} token`,
      );
  }
  const row = {
    id: randomUUID(),
    name,
    role,
    hash: hashToken(secret),
    grafana_plugin: opts.grafanaPlugin ? 1 : 0,
    scope: opts.scope ?? null,
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

/**
 * Revokes a token; the last active admin token is never revoked. The check and the revocation run
 * in one transaction under the admin lock, so two admins revoking each other at once leave one.
 */
export async function revokeToken(db: Db, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tokenStore.lockAdmins(tx);
    const t = await tokenStore.byName(tx, name);
    if (!t || t.revoked_at !== null) throw new ApiError(404, 'not_found', `no active token named ${name}`);
    if (t.role === 'admin' && (await tokenStore.countActiveAdmins(tx)) <= 1) {
      throw new ApiError(
        409,
        'last_admin',
        `${name} is the last admin token; create another admin token before revoking it`,
      );
    }
    await tokenStore.revoke(tx, name, Date.now());
  });
}

export type BootstrapOutcome = 'created' | 'exists' | 'not_needed' | 'revoked' | 'not_admin' | 'unset';

/**
 * First start: when no admin token exists, OPSDESK_BOOTSTRAP_TOKEN becomes one, named `bootstrap`.
 * Any restart with the same value starts the server: the token is already there (`exists`), other
 * admins exist (`not_needed`), or the value names a revoked token or a non-admin one, which is
 * never brought back or promoted (the server starts and logs how to get an admin token).
 * Replicas starting together on PostgreSQL create it once (admin lock).
 */
export async function ensureBootstrapToken(db: Db, secret: string | undefined): Promise<BootstrapOutcome> {
  if (!secret) return 'unset';
  if (secret.length < 16) throw new Error('OPSDESK_BOOTSTRAP_TOKEN must be at least 16 characters');
  return db.transaction(async (tx) => {
    await tokenStore.lockAdmins(tx);
    const same = await tokenStore.anyByHash(tx, hashToken(secret));
    if (same) return same.revoked_at !== null ? 'revoked' : same.role === 'admin' ? 'exists' : 'not_admin';
    if ((await tokenStore.countActiveAdmins(tx)) > 0) return 'not_needed';
    const existing = await tokenStore.byName(tx, 'bootstrap');
    await createToken(
      tx,
      existing ? `bootstrap-${Date.now()}` : 'bootstrap',
      'admin',
      'OPSDESK_BOOTSTRAP_TOKEN',
      secret,
    );
    return 'created';
  });
}

/**
 * The Grafana user a request was made for, as Grafana's plugin proxy sends it
 * (pkg/api/pluginproxy/pluginproxy.go): X-Grafana-Context is json.Marshal of the signed-in user
 * (user.SignedInUser, Go field names: UserID, OrgID, OrgRole, Login, Name, Email, IsAnonymous, …);
 * X-Grafana-User is its Login, only with send_user_header. The proxy overwrites X-Grafana-Context,
 * so coming through Grafana it cannot be forged; from anywhere else it can, hence plugin tokens only.
 */
export function grafanaUser(req: Request): string | undefined {
  const user = req.get('x-grafana-user');
  if (user) return user.slice(0, 200);
  const ctx = req.get('x-grafana-context');
  if (!ctx) return undefined;
  try {
    const parsed = JSON.parse(ctx) as {
      Login?: unknown;
      Email?: unknown;
      UserID?: unknown;
      IsAnonymous?: unknown;
    };
    if (typeof parsed.Login === 'string' && parsed.Login) return parsed.Login.slice(0, 200);
    if (typeof parsed.Email === 'string' && parsed.Email) return parsed.Email.slice(0, 200);
    if (parsed.IsAnonymous === true) return 'anonymous';
    return typeof parsed.UserID === 'number' && parsed.UserID > 0 ? `user-${parsed.UserID}` : undefined;
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
    // Only the plugin's token speaks for a Grafana user; any other client is its token.
    const user = Number(row.grafana_plugin) === 1 ? grafanaUser(req) : undefined;
    return {
      tokenId: row.id,
      tokenName: row.name,
      role: row.role,
      scope: (row.scope ?? null) as Scope | null,
      grafanaUser: user,
      actor: user ? `${user} via ${row.name}` : row.name,
    };
  };
}
