/**
 * The shared outbox for push channels (any adapter with `deliver`): every outbound message (the
 * assistant's, an agent's, a notice) is already a stored row, committed with what caused it; this
 * delivers it at least once through the job queue and never twice:
 * - one job per message (its id is the job id, so dispatching twice queues nothing twice), and one
 *   more when a message its channel held (WhatsApp's 24-hour window) is released;
 * - a worker claims the row ('dispatching'), delivers with the message id as idempotency key and
 *   records the provider's id with 'sent' in one statement;
 * - a claim left by a crash is delivered again with the same key (the provider drops a repeat),
 *   and messages whose job was lost are queued again by the sweep (jobs/recovery.ts runs it).
 * Messages of one conversation go in order: earlier unsent ones first.
 */
import type { OutboundMessage } from '../bot/index.js';
import type { JobQueue } from '../jobs/index.js';
import {
  claimOutbound,
  conversationAddress,
  earlierUnsent,
  outboundMessage,
  OUTBOX_SENDABLE,
  partsOf,
  queueableOutbound,
  reclaimStale,
  settleOutbound,
  staleClaims,
  unsentOutbound,
  type MessageRow,
  type OutboxRow,
} from '../store/index.js';
import { DeliveryError, type ChannelAdapter, type ChannelDeps } from './adapter.js';

export const DELIVER_JOB = 'channel.deliver';
const ATTEMPTS = 5;
const BACKOFF_MS = 2000;
/** A claim older than this belongs to a process that died mid-delivery (CHANNEL_CLAIM_TIMEOUT_MS; a delivery times out after 10 s). */
const DEFAULT_CLAIM_TIMEOUT_MS = 60_000;
const SWEEP_GRACE_MS = 5_000;
const SENDABLE = new Set<string>(OUTBOX_SENDABLE);

interface DeliverJob {
  tenant: string;
  messageId: string;
}

type Parts = OutboundMessage & { notice?: string; delivery?: { attempts?: number; error?: string; status?: number } };

export type OutboxDeps = Pick<ChannelDeps, 'db' | 'jobs' | 'log'> & Partial<Pick<ChannelDeps, 'env'>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function partsOfRow(row: MessageRow): Parts {
  return partsOf<Parts>(row) ?? { text: row.text };
}

/** Delivers through the adapters that push (`deliver`); other channels are left to their own outbox. */
export class PushOutbox {
  private readonly claimTimeoutMs: number;

  constructor(
    private readonly deps: OutboxDeps,
    private readonly adapters: Map<string, ChannelAdapter>,
  ) {
    const configured = Number(deps.env?.CHANNEL_CLAIM_TIMEOUT_MS);
    this.claimTimeoutMs = Number.isFinite(configured) && configured >= 15_000 ? configured : DEFAULT_CLAIM_TIMEOUT_MS;
  }

  register(jobs: JobQueue): void {
    jobs.register<DeliverJob>(DELIVER_JOB, (job) => this.deliverInOrder(job));
  }

  /** Queues every outbound message of the conversation waiting for its first send, oldest first. */
  async dispatch(tenant: string, conversationId: string): Promise<void> {
    for (const m of await queueableOutbound(this.deps.db, tenant, conversationId)) {
      // One held by its channel and released was queued once already, and a job id is added once
      // (BullMQ keeps a completed job's): its release is queued under the claim it was held in.
      const jobId = m.claimedAt ? `deliver-${m.id}-held${m.claimedAt.getTime()}` : `deliver-${m.id}`;
      await this.deps.jobs.add<DeliverJob>(DELIVER_JOB, { tenant, messageId: m.id }, { jobId, attempts: ATTEMPTS, backoffMs: BACKOFF_MS });
    }
  }

  /** Stale claims are delivered again (same key); unsent messages whose job was lost are queued again. */
  async sweep(channel: string, tenants: string[]): Promise<{ stale: number; queued: number }> {
    const db = this.deps.db;
    const stale = await staleClaims(db, { tenants, channel, olderThanMs: this.claimTimeoutMs, limit: 100 });
    for (const row of stale) {
      const mine = await reclaimStale(db, row, this.claimTimeoutMs);
      if (mine) await this.deliverClaimed(mine).catch(() => undefined); // a retry status is left for the next sweep
    }
    const unsent = await unsentOutbound(db, { tenants, channel, graceMs: SWEEP_GRACE_MS, retryAfterMs: Math.max(60_000, BACKOFF_MS * 2 ** ATTEMPTS), limit: 500 });
    for (const m of unsent) {
      const generation = partsOfRow(m).delivery?.attempts ?? 0;
      await this.deps.jobs.add<DeliverJob>(DELIVER_JOB, { tenant: m.tenant_id, messageId: m.id }, { jobId: `deliver-${m.id}-sweep${generation}`, attempts: ATTEMPTS, backoffMs: BACKOFF_MS });
    }
    return { stale: stale.length, queued: unsent.length };
  }

