/** What 销售管理's sections share: every item's history, and the seller's submissions queued until the source takes them. */
export { SalesRecords, type SalesSection, type SalesActor, type HistoryEntry, type Submission } from './sales-records';
export { SubmissionSender, type SectionChannel } from './submission-sender';
export { type SubmissionSheet, type SalesPath } from './submission-sheet';
export { sourceItemWriter, type SourceItemWriting } from './source-items';
export { queueForSource, type SalesContext } from './sales-context';
