import crypto from 'node:crypto';
import {
  ACTION_STEPS,
  appealGrounds,
  FLOW_STEPS,
  nextStep,
  STEP_TURN,
  stepAfterRejection,
  SUPERVISION_ACTIONS,
  type SupervisionAction,
  type SupervisionFlowType,
  type SupervisionStep,
} from '../conventions';
import { CoreError, type MethodOutput, type SupervisionFlow } from '../contract';
import { readOne, readPage, type PageRequest } from '../lists';
import type { SqliteDatabase } from '../db';
import type { ProofFiles } from './proof-files';
import { SUPERVISION_LIST, withDeadlines, type SupervisionListFilters } from './supervision-list';
import type { EventActor, FlowRecord, SupervisionTables } from './supervision-tables';

type StepAction = Exclude<SupervisionAction, 'appeal' | 'activate_license'>;
type Detail = MethodOutput<'supervision.get'>;

export interface SupervisionWorkOptions {
  db: SqliteDatabase;
  tables: SupervisionTables;
  proofs: ProofFiles;
  now: () => number;
  /** Whether the current source takes 服务监管 actions (the sandbox does; KooGallery has no such API). */
  sourceTakesActions: () => boolean;
}

/**
 * 服务监管 work: every seller action checked against the flow's current step, applied to the local
 * flow at once and recorded in its timeline, then queued for a source that takes actions — or, on
 * the local path (the real source, or a flow started here), recorded as done in Seller Center.
 */
export class SupervisionWork {
  constructor(private readonly options: SupervisionWorkOptions) {}

  page(request: PageRequest<SupervisionListFilters>): MethodOutput<'supervision.page'> {
    const page = readPage(this.options.db, SUPERVISION_LIST, request);
    const now = request.filters.now;
    return { ...page, rows: page.rows.map((row) => withDeadlines(row, now)) };
  }

  detail(flowId: string): Detail {
    const record = this.require(flowId);
    const now = this.options.now();
    const files = this.options.tables.files(flowId);
    return {
      flow: this.view(flowId),
      steps: [...FLOW_STEPS[record.flow_type]],
      timeline: this.options.tables.timeline(flowId),
      files,
      actions: SUPERVISION_ACTIONS.map((action) => {
        const problem = actionProblem(record, action, now, files.length);
        return { action, open: problem === null, reason: problem?.reason ?? null };
      }),
      path: this.path(record),
    };
  }

  /** A flow started here from an order: the cached order's product, or the name the seller gives. */
  start(input: { orderId: string; flowType: SupervisionFlowType; productName?: string | undefined; licenseCode?: string | undefined }): SupervisionFlow {
    const { tables, now } = this.options;
    const order = tables.order(input.orderId);
    const productName = input.productName ?? order?.productName;
    if (!productName) {
      throw new CoreError('VALIDATION', `Order ${input.orderId} is not in the local cache; give the product name to add the flow by hand`, {
        reason: 'supervision.orderNotCached',
        params: { orderId: input.orderId },
      });
    }
    const flowId = `LOCAL-${input.orderId}-${input.flowType}`;
    if (tables.flow(flowId))
      throw new CoreError('CONFLICT', `Order ${input.orderId} already has a ${input.flowType} flow`, {
        reason: 'supervision.exists',
        params: { orderId: input.orderId },
      });
    const at = now();
    const step = FLOW_STEPS[input.flowType][0]!;
    tables.transaction(() => {
      tables.insertFlow({
        flow_id: flowId,
        order_id: input.orderId,
        product_id: null,
        product_name: productName,
        flow_type: input.flowType,
        step,
        turn: STEP_TURN[step],
        step_entered_at: at,
        rejections: 0,
        status: 'in_progress',
        accepted_at: null,
        license_code: input.licenseCode ?? null,
        origin: 'local',
        updated_at: at,
      });
      tables.addEvent(flowId, { at, actor: 'seller', kind: 'step', step, note: null });
    });
    return this.view(flowId);
  }

  /** 确认需求, 交付, 确认服务完成: checked, applied and queued (or recorded) in one transaction. */
  act(flowId: string, action: StepAction, note: string | null): MethodOutput<'supervision.deliver'> {
    const record = this.require(flowId);
    this.check(record, action);
    this.record(record, action, { note, files: [] }, () => this.advance(record, 'seller'));
    return this.result(flowId);
  }

  /** 申诉: only on its grounds (conventions/supervision.ts); the flow waits for Huawei Cloud's operations manager. */
  appeal(flowId: string, note: string): MethodOutput<'supervision.appeal'> {
    const record = this.require(flowId);
    this.check(record, 'appeal');
    this.record(record, 'appeal', { note, files: [] }, () => this.options.tables.updateFlow(flowId, { status: 'appealing' }, this.options.now()));
    return this.result(flowId);
  }

  uploadProof(flowId: string, fileName: string, contentBase64: string): MethodOutput<'supervision.uploadProof'> {
    const record = this.require(flowId);
    this.check(record, 'upload_proof');
    const bytes = this.options.proofs.decode(fileName, contentBase64);
    const stored = this.options.proofs.store(flowId, fileName, bytes);
    const at = this.options.now();
    let file = null as ReturnType<SupervisionTables['addFile']> | null;
    const files = [{ file_name: stored.fileName, sha256: stored.sha256, size: stored.size }];
    this.record(record, 'upload_proof', { note: fileName, files }, () => {
      file = this.options.tables.addFile(flowId, { ...stored, uploadedAt: at });
    });
    return { ...this.result(flowId), file: file! };
  }

