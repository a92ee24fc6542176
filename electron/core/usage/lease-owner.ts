import crypto from 'node:crypto';

/**
 * Who holds a lease on records being sent: this process (by its pid) and this flusher. After a
 * crash, a lease whose process is gone can be taken back at once instead of waiting for it to run
 * out — up to 2 of the 15 minutes a reporting window has.
 */
export function newLeaseOwner(): string {
  return `pid:${process.pid}:${crypto.randomUUID()}`;
}

/**
 * True when the lease's process no longer runs (or the owner predates pids in owners). A lease of
 * this same process is never called gone: another flusher of it may still be sending.
 */
export function isGoneOwner(owner: string, alive: (pid: number) => boolean = isProcessAlive): boolean {
  const pid = Number(/^pid:(\d+):/.exec(owner)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  return pid !== process.pid && !alive(pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, but belongs to someone else
  }
}
