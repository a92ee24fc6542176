/**
 * Rules every part of the app shares — the core, the sandbox and the renderer: Beijing time, the
 * reporting windows, the vocabulary of codes and their words, cell values as Seller Center writes
 * them. Plain TypeScript with no Node or browser API, so each side imports the same rule.
 */
export * from './beijing-time';
export * from './reporting-windows';
export * from './vocabulary';
export * from './cell-values';
export * from './zone-time';
export * from './notifications';
export * from './sdr-time';
export * from './supervision';
export * from './sales-tools';
export * from './agents';
export * from './upload-rules';
export * from './listing';
export * from './receivers';
export * from './local-ids';
