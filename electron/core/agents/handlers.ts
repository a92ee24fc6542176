import type { agentsContract, HandlersFor } from '../contract';
import type { AgentsWork } from './agents-work';

/** 注册Agents; `sent` starts sending a registration the source takes without waiting for it. */
export function agentsHandlers(work: AgentsWork, sent: <T>(result: T) => T): HandlersFor<typeof agentsContract> {
  return {
    'agents.registrations': () => work.registrations(),
    'agents.products': () => work.products(),
    'agents.register': (input) => sent(work.register(input)),
    'agents.get': ({ registrationId }) => work.detail(registrationId),
    'agents.markSubmitted': ({ registrationId }) => work.markSubmitted(registrationId),
    'agents.saveSecretHeader': ({ registrationId, name, value }) => work.saveSecretHeader(registrationId, name, value),
    'agents.check': (input) => work.check(input),
    'agents.checks': ({ url }) => work.checks(url),
  };
}
