import { MessageChannelMain, Notification, shell, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import log from 'electron-log/main';
import { createClient, createWireClient, type UsageQueueSummary, type WireMessage } from '../core/contract';
import { isCoreHostToMain, type MainToCoreHost, type PlatformReply, type PlatformRequest } from '../core-host';
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
      this.child.on('message', (message: unknown) => {
        if (!isCoreHostToMain(message)) return;
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(new Error(message.message));
        else if (message.type === 'notify') new Notification({ title: message.title, body: message.body }).show();
        else void this.answer(message).then((reply) => this.post(reply));
      });
      this.child.once('exit', (code) => reject(new Error(`The core process exited with code ${code}`)));
    });
    this.post({
      type: 'start',
      dataDir: options.dataDir,
      downloadsFolder: options.downloadsFolder,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  }

  connectRenderer(contents: WebContents): void {
    contents.postMessage('core:port', null, [this.newPort()]);
  }

  /** The main process's own client: it only reads the usage queue, for the tray. */
  watchQueue(listener: (queue: UsageQueueSummary) => void): void {
    const port = this.newPort();
    const wire = createWireClient((request) => port.postMessage(request));
    port.on('message', ({ data }) => wire.receive(data as WireMessage));
    port.start();
    const client = createClient(wire.transport);
    client.subscribe((event) => {
      if (event.type === 'queue') listener(event.queue);
      if (event.type === 'status') listener(event.status.usageQueue);
    });
    void client.call('status.get', {}).then(
      (status) => listener(status.usageQueue),
      (error: unknown) => log.warn('status.get for the tray failed', error),
    );
  }

  stop(): void {
    this.child.kill();
  }

  private newPort(): Electron.MessagePortMain {
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: 'renderer-port' } satisfies MainToCoreHost, [port1]);
    return port2;
  }

  private post(message: MainToCoreHost): void {
    this.child.postMessage(message);
  }

  private async answer(request: PlatformRequest): Promise<PlatformReply> {
    const reply = (value: unknown): PlatformReply => ({ type: 'platform-reply', id: request.id, value });
    try {
      switch (request.op) {
        case 'secret.get':
          return reply(this.secrets.get(request.args.name));
        case 'secret.set':
          this.secrets.set(request.args.name, request.args.value);
          return reply(null);
        case 'secret.delete':
          this.secrets.delete(request.args.name);
          return reply(null);
        case 'file.show':
          return reply(await this.showFile(request.args.file, request.args.how));
      }
    } catch (error) {
      // the message names the operation, never a secret's value
      log.warn(`platform operation ${request.op} failed`);
      return { type: 'platform-reply', id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** An exported file, opened with its program or shown in its folder (the core checked it is an export). */
  private async showFile(file: string, how: 'open' | 'reveal'): Promise<boolean> {
    if (how === 'reveal') {
      shell.showItemInFolder(file);
      return true;
    }
    const failure = await shell.openPath(file);
    if (failure) throw new Error(failure);
    return true;
  }
}
