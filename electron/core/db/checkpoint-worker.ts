import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerConnection } from './open';

/**
 * The WAL checkpoint worker: a thread with its own connection that copies the WAL back into the
 * database file (a checkpoint after a 1,000,000-row sync copies hundreds of MB: about 0.5 s per
 * 190 MB here), so no core call waits behind it. While writes keep coming it checkpoints every
 * second, when idle every `intervalMs`, and at once on a `checkpoint` request (a long writer
 * letting it catch up: checkpoints.ts).
 */
export interface CheckpointWorkerData {
  file: string;
  intervalMs: number;
  nativeBinding?: string;
}

export type CheckpointWorkerRequest = { type: 'checkpoint' } | { type: 'stop' };
export type CheckpointWorkerMessage = { type: 'checkpointed' };

const BUSY_INTERVAL_MS = 1_000;

if (parentPort) runCheckpoints(workerData as CheckpointWorkerData);

function runCheckpoints({ file, intervalMs, nativeBinding }: CheckpointWorkerData): void {
  const db = openWorkerConnection(file, { nativeBinding, readonly: false });
  let timer: NodeJS.Timeout;
  const checkpoint = () => {
    clearTimeout(timer);
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    const copied = (result?.checkpointed ?? 0) > 0;
    timer = setTimeout(checkpoint, copied ? Math.min(BUSY_INTERVAL_MS, intervalMs) : intervalMs);
  };
  timer = setTimeout(checkpoint, intervalMs);
  parentPort!.on('message', (message: CheckpointWorkerRequest) => {
    if (message.type === 'checkpoint') {
      checkpoint();
      parentPort!.postMessage({ type: 'checkpointed' } satisfies CheckpointWorkerMessage);
      return;
    }
    clearTimeout(timer);
    db.close();
    parentPort!.close();
  });
}
