export { isOpen, describeHours, type OpeningHours } from './opening-hours.js';
export { queueFor, priorityFor, type QueueConfig, type ServiceInfo } from './routing.js';
export { abandon, estimateWait } from './queue/index.js';
