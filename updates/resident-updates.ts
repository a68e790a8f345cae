/**
 * Residents told when their case moves: the 'resident-updates' follower of the case event log
 * (store/case-events.ts). Each status change that is not internal-only becomes one message per
 * active subscription (store/case-subscriptions.ts), on the channel the resident chose:
 * - web chat: a system message in their conversation (seen live when the chat is open);
 * - SMS and WhatsApp: an outbound message in their conversation (or, for a caller or a number
 *   typed in web chat, the number's SMS conversation), sent by that channel's outbox, which
 *   respects STOP and WhatsApp's 24-hour window (a template outside it);
 * - e-mail: GOV.UK Notify, through a job of its own.
 *
 * Exactly once: the (event, subscription) row is written in the transaction that moves the
 * cursor (a crash repeats that transaction, never half of it), and a row becomes a message in
 * another transaction that marks it `stored` (a conditional move, so only once); the channels'
 * outboxes then send a stored message once. Texts, WhatsApp messages and e-mails due in the
 * council's quiet hours wait until they end (`due_at`); every pass releases what has come due.
 */
import type { Logger } from 'pino';
import { toNotifySendError, type ReferralSender } from '../notify/index.js';
import type { JobQueue } from '../jobs/index.js';
import {
  activeSubscriptionsOf,
  addUpdateDelivery,
  advanceEventCursor,
  caseEventById,
  caseEventsSince,
  claimUpdateEmail,
  contactLanguage,
  contactPhoneAndEmail,
  dueUpdateDeliveries,
  findConversation,
  lockDueDelivery,
  readEventCursor,
  releaseLostUpdateEmails,
  resolveConversation,
  settleUpdateDelivery,
  storeOutbound,
  toE164,
  type CaseEvent,
  type ConversationRow,
  type Db,
  type UpdateDelivery,
} from '../store/index.js';
import { quietUntil, type QuietHours } from './quiet-hours.js';
import { updateEmail, updateMessage, type UpdateFacts } from './wording.js';

export const RESIDENT_UPDATES_CONSUMER = 'resident-updates';
export const RESIDENT_UPDATES_JOB = 'resident-updates.run';
export const UPDATE_EMAIL_JOB = 'resident-updates.email';
/** How often the log is followed and held messages released (RESIDENT_UPDATES_EVERY_MS). */
export const RESIDENT_UPDATES_EVERY_MS = 5_000;

const PAGE = 200;
const PAGES_PER_PASS = 20;
const RELEASE_PER_PASS = 200;
const EMAIL_ATTEMPTS = 5;
const EMAIL_BACKOFF_MS = 2_000;
/** An e-mail queued this long ago and still not sent lost its job; one claimed this long ago, its process. */
const EMAIL_LOST_AFTER_MS = 60_000;
const EMAIL_CLAIM_TIMEOUT_MS = 120_000;

/** What the updates need of a council (from its content pack, in api/server.ts). */
export interface CouncilUpdates {
  name: string;
  /** How residents reach the council otherwise (the e-mail says it). */
  contact: string;
  timezone: string;
  quietHours?: QuietHours;
  serviceName(serviceId: string): string | undefined;
}

export interface ResidentUpdatesDeps {
  db: Db;
  jobs: JobQueue;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock?: () => Date;
  /** The councils this process serves. */
  tenants: () => Iterable<string>;
  council(tenant: string): CouncilUpdates | undefined;
  /** An update was stored in this conversation: refresh web chat live and dispatch it on its channel. */
  delivered(tenant: string, conversationId: string): void | Promise<void>;
  /** GOV.UK Notify for e-mail updates; null: e-mail is not offered (nor sent). */
  email?: ReferralSender | null;
}

/** Raised inside the follow transaction when another process moved the cursor first: it rolls back. */
class CursorMoved extends Error {}

