import type { z } from 'zod';
import { appContract } from './app.contract';
import { mergeContracts } from './define';
import { marketplaceContract } from './marketplace.contract';
import { importsContract } from './imports.contract';
import { exportsContract } from './exports.contract';
import { reviewContract } from './review.contract';
import { syncContract } from './sync.contract';
import { usageContract } from './usage.contract';
import { settingsContract } from './settings.contract';
import { statusContract } from './status.contract';

export * from './errors';
export * from './events';
export * from './wire';
export * from './app.contract';
export * from './settings.contract';
export * from './status.contract';
export * from './marketplace.contract';
export * from './usage.contract';
export * from './sync.contract';
export * from './review.contract';
export * from './imports.contract';
export * from './exports.contract';
export { createClient, type CoreClient, type RawTransport } from './client';

/** The one contract between the UI and the core; each capability declares its part in its own file. */
export const contract = mergeContracts(appContract, settingsContract, statusContract, marketplaceContract, usageContract, syncContract, reviewContract, importsContract, exportsContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
/** What a handler receives: the input after parsing, defaults filled in. */
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
