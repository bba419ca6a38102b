import { sql } from 'kysely';
import type { Db } from '../db';
import type { NewRow, Row } from '../db/tables';
import type { TokenInfo } from './schema';

export type TokenRow = Row<'tokens'>;

const ADMIN_LOCK = 0x0905d35e;

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toTokenInfo(r: TokenRow): TokenInfo {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    grafanaPlugin: Number(r.grafana_plugin ?? 0) === 1,
    scope: (r.scope ?? null) as TokenInfo['scope'],
    createdAt: iso(r.created_at) as string,
    createdBy: r.created_by,
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

export const tokenStore = {
  insert: async (db: Db, t: Omit<NewRow<'tokens'>, 'last_used_at' | 'revoked_at'>): Promise<void> => {
    await db.kysely
      .insertInto('tokens')
      .values({ ...t, last_used_at: null, revoked_at: null })
      .execute();
  },
  byHash: (db: Db, hash: string) =>
    db.kysely
      .selectFrom('tokens')
      .selectAll()
      .where('hash', '=', hash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  byName: (db: Db, name: string) =>
    db.kysely.selectFrom('tokens').selectAll().where('name', '=', name).executeTakeFirst(),
  /** any token with this secret, revoked or not (hashes are unique) */
  anyByHash: (db: Db, hash: string) =>
    db.kysely.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst(),
  /**
   * Serialises changes to the set of admin tokens inside a transaction: SQLite transactions are
   * already serial (BEGIN IMMEDIATE); PostgreSQL takes a transaction-scoped advisory lock, so two
   * revocations running at once cannot both see the other admin still active.
   */
  lockAdmins: async (tx: Db) => {
    if (tx.kind === 'postgres')
      await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema()), ${ADMIN_LOCK})`.execute(tx.kysely);
  },
  list: (db: Db) =>
    db.kysely.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('name').execute(),
  countActiveAdmins: async (db: Db) =>
    Number(
      (
        await db.kysely
          .selectFrom('tokens')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('role', '=', 'admin')
          .where('revoked_at', 'is', null)
          .executeTakeFirst()
      )?.n ?? 0,
    ),
  touch: async (db: Db, id: string, at: number): Promise<void> => {
    await db.kysely.updateTable('tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
  /** Revokes the active token of that name; true when there was one. */
  revoke: async (db: Db, name: string, at: number): Promise<boolean> => {
    const r = await db.kysely
      .updateTable('tokens')
      .set({ revoked_at: at })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
