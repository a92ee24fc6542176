import { uploadProblem } from './upload-rules';

/**
 * 服务监管 (koogallery-api.md §4.5 and §9): each flow type's steps in order, whose turn each step is,
 * which seller action a step takes, the 3-hour completion rule and when 申诉 is open. The core, the
 * sandbox and the pages read these, so a rule is written once.
 *
 * [UNCONFIRMED] The step lists follow the public help pages, which name the steps but publish no
 * state machine: License 在线授权码 (商家交付 → 用户领取授权码 → 授权码激活 → 上传交付凭证 → 华为云复核 →
 * 自动验收), License 2.0 (用户领取授权码 → 授权码激活 → 华为云复核 → 自动验收), 人工服务 (客户提交需求 →
 * 确认需求 → 交付 → 确认完成 → 客户验收) and 应用编排, for which no page lists steps (交付 → 确认完成 →
 * 客户验收 assumed). 华为云复核 applies to 赋能云 orders only; the flows keep the step and the source
 * passes it at once where it does not apply.
 */

export const SUPERVISION_FLOW_TYPES = ['license_online_code', 'license_2_0', 'professional_service', 'app_orchestration'] as const;
export type SupervisionFlowType = (typeof SUPERVISION_FLOW_TYPES)[number];

export const SUPERVISION_STEPS = [
  'customer_requirement',
  'confirm_requirement',
  'seller_deliver',
  'customer_claim',
  'license_activate',
  'upload_proof',
  'confirm_complete',
  'customer_accept',
  'huawei_review',
  'auto_accept',
  /** Accepted: the order should become 已完成 within 3 hours. */
  'order_completion',
  'completed',
] as const;
export type SupervisionStep = (typeof SUPERVISION_STEPS)[number];

