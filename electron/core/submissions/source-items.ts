import type { SalesActor, SalesRecords, SalesSection } from './sales-records';

export interface SourceItemWriting<R> {
  records: SalesRecords;
  section: SalesSection;
  actor: SalesActor;
  idOf(record: R): string;
  stateOf(record: R): string;
  /** The cached item's state; null when it is new. */
  cachedState(id: string): string | null;
  write(record: R): void;
}

/**
 * Writes an item the source lists, unless the seller's own change to it still waits to be sent (the
 * source does not know it yet); a new state is written to the item's history as the source's.
 */
export function sourceItemWriter<R>(w: SourceItemWriting<R>): (record: R, at: number) => void {
  return (record, at) => {
    const id = w.idOf(record);
    if (w.records.waitingFor(w.section, id)) return;
    const before = w.cachedState(id);
    w.write(record);
    const state = w.stateOf(record);
    if (before !== state)
      w.records.addHistory(w.section, id, { at, actor: w.actor, change: before === null ? 'listed' : state, detail: before === null ? state : null });
  };
}
