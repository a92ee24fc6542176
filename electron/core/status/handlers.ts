import type { appContract, AppInfo, AppStatus, HandlersFor, statusContract } from '../contract';
import type { ConnectivityMonitor } from './connectivity-monitor';

export interface StatusHandlerDeps {
  appInfo: () => AppInfo;
  status: () => AppStatus;
  connectivity: ConnectivityMonitor;
}

export function statusHandlers({ appInfo, status, connectivity }: StatusHandlerDeps): HandlersFor<typeof appContract & typeof statusContract> {
  return {
    'app.info': () => appInfo(),
    'status.get': () => status(),
    'status.checkConnectivity': () => connectivity.probe(),
  };
}
