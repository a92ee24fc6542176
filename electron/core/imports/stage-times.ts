/** The stages of an import whose time is recorded (the import benchmark prints them). */
export type ImportStage = 'xmlParse' | 'valueParsing' | 'staging' | 'finalWrite' | 'searchIndex' | 'indexesAtEnd';

/**
 * Where an import's time goes: the main thread's milliseconds in each stage, added up over every
 * import given this record. A stage measured inside another counts to itself only (the staging's
 * read-back wraps the final writes). Inflating runs on zlib's thread pool, beside the XML parse,
 * so it is not one of these.
 */
export class StageTimes {
  readonly ms: Record<ImportStage, number> = { xmlParse: 0, valueParsing: 0, staging: 0, finalWrite: 0, searchIndex: 0, indexesAtEnd: 0 };
  /** Time counted by the measures that ran inside the one running now. */
  private inner = 0;

  measure<T>(stage: ImportStage, work: () => T): T {
    const started = performance.now();
    const outer = this.inner;
    this.inner = 0;
    try {
      return work();
    } finally {
      const elapsed = performance.now() - started;
      this.ms[stage] += elapsed - this.inner;
      this.inner = outer + elapsed;
    }
  }

  /** A stage that awaits (nothing else is measured while it runs). */
  async measureAsync(stage: ImportStage, work: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await work();
    } finally {
      this.ms[stage] += performance.now() - started;
    }
  }
}
