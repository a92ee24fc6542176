import type { UtilityProcess, WebContents } from 'electron';
import { createClient, createWireClient, type UsageQueueSummary, type WireMessage } from '../core/contract';
import { CORE_V8_FLAGS, isCoreHostToMain, type MainToCoreHost, type PlatformReply, type PlatformRequest } from '../core-host';
import type { ElectronApi } from './electron-api';
import { KeychainSecrets } from './keychain-secrets';

/** Where the main process logs (electron-log in the app; tests pass their own). */
export type ShellLog = Pick<Console, 'warn' | 'error'>;

export interface CoreProcessOptions {
  log: ShellLog;
  entry: string;
  dataDir: string;
  downloadsFolder: string;
  nativeBinding?: string;
}

/** How long quitting waits for the core to finish a batch and close its database before ending it. */
export const CORE_STOP_TIMEOUT_MS = 15_000;

type CoreElectron = Pick<ElectronApi, 'utilityProcess' | 'MessageChannelMain' | 'Notification' | 'shell' | 'safeStorage'>;

/**
 * Runs the core in a utility process so SQL and long jobs never block the main process, answers
 * its platform requests (keychain, notifications) and connects each renderer by a MessagePort.
 */
export class CoreProcess {
  private readonly child: UtilityProcess;
  readonly ready: Promise<void>;
  private readonly secrets: KeychainSecrets;
  private readonly log: ShellLog;
  private exited = false;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly electron: CoreElectron,
    options: CoreProcessOptions,
  ) {
    this.log = options.log;
    this.secrets = new KeychainSecrets(electron.safeStorage, options.dataDir);
    this.child = electron.utilityProcess.fork(options.entry, [], { serviceName: 'Seller Desk core', stdio: 'inherit', execArgv: [...CORE_V8_FLAGS] });
    this.child.once('exit', () => (this.exited = true));
    this.ready = new Promise((resolve, reject) => {
      this.child.on('message', (message: unknown) => {
        if (!isCoreHostToMain(message)) return;
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(new Error(message.message));
        else if (message.type === 'notify') new electron.Notification({ title: message.title, body: message.body }).show();
        else if (message.type === 'platform-request') void this.answer(message).then((reply) => this.post(reply));
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
      (error: unknown) => this.log.warn('status.get for the tray failed', error),
    );
  }

  /**
   * Asks the core to finish what is in flight (a 话单 batch mid-send is finished, not cut) and close
   * its database; ends the process only if it has not exited within `timeoutMs`.
   */
  stop(timeoutMs = CORE_STOP_TIMEOUT_MS): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.log.warn(`the core did not stop within ${timeoutMs} ms; ending it`);
        this.child.kill();
      }, timeoutMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.post({ type: 'stop' });
    });
    return this.stopping;
  }

  private newPort(): Electron.MessagePortMain {
    const { port1, port2 } = new this.electron.MessageChannelMain();
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
      this.log.warn(`platform operation ${request.op} failed`);
      return { type: 'platform-reply', id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** An exported file, opened with its program or shown in its folder (the core checked it is an export). */
  private async showFile(file: string, how: 'open' | 'reveal'): Promise<boolean> {
    if (how === 'reveal') {
      this.electron.shell.showItemInFolder(file);
      return true;
    }
    const failure = await this.electron.shell.openPath(file);
    if (failure) throw new Error(failure);
    return true;
  }
}
