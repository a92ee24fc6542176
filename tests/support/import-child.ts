import { openDatabase, DATABASE_FILE_NAME } from '../../electron/core/db';
import { sellerCenterImport } from './imports';
import type { JobContext } from '../../electron/core/jobs';
import path from 'node:path';

/**
 * A Seller Center import in its own process, for the crash test (which kills it with SIGKILL).
 * Prints "rows N" as it reads, "parsed N" when every row is read (the one write transaction starts
 * right after), and "imported N" at the end.
 */
const [dataDir, file, total] = process.argv.slice(2);
const db = openDatabase(path.join(dataDir!, DATABASE_FILE_NAME));
const job: JobContext = {
  id: 'crash-test',
  signal: new AbortController().signal,
  progress: (done) => {
    if (done % 10_000 === 0) console.log(`rows ${done}`);
    if (done === Number(total)) console.log(`parsed ${done}`);
  },
  throwIfCancelled: () => undefined,
};
const result = await sellerCenterImport(db).importFile(file!, 'orders', {}, job);
console.log(`imported ${result.imported}`);
db.close();
