import crypto from 'node:crypto';
import { normalizeText } from '../conventions';
import type { SqliteDatabase } from '../db';

export type MappedFileKind = 'orders' | 'transaction_details' | 'bills' | 'usage_records' | 'sdr_list';

/**
 * The `import_column_mappings` table: column → field mappings the seller confirmed in the mapping
 * dialog, remembered per exact header set and file kind, so the same export maps itself next time.
 */
export class ColumnMappings {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number,
  ) {}

  /** A mapping confirmed for one of these header rows (the header may be any of a file's first rows). */
  find(headerRows: unknown[][], kind: MappedFileKind): Record<string, string> {
    const find = this.db.prepare('SELECT mapping_json FROM import_column_mappings WHERE header_set_hash = ? AND file_kind = ?').pluck();
    for (const cells of headerRows) {
      const found = find.get(headerHash(cells), kind) as string | undefined;
      if (found) return JSON.parse(found) as Record<string, string>;
    }
    return {};
  }

  /** Call inside the import's transaction: the mapping is kept only if the import is. */
  remember(cells: unknown[], kind: MappedFileKind, mapping: (string | null)[]): void {
    const entries = Object.fromEntries(cells.map((c, i) => [normalizeText(c), mapping[i]]).filter(([, f]) => f));
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO import_column_mappings (header_set_hash, file_kind, headers_json, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (header_set_hash) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
      )
      .run(headerHash(cells), kind, JSON.stringify(cells.map(normalizeText)), JSON.stringify(entries), now, now);
  }
}

function headerHash(cells: unknown[]): string {
  return crypto.createHash('sha256').update(cells.map(normalizeText).join('\u0001')).digest('hex');
}
