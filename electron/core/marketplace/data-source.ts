import { DEMO_CREDENTIALS, startSandboxServer, type SandboxServer } from '../../sandbox';
import type { Settings } from '../contract/settings.contract';
import type { AppStatus } from '../contract/status.contract';
import type { SecretStore } from '../platform';
import { koogalleryConnector, sandboxConnector, type Connector } from './connector';
import { fixedCredentials, KooGalleryClient, KOOGALLERY_HOSTS, secretStoreCredentials } from './koogallery';

export type SandboxMode = 'embedded' | 'off' | { baseUrl: string };

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
  private sandbox: SandboxServer | null = null;
  private active: { status: AppStatus['dataSource']; connector: Connector | null } = {
    status: { kind: 'sandbox', baseUrl: null, reason: 'default' },
    connector: null,
  };

  constructor(private readonly options: DataSourceOptions) {}

  async apply(settings: Settings): Promise<void> {
    const realCredentials = secretStoreCredentials(this.options.secrets);
    if (settings.dataSource === 'real' && (await realCredentials.load())) {
      await this.stopSandbox();
      const baseUrls = KOOGALLERY_HOSTS[settings.marketplaceRegion];
      const api = new KooGalleryClient({ baseUrls, credentials: realCredentials, now: this.options.now });
      this.active = { status: { kind: 'real', baseUrl: baseUrls[0], reason: 'selected' }, connector: koogalleryConnector(api) };
      return;
    }
    const baseUrl = await this.sandboxBaseUrl();
    const api = baseUrl ? new KooGalleryClient({ baseUrls: [baseUrl], credentials: fixedCredentials(DEMO_CREDENTIALS), now: this.options.now }) : null;
    this.active = {
      status: { kind: 'sandbox', baseUrl, reason: settings.dataSource === 'real' ? 'no-credentials' : 'default' },
      connector: api ? sandboxConnector(api) : null,
    };
  }

  get current(): AppStatus['dataSource'] {
    return this.active.status;
  }

  /** The connector of the active source; null while no source is started. */
  get connector(): Connector | null {
    return this.active.connector;
  }

  /** What the connectivity monitor requests: the sandbox's health path, or the API host itself. */
  probeUrl(): string | null {
    const { kind, baseUrl } = this.active.status;
    if (!baseUrl) return null;
    return kind === 'sandbox' ? `${baseUrl}/sandbox/health` : baseUrl;
  }

  /** The embedded sandbox server, when this app runs one (tests read its ledger). */
  get embeddedSandbox(): SandboxServer | null {
    return this.sandbox;
  }

  async close(): Promise<void> {
    await this.stopSandbox();
  }

  private async sandboxBaseUrl(): Promise<string | null> {
    const mode = this.options.sandboxMode;
    if (mode === 'off') return null;
    if (typeof mode === 'object') return mode.baseUrl;
    this.sandbox ??= await startSandboxServer({ now: this.options.now, size: this.options.sandboxSize });
    return this.sandbox.baseUrl;
  }

  private async stopSandbox(): Promise<void> {
    await this.sandbox?.close();
    this.sandbox = null;
  }
}
