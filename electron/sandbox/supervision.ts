import { ACTION_STEPS, appealGrounds, nextStep, STEP_TURN, type SupervisionAction } from '../core/conventions';
import type { ProofFile, SupervisionFlow } from './generator';
import type { Changed } from './seller-actions';

/**
 * 服务监管 in the sandbox — a documented extension (KooGallery publishes no supervision API; the real
 * Seller Center is used by hand). The rules are the shared ones (core/conventions/supervision.ts);
 * this file only applies them to the sandbox's flows.
 */

/** The seller actions the endpoint takes; 激活授权码 goes through the License activate API. */
export const SANDBOX_SELLER_ACTIONS = [
  'confirm_requirement',
  'deliver',
  'upload_proof',
  'confirm_complete',
  'appeal',
] as const satisfies readonly SupervisionAction[];
export type SandboxSellerAction = (typeof SANDBOX_SELLER_ACTIONS)[number];

export type ProofFileSent = Omit<ProofFile, 'uploaded_at'>;

/** A flow as this run changed it, and when the other side's next answer is due (null: none). */
export type ChangedFlow = Changed<SupervisionFlow>;

export interface Refusal {
  reason: 'closed' | 'wrong_step' | 'no_proof' | 'no_grounds';
  message: string;
}

/** Why `action` is refused on `flow` now, or null when it is taken. */
export function refusalOf(flow: SupervisionFlow, action: SandboxSellerAction, files: readonly ProofFileSent[], now: number): Refusal | null {
  if (flow.status !== 'in_progress') return { reason: 'closed', message: `flow ${flow.flow_id} is ${flow.status}; it takes no action` };
  if (action === 'appeal') {
    const facts = { status: flow.status, step: flow.current_step, stepEnteredAt: flow.step_entered_at, rejections: flow.rejections };
    if (appealGrounds(facts, now).length > 0) return null;
    return { reason: 'no_grounds', message: 'appeal needs the customer step waiting more than 5 days or more than 3 rejections' };
  }
  const steps = ACTION_STEPS[action];
  if (!steps.includes(flow.current_step)) {
    return { reason: 'wrong_step', message: `flow ${flow.flow_id} is at ${flow.current_step}; ${action} is taken at ${steps.join(' / ')}` };
  }
  if (action === 'confirm_complete' && flow.proof_files.length + files.length === 0) {
    return { reason: 'no_proof', message: '上传交付凭证 first: confirm_complete needs at least one proof file' };
  }
  return null;
}

/** The flow after a taken seller action: proof kept, appeal freezes it, the others move it on. */
export function applyAction(changed: ChangedFlow, action: SandboxSellerAction, files: readonly ProofFileSent[], now: number, delayMs: number): ChangedFlow {
  const proof = action === 'upload_proof' || action === 'confirm_complete' ? files.map((file) => ({ ...file, uploaded_at: now })) : [];
  const flow: SupervisionFlow = { ...changed.item, proof_files: [...changed.item.proof_files, ...proof], updated_at: now };
  if (action === 'appeal') return { item: { ...flow, status: 'appealing' }, answerAt: null };
  if (action === 'upload_proof') return { item: flow, answerAt: changed.answerAt };
  return moveOn(flow, now, delayMs);
}

/**
 * The flow on its next step, entered `at`; when that step is the customer's or Huawei Cloud's, their
 * answer is due `delayMs` later. Entering order_completion is the acceptance.
 */
export function moveOn(flow: SupervisionFlow, at: number, delayMs: number, updatedAt = at): ChangedFlow {
  const step = nextStep(flow.flow_type, flow.current_step);
  const turn = STEP_TURN[step];
  const moved: SupervisionFlow = {
    ...flow,
    current_step: step,
    waiting_on: turn,
    step_entered_at: at,
    status: step === 'completed' ? 'completed' : flow.status,
    accepted_at: step === 'order_completion' ? at : flow.accepted_at,
    updated_at: updatedAt,
  };
  return { item: moved, answerAt: turn === 'customer' || turn === 'huawei' ? at + delayMs : null };
}

/** Applies the answers due by `now`, each at its due time; the flow's updated_at becomes `now`. */
export function answerDue(changed: ChangedFlow, now: number, delayMs: number): ChangedFlow {
  let current = changed;
  while (current.answerAt !== null && current.answerAt <= now) current = moveOn(current.item, current.answerAt, delayMs, now);
  return current;
}
