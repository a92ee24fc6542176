import { faultPlanSchema } from '../faults';
import type { SandboxRequest, SandboxResponse } from '../http-kit';
import type { SandboxState } from '../sandbox-state';

/**
 * Sandbox-only paths (not part of KooGallery): health, the pay-per-use instances an outside client
 * can push usage for, the ledger of accepted usage and the anomaly list (after async validation has
 * caught up), the license codes, the supervision and 销售管理 actions received, and the fault plan.
 */
export async function control(state: SandboxState, request: SandboxRequest, path: string): Promise<SandboxResponse | null> {
  const method = request.req.method;
  if (method === 'GET' && path === '/sandbox/health')
    return ok({ status: 'ok', service: 'koogallery-sandbox', seed: state.dataset.seed, size: state.dataset.size });
  if (method === 'GET' && path === '/sandbox/instances') return ok({ instances: [...state.instances.values()] });
  if (method === 'GET' && path === '/sandbox/licenses') return ok({ licenses: [...state.licenses.values()] });
  if (method === 'GET' && path === '/sandbox/supervision/actions') return ok({ actions: state.supervisionActions });
  if (method === 'GET' && path === '/sandbox/sales/actions') return ok({ actions: state.sales.actions.received });
  if (method === 'GET' && path === '/sandbox/ledger') {
    await state.ledger.settled();
    return ok({ count: state.ledger.ledger().length, records: state.ledger.ledger() });
  }
  if (method === 'GET' && path === '/sandbox/anomalies') {
    await state.ledger.settled();
    return ok({ count: state.ledger.anomalies().length, anomalies: state.ledger.anomalies() });
  }
  if (path === '/sandbox/faults') return faults(state, request);
  return null;
}

function faults(state: SandboxState, request: SandboxRequest): SandboxResponse {
  if (request.req.method === 'PUT') {
    try {
      const plan = faultPlanSchema.parse(JSON.parse(request.rawBody || '{}'));
      state.faults.configure(plan);
    } catch (error) {
      return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
    }
  }
  return ok({ plan: state.faults.current, requests: state.faults.requests, injected: state.faults.injected });
}

function ok(body: unknown): SandboxResponse {
  return { status: 200, body };
}
