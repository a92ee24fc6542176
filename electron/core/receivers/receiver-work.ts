import type { z } from 'zod';
import {
  DEFAULT_CHANNELS,
  MESSAGE_CATEGORIES,
  MESSAGE_CHANNEL_TERMS,
  MESSAGE_CHANNELS,
  normalizeMobile,
  RECEIVER_FALLBACK_NOTICE,
  receiverProblems,
  RECEIVERS_PER_CATEGORY,
  unreachableChannel,
  type MessageChannel,
  type ReceiverFields,
  type ReceiverProblem,
  newItemId,
} from '../conventions';
import { CoreError, type receiverCategorySchema, type receiverSchema } from '../contract';
import type { ReceiverCategoryRecord, ReceiverHistoryEntry, ReceiverRecord, ReceiverTables } from './receiver-tables';

type CategoryView = z.output<typeof receiverCategorySchema>;
type ReceiverView = z.output<typeof receiverSchema>;

/** Optional text in the contract: absent keeps the value, '' or null clears it. */
type Change = string | null | undefined;

/**
 * 消息接收管理: receivers per message category and the channels they get messages on. KooGallery has
 * no API for it (design.md §11 local path): a change is made here, checked by the rules Seller
 * Center applies, and shown with its submission sheet until the seller has entered it there
 * (`markEntered`); until then a sync does not undo it.
 */
export class ReceiverWork {
  constructor(
    private readonly tables: ReceiverTables,
    private readonly now: () => number,
  ) {}

  /** The known categories first (101, 102, 501, 901), then any other the source listed. */
  list(): { categories: CategoryView[]; path: 'local' } {
    const stored = new Map(this.tables.categories().map((c) => [c.category_code, c]));
    const known = MESSAGE_CATEGORIES.map((c) => stored.get(c.code) ?? unsetCategory(c.code, c.zh));
    const others = [...stored.values()].filter((c) => !MESSAGE_CATEGORIES.some((k) => k.code === c.category_code));
    return { categories: [...known, ...others].map(view), path: 'local' };
  }

  detail(code: string): { category: CategoryView; history: ReceiverHistoryEntry[] } {
    return { category: view(this.requireCategory(code)), history: this.tables.history(code) };
  }

  add(input: { categoryCode: string; name: string; email?: string | undefined; mobile?: string | undefined }): {
    category: CategoryView;
    receiver: ReceiverView;
  } {
    const category = this.requireCategory(input.categoryCode);
    if (category.receivers.length >= RECEIVERS_PER_CATEGORY) {
      throw new CoreError('CONFLICT', `${category.category_name} already has ${category.receivers.length} receivers, the most it takes`, {
        reason: 'receivers.limit',
        params: { category: category.category_name, limit: RECEIVERS_PER_CATEGORY },
      });
    }
    const receiver = this.checked(category, { receiver_id: newItemId('RV'), name: '', email: null, mobile: null }, input);
    const after = this.change(category.category_code, { ...category, receivers: [...category.receivers, receiver] }, 'receiverAdded', receiver.name);
    return { category: after, receiver: receiverView(receiver) };
  }

  update(input: { receiverId: string; name?: string | undefined; email?: Change; mobile?: Change }): { category: CategoryView; receiver: ReceiverView } {
    const category = this.categoryOfReceiver(input.receiverId);
    const before = category.receivers.find((r) => r.receiver_id === input.receiverId)!;
    const receiver = this.checked(category, before, input);
    const receivers = category.receivers.map((r) => (r.receiver_id === receiver.receiver_id ? receiver : r));
    return { category: this.change(category.category_code, { ...category, receivers }, 'receiverChanged', receiver.name), receiver: receiverView(receiver) };
  }

  remove(receiverId: string): { category: CategoryView } {
    const category = this.categoryOfReceiver(receiverId);
    const removed = category.receivers.find((r) => r.receiver_id === receiverId)!;
    const receivers = category.receivers.filter((r) => r.receiver_id !== receiverId);
    return { category: this.change(category.category_code, { ...category, receivers }, 'receiverRemoved', removed.name) };
  }

  setChannels(code: string, channels: MessageChannel[]): { category: CategoryView } {
    const category = this.requireCategory(code);
    const ordered = MESSAGE_CHANNELS.filter((c) => channels.includes(c));
    const unreachable = unreachableChannel(ordered, category.receivers);
    if (unreachable) {
      const field = unreachable === 'email' ? 'email' : 'mobile';
      throw new CoreError(
        'VALIDATION',
        `${category.category_name}: no receiver has ${field === 'email' ? 'an email address' : 'a mobile number'} for ${unreachable}`,
        {
          reason: 'receivers.channelUnreachable',
          params: { category: category.category_name, channel: unreachable, field },
          issues: [
            {
              path: 'channels',
              message: `a receiver with ${field} for ${unreachable}`,
              reason: 'receivers.channelUnreachable',
              params: { channel: unreachable, field },
            },
          ],
        },
      );
    }
    return { category: this.change(code, { ...category, channels: ordered }, 'channelsSet', ordered.join(',')) };
  }

