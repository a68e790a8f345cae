/**
 * The back-office push: every case event reaches each of the council's matching webhooks, signed
 * (backoffice/signing.ts), as a CloudEvent in JSON or XML (backoffice/cloudevents.ts), at least
 * once, and in order per case and webhook.
 *
 * - A consumer of the case event log (store/case-events.ts) turns new events into delivery rows,
 *   one per event and matching webhook, and moves its cursor in the same transaction. It runs in
 *   the sweep job (every BACKOFFICE_SWEEP_MS, once across processes) and on a kick.
 * - Each case's deliveries to one webhook are a chain: a `backoffice.deliver` job claims the
 *   chain's first undelivered row (only when it is due), sends it, records the outcome, and goes
 *   on to the next. Event n+1 is never sent before n was delivered: a row retrying, sending or
 *   failed holds the rest.
 * - A non-2xx answer, a refused connection or no answer within the timeout is retried with
 *   exponential backoff (capped, with a little jitter); after the retry budget the row is `failed`
 *   and holds back that case's later events for that webhook until a supervisor redelivers it.
 * - The sweep also takes back claims left by a stopped process and queues chains whose job was
 *   lost, so nothing waits for ever.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { JobQueue } from '../jobs/index.js';
import {
  caseEventById,
  claimPushChainHead,
  contactById,
  fanOutPushDeliveries,
  linkedReportsOf,
  overduePushChainHeads,
  pushCase,
  pushWebhookWithSecret,
  reclaimStalePushDeliveries,
  settlePushDelivery,
  type ClaimedPushDelivery,
  type Database,
  type PushDeliveryChain,
  type PushDeliveryOutcome,
  type PushWebhook,
} from '../store/index.js';
import { caseJson } from './case-json.js';
import { caseCloudEvent, CONTENT_TYPES, renderJson, renderXml } from './cloudevents.js';
import { backofficeAttemptSeconds, backofficeAttemptsTotal, backofficeDeliveryLagSeconds } from './metrics.js';
import { webhookHeaders } from './signing.js';

export const BACKOFFICE_SWEEP_JOB = 'backoffice.sweep';
export const BACKOFFICE_DELIVER_JOB = 'backoffice.deliver';
/** The push's name as a consumer of the case event log. */
export const EVENT_CONSUMER = 'backoffice.push';

export interface PushSettings {
  /** How often the sweep runs (new events, stale claims, lost jobs). */
  sweepEveryMs: number;
  /** Attempts in all before a delivery is `failed`, the first included. */
  attempts: number;
  /** The wait before the second attempt; it doubles each time, up to `backoffCapMs`. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Up to this share is added to each wait at random, so receivers coming back are not hit at once. */
  jitter: number;
  /** One attempt's limit, connection to answer. */
  timeoutMs: number;
  /** A claim older than this belongs to a process that stopped mid-attempt. */
  claimTimeoutMs: number;
  /** A due delivery without a job for this long is queued by the sweep. */
  overdueGraceMs: number;
  /** Events read from the log per transaction. */
  batch: number;
}

/**
 * Defaults: 15 attempts, 10 s doubling up to 2 h, so a receiver down for about 11 hours still gets
 * everything without anyone's help; 10 s per attempt (Standard Webhooks' advice is 15 s or less).
 */
export const DEFAULT_PUSH_SETTINGS: PushSettings = {
  sweepEveryMs: 2_000,
  attempts: 15,
  backoffBaseMs: 10_000,
  backoffCapMs: 2 * 3600_000,
  jitter: 0.1,
  timeoutMs: 10_000,
  claimTimeoutMs: 60_000,
  overdueGraceMs: 5_000,
  batch: 200,
};

/** The settings from BACKOFFICE_* environment variables; anything missing or out of range is the default. */
export function pushSettingsFromEnv(env: Record<string, string | undefined>): PushSettings {
  const num = (name: string, fallback: number, min: number, max: number) => {
    const v = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
  };
  const d = DEFAULT_PUSH_SETTINGS;
  const timeoutMs = num('BACKOFFICE_TIMEOUT_MS', d.timeoutMs, 1_000, 60_000);
  return {
    ...d,
    sweepEveryMs: num('BACKOFFICE_SWEEP_MS', d.sweepEveryMs, 200, 600_000),
    attempts: Math.round(num('BACKOFFICE_RETRY_ATTEMPTS', d.attempts, 1, 50)),
    backoffBaseMs: num('BACKOFFICE_RETRY_BASE_MS', d.backoffBaseMs, 100, 3600_000),
    backoffCapMs: num('BACKOFFICE_RETRY_CAP_MS', d.backoffCapMs, 1_000, 7 * 86400_000),
    timeoutMs,
    claimTimeoutMs: Math.max(d.claimTimeoutMs, timeoutMs * 3),
  };
}

