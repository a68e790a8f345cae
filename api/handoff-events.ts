import type { Assistant } from '../bot/index.js';
import type { ConsoleDeps } from './console/index.js';

/**
 * What follows a committed turn: agents' consoles hear of new handoffs and of residents'
 * messages, and residents' browsers refresh. Emits go through socket.io's adapter, so with
 * Redis they reach consoles connected to any app process.
 */
export function wireHandoffEvents(assistant: Assistant, deps: ConsoleDeps): void {
  assistant.onEvent((event) => {
    const ns = deps.consoleNamespace?.();
    if (event.type === 'handoff') {
      ns?.to(`tenant:${event.tenant}`).emit('handoff:new', { id: event.handoffId, priority: event.priority, queue: event.queue, reason: event.reason });
      ns?.to(`tenant:${event.tenant}`).emit('queue:changed', { tenant: event.tenant });
      return;
    }
    deps.realtime?.conversationUpdated(event.conversationId);
    if (event.state === 'with_agent' || event.state === 'queued') {
      ns?.to(`tenant:${event.tenant}`).emit('conversation:message', { conversationId: event.conversationId });
    }
  });
}
