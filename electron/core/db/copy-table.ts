import type BetterSqlite3 from 'better-sqlite3';

/**
 * Copies every row of `schema.table` (an attached database with the cache's schema) into the same
 * table of the cache, column by column by name, in one statement: no row crosses into JavaScript.
 */
export function copyTable(db: BetterSqlite3.Database, table: string, schema: string): void {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).map((name) => `"${name}"`).join(', ');
  db.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM "${schema}"."${table}"`);
}
