import { startSandboxServer, type SandboxServer } from '../../sandbox';
import type { Settings } from '../contract/settings.contract';
import type { AppStatus } from '../contract/status.contract';

/** KooGallery Open API hosts (koogallery-api.md §1.1). */
export const MARKETPLACE_HOSTS = {
  cn: 'https://mkt.myhuaweicloud.com',
  intl: 'https://mkt-intl.myhuaweicloud.com',
} as const;

export type SandboxMode = 'embedded' | 'off' | { baseUrl: string };

/**
 * Which marketplace the connector talks to. With `dataSource: sandbox` the app runs the sandbox
 * marketplace in-process (its embedded default) unless told to use an external one.
 */
export class DataSourceManager {
  private sandbox: SandboxServer | null = null;
  private kind: Settings['dataSource'] = 'sandbox';
  private baseUrl: string | null = null;

  constructor(private readonly sandboxMode: SandboxMode) {}

  async apply(settings: Settings): Promise<void> {
    this.kind = settings.dataSource;
    if (settings.dataSource === 'real') {
      await this.stopSandbox();
      this.baseUrl = MARKETPLACE_HOSTS[settings.marketplaceRegion];
      return;
    }
    this.baseUrl = await this.sandboxBaseUrl();
  }

  get current(): AppStatus['dataSource'] {
    return { kind: this.kind, baseUrl: this.baseUrl };
  }

  /** What the connectivity monitor requests: the sandbox's health path, or the API host itself. */
  probeUrl(): string | null {
    if (!this.baseUrl) return null;
    return this.kind === 'sandbox' ? `${this.baseUrl}/sandbox/health` : this.baseUrl;
  }

  async close(): Promise<void> {
    await this.stopSandbox();
  }

  private async sandboxBaseUrl(): Promise<string | null> {
    if (this.sandboxMode === 'off') return null;
    if (typeof this.sandboxMode === 'object') return this.sandboxMode.baseUrl;
    this.sandbox ??= await startSandboxServer();
    return this.sandbox.baseUrl;
  }

  private async stopSandbox(): Promise<void> {
    await this.sandbox?.close();
    this.sandbox = null;
  }
}
