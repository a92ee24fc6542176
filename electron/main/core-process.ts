import { MessageChannelMain, Notification, shell, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import log from 'electron-log/main';
import type { AppStatus, UsageQueueSummary, WireMessage } from '../core/contract';
import { KeychainSecrets } from './keychain-secrets';

export interface CoreProcessOptions {
  entry: string;
  dataDir: string;
  downloadsFolder: string;
  nativeBinding?: string;
}

/**
 * Runs the core in a utility process so SQL and long jobs never block the main process, answers
 * its platform requests (keychain, notifications) and connects each renderer by a MessagePort.
 */
export class CoreProcess {
  private readonly child: UtilityProcess;
  readonly ready: Promise<void>;
  private readonly secrets: KeychainSecrets;

  constructor(options: CoreProcessOptions) {
    this.secrets = new KeychainSecrets(options.dataDir);
    this.child = utilityProcess.fork(options.entry, [], { serviceName: 'Seller Desk core', stdio: 'inherit' });
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: { type?: string; message?: string }) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(new Error(message.message));
        else this.onPlatformMessage(message);
      });
      this.child.once('exit', (code) => reject(new Error(`The core process exited with code ${code}`)));
    });
    this.child.postMessage({ type: 'start', dataDir: options.dataDir, downloadsFolder: options.downloadsFolder, nativeBinding: options.nativeBinding });
  }

  connectRenderer(contents: WebContents): void {
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: 'renderer-port' }, [port1]);
    contents.postMessage('core:port', null, [port2]);
  }

  /** The main process's own client: it only listens, for the tray's queue summary. */
  watchQueue(listener: (queue: UsageQueueSummary) => void): void {
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: 'renderer-port' }, [port1]);
    port2.on('message', ({ data }) => {
      const message = data as WireMessage;
      if (message.kind === 'event' && message.event.type === 'queue') listener(message.event.queue);
      if (message.kind === 'event' && message.event.type === 'status') listener(message.event.status.usageQueue);
      if (message.kind === 'result' && message.result.ok) listener((message.result.value as AppStatus).usageQueue);
    });
    port2.start();
    port2.postMessage({ kind: 'call', id: 1, method: 'status.get', input: {} });
  }

  stop(): void {
    this.child.kill();
  }

  private onPlatformMessage(message: Record<string, unknown>): void {
    if (message.type === 'notify') {
      new Notification({ title: String(message.title), body: String(message.body) }).show();
    } else if (message.type === 'platform-request' && message.op === 'file.show') {
      void this.showFile(message).then((reply) => this.child.postMessage({ type: 'platform-reply', id: message.id, ...reply }));
    } else if (message.type === 'platform-request') {
      this.child.postMessage({ type: 'platform-reply', id: message.id, ...this.runSecretOp(message) });
    }
  }

  /** An exported file, opened with its program or shown in its folder (the core checked it is an export). */
  private async showFile(message: Record<string, unknown>): Promise<{ value?: unknown; error?: string }> {
    const { file, how } = (message.args ?? {}) as { file?: string; how?: string };
    if (typeof file !== 'string') return { error: 'file.show needs a file' };
    if (how === 'reveal') {
      shell.showItemInFolder(file);
      return { value: true };
    }
    const failure = await shell.openPath(file);
    return failure ? { error: failure } : { value: true };
  }

  private runSecretOp(message: Record<string, unknown>): { value?: unknown; error?: string } {
    const args = (message.args ?? {}) as { name?: string; value?: string };
    const name = String(args.name);
    try {
      if (message.op === 'secret.get') return { value: this.secrets.get(name) };
      if (message.op === 'secret.set') return { value: this.secrets.set(name, String(args.value)) };
      if (message.op === 'secret.delete') return { value: this.secrets.delete(name) };
      return { error: `unknown platform operation ${String(message.op)}` };
    } catch (error) {
      // the message names the operation, never the secret's value
      log.warn(`secret operation ${String(message.op)} on ${name} failed`);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}
