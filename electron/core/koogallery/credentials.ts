import type { SecretStore } from '../platform';

/**
 * The seller's KooGallery credentials: the interconnection key (Usage Push New) and the APIG AK/SK
 * (order query, license, Usage Push Old). They are read when a request is signed and never logged,
 * put in an error, or written to the database.
 */
export interface KooGalleryCredentials {
  sellerKey: string;
  ak: string;
  sk: string;
}

export interface CredentialSource {
  load(): Promise<KooGalleryCredentials | null>;
}

export const SECRET_NAMES = { sellerKey: 'koogallery.sellerKey', ak: 'koogallery.ak', sk: 'koogallery.sk' } as const;

/** The app: credentials kept in the OS keychain through the platform's secret store. */
export function secretStoreCredentials(store: SecretStore): CredentialSource {
  return {
    async load() {
      const [sellerKey, ak, sk] = await Promise.all([store.get(SECRET_NAMES.sellerKey), store.get(SECRET_NAMES.ak), store.get(SECRET_NAMES.sk)]);
      return sellerKey && ak && sk ? { sellerKey, ak, sk } : null;
    },
  };
}

/** Tests and scripts: fixed credentials (e.g. from environment variables). */
export function fixedCredentials(credentials: KooGalleryCredentials): CredentialSource {
  return { load: async () => credentials };
}
