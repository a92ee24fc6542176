declare const __APP_VERSION__: string | undefined;

/** Injected from package.json by the build (scripts/build-node.mjs) and by vitest's config. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
