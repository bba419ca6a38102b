import type { Db } from '../db';
import type { Role } from '../http/routes';
import type { TokenInfo } from './schema';

export interface TokenRow {
  id: string;
  name: string;
  role: Role;
  hash: string;
  /** 1: the Grafana app plugin's token (migration 003) */
  grafana_plugin: number;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

const ADMIN_LOCK = 0x0905d35e;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toTokenInfo(r: TokenRow): TokenInfo {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    grafanaPlugin: Number(r.grafana_plugin ?? 0) === 1,
    createdAt: iso(r.created_at) as string,
    createdBy: r.created_by,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

export const tokenStore = {
  insert: (db: Db, t: Omit<TokenRow, 'last_used_at' | 'revoked_at'>) =>
    db.run(
      'INSERT INTO tokens (id, name, role, hash, grafana_plugin, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [t.id, t.name, t.role, t.hash, t.grafana_plugin, t.created_at, t.created_by],
    ),
  byHash: (db: Db, hash: string) =>
    db.get<TokenRow>('SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL', [hash]),
  byName: (db: Db, name: string) => db.get<TokenRow>('SELECT * FROM tokens WHERE name = ?', [name]),
  /** any token with this secret, revoked or not (hashes are unique) */
  anyByHash: (db: Db, hash: string) => db.get<TokenRow>('SELECT * FROM tokens WHERE hash = ?', [hash]),
  /**
   * Serialises changes to the set of admin tokens inside a transaction: SQLite transactions are
   * already serial (BEGIN IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock, so two
   * revocations running at once cannot both see the other admin still active.
   */
  lockAdmins: async (tx: Db) => {
    if (tx.kind === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?) AS locked', [ADMIN_LOCK]);
  },
  list: (db: Db) => db.all<TokenRow>('SELECT * FROM tokens ORDER BY created_at, name'),
  countActiveAdmins: async (db: Db) =>
    Number(
      (
        await db.get<{ n: number }>(
          "SELECT COUNT(*) AS n FROM tokens WHERE role = 'admin' AND revoked_at IS NULL",
        )
      )?.n ?? 0,
    ),
  touch: (db: Db, id: string, at: number) =>
    db.run('UPDATE tokens SET last_used_at = ? WHERE id = ?', [at, id]),
  revoke: (db: Db, name: string, at: number) =>
    db.run('UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL', [at, name]),
};
