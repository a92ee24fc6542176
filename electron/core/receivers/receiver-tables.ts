import type { MessageChannel } from '../conventions';
import type { SqliteDatabase } from '../db';

export interface ReceiverRecord {
  receiver_id: string;
  name: string;
  email: string | null;
  /** 11 digits. */
  mobile: string | null;
}

/** A message category as stored, with its receivers in order. */
export interface ReceiverCategoryRecord {
  category_code: string;
  category_name: string;
  channels: MessageChannel[];
  origin: 'source' | 'local';
  /** When the seller last changed it here; null once it matches Seller Center. */
  local_changes_at: number | null;
  updated_at: number;
  receivers: ReceiverRecord[];
}

export type ReceiverActor = 'seller' | 'sandbox' | 'api';

export interface ReceiverHistoryEntry {
  at: number;
  actor: ReceiverActor;
  change: string;
  detail: string | null;
}

type CategoryRow = Omit<ReceiverCategoryRecord, 'channels' | 'receivers'> & { channels_json: string };

/** The `receiver_categories`, `receivers` and `receiver_history` tables: every statement that touches them. */
export class ReceiverTables {
  constructor(private readonly db: SqliteDatabase) {}

  categories(): ReceiverCategoryRecord[] {
    const rows = this.db.prepare('SELECT * FROM receiver_categories ORDER BY category_code').all() as CategoryRow[];
    const receivers = this.db
      .prepare('SELECT receiver_id, category_code, name, email, mobile FROM receivers ORDER BY category_code, position, receiver_id')
      .all() as (ReceiverRecord & { category_code: string })[];
    return rows.map((row) => fromRow(row, receivers.filter((r) => r.category_code === row.category_code).map(withoutCategory)));
  }

  category(code: string): ReceiverCategoryRecord | null {
    const row = this.db.prepare('SELECT * FROM receiver_categories WHERE category_code = ?').get(code) as CategoryRow | undefined;
    if (!row) return null;
    const receivers = this.db
      .prepare('SELECT receiver_id, name, email, mobile FROM receivers WHERE category_code = ? ORDER BY position, receiver_id')
      .all(code) as ReceiverRecord[];
    return fromRow(row, receivers);
  }

  /** The category a receiver belongs to; null when there is no such receiver. */
  categoryOf(receiverId: string): string | null {
    return (this.db.prepare('SELECT category_code FROM receivers WHERE receiver_id = ?').pluck().get(receiverId) as string | undefined) ?? null;
  }

  /** Writes a category whole: its channels and its receivers (replaced, in the given order). */
  write(record: ReceiverCategoryRecord): void {
    this.db
      .prepare(
        `INSERT INTO receiver_categories (category_code, category_name, channels_json, origin, local_changes_at, updated_at)
         VALUES (@category_code, @category_name, @channels_json, @origin, @local_changes_at, @updated_at)
         ON CONFLICT (category_code) DO UPDATE SET category_name = excluded.category_name, channels_json = excluded.channels_json,
           origin = excluded.origin, local_changes_at = excluded.local_changes_at, updated_at = excluded.updated_at`,
      )
      .run({
        category_code: record.category_code,
        category_name: record.category_name,
        channels_json: JSON.stringify(record.channels),
        origin: record.origin,
        local_changes_at: record.local_changes_at,
        updated_at: record.updated_at,
      });
    this.db.prepare('DELETE FROM receivers WHERE category_code = ?').run(record.category_code);
    const add = this.db.prepare(`INSERT INTO receivers (receiver_id, category_code, position, name, email, mobile, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    record.receivers.forEach((r, position) => add.run(r.receiver_id, record.category_code, position, r.name, r.email, r.mobile, record.updated_at));
  }

  /** Marks the category as matching Seller Center again. */
  clearLocalChanges(code: string): void {
    this.db.prepare('UPDATE receiver_categories SET local_changes_at = NULL WHERE category_code = ?').run(code);
  }

  addHistory(code: string, entry: ReceiverHistoryEntry): void {
    this.db
      .prepare('INSERT INTO receiver_history (category_code, at, actor, change, detail) VALUES (?, ?, ?, ?, ?)')
      .run(code, entry.at, entry.actor, entry.change, entry.detail);
  }

  history(code: string): ReceiverHistoryEntry[] {
    return this.db
      .prepare('SELECT at, actor, change, detail FROM receiver_history WHERE category_code = ? ORDER BY at, id')
      .all(code) as ReceiverHistoryEntry[];
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

function fromRow({ channels_json, ...row }: CategoryRow, receivers: ReceiverRecord[]): ReceiverCategoryRecord {
  return { ...row, channels: JSON.parse(channels_json) as MessageChannel[], receivers };
}

function withoutCategory({ receiver_id, name, email, mobile }: ReceiverRecord & { category_code: string }): ReceiverRecord {
  return { receiver_id, name, email, mobile };
}
