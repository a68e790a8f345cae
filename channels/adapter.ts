/**
 * The channel seam. A channel is one adapter: its name, what it can show, its webhook routes
 * (which verify the provider's signature and turn requests into inbound messages through
 * `acceptInbound`), and, for channels that push replies to the resident, how an outbound message
 * is rendered and delivered. The registry (`registry.ts`) lists the adapters; the API mounts their
 * routes and the outbox delivers through them, so adding a channel is one file and one line there.
 */
import type { Request, Router } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Assistant, OutboundMessage } from '../bot/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { Db, Store } from '../store/index.js';

/** What a channel can show; rich replies are degraded in one place (`degrade.ts`) for what it cannot. */
export interface ChannelCapabilities {
  /** Tappable suggestions; without them options become a numbered list. */
  buttons: boolean;
  /** Link previews and cards; without them a link is written out. */
  cards: boolean;
  /** Longest message the channel carries, if it has a limit. */
  maxLength?: number;
  /** Spoken, not read: the assistant's `speech` form is used. */
  voice?: boolean;
}

/** What every adapter is given: the parts it may use, composed in api/server.ts. */
export interface ChannelDeps {
  store: Store;
  db: Db;
  assistant: Assistant;
  jobs: JobQueue;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** The council a request without its own council belongs to (the demo one when served). */
  defaultTenant: string;
  tenantIds: () => Iterable<string>;
  /** PUBLIC_URL: the origin providers call, which they sign. */
  publicUrl: () => string | undefined;
  /** The environment the channel reads its own settings from (process.env unless a test gives one). */
  env: Record<string, string | undefined>;
  clock: () => Date;
  /** Sends a conversation's stored, unsent outbound messages on its channel (the registry's dispatch). */
  dispatch: (tenant: string, conversationId: string) => Promise<void>;
}

/** A stored outbound message ready to leave: the conversation's address on the channel and what to say. */
export interface Delivery {
  tenant: string;
  conversationId: string;
  messageId: string;
  /** The resident's id on the channel (phone number, platform user id). */
  to: string;
  author: string;
  message: OutboundMessage & { notice?: string };
  /** The adapter's `render` of the message: what goes over the wire. */
  payload: unknown;
  /** Sent with the delivery; a provider that honours it drops a repeat, so a resend never shows twice. */
  idempotencyKey: string;
}

/** A delivery the provider refused: retried when `retryable`, else recorded as failed. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ChannelAdapter {
  /** The channel's name, stored on conversations and messages (`sms`, `voice`, `webhook`...). */
  name: string;
  capabilities: ChannelCapabilities;
  /** Where its routes are mounted; default `/channels/<name>`. */
  mountPath?: string;
  /** Webhook routes: each verifies the request (`verify`) before anything else. */
  routes?(): Router;
  /** Whether a request is the provider's own (its signature, computed as the provider specifies). */
  verify?(req: Request): boolean;
  /** The channel's payload for an outbound message, degraded to what the channel can show. */
  render?(message: OutboundMessage & { notice?: string }): unknown;
  /**
   * Push delivery through the shared outbox (`outbox.ts`): claimed, delivered with an idempotency
   * key, the provider's id recorded. Returns the provider's id for the message.
   */
  deliver?(delivery: Delivery): Promise<{ providerMessageId: string }>;
  /**
   * A channel with its own outbox (SMS: ordering, segments, opt-outs, a lookup at Twilio) queues
   * a conversation's unsent messages itself, and sweeps what a crash left behind.
   */
  dispatch?(tenant: string, conversationId: string): Promise<void>;
  sweep?(tenants: string[]): Promise<unknown>;
  /** Job handlers it needs, registered once at start. */
  registerJobs?(jobs: JobQueue): void;
  /**
   * Started once the HTTP server exists, before it listens: a channel with its own listener
   * (an SMTP port) opens it here, one that takes WebSocket upgrades on the API's port attaches to
   * `httpServer` (answering only its own paths). A failure stops the start.
   */
  start?(ctx: ChannelStartContext): Promise<void>;
  /** Closes what `start` opened, at shutdown, before the store closes. */
  stop?(): Promise<void>;
  /** An agent is typing in the conversation: shown live where the channel can (Direct Line); not stored. */
  typing?(tenant: string, conversationId: string, who: { name: string }, typing: boolean): void;
}

/** What a channel's `start` is given. */
export interface ChannelStartContext {
  /** The API's HTTP server (also carrying socket.io's upgrades). */
  httpServer: HttpServer;
}

/** Builds an adapter from the shared parts; null when the channel is not configured here. */
export type ChannelFactory = (deps: ChannelDeps) => ChannelAdapter | null;