  /** Local path: what changed here has been entered in Seller Center. */
  markEntered(code: string): { category: CategoryView } {
    const category = this.requireCategory(code);
    if (category.local_changes_at === null) return { category: view(category) };
    this.tables.transaction(() => {
      this.tables.clearLocalChanges(code);
      this.tables.addHistory(code, { at: this.now(), actor: 'seller', change: 'enteredInSellerCenter', detail: null });
    });
    return { category: view(this.requireCategory(code)) };
  }

  /** The receiver after `changes`, every rule checked; each problem named with its field and what is expected. */
  private checked(
    category: ReceiverCategoryRecord,
    before: ReceiverRecord,
    changes: { name?: string | undefined; email?: Change; mobile?: Change },
  ): ReceiverRecord {
    const fields: ReceiverFields = {
      name: changes.name ?? before.name,
      email: changes.email === undefined ? before.email : changes.email?.trim() || null,
      mobile: changes.mobile === undefined ? before.mobile : changes.mobile?.trim() || null,
    };
    const problems = receiverProblems(fields, category.channels);
    const others = category.receivers.filter((r) => r.receiver_id !== before.receiver_id);
    const mobile = fields.mobile === null ? null : normalizeMobile(fields.mobile);
    if (fields.email && others.some((r) => r.email?.toLowerCase() === fields.email!.toLowerCase()))
      problems.push({ field: 'email', reason: 'duplicate', expected: 'an email address no other receiver of the category has', value: fields.email });
    if (mobile && others.some((r) => r.mobile === mobile))
      problems.push({ field: 'mobile', reason: 'duplicate', expected: 'a mobile number no other receiver of the category has', value: fields.mobile! });
    if (problems.length > 0) throw invalid(problems);
    return { receiver_id: before.receiver_id, name: fields.name.trim(), email: fields.email, mobile };
  }

  /** Stores the category as changed here (awaiting entry in Seller Center), with the change in its history. */
  private change(code: string, record: ReceiverCategoryRecord, change: string, detail: string): CategoryView {
    const now = this.now();
    this.tables.transaction(() => {
      this.tables.write({ ...record, origin: 'local', local_changes_at: now, updated_at: now });
      this.tables.addHistory(code, { at: now, actor: 'seller', change, detail });
    });
    return view(this.requireCategory(code));
  }

  private requireCategory(code: string): ReceiverCategoryRecord {
    const stored = this.tables.category(code);
    if (stored) return stored;
    const known = MESSAGE_CATEGORIES.find((c) => c.code === code);
    if (known) return unsetCategory(known.code, known.zh);
    throw new CoreError('NOT_FOUND', `Message category ${code} is not known`, { reason: 'receivers.unknownCategory', params: { categoryCode: code } });
  }

  private categoryOfReceiver(receiverId: string): ReceiverCategoryRecord {
    const code = this.tables.categoryOf(receiverId);
    if (!code) throw new CoreError('NOT_FOUND', `Receiver ${receiverId} does not exist`, { reason: 'receivers.notFound', params: { receiverId } });
    return this.requireCategory(code);
  }
}

/** A known category nobody has set or listed yet: every channel, no receiver. */
function unsetCategory(code: string, name: string): ReceiverCategoryRecord {
  return { category_code: code, category_name: name, channels: [...DEFAULT_CHANNELS], origin: 'source', local_changes_at: null, updated_at: 0, receivers: [] };
}

function view(record: ReceiverCategoryRecord): CategoryView {
  const pending = record.local_changes_at !== null;
  return {
    code: record.category_code,
    name: record.category_name,
    channels: record.channels,
    receivers: record.receivers.map(receiverView),
    limit: RECEIVERS_PER_CATEGORY,
    fallbackNotice: record.receivers.length === 0 ? RECEIVER_FALLBACK_NOTICE : null,
    unreachableChannel: unreachableChannel(record.channels, record.receivers),
    origin: record.origin,
    pending,
    sheet: pending ? sheetOf(record) : null,
    updatedAt: record.updated_at === 0 ? null : record.updated_at,
  };
}

function receiverView(r: ReceiverRecord): ReceiverView {
  return { receiverId: r.receiver_id, name: r.name, email: r.email, mobile: r.mobile };
}

/** What the seller enters in Seller Center's 消息中心 for the category. */
function sheetOf(record: ReceiverCategoryRecord): CategoryView['sheet'] {
  return {
    menuPath: '卖家中心 › 消息中心 › 消息接收管理',
    fields: [
      { label: '消息类别', value: `${record.category_name}（${record.category_code}）` },
      { label: '接收方式', value: record.channels.map((c) => MESSAGE_CHANNEL_TERMS[c].zh).join('、') },
      ...(record.receivers.length === 0
        ? [{ label: '接收人', value: `（无）${RECEIVER_FALLBACK_NOTICE}` }]
        : record.receivers.map((r, i) => ({ label: `接收人${i + 1}`, value: [r.name, r.email ?? '—', r.mobile ?? '—'].join('，') }))),
    ],
  };
}

function invalid(problems: ReceiverProblem[]): CoreError {
  const issues = problems.map((p) => ({
    path: p.field,
    message: `${p.field}: expected ${p.expected}`,
    reason: `receivers.${p.reason}`,
    params: { field: p.field, expected: p.expected, value: p.value },
  }));
  const first = issues[0]!;
  return new CoreError('VALIDATION', issues.map((i) => i.message).join('; '), { reason: first.reason, params: first.params, issues });
}
