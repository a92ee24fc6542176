import type {} from 'electron';
import { connectWire, createCore, type Core } from '../core';
import { APP_VERSION } from '../app-version';
import { createUtilityPlatform, handlePlatformReply } from './utility-platform';

/**
 * Entry of the Electron utility process that runs the core. The main process sends a `start`
 * message with the data folder, then hands over one MessagePort per renderer window.
 * Runs as plain Node: `process.parentPort` is the only Electron-specific thing it touches.
 */
interface StartMessage {
  type: 'start';
  dataDir: string;
  downloadsFolder?: string;
  nativeBinding?: string;
}

type UtilityPort = Electron.MessagePortMain;

let corePromise: Promise<Core> | null = null;

function serveRendererPort(port: UtilityPort, core: Core): void {
  const connection = connectWire(core, (message) => port.postMessage(message));
  port.on('message', (e) => connection.receive(e.data));
  port.on('close', connection.close);
  port.start();
}

process.parentPort?.on('message', (e) => {
  const message = e.data as { type?: string };
  if (message.type === 'start') {
    const start = message as StartMessage;
    corePromise = createCore({
      dataDir: start.dataDir,
      platform: createUtilityPlatform(process.parentPort, start.downloadsFolder),
      appVersion: APP_VERSION,
      ...(start.nativeBinding ? { nativeBinding: start.nativeBinding } : {}),
    });
    corePromise.then(
      () => process.parentPort?.postMessage({ type: 'ready' }),
      (error: unknown) => process.parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'renderer-port' && e.ports[0] && corePromise) {
    const port = e.ports[0];
    void corePromise.then((core) => serveRendererPort(port, core));
  } else if (message.type === 'platform-reply') {
    handlePlatformReply(message as Parameters<typeof handlePlatformReply>[0]);
  }
});
