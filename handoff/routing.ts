/** How soon a handoff needs a person; the bot's message model re-exports it. */
export type HandoffPriority = 'urgent' | 'high' | 'normal';

export interface QueueConfig {
  id: string;
  name: string;
  skills: string[];
}

export interface ServiceInfo {
  id: string;
  area: string;
  kind: string;
  ooh: boolean;
}

/** The queue whose skills cover the service's area (or its id); the first queue is the general one. */
export function queueFor(queues: QueueConfig[], service: ServiceInfo | undefined): QueueConfig {
  if (service) {
    const area = service.area;
    const match = queues.find((q) => q.skills.includes(service.id) || q.skills.includes(area));
    if (match) return match;
  }
  return queues[0];
}

/** Safety first, then emergencies and out-of-hours services, then the rest. */
export function priorityFor(reason: string, service: ServiceInfo | undefined): HandoffPriority {
  if (reason.startsWith('safety.')) return 'urgent';
  if (service && (service.kind === 'emergency' || service.kind === 'safeguarding' || service.ooh)) return 'high';
  return 'normal';
}
