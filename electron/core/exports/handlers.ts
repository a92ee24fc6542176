import type { exportsContract, HandlersFor } from '../contract';
import type { ExportService } from './export-service';

export function exportHandlers(exports: ExportService): HandlersFor<typeof exportsContract> {
  return {
    'exports.start': ({ selection, format, jobId, fileName }) => exports.start(selection, format, jobId, fileName),
    'exports.preview': ({ selection, format }) => exports.preview(selection, format),
    'exports.showFile': async ({ fileName, how }) => ({ shown: await exports.showFile(fileName, how) }),
  };
}
