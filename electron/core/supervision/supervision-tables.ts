import type { SupervisionAction, SupervisionFlowType, SupervisionStatus, SupervisionStep, SupervisionTurn } from '../conventions';
import type { SqliteDatabase } from '../db';

/** One flow as stored (and as a source lists it, in the sandbox's field names). */
export interface FlowRecord {
  flow_id: string;
  order_id: string;
  product_id: string | null;
  product_name: string;
  flow_type: SupervisionFlowType;
  step: SupervisionStep;
  turn: SupervisionTurn | null;
  step_entered_at: number;
  rejections: number;
  status: SupervisionStatus;
  accepted_at: number | null;
  license_code: string | null;
  origin: 'source' | 'local';
  updated_at: number;
}

export const FLOW_FIELDS = [
  'flow_id',
  'order_id',
  'product_id',
  'product_name',
  'flow_type',
  'step',
  'turn',
  'step_entered_at',
  'rejections',
  'status',
  'accepted_at',
  'license_code',
  'origin',
  'updated_at',
] as const satisfies readonly (keyof FlowRecord)[];

export type ActionState = 'queued' | 'sending' | 'sent' | 'failed' | 'recorded';
export type EventActor = 'seller' | 'customer' | 'huawei' | 'sandbox' | 'api';

/** A seller action on its way to the source: what to send (payload) and what came back. */
export interface QueuedAction {
  id: number;
  flowId: string | null;
  action: string;
  payload: Record<string, unknown>;
  state: ActionState;
}

export interface FlowEvent {
  at: number;
  actor: EventActor;
  kind: 'step' | 'rejected' | 'action';
  step: SupervisionStep | null;
  note: string | null;
  actionId?: number | null;
}

export interface TimelineRow {
  at: number;
  actor: EventActor;
  kind: 'step' | 'rejected' | 'action';
  step: SupervisionStep | null;
  action: SupervisionAction | null;
  note: string | null;
  delivery: ActionState | null;
  error: string | null;
}

export interface ProofFileRow {
  fileId: number;
  fileName: string;
  sha256: string;
  size: number;
  uploadedAt: number;
}

/**
 * The `supervision_*` tables: every statement that touches them. A flow from the source replaces the
 * cached one unless the seller acted on it here after the source's version (the action is not yet
 * in the source's answer), and each change of step is written to the flow's timeline.
 */
export class SupervisionTables {
  constructor(private readonly db: SqliteDatabase) {}

  flow(flowId: string): FlowRecord | null {
    return (this.db.prepare('SELECT * FROM supervision_flows WHERE flow_id = ?').get(flowId) as FlowRecord | undefined) ?? null;
  }

  /** The order's flow of this type, synced or started here (an order has one flow per type). */
  flowOfOrder(orderId: string, flowType: string): FlowRecord | null {
    return (this.db.prepare('SELECT * FROM supervision_flows WHERE order_id = ? AND flow_type = ?').get(orderId, flowType) as FlowRecord | undefined) ?? null;
  }

  flowByLicense(license: string): FlowRecord | null {
    return (this.db.prepare('SELECT * FROM supervision_flows WHERE license_code = ? ORDER BY updated_at DESC').get(license) as FlowRecord | undefined) ?? null;
  }

  /** The order's time and state in the cache (null when it is not cached). */
  order(orderId: string): { createdAt: number; status: string; productName: string } | null {
    const row = this.db.prepare(`SELECT created_at AS createdAt, status, product_name AS productName FROM orders WHERE order_id = ?`).get(orderId) as
      { createdAt: number; status: string; productName: string } | undefined;
    return row ?? null;
  }

