import { contextBridge, ipcRenderer } from 'electron';
import { isMethodName, type CallResult, type CoreEvent, type WireMessage } from '../core/contract';

/**
 * Exposes exactly one typed client (`window.sellerDesk`) over the MessagePort the main process
 * hands us. No ipcRenderer, no Node: unknown method names are refused here before they travel.
 */
let port: MessagePort | null = null;
const waitingForPort: Array<(port: MessagePort) => void> = [];
const pendingCalls = new Map<number, (result: CallResult) => void>();
const listeners = new Set<(event: CoreEvent) => void>();
let nextId = 1;

ipcRenderer.on('core:port', (event) => {
  const received = event.ports[0];
  if (!received || port) return;
  port = received;
  port.onmessage = (message: MessageEvent<WireMessage>) => {
    const data = message.data;
    if (data.kind === 'result') {
      pendingCalls.get(data.id)?.(data.result);
      pendingCalls.delete(data.id);
    } else if (data.kind === 'event') {
      for (const listener of listeners) listener(data.event);
    }
  };
  for (const resolve of waitingForPort.splice(0)) resolve(received);
});
ipcRenderer.send('core:connect');

function connectedPort(): Promise<MessagePort> {
  return port ? Promise.resolve(port) : new Promise((resolve) => waitingForPort.push(resolve));
}

contextBridge.exposeInMainWorld('sellerDesk', {
  async send(method: unknown, input: unknown): Promise<CallResult> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}"` } };
    }
    const target = await connectedPort();
    const id = nextId++;
    return new Promise<CallResult>((resolve) => {
      pendingCalls.set(id, resolve);
      target.postMessage({ kind: 'call', id, method, input });
    });
  },
  subscribe(listener: (event: CoreEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
});
