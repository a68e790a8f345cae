/**
 * Residents' updates on their cases (migration 019): who asked to be told when a case moves, and
 * each message that tells them (one per status event and subscription). The follower of the case
 * event log that writes the deliveries is updates/; the bot records the answers (bot/effects.ts).
 */
import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Database, Db } from './schema.js';

/** How a resident is told: in their web chat, by SMS or WhatsApp (their conversation, or a text to their number), or by e-mail. */
export type UpdateChannel = 'webchat' | 'sms' | 'whatsapp' | 'email';
export type SubscriptionStatus = 'active' | 'declined' | 'stopped';
/** Where to: the conversation they asked in (a call: the caller's number by text), or the phone or e-mail on their contact. */
export type UpdateTarget = 'conversation' | 'contact';
/**
 * pending: waiting for its due time (quiet hours) or for the release step; stored: it became an
 * outbound message (the channel's outbox sends it); queued/sending/retry/sent/failed: an e-mail's
 * send; skipped: nothing could carry it (the conversation or e-mail went, the resident stopped).
 */
export type DeliveryStatus = 'pending' | 'stored' | 'queued' | 'sending' | 'retry' | 'sent' | 'failed' | 'skipped';

export interface CaseSubscriptionsTable {
  id: string;
  tenant_id: string;
  case_id: string;
  contact_id: string | null;
  conversation_id: string | null;
  channel: string;
  target: string;
  status: string;
  consent_text: string;
  consented_at: ColumnType<Date, Date | string, Date | string>;
  active_since: ColumnType<Date, Date | string | undefined, Date | string>;
  stopped_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CaseUpdateDeliveriesTable {
  id: string;
  tenant_id: string;
  event_id: string;
  subscription_id: string;
  channel: string;
  status: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  message_id: string | null;
  provider_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  settled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The schema with migration 019's tables (typed here, beside the only code that reads them, as store/open311.ts does). */
type SubscriptionsDatabase = Database & { case_subscriptions: CaseSubscriptionsTable; case_update_deliveries: CaseUpdateDeliveriesTable };
const sd = (db: Db) => db as unknown as Kysely<SubscriptionsDatabase>;

export interface CaseSubscription {
  id: string;
  tenant: string;
  caseId: string;
  contactId: string | null;
  conversationId: string | null;
  channel: UpdateChannel;
  target: UpdateTarget;
  status: SubscriptionStatus;
  consentText: string;
  consentedAt: Date;
  stoppedAt: Date | null;
}

export interface NewCaseSubscription {
  tenant: string;
  caseId: string;
  contactId: string | null;
  conversationId: string;
  channel: UpdateChannel;
  target: UpdateTarget;
  /** active: they said yes; declined: they said no (kept, so what was asked and answered is on record). */
  status: 'active' | 'declined';
  /** What they were asked or told, word for word (no number or address in it). */
  consentText: string;
  at: Date;
}

function toSubscription(r: {
  id: string;
  tenant_id: string;
  case_id: string;
  contact_id: string | null;
  conversation_id: string | null;
  channel: string;
  target: string;
  status: string;
  consent_text: string;
  consented_at: Date;
  stopped_at: Date | null;
}): CaseSubscription {
  return {
    id: r.id,
    tenant: r.tenant_id,
    caseId: r.case_id,
    contactId: r.contact_id,
    conversationId: r.conversation_id,
    channel: r.channel as UpdateChannel,
    target: r.target as UpdateTarget,
    status: r.status as SubscriptionStatus,
    consentText: r.consent_text,
    consentedAt: r.consented_at,
    stoppedAt: r.stopped_at,
  };
}

const SUBSCRIPTION_COLUMNS = ['id', 'tenant_id', 'case_id', 'contact_id', 'conversation_id', 'channel', 'target', 'status', 'consent_text', 'consented_at', 'stopped_at'] as const;

/**
 * Records a resident's answer for a case, from the conversation they gave it in. A second answer
 * in the same conversation (a duplicate report of the same case, a yes after a stop) replaces the first.
 */
export async function recordCaseSubscription(db: Db, s: NewCaseSubscription): Promise<string> {
  const row = await sd(db)
    .insertInto('case_subscriptions')
    .values({
      id: randomUUID(),
      tenant_id: s.tenant,
      case_id: s.caseId,
      contact_id: s.contactId,
      conversation_id: s.conversationId,
      channel: s.channel,
      target: s.target,
      status: s.status,
      consent_text: s.consentText,
      consented_at: s.at,
    })
    .onConflict((oc) =>
      oc.columns(['case_id', 'conversation_id']).doUpdateSet((eb) => ({
        contact_id: eb.ref('excluded.contact_id'),
        channel: eb.ref('excluded.channel'),
        target: eb.ref('excluded.target'),
        status: eb.ref('excluded.status'),
        consent_text: eb.ref('excluded.consent_text'),
        consented_at: eb.ref('excluded.consented_at'),
        active_since: sql<Date>`now()`,
        stopped_at: null,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * "Stop updates": ends every active subscription of the contact, and of the conversation (one
 * with no contact). Returns how many were active.
 */
export async function stopCaseSubscriptions(db: Db, tenant: string, who: { contactId?: string | null; conversationId?: string | null }, now: Date): Promise<number> {
  if (!who.contactId && !who.conversationId) return 0;
  const rows = await sd(db)
    .updateTable('case_subscriptions')
    .set({ status: 'stopped', stopped_at: now })
    .where('tenant_id', '=', tenant)
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(who.contactId ? [eb('contact_id', '=', who.contactId)] : []),
        ...(who.conversationId ? [eb('conversation_id', '=', who.conversationId)] : []),
      ]),
    )
    .returning('id')
    .execute();
  return rows.length;
}

/** How many active subscriptions "stop updates" from this contact or conversation would end (the policy's read). */
export async function activeSubscriptionCount(db: Db, tenant: string, who: { contactId?: string | null; conversationId?: string | null }): Promise<number> {
  if (!who.contactId && !who.conversationId) return 0;
  const row = await sd(db)
    .selectFrom('case_subscriptions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenant)
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(who.contactId ? [eb('contact_id', '=', who.contactId)] : []),
        ...(who.conversationId ? [eb('conversation_id', '=', who.conversationId)] : []),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every subscription of a case, oldest first (for the console and tests). */
export async function caseSubscriptionsOf(db: Db, tenant: string, caseId: string): Promise<CaseSubscription[]> {
  const rows = await sd(db).selectFrom('case_subscriptions').select(SUBSCRIPTION_COLUMNS).where('tenant_id', '=', tenant).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toSubscription);
}

/**
 * The active subscriptions of a case given before `before` (an event's time: an event earlier
 * than a yes is not theirs to hear), compared on the database's clock, as the event's time is.
 */
export async function activeSubscriptionsOf(db: Db, tenant: string, caseId: string, before: Date): Promise<CaseSubscription[]> {
  const rows = await sd(db)
    .selectFrom('case_subscriptions')
    .select(SUBSCRIPTION_COLUMNS)
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .where('active_since', '<=', before)
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

/**
 * One message for one status event and one subscription, due at `dueAt`. Written in the
 * transaction that moves the consumer's cursor; a second attempt (another process, a retry
 * after a crash) finds the row and adds nothing. True when this call added it.
 */
export async function addUpdateDelivery(db: Db, d: { tenant: string; eventId: string; subscriptionId: string; channel: UpdateChannel; dueAt: Date }): Promise<boolean> {
  const rows = await sd(db)
    .insertInto('case_update_deliveries')
    .values({ id: randomUUID(), tenant_id: d.tenant, event_id: d.eventId, subscription_id: d.subscriptionId, channel: d.channel, status: 'pending', due_at: d.dueAt })
    .onConflict((oc) => oc.columns(['event_id', 'subscription_id']).doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Deliveries of these councils waiting for release whose time has come, soonest first. */
export async function dueUpdateDeliveries(db: Db, tenants: string[], now: Date, limit: number): Promise<{ id: string; tenant: string }[]> {
  if (!tenants.length) return [];
  const rows = await sd(db)
    .selectFrom('case_update_deliveries')
    .select(['id', 'tenant_id'])
    .where('tenant_id', 'in', tenants)
    .where('status', '=', 'pending')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, tenant: r.tenant_id }));
}

/** A delivery with what composing and routing its message needs: its subscription and case. */
export interface UpdateDelivery {
  id: string;
  tenant: string;
  eventId: string;
  channel: UpdateChannel;
  status: DeliveryStatus;
  dueAt: Date;
  messageId: string | null;
  providerId: string | null;
  attempts: number;
  claimedAt: Date | null;
  subscription: CaseSubscription;
  case: { id: string; reference: string; serviceId: string; status: string };
}

type DeliveryRow = {
  id: string;
  tenant_id: string;
  event_id: string;
  channel: string;
  status: string;
  due_at: Date;
  message_id: string | null;
  provider_id: string | null;
  attempts: number;
  claimed_at: Date | null;
  s_id: string;
  case_id: string;
  contact_id: string | null;
  conversation_id: string | null;
  s_channel: string;
  target: string;
  s_status: string;
  consent_text: string;
  consented_at: Date;
  stopped_at: Date | null;
  reference: string;
  service_id: string;
  case_status: string;
};

function toDelivery(r: DeliveryRow): UpdateDelivery {
  return {
    id: r.id,
    tenant: r.tenant_id,
    eventId: String(r.event_id),
    channel: r.channel as UpdateChannel,
    status: r.status as DeliveryStatus,
    dueAt: r.due_at,
    messageId: r.message_id === null ? null : String(r.message_id),
    providerId: r.provider_id,
    attempts: r.attempts,
    claimedAt: r.claimed_at,
    subscription: toSubscription({
      id: r.s_id,
      tenant_id: r.tenant_id,
      case_id: r.case_id,
      contact_id: r.contact_id,
      conversation_id: r.conversation_id,
      channel: r.s_channel,
      target: r.target,
      status: r.s_status,
      consent_text: r.consent_text,
      consented_at: r.consented_at,
      stopped_at: r.stopped_at,
    }),
    case: { id: r.case_id, reference: r.reference, serviceId: r.service_id, status: r.case_status },
  };
}

function deliveryQuery(db: Db) {
  return sd(db)
    .selectFrom('case_update_deliveries as d')
    .innerJoin('case_subscriptions as s', 's.id', 'd.subscription_id')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select([
      'd.id',
      'd.tenant_id',
      'd.event_id',
      'd.channel',
      'd.status',
      'd.due_at',
      'd.message_id',
      'd.provider_id',
      'd.attempts',
      'd.claimed_at',
      's.id as s_id',
      's.case_id',
      's.contact_id',
      's.conversation_id',
      's.channel as s_channel',
      's.target',
      's.status as s_status',
      's.consent_text',
      's.consented_at',
      's.stopped_at',
      'c.reference',
      'c.service_id',
      'c.status as case_status',
    ]);
}

/**
 * A pending delivery, locked for the rest of the transaction (another process skips it), when its
 * time has come; undefined when it is not pending, not due, or being released elsewhere.
 */
export async function lockDueDelivery(db: Db, tenant: string, id: string, now: Date): Promise<UpdateDelivery | undefined> {
  const row = await deliveryQuery(db)
    .where('d.tenant_id', '=', tenant)
    .where('d.id', '=', id)
    .where('d.status', '=', 'pending')
    .where('d.due_at', '<=', now)
    .forUpdate('d')
    .skipLocked()
    .executeTakeFirst();
  return row && toDelivery(row as DeliveryRow);
}

/** A delivery by id (for the e-mail sender and tests). */
export async function updateDeliveryById(db: Db, tenant: string, id: string): Promise<UpdateDelivery | undefined> {
  const row = await deliveryQuery(db).where('d.tenant_id', '=', tenant).where('d.id', '=', id).executeTakeFirst();
  return row && toDelivery(row as DeliveryRow);
}

/** Every delivery of a case's subscriptions, oldest first (for the console and tests). */
export async function updateDeliveriesOf(db: Db, tenant: string, caseId: string): Promise<UpdateDelivery[]> {
  const rows = await deliveryQuery(db).where('d.tenant_id', '=', tenant).where('s.case_id', '=', caseId).orderBy('d.created_at').orderBy('d.id').execute();
  return rows.map((r) => toDelivery(r as DeliveryRow));
}

/**
 * Moves a delivery on, only from one of `from` (so two workers never both settle it): stored with
 * its outbound message, queued for e-mail, sent with the provider's id, failed or skipped with why.
 */
export async function settleUpdateDelivery(
  db: Db,
  tenant: string,
  id: string,
  from: readonly DeliveryStatus[],
  set: { status: DeliveryStatus; messageId?: string; providerId?: string; error?: string | null; now: Date },
): Promise<boolean> {
  const done = set.status === 'stored' || set.status === 'sent' || set.status === 'failed' || set.status === 'skipped';
  const rows = await sd(db)
    .updateTable('case_update_deliveries')
    .set({
      status: set.status,
      ...(set.messageId ? { message_id: set.messageId } : {}),
      ...(set.providerId ? { provider_id: set.providerId } : {}),
      ...(set.error !== undefined ? { error: set.error } : {}),
      // Queued for its job: the sweep counts a lost job from here.
      ...(set.status === 'queued' ? { claimed_at: set.now } : {}),
      ...(done ? { settled_at: set.now } : {}),
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Claims an e-mail delivery for one send attempt (only one worker wins); undefined when it is not waiting to be sent. */
export async function claimUpdateEmail(db: Db, tenant: string, id: string, now: Date): Promise<UpdateDelivery | undefined> {
  const claimed = await sd(db)
    .updateTable('case_update_deliveries')
    .set((eb) => ({ status: 'sending', claimed_at: now, attempts: eb('attempts', '+', 1) }))
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('channel', '=', 'email')
    .where('status', 'in', ['queued', 'retry'])
    .returning('id')
    .executeTakeFirst();
  return claimed ? updateDeliveryById(db, tenant, id) : undefined;
}

/**
 * E-mail deliveries whose job was lost: queued or waiting for a retry since before `before`, or
 * claimed before `claimedBefore` by a process that died mid-send (a claim is then released to
 * `retry` here, so the job added for it can take it).
 */
export async function releaseLostUpdateEmails(db: Db, tenants: string[], before: Date, claimedBefore: Date, limit: number): Promise<{ id: string; tenant: string; attempts: number }[]> {
  if (!tenants.length) return [];
  await sd(db)
    .updateTable('case_update_deliveries')
    .set({ status: 'retry', error: 'claim lapsed (the sending process stopped): sent again' })
    .where('tenant_id', 'in', tenants)
    .where('channel', '=', 'email')
    .where('status', '=', 'sending')
    .where('claimed_at', '<', claimedBefore)
    .execute();
  const rows = await sd(db)
    .selectFrom('case_update_deliveries')
    .select(['id', 'tenant_id', 'attempts'])
    .where('tenant_id', 'in', tenants)
    .where('channel', '=', 'email')
    .where('status', 'in', ['queued', 'retry'])
    .where(sql<Date>`coalesce(claimed_at, due_at)`, '<', before)
    .orderBy('due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, tenant: r.tenant_id, attempts: r.attempts }));
}
