import { contextBridge, ipcRenderer } from 'electron';
import { createWireClient, isMethodName, type CallResult, type CoreEvent, type SellerDeskHost, type UpdateState, type WireMessage } from '../core/contract';

/**
 * Exposes exactly one typed client (`window.sellerDesk`) over the MessagePort the main process
 * hands us. No ipcRenderer, no Node: unknown method names are refused here before they travel.
 */
let port: MessagePort | null = null;
const waitingForPort: Array<(port: MessagePort) => void> = [];
const wire = createWireClient((request) => void connectedPort().then((ready) => ready.postMessage(request)));

ipcRenderer.on('core:port', (event) => {
  const received = event.ports[0];
  if (!received || port) return;
  port = received;
  port.onmessage = (message: MessageEvent<WireMessage>) => wire.receive(message.data);
  for (const resolve of waitingForPort.splice(0)) resolve(received);
});
ipcRenderer.send('core:connect');

function connectedPort(): Promise<MessagePort> {
  return port ? Promise.resolve(port) : new Promise((resolve) => waitingForPort.push(resolve));
}

/** The window's own services: print the page to a PDF the seller saves (the store figures report), and the app's updates. */
const host: SellerDeskHost = {
  printToPdf(fileName: unknown) {
    return ipcRenderer.invoke('window:printToPdf', typeof fileName === 'string' ? fileName : 'report.pdf') as Promise<{ saved: string | null }>;
  },
  updates: {
    get: () => ipcRenderer.invoke('app:updates') as Promise<UpdateState>,
    subscribe(listener) {
      const forward = (_event: unknown, state: UpdateState) => listener(state);
      ipcRenderer.on('app:update', forward);
      return () => void ipcRenderer.removeListener('app:update', forward);
    },
    installNow: () => ipcRenderer.invoke('app:installUpdate') as Promise<void>,
  },
};
contextBridge.exposeInMainWorld('sellerDeskHost', host);

contextBridge.exposeInMainWorld('sellerDesk', {
  send(method: unknown, input: unknown): Promise<CallResult> {
    if (!isMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}"` } });
    }
    return wire.transport.send(method, input);
  },
  subscribe(listener: (event: CoreEvent) => void): () => void {
    return wire.transport.subscribe(listener);
  },
});