/** Residents hear of a status change; not of an internal note, a field change, a note or a merge. */
export function tellsResident(event: CaseEvent): boolean {
  return event.type === 'status_changed' && !event.internal;
}

export class ResidentUpdates {
  private readonly clock: () => Date;

  constructor(private readonly deps: ResidentUpdatesDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** E-mail updates can be offered (Notify with an updates template is configured). */
  get canEmail(): boolean {
    return !!this.deps.email && this.deps.email.kind === 'notify';
  }

  /** Registers the pass and the e-mail sender on the queue, and schedules the pass; call once per process. */
  async start(everyMs = RESIDENT_UPDATES_EVERY_MS): Promise<void> {
    this.deps.jobs.register(RESIDENT_UPDATES_JOB, async () => {
      await this.runOnce();
    });
    this.deps.jobs.register<{ tenant: string; id: string }>(UPDATE_EMAIL_JOB, (job) => this.sendEmail(job.tenant, job.id));
    await this.deps.jobs.every(RESIDENT_UPDATES_JOB, everyMs);
  }

  /** One pass: each council's new events become deliveries, what is due is released, lost e-mails are queued again. */
  async runOnce(): Promise<{ added: number; released: number }> {
    const tenants = [...this.deps.tenants()];
    let added = 0;
    for (const tenant of tenants) {
      try {
        added += await this.follow(tenant);
      } catch (err) {
        this.deps.log.warn({ tenant, err: String(err) }, 'resident updates: could not follow the case events; the next pass tries again');
      }
    }
    const released = await this.releaseDue(tenants);
    await this.requeueLostEmails(tenants);
    return { added, released };
  }

  /** Follows a council's log from the consumer's cursor; the deliveries it added. */
  async follow(tenant: string): Promise<number> {
    let added = 0;
    for (let page = 0; page < PAGES_PER_PASS; page++) {
      let step: { events: number; added: number };
      try {
        step = await this.followPage(tenant);
      } catch (err) {
        if (err instanceof CursorMoved) return added; // another process has this stretch
        throw err;
      }
      added += step.added;
      if (step.events < PAGE) break;
    }
    return added;
  }

  /**
   * One page of events, in one transaction: a delivery per status change and active subscription,
   * and the cursor moved past them (compare-and-set: a process that moved it first wins, and this
   * one rolls back).
   */
  private async followPage(tenant: string): Promise<{ events: number; added: number }> {
    const now = this.clock();
    const council = this.deps.council(tenant);
    return this.deps.db.transaction().execute(async (trx) => {
      const from = await readEventCursor(trx, RESIDENT_UPDATES_CONSUMER, tenant);
      const page = await caseEventsSince(trx, tenant, from, PAGE);
      if (!page.events.length) return { events: 0, added: 0 };
      let added = 0;
      for (const event of page.events) {
        if (!tellsResident(event)) continue;
        for (const s of await activeSubscriptionsOf(trx, tenant, event.caseId, event.at)) {
          // A chat notice is shown at any hour; a text, WhatsApp message or e-mail waits for the quiet hours to end.
          const held = s.channel === 'webchat' || !council ? null : quietUntil(now, council.timezone, council.quietHours);
          if (await addUpdateDelivery(trx, { tenant, eventId: event.id, subscriptionId: s.id, channel: s.channel, dueAt: held ?? now })) added++;
        }
      }
      if (!(await advanceEventCursor(trx, RESIDENT_UPDATES_CONSUMER, tenant, from, page.cursor))) throw new CursorMoved();
      return { events: page.events.length, added };
    });
  }

  /** Turns every delivery whose time has come into its message (or e-mail job); how many were released. */
  async releaseDue(tenants: string[]): Promise<number> {
    let released = 0;
    for (const d of await dueUpdateDeliveries(this.deps.db, tenants, this.clock(), RELEASE_PER_PASS)) {
      try {
        if (await this.release(d.tenant, d.id)) released++;
      } catch (err) {
        this.deps.log.warn({ tenant: d.tenant, deliveryId: d.id, err: String(err) }, 'resident update not released; the next pass tries again');
      }
    }
    return released;
  }

  /**
   * Releases one delivery in one transaction (its row locked, so only one process does it): the
   * message stored in the resident's conversation and the delivery marked `stored` with it, or an
   * e-mail marked `queued`; what needs the commit (the live refresh, the dispatch, the e-mail job) after.
   */
  private async release(tenant: string, id: string): Promise<boolean> {
    const now = this.clock();
    const after = await this.deps.db.transaction().execute(async (trx): Promise<(() => Promise<void>) | null> => {
      const d = await lockDueDelivery(trx, tenant, id, now);
      if (!d) return null;
      const skip = async (why: string) => {
        await settleUpdateDelivery(trx, tenant, id, ['pending'], { status: 'skipped', error: why, now });
        return null;
      };
      // "Stop updates" while it waited (quiet hours) stops it too.
      if (d.subscription.status !== 'active') return skip('the resident stopped updates');
      const facts = await this.facts(trx, d);
      if (!facts) return skip('the event is no longer there');
      if (d.channel === 'email') {
        if (!this.deps.email) return skip('e-mail updates are not configured');
        await settleUpdateDelivery(trx, tenant, id, ['pending'], { status: 'queued', now });
        return () => this.queueEmail(tenant, id, 0);
      }
      const conversation = await this.conversationFor(trx, d);
      if (!conversation) return skip(`nothing can carry a ${d.channel} update now (the conversation or number is gone)`);
      // In the language the resident's conversation is held in (issue 17).
      const message = updateMessage({ ...facts, ...(conversation.language === 'cy' ? { language: 'cy' as const } : {}) });
      const stored = await storeOutbound(trx, {
        tenant,
        conversationId: conversation.id,
        channel: conversation.channel,
        author: 'system',
        text: message.text,
        parts: { ...message, notice: 'case_update', caseUpdate: { reference: facts.reference, status: facts.to } },
        replyTo: null,
      });
      await settleUpdateDelivery(trx, tenant, id, ['pending'], { status: 'stored', messageId: String(stored.id), now });
      return async () => {
        await this.deps.delivered(tenant, conversation.id);
      };
    });
    if (!after) return false;
    try {
      await after();
    } catch (err) {
      // Stored or queued already: the channels' outbox sweeps (or the e-mail sweep) send it.
      this.deps.log.warn({ tenant, deliveryId: id, err: String(err) }, 'resident update stored; its send is left to the sweep');
    }
    return true;
  }

  /** What the event says, with the case's reference and service. */
  private async facts(db: Db, d: UpdateDelivery): Promise<UpdateFacts | null> {
    const event = await caseEventById(db, d.tenant, d.eventId);
    if (!event) return null;
    const data = event.data as { to?: unknown; note?: unknown; erased?: unknown };
    const to = typeof data.to === 'string' ? data.to : d.case.status;
    return {
      reference: d.case.reference,
      service: this.deps.council(d.tenant)?.serviceName(d.case.serviceId),
      to,
      note: typeof data.note === 'string' ? data.note : null,
    };
  }

  /**
   * The conversation an SMS, WhatsApp or web chat update goes in: the one they asked in; for a text
   * to a caller's own number, or to the number on their contact, that number's SMS conversation
   * (its latest, else a new one), which the SMS outbox sends from.
   */
  private async conversationFor(trx: Db, d: UpdateDelivery): Promise<ConversationRow | null> {
    const tenant = d.tenant;
    const asked = d.subscription.conversationId ? await findConversation(trx, tenant, d.subscription.conversationId) : undefined;
    if (d.channel === 'webchat') return asked && (asked.channel === 'webchat' || asked.channel === 'api') ? asked : null;
    if (d.channel === 'whatsapp') return asked?.channel === 'whatsapp' ? asked : null;
    let number: string | null = null;
    if (d.subscription.target === 'contact') {
      number = d.subscription.contactId ? toE164((await contactPhoneAndEmail(trx, d.subscription.contactId))?.phone) : null;
    } else if (asked?.channel === 'sms') {
      return asked;
    } else if (asked?.channel === 'voice') {
      number = toE164(asked.channel_user_id);
    }
    if (!number) return null;
    if (asked?.channel === 'sms' && toE164(asked.channel_user_id) === number) return asked;
    const { conversation } = await resolveConversation(trx, { tenant, channel: 'sms', channelUserId: number, reuse: () => true });
    return conversation;
  }

  private async queueEmail(tenant: string, id: string, generation: number): Promise<void> {
    await this.deps.jobs.add<{ tenant: string; id: string }>(UPDATE_EMAIL_JOB, { tenant, id }, { jobId: `update-email-${id}-${generation}`, attempts: EMAIL_ATTEMPTS, backoffMs: EMAIL_BACKOFF_MS });
  }

  /** Queues again the e-mails whose job was lost, and those a stopped process held. */
  private async requeueLostEmails(tenants: string[]): Promise<void> {
    if (!this.deps.email) return;
    const now = this.clock().getTime();
    try {
      for (const e of await releaseLostUpdateEmails(this.deps.db, tenants, new Date(now - EMAIL_LOST_AFTER_MS), new Date(now - EMAIL_CLAIM_TIMEOUT_MS), 100)) {
        await this.queueEmail(e.tenant, e.id, e.attempts + 1);
      }
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'resident updates: the e-mail sweep failed; the next pass tries again');
    }
  }

