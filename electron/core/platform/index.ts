export { createHeadlessPlatform, MemorySecretStore, type Platform, type SecretStore } from './platform';
