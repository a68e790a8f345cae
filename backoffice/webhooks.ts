/**
 * Councils' webhooks and what supervisors do with deliveries: adding a webhook (its secret made
 * here and shown once), disabling it, and redelivering a failed delivery or a case's whole event
 * history to a webhook, each recorded in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { JobQueue } from '../jobs/index.js';
import {
  findCaseByReference,
  insertPushWebhook,
  listPushWebhooks,
  recordAudit,
  redeliverPushCaseHistory,
  redeliverFailedPush,
  setPushWebhookDisabled,
  type Database,
  type PushDeliveryChain,
  type PushDeliveryListing,
  type PushWebhook,
  type WebhookFormat,
} from '../store/index.js';
import { BACKOFFICE_DELIVER_JOB, webhookTakesService } from './push.js';
import { newWebhookSecret } from './signing.js';

export class WebhookInputError extends Error {}

const SERVICE = /^[a-z0-9][a-z0-9_.-]{0,99}$/i;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A webhook address: https, or http only to this machine (a receiver beside the app, tests) or
 * when `allowHttp` says so; no credentials or fragment in it.
 */
export function checkWebhookUrl(raw: string, allowHttp = false): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookInputError('the address is not a URL (https://…)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookInputError('the address must be https://…');
  if (url.protocol === 'http:' && !allowHttp && !LOOPBACK.has(url.hostname)) throw new WebhookInputError('the address must be https:// (http only with --allow-http, for a receiver on a private network)');
  if (url.username || url.password) throw new WebhookInputError('put no user name or password in the address: the signature authenticates each delivery');
  if (url.hash) throw new WebhookInputError('the address must not have a #fragment');
  return url.toString();
}

export interface NewWebhook {
  tenant: string;
  name: string;
  url: string;
  format?: WebhookFormat;
  /** Service ids or areas (`highways`); none: every service. */
  services?: string[] | null;
  /** Send the resident's contact details with the case. */
  personal?: boolean;
  allowHttp?: boolean;
}

/** Adds a webhook; returns it with its secret, which is kept sealed and never shown again. */
export async function addWebhook(db: Kysely<Database>, input: NewWebhook): Promise<{ webhook: PushWebhook; secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new WebhookInputError('give the webhook a name (up to 100 characters)');
  const format = input.format ?? 'json';
  if (format !== 'json' && format !== 'xml') throw new WebhookInputError('the format is json or xml');
  const services = input.services?.map((s) => s.trim()).filter(Boolean) ?? [];
  const bad = services.find((s) => !SERVICE.test(s));
  if (bad !== undefined) throw new WebhookInputError(`"${bad}" is not a service id (like highways.pothole) or area (like highways)`);
  const secret = newWebhookSecret();
  const webhook = await insertPushWebhook(db, {
    id: randomUUID(),
    tenant: input.tenant,
    name,
    url: checkWebhookUrl(input.url, input.allowHttp),
    format,
    services: services.length ? [...new Set(services)] : null,
    personal: input.personal ?? false,
    secret,
  });
  return { webhook, secret };
}

export async function listWebhooks(db: Kysely<Database>, tenant: string): Promise<PushWebhook[]> {
  return listPushWebhooks(db, tenant);
}

export async function disableWebhook(db: Kysely<Database>, tenant: string, id: string): Promise<boolean> {
  return setPushWebhookDisabled(db, tenant, id, true);
}

export async function enableWebhook(db: Kysely<Database>, tenant: string, id: string): Promise<boolean> {
  return setPushWebhookDisabled(db, tenant, id, false);
}

export interface RedeliverDeps {
  db: Kysely<Database>;
  jobs: JobQueue;
}

/** Who asked, for the audit trail. */
export interface Requester {
  id: string;
  name: string;
}

async function queueNow(jobs: JobQueue, chain: PushDeliveryChain): Promise<void> {
  await jobs.add<PushDeliveryChain>(BACKOFFICE_DELIVER_JOB, chain, { jobId: `bo-redeliver-${randomUUID()}`, attempts: 3, backoffMs: 1_000 });
}

/**
 * Sends a failed delivery again now, with a new retry budget; the case's later events for that
 * webhook follow it once it is delivered. Undefined when there is no such failed delivery.
 */
export async function redeliverDelivery(deps: RedeliverDeps, tenant: string, deliveryId: string, by: Requester): Promise<PushDeliveryListing | undefined> {
  const delivery = await deps.db.transaction().execute(async (trx) => {
    const d = await redeliverFailedPush(trx, tenant, deliveryId);
    if (!d) return undefined;
    await recordAudit(trx, {
      tenant,
      actorType: 'agent',
      actorId: by.id,
      action: 'backoffice.redeliver',
      subjectType: 'backoffice_delivery',
      subjectId: d.id,
      detail: { by: by.name, webhookId: d.webhookId, webhook: d.webhookName, caseReference: d.caseReference, eventType: d.eventType, seq: d.seq, lastError: d.lastError },
    });
    return d;
  });
  if (delivery) await queueNow(deps.jobs, { tenant, webhookId: delivery.webhookId, caseId: delivery.caseId });
  return delivery;
}

export type CaseRedelivery =
  | { ok: true; events: number; caseReference: string; webhook: PushWebhook }
  | { ok: false; reason: 'no_webhook' | 'webhook_disabled' | 'no_case' | 'service_not_taken' };

/**
 * Sends a case's whole event history to one webhook again, in order (a back office that lost its
 * copy, or a webhook added after the case). Every event goes, those delivered before included,
 * with the same ids (a receiver that keeps the ids it has seen drops repeats).
 */
export async function redeliverCase(deps: RedeliverDeps, tenant: string, webhookId: string, reference: string, by: Requester): Promise<CaseRedelivery> {
  const webhook = (await listPushWebhooks(deps.db, tenant)).find((w) => w.id === webhookId);
  if (!webhook) return { ok: false, reason: 'no_webhook' };
  if (webhook.disabledAt) return { ok: false, reason: 'webhook_disabled' };
  const found = await findCaseByReference(deps.db, tenant, reference.trim());
  if (!found) return { ok: false, reason: 'no_case' };
  if (!webhookTakesService(webhook, found.service_id)) return { ok: false, reason: 'service_not_taken' };
  const events = await deps.db.transaction().execute(async (trx) => {
    const n = await redeliverPushCaseHistory(trx, tenant, webhook.id, found.id);
    await recordAudit(trx, {
      tenant,
      actorType: 'agent',
      actorId: by.id,
      action: 'backoffice.redeliver_case',
      subjectType: 'case',
      subjectId: found.id,
      detail: { by: by.name, webhookId: webhook.id, webhook: webhook.name, caseReference: found.reference, events: n },
    });
    return n;
  });
  await queueNow(deps.jobs, { tenant, webhookId: webhook.id, caseId: found.id });
  return { ok: true, events, caseReference: found.reference, webhook };
}
