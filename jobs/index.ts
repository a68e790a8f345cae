export { createJobQueue, InProcessQueue, BullMqQueue, type JobQueue, type JobHandler, type JobOptions } from './queue.js';
export { purgeExpired } from './retention.js';
