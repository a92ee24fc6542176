import crypto from 'node:crypto';
import type { MethodName, MethodOutput, MethodParsedInput } from './contract';
import { clearCredentials, credentialsStatus, saveCredentials } from './marketplace/credentials-service';
import { refreshOrder } from './review/order-refresh';
import { countMatches, readPage } from './review/keyset';
import { ORDER_LIST, orderWithLines } from './review/orders';
import { BILL_LIST } from './review/bills';
import { TICKET_LIST } from './review/tickets';
import { DETAIL_LIST } from './review/transaction-details';
import { importSellerCenterFile } from './imports/seller-center-import';
import { withUploadedFile } from './imports/uploaded-file';
import type { CoreServices } from './services';
import { receptionHoursSchema } from './tickets/ticket-work';
import { CoreError } from './contract/errors';
import { listAttempts, listRecords, listWindows } from './usage/usage-views';

type Handler<M extends MethodName> = (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
/** One handler per declared method: a method added to the contract without a handler fails to compile. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

export function buildHandlers(s: CoreServices): HandlerTable {
  return {
    'app.info': () => s.appInfo(),
    'settings.get': () => s.settings.read(),
    'settings.update': (changes) => s.updateSettings(changes),
    'status.get': () => s.status(),
    'status.checkConnectivity': () => s.connectivity.probe(),
    'marketplace.capabilities': () => s.capabilities(),
    'marketplace.credentialsStatus': () => credentialsStatus(s.platform.secrets),
    'marketplace.saveCredentials': async (credentials) => {
      await saveCredentials(s.platform.secrets, credentials);
      await s.reselectDataSource();
      return credentialsStatus(s.platform.secrets);
    },
    'orders.page': (request) => readPage(s.db, ORDER_LIST, request),
    'orders.count': ({ filters }) => countMatches(s.db, ORDER_LIST, filters),
    'orders.get': ({ orderId }) => orderWithLines(s.db, orderId),
    'orders.refresh': ({ orderId }) => refreshOrder(s.db, s.dataSource.connector, orderId, s.now()),
    'transactionDetails.page': (request) => readPage(s.db, DETAIL_LIST, request),
    'transactionDetails.count': ({ filters }) => countMatches(s.db, DETAIL_LIST, filters),
    'tickets.page': (request) => readPage(s.db, TICKET_LIST, request),
    'bills.page': (request) => readPage(s.db, BILL_LIST, request),
    'bills.count': ({ filters }) => countMatches(s.db, BILL_LIST, filters),
    'imports.sellerCenter': ({ kind, fileName, contentBase64, mapping, jobId }) =>
      s.jobs.run(jobId ?? `import:${crypto.randomUUID()}`, `imports.${kind}`, (job) =>
        withUploadedFile(fileName, contentBase64, (file) => importSellerCenterFile(s.db, file, kind, mapping, job))),
    'jobs.cancel': ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }),
    'exports.start': ({ selection, format, jobId, fileName }) => s.exports.start(selection, format, jobId, fileName),
    'exports.showFile': async ({ fileName, how }) => ({ shown: await s.exports.showFile(fileName, how) }),
    'tickets.reply': ({ ticketId, text }) => s.tickets.reply(ticketId, text),
    'tickets.close': ({ ticketId }) => s.tickets.close(ticketId),
    'tickets.flushActions': () => s.tickets.flush(s.dataSource.connector),
    'tickets.authorizeProduct': ({ productId, subAccount }) => s.tickets.authorizeProduct(productId, subAccount),
    'tickets.receptionHours': () => s.tickets.receptionHours(),
    'tickets.setReceptionHours': (hours) => {
      const checked = receptionHoursSchema.safeParse(hours);
      if (!checked.success) throw new CoreError('VALIDATION', checked.error.issues[0]!.message, [{ path: '(input)', message: checked.error.issues[0]!.message }]);
      return s.tickets.setReceptionHours(checked.data);
    },
    'sync.run': ({ resources }) => s.syncResources(resources),
    'sync.cancel': ({ resource }) => {
      const running = s.sync.isRunning(resource);
      s.sync.cancel(resource);
      return { cancelled: running };
    },
    'usage.capture': (input) => s.usage.captureManual(input),
    'usage.importFile': ({ fileName, contentBase64, queueValidOnly }) => s.usage.importFile(fileName, contentBase64, queueValidOnly),
    'usage.reconcile': ({ fileName, contentBase64 }) => s.usage.reconcile(fileName, contentBase64),
    'usage.windows': ({ limit, before }) => listWindows(s.db, limit, before),
    'usage.records': ({ windowOpensAt, state, afterId, limit }) => listRecords(s.db, windowOpensAt, state, afterId, limit),
    'usage.correct': ({ id, ...changes }) => s.usage.correct(id, changes),
    'usage.attempts': ({ limit, beforeId }) => listAttempts(s.db, limit, beforeId),
    'usage.flushNow': () => s.usage.flushNow(),
    'marketplace.clearCredentials': async () => {
      await clearCredentials(s.platform.secrets);
      await s.reselectDataSource();
      return credentialsStatus(s.platform.secrets);
    },
  };
}
