export { createHeadlessPlatform, MemorySecretStore, type Platform, type SecretStore } from './platform';
export { CONTENT_SECURITY_POLICY } from './content-security-policy';
