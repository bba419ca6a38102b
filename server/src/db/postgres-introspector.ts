import {
  sql,
  type ColumnMetadata,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Kysely's PostgreSQL introspector, limited to the schema the connection's search_path names.
 * Kysely's own reads the tables of every schema in the database, casting each schema's name
 * (has_schema_privilege, pg_get_serial_sequence): a schema another client drops meanwhile fails
 * the whole read with `schema "…" does not exist` — a start of the server (its Migrator asks
 * which tables exist) then failed because of someone else's schema. It is also a read of the
 * whole catalogue where the server needs its own few tables.
 */
export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`SELECT current_schema() AS name`.execute(this.db);
    return r.rows.filter((x) => x.name !== null);
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const r = await sql<{
      schema: string;
      table: string;
      table_type: string;
      column: string;
      data_type: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
    }>`SELECT c.table_schema AS schema, c.table_name AS table, t.table_type, c.column_name AS column,
              c.data_type, c.is_nullable, c.column_default
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema()
        ORDER BY c.table_name, c.ordinal_position`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: ColumnMetadata[] }>();
    for (const row of r.rows) {
      if (!options.withInternalKyselyTables && KYSELY_TABLES.has(row.table)) continue;
      let table = tables.get(row.table);
      if (!table) {
        table = {
          name: row.table,
          schema: row.schema,
          isView: row.table_type === 'VIEW',
          isForeign: row.table_type === 'FOREIGN',
          columns: [],
        };
        tables.set(row.table, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.data_type,
        isNullable: row.is_nullable === 'YES',
        hasDefaultValue: row.column_default !== null,
        isAutoIncrementing: row.column_default?.startsWith('nextval(') ?? false,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions) {
    return { tables: await this.getTables(options) };
  }
}