/** The wait after attempt `attempt` (1 = the first) failed. */
export function backoffMs(attempt: number, s: Pick<PushSettings, 'backoffBaseMs' | 'backoffCapMs' | 'jitter'>, random: () => number = Math.random): number {
  const plain = Math.min(s.backoffCapMs, s.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (1 + s.jitter * random()));
}

/**
 * Whether a webhook receives a case of this service: it has no filter, or an entry is the service's
 * id or its area (`highways` takes `highways.pothole`).
 */
export function webhookTakesService(webhook: Pick<PushWebhook, 'services'>, serviceId: string): boolean {
  if (!webhook.services) return true;
  return webhook.services.some((s) => s === serviceId || serviceId.startsWith(`${s}.`));
}

export interface PushDeps {
  db: Kysely<Database>;
  jobs: JobQueue;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The councils this process serves. */
  tenants: () => Iterable<string>;
  /** A service's name from the council's catalogue (default: its id). */
  serviceName?: (tenant: string, serviceId: string) => string | undefined;
  settings?: Partial<PushSettings>;
  /** The HTTP client (default: the global fetch). */
  fetch?: typeof fetch;
  /** Signed links to the case's photos and files (files/, wired in api/server.ts); none without it. */
  mediaUrls?: (tenant: string, caseId: string) => Promise<string[]>;
}

const MAX_SENDS_PER_JOB = 25;

