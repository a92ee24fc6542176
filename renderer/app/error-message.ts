import { CoreCallError } from '../../electron/core/contract';

/** What a failed call says to the seller; a cancelled job says `cancelledText` when one is given. */
export function errorMessage(error: unknown, cancelledText?: string): string {
  if (cancelledText !== undefined && error instanceof CoreCallError && error.code === 'CANCELLED') return cancelledText;
  return error instanceof Error ? error.message : String(error);
}
