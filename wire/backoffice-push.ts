/**
 * The console's view of back-office webhook deliveries (/api/console/supervisor/deliveries,
 * supervisors only): the council's webhooks, how many deliveries are in each state, the ones that
 * failed or are retrying after an error, and the two redeliveries.
 */
import { z } from 'zod';

export const PUSH_DELIVERY_STATES = ['pending', 'sending', 'retrying', 'delivered', 'failed'] as const;

export const pushWebhookSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  format: z.enum(['json', 'xml']),
  /** Service ids or areas it takes; null: every service. */
  services: z.array(z.string()).nullable(),
  personal: z.boolean(),
  enabled: z.boolean(),
});

export const pushDelivery = z.strictObject({
  id: z.string(),
  webhookId: z.string(),
  webhookName: z.string(),
  caseReference: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  /** The event's number within its case. */
  seq: z.number(),
  status: z.enum(PUSH_DELIVERY_STATES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  /** Later events of the same case waiting behind this one for this webhook. */
  held: z.number(),
});

export const pushDeliveries = z.strictObject({
  counts: z.strictObject({ pending: z.number(), sending: z.number(), retrying: z.number(), delivered: z.number(), failed: z.number() }),
  webhooks: z.array(pushWebhookSummary),
  deliveries: z.array(pushDelivery),
});

export const pushRedelivered = z.strictObject({ delivery: pushDelivery });

export const redeliverCaseRequest = z.strictObject({ reference: z.string().trim().min(1).max(40) });
export const caseRedelivered = z.strictObject({ caseReference: z.string(), webhookName: z.string(), events: z.number() });

export type PushWebhookSummary = z.infer<typeof pushWebhookSummary>;
export type PushDelivery = z.infer<typeof pushDelivery>;
export type PushDeliveries = z.infer<typeof pushDeliveries>;
export type PushRedelivered = z.infer<typeof pushRedelivered>;
export type RedeliverCaseRequest = z.infer<typeof redeliverCaseRequest>;
export type CaseRedelivered = z.infer<typeof caseRedelivered>;
