import { sourceItemWriter, type SalesRecords, type SectionChannel } from '../submissions';
import { itemWriter, pick, type ListItem, type SyncWriters } from '../sync';
import { VOUCHER_FIELDS, type VoucherRecord, type VoucherSubmission, type VoucherTables } from './voucher-tables';

/** A voucher as the source lists it (its `status` is where the submission is). */
export function voucherRecord(item: ListItem): VoucherRecord {
  const scope = (item.scope ?? []) as { product_id: string; sku_code: string | null }[];
  return { ...pick<VoucherRecord>(item, VOUCHER_FIELDS), submission: item.status as VoucherSubmission, origin: 'source', scope };
}

export function voucherListWriters(tables: VoucherTables, records: SalesRecords): Pick<SyncWriters, 'vouchers'> {
  return {
    vouchers: (source) => {
      const write = sourceItemWriter<VoucherRecord>({
        records,
        section: 'voucher',
        actor: source === 'sandbox' ? 'sandbox' : 'api',
        idOf: (v) => v.voucher_id,
        stateOf: (v) => (v.stopped_at === null ? v.submission : 'stopped'),
        cachedState: (id) => {
          const cached = tables.voucher(id);
          return cached ? (cached.stopped_at === null ? cached.submission : 'stopped') : null;
        },
        write: (v) => tables.write(v),
      });
      return itemWriter((item) => write(voucherRecord(item), item.updated_at as number));
    },
  };
}

/** How 代金券 submissions reach the sandbox, and what its answers change. */
export function voucherChannel(tables: VoucherTables, records: SalesRecords, now: () => number): SectionChannel {
  return {
    send: (connector, s) =>
      s.action === 'create'
        ? connector.sendSalesAction('vouchers', s.payload)
        : connector.sendSalesAction(`vouchers/${encodeURIComponent(s.itemId)}/actions`, s.payload),
    taken: (s, answer, actor) => {
      const item = (answer as { voucher?: ListItem }).voucher;
      if (item) tables.write(voucherRecord(item));
      records.addHistory('voucher', s.itemId, { at: now(), actor, change: 'taken', detail: s.action });
    },
    refused: (s, reason, actor) => {
      if (s.action === 'create') tables.setSubmission(s.itemId, 'rejected', reason, now());
      records.addHistory('voucher', s.itemId, { at: now(), actor, change: 'refused', detail: reason });
    },
  };
}
