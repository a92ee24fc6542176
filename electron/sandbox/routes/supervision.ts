import { z } from 'zod';
import { PROOF_EXTENSIONS, PROOF_MAX_BYTES, proofFileProblem } from '../../core/conventions';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import type { SandboxState } from '../sandbox-state';
import { invalidParameter, parseBody, refused, taken } from '../seller-actions';
import { applyAction, refusalOf, SANDBOX_SELLER_ACTIONS } from '../supervision';

/**
 * Sandbox extension (KooGallery publishes no supervision API): a seller action on a 服务监管 flow,
 * `POST /sandbox/v1/supervision/{flow_id}/actions`, AK/SK-signed like the ticket actions.
 */

/** A 交付凭证 as Seller Center takes it: type and size by the shared rule (`proofFileProblem`). */
const fileSchema = z
  .object({
    file_name: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'must be 64 hex digits'),
    size: z.number().int().min(0),
  })
  .superRefine((file, context) => {
    const problem = proofFileProblem(file.file_name, file.size);
    if (problem) context.addIssue({ code: 'custom', path: [problem.reason === 'proofType' ? 'file_name' : 'size'], message: PROOF_PROBLEMS[problem.reason] });
  });

const PROOF_PROBLEMS = {
  proofType: `must end in .${PROOF_EXTENSIONS.join('/.')}`,
  proofEmpty: 'must not be 0',
  proofSize: `must be at most ${PROOF_MAX_BYTES} bytes`,
};

const actionSchema = z.object({
  action_id: z.string().min(1).max(64),
  action: z.enum(SANDBOX_SELLER_ACTIONS),
  note: z.string().max(2000).nullable(),
  files: z.array(fileSchema).max(20),
  at: z.number().int(),
});
type ActionBody = z.infer<typeof actionSchema>;

export function supervisionAction(state: SandboxState, request: SandboxRequest, flowId: string): SandboxResponse {
  if (!state.supervisionFlow(flowId, request.now)) return invalidParameter(`flow ${flowId} does not exist`);
  const body = parseBody(request.rawBody, actionSchema);
  if (typeof body === 'string') return invalidParameter(body);
  const received = { action_id: body.action_id, flow_id: flowId, action: body.action, at: body.at, received_at: request.now };
  return state.supervisionLog.take(received, () => answerAction(state, flowId, body, request.now));
}

/** Taken: the flow after it. Refused by the flow's state: 400 MKT.9005 (permanent), with the reason. */
function answerAction(state: SandboxState, flowId: string, body: ActionBody, now: number): SandboxResponse {
  const flow = state.supervisionFlow(flowId, now)!;
  const refusal = refusalOf(flow, body.action, body.files, now);
  if (refusal) return refused(`Request rejected: ${refusal.message}`, { reason: refusal.reason, flow });
  const changed = state.changeFlow(flowId, now, (current) => applyAction(current, body.action, body.files, now, state.answerDelayMs));
  return taken({ flow: changed });
}
