import type Database from 'better-sqlite3';
import { CoreError } from '../contract';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Fails before anything is written when the file comes from a newer app version. */
export function refuseNewerSchema(db: Database.Database, migrations: readonly Migration[], file: string): void {
  const found = schemaVersion(db);
  const supported = latestVersion(migrations);
  if (found > supported) {
    throw new CoreError(
      'SCHEMA_TOO_NEW',
      `The database ${file} has schema version ${found}, but this version of Seller Desk supports up to ${supported}. ` +
        'It was written by a newer Seller Desk; update the app. The file was not changed.',
      { reason: 'db.tooNew', params: { file, found, supported } },
    );
  }
}

/** Applies every pending migration, each in its own transaction together with its version bump. */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): number {
  assertOrdered(migrations);
  let current = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    current = migration.version;
  }
  return current;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = i === 0 ? 0 : migrations[i - 1]!.version;
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Migration "${m.name}" has version ${m.version}; versions must increase`);
    }
  });
}
