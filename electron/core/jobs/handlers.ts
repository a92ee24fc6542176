import type { HandlersFor, jobsContract } from '../contract';
import type { JobEngine } from './job-engine';

export function jobHandlers(jobs: JobEngine): HandlersFor<typeof jobsContract> {
  return {
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
