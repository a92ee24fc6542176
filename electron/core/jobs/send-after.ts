/**
 * Passes an action's result on after starting `flush` (sending what the action queued) without
 * waiting for it: the seller sees the action at once; a send that fails is retried by the queue.
 */
export function sendAfter(flush: () => Promise<unknown>, what: string): <T>(result: T) => T {
  return (result) => {
    void flush().catch((error: unknown) => console.error(`sending ${what} failed`, error));
    return result;
  };
}
