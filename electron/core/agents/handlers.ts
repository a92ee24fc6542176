import type { agentsContract, HandlersFor } from '../contract';
import type { AgentsWork } from './agents-work';

export function agentsHandlers(work: AgentsWork): HandlersFor<typeof agentsContract> {
  return {
    'agents.registrations': () => work.registrations(),
    'agents.register': (input) => work.register(input),
    'agents.get': ({ registrationId }) => work.detail(registrationId),
    'agents.markSubmitted': ({ registrationId }) => work.markSubmitted(registrationId),
    'agents.saveSecretHeader': ({ registrationId, name, value }) => work.saveSecretHeader(registrationId, name, value),
    'agents.check': (input) => work.check(input),
  };
}
