import type {} from 'electron';
import { CallsById } from '../core/contract';
import type { Platform, SecretStore } from '../core';
import type { CoreHostToMain, PlatformOp, PlatformOps, PlatformReply } from './protocol';

type ParentPort = Electron.ParentPort;

const requests = new CallsById<PlatformReply>();

/**
 * Platform for the core running in Electron's utility process: notifications, the keychain
 * (safeStorage) and the shell (open a file, show it in its folder) live in the main process,
 * reached by request/reply over the parent port.
 */
export function createUtilityPlatform(parent: ParentPort, downloadsFolder?: string): Platform {
  const post = (message: CoreHostToMain) => parent.postMessage(message);
  const request = async <Op extends PlatformOp>(op: Op, args: PlatformOps[Op]['args']): Promise<PlatformOps[Op]['value']> => {
    const reply = await requests.call((id) => post({ type: 'platform-request', id, op, args } as CoreHostToMain));
    if (typeof reply.error === 'string') throw new Error(reply.error);
    return (reply.value ?? null) as PlatformOps[Op]['value'];
  };
  const secrets: SecretStore = {
    get: (name) => request('secret.get', { name }),
    set: async (name, value) => void (await request('secret.set', { name, value })),
    delete: async (name) => void (await request('secret.delete', { name })),
  };
  return {
    host: 'electron',
    notify: (title, body) => post({ type: 'notify', title, body }),
    secrets,
    showFile: async (file, how) => (await request('file.show', { file, how })) === true,
    ...(downloadsFolder ? { downloadsFolder } : {}),
  };
}

export function handlePlatformReply(reply: PlatformReply): void {
  requests.settle(reply.id, reply);
}
