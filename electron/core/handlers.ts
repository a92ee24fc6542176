import type { MethodInput, MethodName, MethodOutput } from './contract';
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
  };
}
