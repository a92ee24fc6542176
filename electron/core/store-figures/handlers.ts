import type { HandlersFor, storeFiguresContract } from '../contract';
import type { ReportContext, StoreFiguresReader } from './store-figures';

export function storeFiguresHandlers(reader: StoreFiguresReader, context: () => ReportContext): HandlersFor<typeof storeFiguresContract> {
  return {
    'reports.storeFigures': ({ period }) => reader.report(period, context()),
  };
}
