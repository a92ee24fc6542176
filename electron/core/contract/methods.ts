import type { z } from 'zod';
import { appContract } from './app.contract';
import { mergeContracts, type HandlersFor } from './define';
import { exportsContract } from './exports.contract';
import { importsContract } from './imports.contract';
import { marketplaceContract } from './marketplace.contract';
import { billsContract } from './bills.contract';
import { jobsContract } from './jobs.contract';
import { ordersContract } from './orders.contract';
import { ticketsContract } from './tickets.contract';
import { storeFiguresContract } from './store-figures.contract';
import { overviewContract } from './overview.contract';
import { supervisionContract } from './supervision.contract';
import { salesToolsContract } from './sales-tools.contract';
import { listingContract } from './listing.contract';
import { receiversContract } from './receivers.contract';
import { noticesContract } from './notices.contract';
import { agentsContract } from './agents.contract';
import { transactionDetailsContract } from './transaction-details.contract';
import { settingsContract } from './settings.contract';
import { statusContract } from './status.contract';
import { syncContract } from './sync.contract';
import { usageContract } from './usage.contract';

/** The one contract between the UI and the core; each capability declares its part in its own file. */
export const contract = mergeContracts(
  appContract,
  settingsContract,
  statusContract,
  marketplaceContract,
  usageContract,
  syncContract,
  ordersContract,
  transactionDetailsContract,
  billsContract,
  ticketsContract,
  overviewContract,
  storeFiguresContract,
  supervisionContract,
  salesToolsContract,
  agentsContract,
  listingContract,
  receiversContract,
  noticesContract,
  importsContract,
  exportsContract,
  jobsContract,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
/** What a handler receives: the input after parsing, defaults filled in. */
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
/** Every method's handler: the core's capabilities together must supply exactly this. */
export type HandlerTable = HandlersFor<Contract>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
