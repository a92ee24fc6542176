/** One engine for long and repeated work: jobs with progress and cancel, schedules on the core's clock. */
export { JobEngine, type JobContext, type Schedule } from './job-engine';
export { systemClock, clockFromEnvironment, type Clock } from './clock';
export { jobHandlers } from './handlers';
export { sendAfter } from './send-after';
