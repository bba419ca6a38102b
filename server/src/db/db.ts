/**
 * The one query layer for SQLite and PostgreSQL. SQL is written once with `?` placeholders; the
 * PostgreSQL driver numbers them. Times are stored as integer milliseconds since the epoch (UTC),
 * JSON as text, booleans as 0/1, so rows read the same from either database.
 */
export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** returns the number of rows changed */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** `labels ->> key` in this dialect; the key is passed as a parameter */
  jsonText(column: string): string;
  /** true when the store answers (for /-/ready) */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Unique-constraint violation, whichever database raised it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//.test(database);
}