  /**
   * Delivers the job's message after the earlier unsent ones of its conversation: those no one is
   * delivering go from here (once each; their own job retries them), one another worker is
   * delivering now is waited for (a while). Both are looked at again after every wait and send:
   * meanwhile an earlier message can become sendable with no job running it (held by its channel,
   * WhatsApp's 24-hour window, and released when the resident wrote), and sending this one then
   * would overtake it. Its own row is read before the earlier ones: a release (one statement for
   * all that was held) seen in its row is seen in theirs.
   */
  private async deliverInOrder(job: DeliverJob): Promise<void> {
    const db = this.deps.db;
    const tried = new Set<string>();
    for (let waited = 0; ; ) {
      const current = await outboundMessage(db, job.tenant, job.messageId);
      if (!current || !SENDABLE.has(current.status)) return;
      const earlier = await earlierUnsent(db, current);
      const untried = earlier.filter((e) => e.status !== 'dispatching' && !tried.has(e.id));
      for (const e of untried) {
        tried.add(e.id);
        // Its own job may have ended already (it found the row claimed by this one): a retryable
        // failure here queues its retry, or it would wait for the sweep.
        await this.deliverOne(e).catch((err: unknown) => this.retryLater(e, err));
      }
      if (untried.length) continue;
      if (waited >= 3000 || !earlier.some((e) => e.status === 'dispatching')) return this.deliverOne(current);
      await sleep(100);
      waited += 100;
    }
  }

  /** Queues a delayed retry of an earlier message another job tried; its attempt count names the job, so it is queued once. */
  private async retryLater(row: MessageRow, err: unknown): Promise<void> {
    if (!(err instanceof DeliveryError) || !err.retryable) return;
    const attempts = (partsOfRow(row).delivery?.attempts ?? 0) + 1;
    await this.deps.jobs
      .add<DeliverJob>(DELIVER_JOB, { tenant: row.tenant_id, messageId: row.id }, { jobId: `deliver-${row.id}-retry${attempts}`, attempts: ATTEMPTS, backoffMs: BACKOFF_MS, delayMs: BACKOFF_MS * 2 ** (attempts - 1) })
      .catch((e: unknown) => this.deps.log.warn({ err: String(e), messageId: row.id }, 'could not queue a retry: the sweep will'));
  }

  private async deliverOne(row: MessageRow): Promise<void> {
    if (!SENDABLE.has(row.status)) return;
    const parts = partsOfRow(row);
    const claimed = await claimOutbound(this.deps.db, row.tenant_id, row.id, { ...parts, delivery: { ...parts.delivery, attempts: (parts.delivery?.attempts ?? 0) + 1 } });
    if (claimed) await this.deliverClaimed(claimed);
  }

  /** Delivers a row this worker holds and settles it: sent, to retry (throws), or failed. */
  private async deliverClaimed(row: OutboxRow): Promise<void> {
    const db = this.deps.db;
    const tenant = row.tenant_id;
    const parts = partsOfRow(row);
    const address = await conversationAddress(db, tenant, row.conversation_id);
    const adapter = address && this.adapters.get(address.channel);
    if (!address || !adapter?.deliver) {
      await settleOutbound(db, tenant, row.id, { status: 'failed', parts: { ...parts, delivery: { ...parts.delivery, error: 'no channel delivers this conversation' } } });
      return;
    }
    const attempts = parts.delivery?.attempts ?? 1;
    const { delivery: _record, ...message } = parts;
    try {
      const sent = await adapter.deliver({
        tenant,
        conversationId: row.conversation_id,
        messageId: row.id,
        to: address.channel_user_id,
        author: row.author,
        message,
        payload: adapter.render ? adapter.render(message) : message,
        idempotencyKey: `${tenant}:${row.id}`,
      });
      await settleOutbound(db, tenant, row.id, { status: 'sent', providerMessageId: sent.providerMessageId, parts });
    } catch (err) {
      const e = err instanceof DeliveryError ? err : new DeliveryError(String(err), true);
      const record = { ...parts, delivery: { attempts, error: e.message, ...(e.status ? { status: e.status } : {}) } };
      if (e.retryable && attempts < ATTEMPTS) {
        await settleOutbound(db, tenant, row.id, { status: 'send_retry', parts: record });
        throw e;
      }
      await settleOutbound(db, tenant, row.id, { status: 'failed', parts: record });
      this.deps.log.error({ tenant, messageId: row.id, channel: address.channel, status: e.status, attempts }, 'message could not be delivered');
    }
  }
}