  /** The customer's or Huawei Cloud's step on the local path, as the seller saw it in Seller Center. */
  recordStep(flowId: string, outcome: 'passed' | 'rejected', note: string | null): MethodOutput<'supervision.recordStep'> {
    const record = this.require(flowId);
    if (this.path(record) === 'act') throw conflict(record, 'supervision.sourceRecordsSteps');
    const turn = STEP_TURN[record.step];
    if (record.status !== 'in_progress') throw conflict(record, 'supervision.closed');
    if (turn === 'seller' || turn === null) throw conflict(record, 'supervision.notTheirTurn');
    if (outcome === 'rejected' && turn !== 'customer') throw conflict(record, 'supervision.onlyCustomerRejects');
    const at = this.options.now();
    const actor = turn;
    this.options.tables.transaction(() => {
      if (outcome === 'passed') return this.advance(record, actor, note);
      const step = stepAfterRejection(record.flow_type, record.step);
      this.options.tables.updateFlow(flowId, { step, turn: STEP_TURN[step], step_entered_at: at, rejections: record.rejections + 1 }, at);
      this.options.tables.addEvent(flowId, { at, actor, kind: 'rejected', step: record.step, note });
      this.options.tables.addEvent(flowId, { at, actor, kind: 'step', step, note: null });
    });
    return this.result(flowId);
  }

  /** The flow as the list shows it. */
  view(flowId: string): SupervisionFlow {
    const now = this.options.now();
    return withDeadlines(readOne(this.options.db, SUPERVISION_LIST, { flowId, now })!, now);
  }

  require(flowId: string): FlowRecord {
    const record = this.options.tables.flow(flowId);
    if (!record)
      throw new CoreError('NOT_FOUND', `Supervision flow ${flowId} is not in the local cache`, { reason: 'supervision.notFound', params: { flowId } });
    return record;
  }

  /** The flow's next step as `actor` passes its current one (with the acceptance time once accepted). */
  advance(record: FlowRecord, actor: EventActor, note: string | null = null): void {
    const at = this.options.now();
    const step = nextStep(record.flow_type, record.step);
    const accepted = step === 'order_completion' ? { accepted_at: at } : {};
    const status = step === 'completed' ? 'completed' : record.status;
    this.options.tables.updateFlow(record.flow_id, { step, turn: STEP_TURN[step], step_entered_at: at, status, ...accepted }, at);
    this.options.tables.addEvent(record.flow_id, { at, actor, kind: 'step', step, note });
  }

  /** Throws the reason `action` cannot be taken now. */
  check(record: FlowRecord, action: SupervisionAction): void {
    const problem = actionProblem(record, action, this.options.now(), this.options.tables.files(record.flow_id).length);
    if (problem) throw new CoreError('CONFLICT', problem.message, { reason: problem.reason, params: problem.params });
  }

  /** Sent to the source (act), or done by the seller in Seller Center and recorded here (local). */
  path(record: FlowRecord): 'act' | 'local' {
    return record.origin === 'source' && this.options.sourceTakesActions() ? 'act' : 'local';
  }

  private record(record: FlowRecord, action: SupervisionAction, body: { note: string | null; files: unknown[] }, apply: () => void): void {
    const { tables, now } = this.options;
    const at = now();
    const path = this.path(record);
    tables.transaction(() => {
      const payload = { action_id: crypto.randomUUID(), action, note: body.note, files: body.files, at };
      const actionId = tables.addAction(record.flow_id, action, payload, path === 'act' ? 'queued' : 'recorded', at);
      tables.addEvent(record.flow_id, { at, actor: 'seller', kind: 'action', step: record.step, note: body.note, actionId });
      apply();
    });
  }

  private result(flowId: string): { flow: SupervisionFlow; queued: number } {
    return { flow: this.view(flowId), queued: this.options.tables.waitingCount() };
  }
}

interface Problem {
  reason: string;
  message: string;
  params: Record<string, string | number>;
}

/** Why `action` cannot be taken on this flow now (the step, the status, the proof, the appeal rule), or null. */
export function actionProblem(record: FlowRecord, action: SupervisionAction, now: number, proofFiles: number): Problem | null {
  const params = { flowId: record.flow_id, step: record.step, action };
  if (record.status !== 'in_progress')
    return {
      reason: 'supervision.closed',
      message: `Flow ${record.flow_id} is ${record.status}; no action can be taken`,
      params: { ...params, status: record.status },
    };
  if (action === 'appeal') {
    if (appealGrounds({ status: record.status, step: record.step, stepEnteredAt: record.step_entered_at, rejections: record.rejections }, now).length > 0)
      return null;
    return {
      reason: 'supervision.appealNotOpen',
      message: `申诉 opens after more than 5 days on the customer's step or more than 3 rejections (${record.rejections} so far)`,
      params: { ...params, rejections: record.rejections },
    };
  }
  const steps: readonly SupervisionStep[] = ACTION_STEPS[action];
  if (!steps.includes(record.step)) {
    return {
      reason: 'supervision.wrongStep',
      message: `Flow ${record.flow_id} is at ${record.step}; ${action} is taken at ${steps.join(' or ')}`,
      params: { ...params, expected: steps.join(',') },
    };
  }
  if (action === 'confirm_complete' && proofFiles === 0)
    return { reason: 'supervision.proofFirst', message: `Upload the delivery proof (SOW, acceptance documents) before confirming completion`, params };
  return null;
}

function conflict(record: FlowRecord, reason: string): CoreError {
  return new CoreError('CONFLICT', `Flow ${record.flow_id} at ${record.step}: ${reason}`, { reason, params: { flowId: record.flow_id, step: record.step } });
}
