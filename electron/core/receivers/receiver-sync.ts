import { MESSAGE_CHANNELS, MESSAGE_CATEGORIES, normalizeMobile, type MessageChannel, newItemId } from '../conventions';
import { itemWriter, type ListItem, type PageWriter } from '../sync';
import type { ReceiverActor, ReceiverCategoryRecord, ReceiverRecord, ReceiverTables } from './receiver-tables';

/**
 * A category's receivers as the source lists them (the sandbox's `receivers` list: `category_code`,
 * `category_name`, `channels`, `receivers` with `name`, `email`, `phone`). Receivers already stored
 * keep their ids.
 */
export function receiverCategoryRecord(item: ListItem, stored: ReceiverCategoryRecord | null): ReceiverCategoryRecord {
  const code = String(item.category_code);
  const listed = (item.receivers ?? []) as { name?: string; email?: string | null; phone?: string | null; mobile?: string | null }[];
  const unused = [...(stored?.receivers ?? [])];
  const receivers = listed.map((r): ReceiverRecord => {
    const phone = r.mobile ?? r.phone ?? null;
    const fields = { name: String(r.name ?? ''), email: r.email || null, mobile: phone ? (normalizeMobile(phone) ?? phone) : null };
    const same = unused.findIndex((s) => s.name === fields.name && s.email === fields.email && s.mobile === fields.mobile);
    const id = same >= 0 ? unused.splice(same, 1)[0]!.receiver_id : newItemId('RV');
    return { receiver_id: id, ...fields };
  });
  const channels = ((item.channels ?? []) as string[]).filter((c): c is MessageChannel => (MESSAGE_CHANNELS as readonly string[]).includes(c));
  return {
    category_code: code,
    category_name: String(item.category_name ?? MESSAGE_CATEGORIES.find((c) => c.code === code)?.zh ?? code),
    channels: MESSAGE_CHANNELS.filter((c) => channels.includes(c)),
    origin: 'source',
    local_changes_at: null,
    updated_at: Number(item.updated_at),
    receivers,
  };
}

/**
 * The `receivers` sync resource: each listed category written whole, unless the seller changed it
 * here and has not entered it in Seller Center yet (the source does not know that change: a sync
 * must not undo it). A category listed differently from what is stored gets a history entry (at
 * the time of the sync).
 */
export function receiverListWriters(tables: ReceiverTables, now: () => number): { receivers: (source: 'sandbox' | 'koogallery') => PageWriter } {
  return {
    receivers: (source) => {
      const actor: ReceiverActor = source === 'sandbox' ? 'sandbox' : 'api';
      return itemWriter((item) => {
        const stored = tables.category(String(item.category_code));
        if (stored?.local_changes_at != null) return;
        const record = receiverCategoryRecord(item, stored);
        if (stored && signature(stored) === signature(record)) return;
        tables.write(record);
        tables.addHistory(record.category_code, {
          at: now(),
          actor,
          change: stored ? 'changed' : 'listed',
          detail: `${record.receivers.length} receiver(s); ${record.channels.join(',')}`,
        });
      });
    },
  };
}

function signature(record: ReceiverCategoryRecord): string {
  return JSON.stringify([record.category_name, record.channels, record.receivers.map((r) => [r.name, r.email, r.mobile])]);
}
