import { z } from 'zod';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import type { SandboxState } from '../sandbox-state';

const actionSchema = z.object({ action: z.enum(['reply', 'close']), body: z.string().max(2000).nullable() });

/** Sandbox extension: a ticket reply or close, for tickets the generator made (`TK<date><index>`). */
export function ticketAction(state: SandboxState, request: SandboxRequest, ticketId: string): SandboxResponse {
  const index = Number(/^TK\d{8}(\d{6})$/.exec(ticketId)?.[1] ?? NaN);
  if (!Number.isInteger(index) || index >= state.dataset.counts.tickets || state.dataset.ticket(index).ticket_id !== ticketId) {
    return { status: 400, body: { resultCode: 'MKT.0101', resultMsg: `Invalid parameter: ticket ${ticketId} does not exist` } };
  }
  let parsed: z.infer<typeof actionSchema>;
  try {
    parsed = actionSchema.parse(JSON.parse(request.rawBody));
  } catch {
    return { status: 400, body: { resultCode: 'MKT.0101', resultMsg: 'Invalid parameter: expected {"action":"reply"|"close","body":…}' } };
  }
  state.receiveTicketAction({ ticket_id: ticketId, action: parsed.action, body: parsed.body, received_at: request.now });
  return { status: 200, body: { resultCode: 'MKT.0000', resultMsg: 'Success' } };
}
