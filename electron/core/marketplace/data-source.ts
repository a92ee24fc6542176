import type { AppStatus, MethodOutput, Settings } from '../contract';
import {
  fixedCredentials,
  KooGalleryClient,
  KOOGALLERY_HOSTS,
  secretStoreCredentials,
  type CredentialSource,
  type ExchangeObservation,
  type KooGalleryCredentials,
} from '../koogallery';
import type { SecretStore } from '../platform';
import { koogalleryConnector, sandboxConnector, type Connector } from './connector';

/** A sandbox marketplace the core runs itself (the embedded default); the host supplies how to start one. */
export interface EmbeddedSandbox {
  readonly baseUrl: string;
  readonly credentials: KooGalleryCredentials;
  close(): Promise<void>;
}

/**
 * Where the sandbox comes from: started by the core with the host's `start` (the app's default; the
 * core never imports the sandbox itself), one already running elsewhere (tests), or none.
 */
export type SandboxMode =
  | 'off'
  | { baseUrl: string; credentials: KooGalleryCredentials }
  | { start(options: { now: () => number; size: 'small' | 'large' }): Promise<EmbeddedSandbox> };

export interface DataSourceOptions {
  sandboxMode: SandboxMode;
  sandboxSize: 'small' | 'large';
  secrets: SecretStore;
  now: () => number;
}

/**
 * Which marketplace the connector talks to. The real KooGallery API is used only when it is chosen
 * in settings *and* credentials are stored; otherwise the app runs its embedded sandbox and says why.
 */
export class DataSourceManager {
  private sandbox: EmbeddedSandbox | null = null;
  private observers: ((observation: ExchangeObservation) => void)[] = [];
  private active: { status: AppStatus['dataSource']; connector: Connector | null; credentials: CredentialSource | null } = {
    status: { kind: 'sandbox', baseUrl: null, reason: 'default' },
    connector: null,
    credentials: null,
  };

  constructor(private readonly options: DataSourceOptions) {}

  async apply(settings: Settings): Promise<void> {
    const realCredentials = secretStoreCredentials(this.options.secrets);
    if (settings.dataSource === 'real' && (await realCredentials.load())) {
      await this.stopSandbox();
      const baseUrls = KOOGALLERY_HOSTS[settings.marketplaceRegion];
      const api = this.client(baseUrls, realCredentials);
      this.active = { status: { kind: 'real', baseUrl: baseUrls[0], reason: 'selected' }, connector: koogalleryConnector(api), credentials: realCredentials };
      return;
    }
    const sandbox = await this.sandboxSource();
    const baseUrl = sandbox?.baseUrl ?? null;
    const api = sandbox ? this.client([sandbox.baseUrl], fixedCredentials(sandbox.credentials)) : null;
    this.active = {
      status: { kind: 'sandbox', baseUrl, reason: settings.dataSource === 'real' ? 'no-credentials' : 'default' },
      connector: api && sandbox ? sandboxConnector(api, sandbox.baseUrl) : null,
      credentials: sandbox ? fixedCredentials(sandbox.credentials) : null,
    };
  }

  /** Tells `observer` how every request to the marketplace went, whichever source is active. */
  onRequest(observer: (observation: ExchangeObservation) => void): void {
    this.observers.push(observer);
  }

  get current(): AppStatus['dataSource'] {
    return this.active.status;
  }

  /** The connector of the active source; null while no source is started. */
  get connector(): Connector | null {
    return this.active.connector;
  }

  /** The current source's credentials (the keychain's, or the sandbox's demo ones); null when none. */
  async credentials(): Promise<KooGalleryCredentials | null> {
    return (await this.active.credentials?.load()) ?? null;
  }

  /** What the current source can do, so pages can say what it cannot instead of failing. */
  capabilities(): MethodOutput<'marketplace.capabilities'> {
    const connector = this.connector;
    if (!connector)
      return {
        source: null,
        pushUsage: false,
        queryOrder: false,
        license: false,
        lists: [],
        ticketActions: false,
        supervisionActions: false,
        salesActions: false,
      };
    return { source: connector.source, ...connector.capabilities, lists: [...connector.capabilities.lists] };
  }

  /** What the connectivity monitor requests: the sandbox's health path, or the API host itself. */
  probeUrl(): string | null {
    const { kind, baseUrl } = this.active.status;
    if (!baseUrl) return null;
    return kind === 'sandbox' ? `${baseUrl}/sandbox/health` : baseUrl;
  }

  async close(): Promise<void> {
    await this.stopSandbox();
  }

  private client(baseUrls: readonly string[], credentials: CredentialSource): KooGalleryClient {
    const onExchange = (observation: ExchangeObservation) => this.observers.forEach((observe) => observe(observation));
    return new KooGalleryClient({ baseUrls, credentials, now: this.options.now, onExchange });
  }

  private async sandboxSource(): Promise<{ baseUrl: string; credentials: KooGalleryCredentials } | null> {
    const mode = this.options.sandboxMode;
    if (mode === 'off') return null;
    if ('baseUrl' in mode) return mode;
    this.sandbox ??= await mode.start({ now: this.options.now, size: this.options.sandboxSize });
    return this.sandbox;
  }

  private async stopSandbox(): Promise<void> {
    await this.sandbox?.close();
    this.sandbox = null;
  }
}
