import type { SqliteDatabase } from '../db';

/** The sections whose items keep a history and queue what the seller submits: 销售管理's four and 注册Agents. */
export type SalesSection = 'requirement' | 'offer' | 'voucher' | 'plan' | 'agents';
/** Who changed an item: the seller here, the sandbox's answer, the real API's answer. */
export type SalesActor = 'seller' | 'sandbox' | 'api';

export interface HistoryEntry {
  at: number;
  actor: SalesActor;
  change: string;
  detail: string | null;
}

/** Something the seller submitted, on its way to the source; `payload.action_id` makes a resend harmless. */
export interface Submission {
  id: number;
  section: SalesSection;
  itemId: string;
  action: string;
  payload: Record<string, unknown>;
}

/**
 * The `sales_history` and `sales_submissions` tables: every item's history (who changed what, when)
 * and the seller's submissions queued until the source takes them — marked `sending` before the
 * request leaves and queued again after a crash with the same action id.
 */
export class SalesRecords {
  constructor(private readonly db: SqliteDatabase) {}

  addHistory(section: SalesSection, itemId: string, entry: HistoryEntry): void {
    this.db
      .prepare('INSERT INTO sales_history (section, item_id, at, actor, change, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(section, itemId, entry.at, entry.actor, entry.change, entry.detail);
  }

  history(section: SalesSection, itemId: string): HistoryEntry[] {
    return this.db
      .prepare('SELECT at, actor, change, detail FROM sales_history WHERE section = ? AND item_id = ? ORDER BY at, id')
      .all(section, itemId) as HistoryEntry[];
  }

  queue(section: SalesSection, itemId: string, action: string, payload: Record<string, unknown>, at: number): number {
    return Number(
      this.db
        .prepare(`INSERT INTO sales_submissions (section, item_id, action, payload, state, created_at) VALUES (?, ?, ?, ?, 'queued', ?)`)
        .run(section, itemId, action, JSON.stringify(payload), at).lastInsertRowid,
    );
  }

  queued(): Submission[] {
    const rows = this.db
      .prepare(`SELECT id, section, item_id AS itemId, action, payload FROM sales_submissions WHERE state = 'queued' ORDER BY id`)
      .all() as (Omit<Submission, 'payload'> & { payload: string })[];
    return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  }

  /** Whether the seller's change to this item still waits for the source (a sync must not undo it meanwhile). */
  waitingFor(section: SalesSection, itemId: string): boolean {
    return (
      this.db.prepare(`SELECT 1 FROM sales_submissions WHERE section = ? AND item_id = ? AND state IN ('queued', 'sending')`).pluck().get(section, itemId) !==
      undefined
    );
  }

  waitingCount(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM sales_submissions WHERE state IN ('queued', 'sending')`).pluck().get() as number;
  }

  markSending(id: number): void {
    this.db.prepare(`UPDATE sales_submissions SET state = 'sending' WHERE id = ?`).run(id);
  }

  markSent(id: number, answer: unknown, at: number): void {
    this.db
      .prepare(`UPDATE sales_submissions SET state = 'sent', answer = ?, error = NULL, sent_at = ? WHERE id = ?`)
      .run(JSON.stringify(answer ?? null), at, id);
  }

  markFailed(id: number, error: string): void {
    this.db.prepare(`UPDATE sales_submissions SET state = 'failed', error = ? WHERE id = ?`).run(error, id);
  }

  backToQueue(id: number): void {
    this.db.prepare(`UPDATE sales_submissions SET state = 'queued' WHERE id = ?`).run(id);
  }

  /** Submissions a crashed process was sending: queued again (the same action id: the source takes it once). */
  recoverSending(): number {
    return this.db.prepare(`UPDATE sales_submissions SET state = 'queued' WHERE state = 'sending'`).run().changes;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
