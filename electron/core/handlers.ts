import type { MethodInput, MethodName, MethodOutput } from './contract';
import { clearCredentials, credentialsStatus, saveCredentials } from './marketplace/credentials-service';
import type { CoreServices } from './services';

type Handler<M extends MethodName> = (input: MethodInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
/** One handler per declared method: a method added to the contract without a handler fails to compile. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

export function buildHandlers(s: CoreServices): HandlerTable {
  return {
    'app.info': () => s.appInfo(),
    'settings.get': () => s.settings.read(),
    'settings.update': (changes) => s.updateSettings(changes),
    'status.get': () => s.status(),
    'status.checkConnectivity': () => s.connectivity.probe(),
    'marketplace.capabilities': () => s.capabilities(),
    'marketplace.credentialsStatus': () => credentialsStatus(s.platform.secrets),
    'marketplace.saveCredentials': async (credentials) => {
      await saveCredentials(s.platform.secrets, credentials);
      await s.reselectDataSource();
      return credentialsStatus(s.platform.secrets);
    },
    'marketplace.clearCredentials': async () => {
      await clearCredentials(s.platform.secrets);
      await s.reselectDataSource();
      return credentialsStatus(s.platform.secrets);
    },
  };
}
