import type { z } from 'zod';
import type { credentialsStatusSchema } from '../contract';
import type { SecretStore } from '../platform';
import { SECRET_NAMES, type KooGalleryCredentials } from '../koogallery';

type CredentialsStatus = z.infer<typeof credentialsStatusSchema>;

export async function credentialsStatus(secrets: SecretStore): Promise<CredentialsStatus> {
  const [sellerKey, ak, sk] = await Promise.all([secrets.get(SECRET_NAMES.sellerKey), secrets.get(SECRET_NAMES.ak), secrets.get(SECRET_NAMES.sk)]);
  const configured = Boolean(sellerKey && ak && sk);
  return { configured, akHint: configured && ak ? `…${ak.slice(-4)}` : null };
}

export async function saveCredentials(secrets: SecretStore, credentials: KooGalleryCredentials): Promise<void> {
  await secrets.set(SECRET_NAMES.sellerKey, credentials.sellerKey);
  await secrets.set(SECRET_NAMES.ak, credentials.ak);
  await secrets.set(SECRET_NAMES.sk, credentials.sk);
}

export async function clearCredentials(secrets: SecretStore): Promise<void> {
  await Promise.all(Object.values(SECRET_NAMES).map((name) => secrets.delete(name)));
}
