export { createJobQueue, InProcessQueue, BullMqQueue, DEFAULT_JOBS_QUEUE, type JobQueue, type JobHandler, type JobOptions } from './queue.js';
export { DbQueue, type DbQueueOptions } from './db-queue.js';
export { purgeExpired } from './retention.js';
export { recoverOnce, registerRecovery, RECOVERY_SWEEP_JOB, RECOVERY_SWEEP_EVERY_MS, UNANSWERED_GRACE_MS, type RecoveryDeps } from './recovery.js';
