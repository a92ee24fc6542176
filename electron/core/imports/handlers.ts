import crypto from 'node:crypto';
import type { HandlersFor, importsContract } from '../contract';
import type { JobEngine } from '../jobs';
import type { SellerCenterImport } from './seller-center-import';
import { withUploadedFile } from './uploaded-file';

export function importHandlers(imports: SellerCenterImport, jobs: JobEngine): HandlersFor<typeof importsContract> {
  return {
    'imports.sellerCenter': ({ kind, fileName, contentBase64, mapping, jobId }) =>
      jobs.run(jobId ?? `import:${crypto.randomUUID()}`, `imports.${kind}`, (job) =>
        withUploadedFile(fileName, contentBase64, (file) => imports.importFile(file, kind, mapping, job)),
      ),
  };
}