export class BackofficePush {
  readonly settings: PushSettings;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: PushDeps) {
    this.settings = { ...DEFAULT_PUSH_SETTINGS, ...deps.settings };
    this.fetch = deps.fetch ?? fetch;
  }

  /** Registers the jobs and schedules the sweep; once at start in every process that runs jobs. */
  async register(): Promise<void> {
    this.deps.jobs.register(BACKOFFICE_SWEEP_JOB, async () => {
      await this.sweepOnce();
    });
    this.deps.jobs.register<PushDeliveryChain>(BACKOFFICE_DELIVER_JOB, (chain) => this.deliverChain(chain));
    await this.deps.jobs.every(BACKOFFICE_SWEEP_JOB, this.settings.sweepEveryMs);
  }

  /** Runs the sweep now rather than at its next turn (after a change whose event should go at once). */
  async kick(): Promise<void> {
    await this.deps.jobs.add(BACKOFFICE_SWEEP_JOB, {}, { jobId: `bo-kick-${randomUUID()}`, attempts: 1 });
  }

  /** New events into deliveries, stale claims back, lost chains queued. */
  async sweepOnce(): Promise<{ events: number; created: number; reclaimed: number; queued: number }> {
    const tenants = [...this.deps.tenants()];
    let events = 0;
    let created = 0;
    for (const tenant of tenants) {
      try {
        const done = await this.consume(tenant);
        events += done.events;
        created += done.created;
      } catch (err) {
        this.deps.log.warn({ tenant, err: String(err) }, 'back-office push: could not read new case events; the next sweep tries again');
      }
    }
    const reclaimed = await reclaimStalePushDeliveries(this.deps.db, tenants, this.settings.claimTimeoutMs, this.settings.attempts);
    for (const r of reclaimed) {
      if (r.status === 'failed') {
        backofficeAttemptsTotal.inc({ tenant: r.tenant, outcome: 'failed' });
        this.deps.log.error({ tenant: r.tenant, webhookId: r.webhookId, deliveryId: r.id }, 'back-office delivery failed: its last attempt was cut short');
      } else {
        await this.queueChain(r, `bo-${r.id}-g${r.generation}-a${r.attempts}-reclaimed`);
      }
    }
    // A chain whose head is due with no job running it (the job was lost, or its process stopped):
    // at most one such job per row, attempt and minute.
    const minute = Math.floor(Date.now() / 60_000);
    const overdue = await overduePushChainHeads(this.deps.db, tenants, this.settings.overdueGraceMs, 500);
    for (const d of overdue) {
      await this.queueChain(d, `bo-${d.id}-g${d.generation}-a${d.attempts}-sweep${minute}`);
    }
    return { events, created, reclaimed: reclaimed.length, queued: overdue.length };
  }

  /** One council's new events into delivery rows (page by page), then a job per chain that got rows. */
  async consume(tenant: string): Promise<{ events: number; created: number }> {
    let events = 0;
    let created = 0;
    for (let page = 0; page < 20; page++) {
      const done = await fanOutPushDeliveries(this.deps.db, { consumer: EVENT_CONSUMER, tenant, limit: this.settings.batch, matches: webhookTakesService });
      events += done.events;
      created += done.created;
      for (const chain of done.chains) await this.queueChain(chain, `bo-new-${randomUUID()}`);
      if (done.events < this.settings.batch) break;
    }
    return { events, created };
  }

  private async queueChain(chain: PushDeliveryChain, jobId: string, delayMs?: number): Promise<void> {
    await this.deps.jobs.add<PushDeliveryChain>(
      BACKOFFICE_DELIVER_JOB,
      { tenant: chain.tenant, webhookId: chain.webhookId, caseId: chain.caseId },
      { jobId, delayMs, attempts: 3, backoffMs: 1_000 },
    );
  }

  /**
   * Sends a chain's deliveries in order while the next one is due and the last one was delivered;
   * a retry is queued as a delayed job. Another worker on the same chain finds nothing to claim.
   */
  async deliverChain(chain: PushDeliveryChain): Promise<void> {
    for (let sent = 0; sent < MAX_SENDS_PER_JOB; sent++) {
      const claimed = await claimPushChainHead(this.deps.db, chain, randomUUID());
      if (!claimed) return;
      const outcome = await this.attempt(claimed);
      const settled = await settlePushDelivery(this.deps.db, claimed, outcome);
      if (!settled) return; // redelivered or taken back meanwhile: it goes again from its new state
      if (outcome.status === 'retrying') {
        await this.queueChain(chain, `bo-${claimed.id}-g${claimed.generation}-a${claimed.attempts}`, outcome.retryInMs);
        return;
      }
      if (outcome.status === 'failed') {
        this.deps.log.error({ tenant: chain.tenant, webhookId: chain.webhookId, deliveryId: claimed.id, attempts: claimed.attempts, error: outcome.error }, 'back-office delivery failed: it holds the case’s later events until it is redelivered');
        return;
      }
    }
    await this.queueChain(chain, `bo-more-${randomUUID()}`);
  }

  /** One attempt: the body made now from the event and the case, signed, POSTed with a timeout. */
  private async attempt(d: ClaimedPushDelivery): Promise<PushDeliveryOutcome> {
    const db = this.deps.db;
    const [webhook, event, row] = await Promise.all([pushWebhookWithSecret(db, d.tenant, d.webhookId), caseEventById(db, d.tenant, d.eventId), pushCase(db, d.tenant, d.caseId)]);
    if (!webhook || !event || !row) return this.count(d, { status: 'failed', error: 'The webhook, the event or the case no longer exists', httpStatus: null }, 0);
    const contact = webhook.personal && row.contact_id ? await contactById(db, d.tenant, row.contact_id) : undefined;
    const json = caseJson(row, null, {
      serviceName: this.deps.serviceName?.(d.tenant, row.service_id),
      personal: webhook.personal,
      contact: contact ? { name: contact.display_name ?? null, email: contact.email, phone: contact.phone } : null,
      mediaUrls: this.deps.mediaUrls ? await this.deps.mediaUrls(d.tenant, row.id) : undefined,
      linkedReports: (await linkedReportsOf(db, d.tenant, [row.id])).get(row.id),
    });
    const cloudEvent = caseCloudEvent(event, json, webhook.format);
    const body = webhook.format === 'xml' ? renderXml(cloudEvent) : renderJson(cloudEvent);
    const headers = {
      'content-type': CONTENT_TYPES[webhook.format],
      'user-agent': 'council-assistant-backoffice/1',
      ...webhookHeaders(webhook.secret, cloudEvent.id, body),
    };
    const started = performance.now();
    let outcome: { ok: true; status: number } | { ok: false; error: string; status: number | null };
    try {
      const res = await this.fetch(webhook.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.settings.timeoutMs) });
      await res.body?.cancel().catch(() => undefined);
      outcome = res.status >= 200 && res.status < 300 ? { ok: true, status: res.status } : { ok: false, status: res.status, error: `The receiver answered HTTP ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}` };
    } catch (err) {
      outcome = { ok: false, status: null, error: failureText(err, this.settings.timeoutMs) };
    }
    const seconds = (performance.now() - started) / 1000;
    if (outcome.ok) {
      backofficeDeliveryLagSeconds.observe(Math.max(0, (Date.now() - event.at.getTime()) / 1000));
      return this.count(d, { status: 'delivered', httpStatus: outcome.status }, seconds);
    }
    if (d.attempts >= this.settings.attempts) return this.count(d, { status: 'failed', error: outcome.error, httpStatus: outcome.status }, seconds);
    return this.count(d, { status: 'retrying', error: outcome.error, httpStatus: outcome.status, retryInMs: backoffMs(d.attempts, this.settings) }, seconds);
  }

  private count(d: ClaimedPushDelivery, outcome: PushDeliveryOutcome, seconds: number): PushDeliveryOutcome {
    backofficeAttemptsTotal.inc({ tenant: d.tenant, outcome: outcome.status });
    backofficeAttemptSeconds.observe({ outcome: outcome.status }, seconds);
    return outcome;
  }
}

/** Why an attempt got no answer, in words a supervisor can act on (no response body is kept). */
function failureText(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `No answer within ${Math.round(timeoutMs / 1000)} s`;
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'The receiver refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The receiver’s host name could not be found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'The connection was closed before an answer';
  if (code && /CERT|SSL|TLS/i.test(code)) return `The receiver’s TLS certificate was refused (${code})`;
  return `Could not send: ${code ?? e?.cause?.message ?? e?.message ?? String(err)}`.slice(0, 300);
}

export type { PushDeliveryChain };