  /** A writer for flows from the source, inside the caller's transaction (a sync page). */
  sourceWriter(actor: EventActor): (flow: FlowRecord) => void {
    const cached = this.db.prepare('SELECT step, rejections FROM supervision_flows WHERE flow_id = ?');
    const actedSince = this.db.prepare(`SELECT 1 FROM supervision_actions WHERE flow_id = ? AND state IN ('queued', 'sending') AND created_at > ?`).pluck();
    const upsert = this.db.prepare(
      `INSERT INTO supervision_flows (${FLOW_FIELDS.join(', ')}) VALUES (${FLOW_FIELDS.map((c) => '@' + c).join(', ')})
       ON CONFLICT (flow_id) DO UPDATE SET ${FLOW_FIELDS.slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
    );
    return (flow) => {
      if (actedSince.get(flow.flow_id, flow.updated_at)) return; // the seller's newer action wins until the source has it
      const before = cached.get(flow.flow_id) as { step: string; rejections: number } | undefined;
      upsert.run(flow);
      if (before && flow.rejections > before.rejections)
        this.addEvent(flow.flow_id, { at: flow.step_entered_at, actor, kind: 'rejected', step: before.step as SupervisionStep, note: null });
      if (before?.step !== flow.step) this.addEvent(flow.flow_id, { at: flow.step_entered_at, actor, kind: 'step', step: flow.step, note: null });
    };
  }

  insertFlow(flow: FlowRecord): void {
    this.db.prepare(`INSERT INTO supervision_flows (${FLOW_FIELDS.join(', ')}) VALUES (${FLOW_FIELDS.map((c) => '@' + c).join(', ')})`).run(flow);
  }

  /** Moves a flow on (its step, turn, status, acceptance, rejections) as of `now`. */
  updateFlow(
    flowId: string,
    change: Partial<Pick<FlowRecord, 'step' | 'turn' | 'status' | 'accepted_at' | 'rejections' | 'step_entered_at'>>,
    now: number,
  ): void {
    const columns = Object.keys(change);
    const set = [...columns.map((c) => `${c} = @${c}`), 'updated_at = @now'].join(', ');
    this.db.prepare(`UPDATE supervision_flows SET ${set} WHERE flow_id = @flowId`).run({ ...change, now, flowId });
  }

  addEvent(flowId: string, event: FlowEvent): void {
    this.db
      .prepare('INSERT INTO supervision_events (flow_id, at, actor, kind, step, action_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(flowId, event.at, event.actor, event.kind, event.step, event.actionId ?? null, event.note);
  }

  /** Queues (or records) a seller action; its id. */
  addAction(flowId: string | null, action: string, payload: Record<string, unknown>, state: 'queued' | 'recorded', now: number): number {
    return Number(
      this.db
        .prepare('INSERT INTO supervision_actions (flow_id, action, payload, state, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(flowId, action, JSON.stringify(payload), state, now).lastInsertRowid,
    );
  }

  queuedActions(): QueuedAction[] {
    const rows = this.db
      .prepare(`SELECT id, flow_id AS flowId, action, payload, state FROM supervision_actions WHERE state = 'queued' ORDER BY id`)
      .all() as (Omit<QueuedAction, 'payload'> & { payload: string })[];
    return rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> }));
  }

  action(id: number): (QueuedAction & { answer: unknown; error: string | null }) | null {
    const row = this.db.prepare(`SELECT id, flow_id AS flowId, action, payload, state, answer, error FROM supervision_actions WHERE id = ?`).get(id) as
      (Omit<QueuedAction, 'payload'> & { payload: string; answer: string | null; error: string | null }) | undefined;
    if (!row) return null;
    return { ...row, payload: JSON.parse(row.payload) as Record<string, unknown>, answer: row.answer === null ? null : (JSON.parse(row.answer) as unknown) };
  }

  waitingCount(): number {
    return this.db.prepare(`SELECT COUNT(*) FROM supervision_actions WHERE state IN ('queued', 'sending')`).pluck().get() as number;
  }

  /** Marked before the request goes out, so a crash leaves a trace of an action that may have arrived. */
  markSending(id: number): void {
    this.db.prepare(`UPDATE supervision_actions SET state = 'sending' WHERE id = ?`).run(id);
  }

  markSent(id: number, answer: unknown, now: number): void {
    this.db
      .prepare(`UPDATE supervision_actions SET state = 'sent', answer = ?, error = NULL, sent_at = ? WHERE id = ?`)
      .run(JSON.stringify(answer ?? null), now, id);
  }

  markFailed(id: number, error: string, answer: unknown): void {
    this.db.prepare(`UPDATE supervision_actions SET state = 'failed', error = ?, answer = ? WHERE id = ?`).run(error, JSON.stringify(answer ?? null), id);
  }

  backToQueue(id: number): void {
    this.db.prepare(`UPDATE supervision_actions SET state = 'queued' WHERE id = ?`).run(id);
  }

  /**
   * Actions a crashed process was sending: queued again, marked so that the sender first asks the
   * source whether they arrived (an activation) or sends them with the same action id (the source
   * takes an action id once).
   */
  recoverSending(): number {
    return this.db.transaction(() => {
      const rows = this.db.prepare(`SELECT id, payload FROM supervision_actions WHERE state = 'sending'`).all() as { id: number; payload: string }[];
      const requeue = this.db.prepare(`UPDATE supervision_actions SET state = 'queued', payload = ? WHERE id = ?`);
      for (const row of rows) requeue.run(JSON.stringify({ ...(JSON.parse(row.payload) as object), maybeArrived: true }), row.id);
      return rows.length;
    })();
  }

  timeline(flowId: string): TimelineRow[] {
    return this.db
      .prepare(
        `SELECT e.at, e.actor, e.kind, e.step, a.action, e.note, a.state AS delivery, a.error
         FROM supervision_events e LEFT JOIN supervision_actions a ON a.id = e.action_id
         WHERE e.flow_id = ? ORDER BY e.at, e.id`,
      )
      .all(flowId) as TimelineRow[];
  }

  addFile(flowId: string, file: Omit<ProofFileRow, 'fileId'> & { storedName: string }): ProofFileRow {
    this.db
      .prepare(
        `INSERT INTO supervision_files (flow_id, file_name, stored_name, sha256, size, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (flow_id, sha256) DO NOTHING`,
      )
      .run(flowId, file.fileName, file.storedName, file.sha256, file.size, file.uploadedAt);
    return this.files(flowId).find((f) => f.sha256 === file.sha256)!;
  }

  files(flowId: string): ProofFileRow[] {
    return this.db
      .prepare(
        `SELECT id AS fileId, file_name AS fileName, sha256, size, uploaded_at AS uploadedAt FROM supervision_files WHERE flow_id = ? ORDER BY uploaded_at, id`,
      )
      .all(flowId) as ProofFileRow[];
  }

  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