  /**
   * Sends one e-mail update: claimed (one worker), sent through Notify with the delivery's id as
   * its reference, settled with Notify's id. A refusal that will not change (a bad address, a bad
   * template) is recorded as failed; anything else is retried.
   */
  async sendEmail(tenant: string, id: string): Promise<void> {
    const sender = this.deps.email;
    if (!sender) return;
    const now = this.clock();
    const d = await claimUpdateEmail(this.deps.db, tenant, id, now);
    if (!d) return; // sent, settled or in another worker's hands
    const settle = (status: 'sent' | 'failed' | 'skipped' | 'retry', more: { providerId?: string; error?: string } = {}) =>
      settleUpdateDelivery(this.deps.db, tenant, id, ['sending'], { status, now: this.clock(), ...more });
    if (d.subscription.status !== 'active') return void (await settle('skipped', { error: 'the resident stopped updates' }));
    const council = this.deps.council(tenant);
    const facts = await this.facts(this.deps.db, d);
    const address = d.subscription.contactId ? (await contactPhoneAndEmail(this.deps.db, d.subscription.contactId))?.email : null;
    if (!facts || !address || !council) return void (await settle('skipped', { error: !address ? 'no e-mail address on the contact' : 'the event or council is gone' }));
    // The message in the language the resident last chose or wrote in (issue 17); the template is the council's.
    const language = d.subscription.contactId && (await contactLanguage(this.deps.db, d.subscription.contactId)) === 'cy' ? ('cy' as const) : undefined;
    try {
      const sent = await sender.send({ channel: 'email', destination: address, personalisation: updateEmail({ ...facts, ...(language ? { language } : {}) }, council), reference: `case-update-${id}` });
      if (sent.sent) await settle('sent', { providerId: sent.providerId });
      else await settle('failed', { error: 'GOV.UK Notify is not configured: nothing was sent' });
    } catch (err) {
      const e = toNotifySendError(err);
      if (e.retryable && d.attempts < EMAIL_ATTEMPTS) {
        await settle('retry', { error: e.message });
        throw e;
      }
      await settle('failed', { error: e.message });
      this.deps.log.error({ tenant, deliveryId: id, status: e.status }, 'resident update e-mail could not be sent');
    }
  }
}
