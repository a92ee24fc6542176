import path from 'node:path';
import { DATABASE_FILE_NAME, openDatabase, startCheckpoints } from '../../electron/core/db';
import { Aggregates } from '../../electron/core/lists';

/**
 * Awaits the aggregate thread's answer and a checkpoint catch-up with nothing else keeping the
 * process alive (no server, no timer), as a benchmark or a one-off job does; prints what it got.
 */
const db = openDatabase(path.join(process.argv[2]!, DATABASE_FILE_NAME));
const checkpoints = startCheckpoints(db.name);
const aggregates = new Aggregates({ file: db.name });
console.log(`counted ${JSON.stringify(await aggregates.row('SELECT COUNT(*) AS n FROM orders', {}))}`);
await checkpoints.catchUp(0);
console.log('caught up');
await aggregates.close();
await checkpoints.stop();
db.close();
