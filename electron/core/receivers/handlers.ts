import type { HandlersFor, receiversContract } from '../contract';
import type { ReceiverWork } from './receiver-work';

/** 消息接收管理 (local path: changes are entered in Seller Center by hand). */
export function receiverHandlers(work: ReceiverWork): HandlersFor<typeof receiversContract> {
  return {
    'receivers.list': () => work.list(),
    'receivers.get': ({ categoryCode }) => work.detail(categoryCode),
    'receivers.add': (input) => work.add(input),
    'receivers.update': (input) => work.update(input),
    'receivers.remove': ({ receiverId }) => work.remove(receiverId),
    'receivers.setChannels': ({ categoryCode, channels }) => work.setChannels(categoryCode, channels),
    'receivers.markEntered': ({ categoryCode }) => work.markEntered(categoryCode),
  };
}
