export { JobRegistry, type JobContext } from './job-registry';
