export { enqueue, type EnqueueJobOptions } from './enqueue.ts';
export type { Job } from './job.ts';
export { retryDelayMs, type RetryDelayOptions } from './retry-delay.ts';
export {
  JobWorker,
  type JobContext,
  type JobHandler,
  type JobWorkerOptions,
  type StartJobWorkerOptions,
} from './worker.ts';
