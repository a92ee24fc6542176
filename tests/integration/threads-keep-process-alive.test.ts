import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWaitingThreadsChild, WAITING_THREADS_CHILD } from '../support/child-process';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
beforeAll(() => buildWaitingThreadsChild());

describe('the core’s helper threads', () => {
  it('keep a process that awaits their answer alive until it comes (the aggregate thread, a checkpoint catch-up), then let it end', () => {
    const child = spawnSync(process.execPath, [WAITING_THREADS_CHILD, tempDir()], { encoding: 'utf8', timeout: 60_000 });
    // before: Node ended the process at the first await (exit code 13, an unfinished top-level await)
    expect({ status: child.status, stdout: child.stdout }).toEqual({ status: 0, stdout: 'counted {"n":0}\ncaught up\n' });
  });
});