export type SupervisionTurn = 'seller' | 'customer' | 'huawei';
export const SUPERVISION_TURNS = ['seller', 'customer', 'huawei'] as const satisfies readonly SupervisionTurn[];
export const SUPERVISION_STATUSES = ['in_progress', 'appealing', 'completed'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

const ACCEPTED: readonly SupervisionStep[] = ['order_completion', 'completed'];

/** Each flow type's steps, in order. */
export const FLOW_STEPS: Record<SupervisionFlowType, readonly SupervisionStep[]> = {
  license_online_code: ['seller_deliver', 'customer_claim', 'license_activate', 'upload_proof', 'huawei_review', 'auto_accept', ...ACCEPTED],
  license_2_0: ['customer_claim', 'license_activate', 'huawei_review', 'auto_accept', ...ACCEPTED],
  professional_service: ['customer_requirement', 'confirm_requirement', 'seller_deliver', 'confirm_complete', 'customer_accept', ...ACCEPTED],
  app_orchestration: ['seller_deliver', 'confirm_complete', 'customer_accept', ...ACCEPTED],
};

/** Whose turn a step is; null once the flow is completed. */
export const STEP_TURN: Record<SupervisionStep, SupervisionTurn | null> = {
  customer_requirement: 'customer',
  confirm_requirement: 'seller',
  seller_deliver: 'seller',
  customer_claim: 'customer',
  license_activate: 'seller',
  upload_proof: 'seller',
  confirm_complete: 'seller',
  customer_accept: 'customer',
  huawei_review: 'huawei',
  auto_accept: 'huawei',
  order_completion: 'huawei',
  completed: null,
};

/** What the seller does here: 确认需求, 交付, 激活授权码, 上传交付凭证, 确认服务完成, 申诉. */
export const SUPERVISION_ACTIONS = ['confirm_requirement', 'deliver', 'activate_license', 'upload_proof', 'confirm_complete', 'appeal'] as const;
export type SupervisionAction = (typeof SUPERVISION_ACTIONS)[number];

/** The steps at which each step-bound action is taken (申诉 has its own rule: `appealOpen`). */
export const ACTION_STEPS: Record<Exclude<SupervisionAction, 'appeal'>, readonly SupervisionStep[]> = {
  confirm_requirement: ['confirm_requirement'],
  deliver: ['seller_deliver'],
  activate_license: ['license_activate'],
  // proof is attached while completing: License's 上传交付凭证, or with 确认完成 (SOW, 验收文档)
  upload_proof: ['upload_proof', 'confirm_complete'],
  confirm_complete: ['upload_proof', 'confirm_complete'],
};

/** The step after `step` in a flow of `type` (a step not in the flow, or the last, stays). */
export function nextStep(type: SupervisionFlowType, step: SupervisionStep): SupervisionStep {
  const steps = FLOW_STEPS[type];
  const at = steps.indexOf(step);
  return at < 0 || at === steps.length - 1 ? step : steps[at + 1]!;
}

/** Where a customer's 驳回 sends the flow: back to the seller step before it. */
export function stepAfterRejection(type: SupervisionFlowType, step: SupervisionStep): SupervisionStep {
  const steps = FLOW_STEPS[type];
  for (let at = steps.indexOf(step) - 1; at >= 0; at--) if (STEP_TURN[steps[at]!] === 'seller') return steps[at]!;
  return step;
}

/** "用户线上点击确认验收后3个小时内" the order becomes 已完成 (§4.5). */
export const COMPLETION_WITHIN_MS = 3 * 3_600_000;

/** When the order should be 已完成 at the latest; null before the customer's acceptance. */
export function completionDeadline(acceptedAt: number | null): number | null {
  return acceptedAt === null ? null : acceptedAt + COMPLETION_WITHIN_MS;
}

/** Still not 已完成 more than 3 hours after the acceptance. */
export function completionOverdue(acceptedAt: number | null, orderCompleted: boolean, now: number): boolean {
  const deadline = completionDeadline(acceptedAt);
  return deadline !== null && !orderCompleted && now > deadline;
}

/**
 * 申诉 [UNCONFIRMED]: "如用户方流程停留超过5天或驳回次数超过3次, 服务商可执行'申诉'" (the 2024-01 Chinese
 * seller page, §9) — more than 5 days on the customer's step, or more than 3 rejections (from the
 * 4th). A 2025-04 English page says an appeal can be raised at any time; the Chinese wording is
 * the one applied, here only.
 */
export const APPEAL_AFTER_WAITING_MS = 5 * 86_400_000;
export const APPEAL_AFTER_REJECTIONS = 3;

export type AppealGround = 'customer_waited' | 'rejections';

export interface AppealFacts {
  status: SupervisionStatus;
  step: SupervisionStep;
  stepEnteredAt: number;
  rejections: number;
}

/** Why 申诉 is open now (both grounds when both hold), or an empty list when it is not. */
export function appealGrounds(flow: AppealFacts, now: number): AppealGround[] {
  if (flow.status !== 'in_progress') return [];
  const grounds: AppealGround[] = [];
  if (STEP_TURN[flow.step] === 'customer' && now - flow.stepEnteredAt > APPEAL_AFTER_WAITING_MS) grounds.push('customer_waited');
  if (flow.rejections > APPEAL_AFTER_REJECTIONS) grounds.push('rejections');
  return grounds;
}

/** 交付凭证: the file types and size Seller Center takes (issue 15: at most 20 MB each). */
export const PROOF_EXTENSIONS = ['rar', 'zip', 'doc', 'docx', 'pdf', 'ppt', 'pptx', 'jpg', 'png'] as const;
export const PROOF_MAX_BYTES = 20 * 1024 * 1024;

/** Why a proof file is refused (by its name and size), or null when it is taken. */
export function proofFileProblem(
  fileName: string,
  size: number,
): { reason: 'proofType' | 'proofSize' | 'proofEmpty'; params: Record<string, string | number> } | null {
  const problem = uploadProblem(fileName, size, { extensions: PROOF_EXTENSIONS, maxBytes: PROOF_MAX_BYTES });
  return problem && { reason: PROOF_REASONS[problem.kind], params: problem.params };
}

const PROOF_REASONS = { type: 'proofType', size: 'proofSize', empty: 'proofEmpty' } as const;
