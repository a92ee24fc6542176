export { createHeadlessPlatform, MemorySecretStore, type Platform, type SecretStore } from './platform';
export { CONTENT_SECURITY_POLICY } from './content-security-policy';
export { RENDERER_CONTENT_TYPES, rendererContentType, rendererFilePath } from './renderer-files';
