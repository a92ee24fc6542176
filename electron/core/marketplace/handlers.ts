import type { HandlersFor, marketplaceContract } from '../contract';
import type { SecretStore } from '../platform';
import { clearCredentials, credentialsStatus, saveCredentials } from './credentials-service';
import type { DataSourceManager } from './data-source';

export interface MarketplaceHandlerDeps {
  dataSource: DataSourceManager;
  secrets: SecretStore;
  /** After credentials change: pick the source again, probe it, tell the UI. */
  reselect: () => Promise<void>;
}

export function marketplaceHandlers({ dataSource, secrets, reselect }: MarketplaceHandlerDeps): HandlersFor<typeof marketplaceContract> {
  return {
    'marketplace.capabilities': () => dataSource.capabilities(),
    'marketplace.credentialsStatus': () => credentialsStatus(secrets),
    'marketplace.saveCredentials': async (credentials) => {
      await saveCredentials(secrets, credentials);
      await reselect();
      return credentialsStatus(secrets);
    },
    'marketplace.clearCredentials': async () => {
      await clearCredentials(secrets);
      await reselect();
      return credentialsStatus(secrets);
    },
  };
}
