import type { Platform, SecretStore } from '../core/platform';

import type {} from 'electron';

type ParentPort = Electron.ParentPort;
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const pending = new Map<number, Pending>();
let nextId = 1;

/**
 * Platform for the core running in Electron's utility process: notifications, the keychain
 * (safeStorage) and the shell (open a file, show it in its folder) live in the main process,
 * reached by request/reply over the parent port.
 */
export function createUtilityPlatform(parent: ParentPort, downloadsFolder?: string): Platform {
  const request = (op: string, args: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      parent.postMessage({ type: 'platform-request', id, op, args });
    });
  const secrets: SecretStore = {
    get: async (name) => (await request('secret.get', { name })) as string | null,
    set: async (name, value) => void (await request('secret.set', { name, value })),
    delete: async (name) => void (await request('secret.delete', { name })),
  };
  return {
    host: 'electron',
    notify: (title, body) => parent.postMessage({ type: 'notify', title, body }),
    secrets,
    showFile: async (file, how) => (await request('file.show', { file, how })) === true,
    ...(downloadsFolder ? { downloadsFolder } : {}),
  };
}

export function handlePlatformReply(message: { id?: unknown; value?: unknown; error?: unknown }): void {
  const entry = typeof message.id === 'number' ? pending.get(message.id) : undefined;
  if (!entry) return;
  pending.delete(message.id as number);
  if (typeof message.error === 'string') entry.reject(new Error(message.error));
  else entry.resolve(message.value ?? null);
}
