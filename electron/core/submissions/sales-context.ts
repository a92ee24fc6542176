import crypto from 'node:crypto';
import type { SqliteDatabase } from '../db';
import type { ProductsTable } from '../products';
import type { SalesRecords, SalesSection } from './sales-records';
import type { SalesPath } from './submission-sheet';

/** What each 销售管理 section's service is built with. */
export interface SalesContext {
  db: SqliteDatabase;
  records: SalesRecords;
  products: ProductsTable;
  now: () => number;
  /** act: the source takes submissions (the sandbox); local: KooGallery has no API, the seller submits in Seller Center. */
  path: () => SalesPath;
}

/** Queues a submission for the source with a fresh action id (a resend after a crash carries the same one). */
export function queueForSource(ctx: SalesContext, section: SalesSection, itemId: string, action: string, body: Record<string, unknown>): void {
  const at = ctx.now();
  ctx.records.queue(section, itemId, action, { action_id: crypto.randomUUID(), ...body, at }, at);
  ctx.records.addHistory(section, itemId, { at, actor: 'seller', change: 'queued', detail: action });
}
