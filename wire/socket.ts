/**
 * socket.io events between the server and browsers: the resident's conversation (default
 * namespace, authenticated by the conversation token) and the agent console (`/console`,
 * authenticated by the session cookie). Each event carries one object.
 */
import { z } from 'zod';
import { priority } from './chat.js';
import { presence } from './console.js';

// --- Resident (default namespace) ---------------------------------------------------------------

export const residentServerEvents = {
  ready: z.strictObject({ conversationId: z.string() }),
  /** Something changed: the widget re-reads the transcript over HTTP. */
  'conversation:updated': z.strictObject({ conversationId: z.string() }),
  /** The adviser holding the conversation is typing (first name only). */
  typing: z.strictObject({ from: z.literal('agent'), name: z.string(), typing: z.boolean() }),
  error_message: z.strictObject({ title: z.string() }),
};
export const residentClientEvents = {
  typing: z.object({ typing: z.boolean() }),
};

// --- Agent console (`/console` namespace) ---------------------------------------------------------

export const consoleServerEvents = {
  ready: z.strictObject({ agentId: z.string(), tenant: z.string() }),
  'queue:changed': z.strictObject({ tenant: z.string() }),
  /** Sent only to agents who can open the handoff. */
  'handoff:new': z.strictObject({ id: z.string(), priority, queue: z.string(), reason: z.string(), reasonLabel: z.string() }),
  /** `overflow`: offered outside the agent's skills because nobody with them is available. */
  'handoff:offered': z.strictObject({ id: z.string(), overflow: z.literal(true).optional() }),
  'conversation:message': z.strictObject({ conversationId: z.string() }),
  'conversation:typing': z.strictObject({ conversationId: z.string(), typing: z.boolean() }),
  /** A phone conversation's call (bridge, hold, consultation) changed: its controls re-read it (issue 14). */
  'call:changed': z.strictObject({ conversationId: z.string() }),
  /** A call-back changed (placed, answered, missed, cancelled...): the call-back queue re-reads it (issue 14). */
  'callback:changed': z.strictObject({ id: z.string() }),
  /** To supervisors: a call-back passed its due time unanswered (once per due time). */
  'callback:overdue': z.strictObject({ tenant: z.string(), id: z.string(), kind: z.string(), queue: z.string(), dueAt: z.string(), attempts: z.number() }),
  /** The session was revoked or expired: the socket is closed after this. */
  'session:ended': z.strictObject({}),
  error_message: z.strictObject({ title: z.string() }),
};
export const consoleClientEvents = {
  presence: z.object({ status: presence }),
  heartbeat: z.object({}),
  typing: z.object({ conversationId: z.string().min(1).max(100), typing: z.boolean() }),
};
/** What a client event's acknowledgement carries. */
export const consoleAck = z.union([
  z.strictObject({ status: presence }),
  z.strictObject({ ok: z.boolean(), error: z.enum(['invalid', 'failed']).optional() }),
]);

type Payloads<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.infer<T[K]> };
/** Listener maps in socket.io's style: `Socket<ConsoleServerEvents>` on the server, `on(event, handler)` in the browser. */
type Listeners<T extends Record<string, z.ZodType>> = { [K in keyof T]: (payload: z.infer<T[K]>) => void };

export type ResidentServerPayloads = Payloads<typeof residentServerEvents>;
export type ResidentClientPayloads = Payloads<typeof residentClientEvents>;
export type ConsoleServerPayloads = Payloads<typeof consoleServerEvents>;
export type ConsoleClientPayloads = Payloads<typeof consoleClientEvents>;
export type ResidentServerEvents = Listeners<typeof residentServerEvents>;
export type ConsoleServerEvents = Listeners<typeof consoleServerEvents>;
export type ConsoleAck = z.infer<typeof consoleAck>;
export type AgentTyping = ResidentServerPayloads['typing'];
