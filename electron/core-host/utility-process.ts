import type {} from 'electron';
import { connectWire, createCore, type Core } from '../core';
import { APP_VERSION } from '../app-version';
import { startSandboxServer } from '../sandbox';
import { isMainToCoreHost, type CoreHostToMain } from './protocol';
import { createUtilityPlatform, handlePlatformReply } from './utility-platform';

/**
 * Entry of the Electron utility process that runs the core. The main process sends a `start`
 * message with the data folder, then hands over one MessagePort per renderer window.
 * Runs as plain Node: `process.parentPort` is the only Electron-specific thing it touches.
 */
type UtilityPort = Electron.MessagePortMain;

let corePromise: Promise<Core> | null = null;
const toMain = (message: CoreHostToMain) => process.parentPort?.postMessage(message);

function serveRendererPort(port: UtilityPort, core: Core): void {
  const connection = connectWire(core, (message) => port.postMessage(message));
  port.on('message', (e) => connection.receive(e.data));
  port.on('close', connection.close);
  port.start();
}

process.parentPort?.on('message', (e) => {
  const message: unknown = e.data;
  if (!isMainToCoreHost(message)) return;
  if (message.type === 'start') {
    corePromise = createCore({
      dataDir: message.dataDir,
      platform: createUtilityPlatform(process.parentPort, message.downloadsFolder),
      appVersion: APP_VERSION,
      sandbox: { start: startSandboxServer },
      ...(message.nativeBinding ? { nativeBinding: message.nativeBinding } : {}),
    });
    corePromise.then(
      () => toMain({ type: 'ready' }),
      (error: unknown) => toMain({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'renderer-port' && e.ports[0] && corePromise) {
    const port = e.ports[0];
    void corePromise.then((core) => serveRendererPort(port, core));
  } else if (message.type === 'stop') {
    const closed = corePromise ? corePromise.then((core) => core.close()) : Promise.resolve();
    void closed
      .catch((error: unknown) => console.error('closing the core failed', error))
      .finally(() => {
        toMain({ type: 'stopped' });
        process.exit(0);
      });
  } else if (message.type === 'platform-reply') {
    handlePlatformReply(message);
  }
});
