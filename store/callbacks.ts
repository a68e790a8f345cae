/**
 * Call-backs as work (migration 022): the row a resident's chosen call-back becomes, the slots
 * already taken, the console's call-back queue, and each step of placing the call (claimed,
 * answered or missed and retried, failed), every change compare-and-set on the row's status so two
 * agents or a repeated Twilio callback never act twice. The number to call is sealed at rest.
 */
import type { ColumnType, Kysely } from 'kysely';
import { seal, unseal } from './crypto.js';
import type { Database, Db } from './schema.js';
import { ofCouncils } from './served-councils.js';

export type CallbackStatus = 'pending' | 'calling' | 'completed' | 'missed' | 'cancelled' | 'failed';
export type CallbackKind = 'complaint' | 'standard';

export interface CallbacksTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  contact_id: string | null;
  phone: string;
  reason: string;
  service_id: string | null;
  queue_id: string;
  kind: CallbackKind;
  slot_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  due_at: ColumnType<Date, Date | string, Date | string>;
  status: CallbackStatus;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  retry_after_minutes: number;
  outcome: string | null;
  last_call_status: string | null;
  agent_id: string | null;
  call_sid: string | null;
  overdue_alerted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The schema with migration 022's table (typed here, beside the only code that reads it). */
type CallbacksDatabase = Database & { callbacks: CallbacksTable };
const cd = (db: Db) => db as unknown as Kysely<CallbacksDatabase>;

export interface NewCallback {
  id: string;
  tenant: string;
  conversationId: string;
  contactId: string | null;
  phone: string;
  reason: string;
  serviceId: string | null;
  queueId: string;
  kind: CallbackKind;
  slotAt: Date | null;
  dueAt: Date;
  maxAttempts: number;
  retryAfterMinutes: number;
}

/** A call-back as read: the number in clear. */
export interface CallbackRow {
  id: string;
  tenant: string;
  conversationId: string;
  contactId: string | null;
  phone: string;
  reason: string;
  serviceId: string | null;
  queueId: string;
  kind: CallbackKind;
  slotAt: Date | null;
  dueAt: Date;
  status: CallbackStatus;
  attempts: number;
  maxAttempts: number;
  retryAfterMinutes: number;
  outcome: string | null;
  lastCallStatus: string | null;
  agentId: string | null;
  callSid: string | null;
  overdueAlertedAt: Date | null;
  createdAt: Date;
}

type Stored = { [K in keyof CallbacksTable]: CallbacksTable[K] extends ColumnType<infer S, unknown, unknown> ? S : CallbacksTable[K] };

function toRow(r: Stored): CallbackRow {
  return {
    id: r.id,
    tenant: r.tenant_id,
    conversationId: r.conversation_id,
    contactId: r.contact_id,
    phone: unseal(r.phone),
    reason: r.reason,
    serviceId: r.service_id,
    queueId: r.queue_id,
    kind: r.kind,
    slotAt: r.slot_at ? new Date(r.slot_at) : null,
    dueAt: new Date(r.due_at),
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    retryAfterMinutes: r.retry_after_minutes,
    outcome: r.outcome === null ? null : unseal(r.outcome),
    lastCallStatus: r.last_call_status,
    agentId: r.agent_id,
    callSid: r.call_sid,
    overdueAlertedAt: r.overdue_alerted_at ? new Date(r.overdue_alerted_at) : null,
    createdAt: new Date(r.created_at),
  };
}

export async function createCallback(db: Db, c: NewCallback): Promise<void> {
  await cd(db)
    .insertInto('callbacks')
    .values({
      id: c.id,
      tenant_id: c.tenant,
      conversation_id: c.conversationId,
      contact_id: c.contactId,
      phone: seal('callbacks.phone', c.phone),
      reason: c.reason,
      service_id: c.serviceId,
      queue_id: c.queueId,
      kind: c.kind,
      slot_at: c.slotAt,
      due_at: c.dueAt,
      status: 'pending',
      max_attempts: c.maxAttempts,
      retry_after_minutes: c.retryAfterMinutes,
      outcome: null,
      last_call_status: null,
      agent_id: null,
      call_sid: null,
    })
    .execute();
}

/** How many live call-backs hold each slot start (ISO) in [from, to): a full slot is not offered again. */
export async function bookedSlots(db: Db, tenant: string, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await cd(db)
    .selectFrom('callbacks')
    .select((eb) => ['slot_at', eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', tenant)
    .where('status', 'in', ['pending', 'calling', 'missed'])
    .where('slot_at', '>=', from)
    .where('slot_at', '<', to)
    .groupBy('slot_at')
    .execute();
  return new Map(rows.filter((r) => r.slot_at).map((r) => [new Date(r.slot_at as Date).toISOString(), Number(r.n)]));
}

/** The live call-back of a conversation, if any: a resident asking again is told the one they have. */
export async function openCallbackFor(db: Db, tenant: string, conversationId: string): Promise<CallbackRow | undefined> {
  const r = await cd(db)
    .selectFrom('callbacks')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('status', 'in', ['pending', 'calling', 'missed'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return r && toRow(r as Stored);
}

export async function callbackById(db: Db, tenant: string, id: string): Promise<CallbackRow | undefined> {
  const r = await cd(db).selectFrom('callbacks').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return r && toRow(r as Stored);
}

export async function callbackByCallSid(db: Db, callSid: string): Promise<CallbackRow | undefined> {
  const r = await cd(db).selectFrom('callbacks').selectAll().where('call_sid', '=', callSid).executeTakeFirst();
  return r && toRow(r as Stored);
}

/** The call-back queue: work not finished (and failed ones, which stay visible), soonest due first; `queues` null is every queue. */
export async function listCallbacks(db: Db, tenant: string, queues: string[] | null, limit = 200): Promise<CallbackRow[]> {
  if (queues && !queues.length) return [];
  let q = cd(db)
    .selectFrom('callbacks')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('status', 'in', ['pending', 'calling', 'missed', 'failed']);
  if (queues) q = q.where('queue_id', 'in', queues);
  const rows = await q.orderBy('due_at').limit(limit).execute();
  return rows.map((r) => toRow(r as Stored));
}

/** Claims a call-back for a call being placed (pending or missed only), counting the attempt. */
export async function claimCallback(db: Db, tenant: string, id: string, agentId: string, now: Date): Promise<CallbackRow | undefined> {
  const r = await cd(db)
    .updateTable('callbacks')
    .set((eb) => ({ status: 'calling', agent_id: agentId, attempts: eb('attempts', '+', 1), call_sid: null, updated_at: now }))
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'missed'])
    .returningAll()
    .executeTakeFirst();
  return r && toRow(r as Stored);
}

/** The call Twilio accepted for a claimed call-back (its Call SID: the status callback finds the row by it). */
export async function setCallbackCallSid(db: Db, tenant: string, id: string, callSid: string): Promise<void> {
  await cd(db).updateTable('callbacks').set({ call_sid: callSid }).where('tenant_id', '=', tenant).where('id', '=', id).where('status', '=', 'calling').execute();
}

/** Twilio refused the call (a REST error): the claim is undone and the attempt not counted. */
export async function releaseCallback(db: Db, tenant: string, id: string, previous: 'pending' | 'missed', error: string, now: Date): Promise<void> {
  await cd(db)
    .updateTable('callbacks')
    .set((eb) => ({ status: previous, attempts: eb('attempts', '-', 1), last_call_status: error.slice(0, 200), updated_at: now }))
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', '=', 'calling')
    .execute();
}

/**
 * The resident's leg ended (Twilio's DialCallStatus): answered → completed (the agent records the
 * outcome); not answered, busy or failed → missed and due again after the council's interval, or
 * failed when the attempts are used up. Only a call-back still `calling` with this Call SID moves,
 * so Twilio repeating the callback changes nothing.
 */
export async function settleCallbackCall(db: Db, callSid: string, dialStatus: string, now: Date): Promise<CallbackRow | undefined> {
  const row = await callbackByCallSid(db, callSid);
  if (!row || row.status !== 'calling') return undefined;
  const answered = dialStatus === 'completed' || dialStatus === 'answered';
  const exhausted = row.attempts >= row.maxAttempts;
  const status: CallbackStatus = answered ? 'completed' : exhausted ? 'failed' : 'missed';
  const dueAt = status === 'missed' ? new Date(now.getTime() + row.retryAfterMinutes * 60_000) : row.dueAt;
  const r = await cd(db)
    .updateTable('callbacks')
    .set({ status, last_call_status: dialStatus.slice(0, 40), due_at: dueAt, updated_at: now, ...(status === 'missed' ? { overdue_alerted_at: null } : {}) })
    .where('id', '=', row.id)
    .where('status', '=', 'calling')
    .where('call_sid', '=', callSid)
    .returningAll()
    .executeTakeFirst();
  return r && toRow(r as Stored);
}

/**
 * The agent's own leg ended while the call-back was still `calling` (the agent did not answer, or
 * hung up before the resident's leg was dialled): nobody rang the resident, so the claim is undone
 * and the attempt not counted. A leg that reached the resident was settled by its DialCallStatus
 * first, so this changes nothing then.
 */
export async function releaseCallbackCall(db: Db, callSid: string, callStatus: string, now: Date): Promise<CallbackRow | undefined> {
  const r = await cd(db)
    .updateTable('callbacks')
    .set((eb) => ({
      status: eb.case().when('attempts', '>', 1).then(eb.val<CallbackStatus>('missed')).else(eb.val<CallbackStatus>('pending')).end(),
      attempts: eb('attempts', '-', 1),
      last_call_status: `agent leg ${callStatus}`.slice(0, 40),
      updated_at: now,
    }))
    .where('call_sid', '=', callSid)
    .where('status', '=', 'calling')
    .returningAll()
    .executeTakeFirst();
  return r && toRow(r as Stored);
}

/** The agent's note of what was agreed on an answered call-back (sealed: it may quote the resident). */
export async function recordCallbackOutcome(db: Db, tenant: string, id: string, agentId: string, outcome: string, now: Date): Promise<CallbackRow | undefined> {
  const r = await cd(db)
    .updateTable('callbacks')
    .set({ outcome: seal('callbacks.outcome', outcome), agent_id: agentId, status: 'completed', updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', ['completed', 'calling'])
    .returningAll()
    .executeTakeFirst();
  return r && toRow(r as Stored);
}

/** Call-backs past due and not yet alerted, marked alerted in the same statement: each is alerted once. */
export async function takeOverdueCallbacks(db: Db, now: Date, { tenants, limit = 100 }: { tenants?: Iterable<string>; limit?: number } = {}): Promise<CallbackRow[]> {
  // Only the councils this process serves: another process (or a test server) sharing the database alerts its own.
  const due = await cd(db)
    .selectFrom('callbacks')
    .select('id')
    .where('status', 'in', ['pending', 'missed'])
    .where('due_at', '<', now)
    .where('overdue_alerted_at', 'is', null)
    .where(ofCouncils(tenants))
    .limit(limit)
    .execute();
  if (!due.length) return [];
  const rows = await cd(db)
    .updateTable('callbacks')
    .set({ overdue_alerted_at: now })
    .where('id', 'in', due.map((d) => d.id))
    .where('overdue_alerted_at', 'is', null)
    .returningAll()
    .execute();
  return rows.map((r) => toRow(r as Stored));
}

/**
 * Cancels a call-back not being called and not finished (pending or missed): it leaves the queue.
 * The reason (an agent's words, or the resident's own request) is kept sealed as its outcome.
 */
export async function cancelCallbackRow(db: Db, tenant: string, id: string, reason: string, agentId: string | null, now: Date): Promise<CallbackRow | undefined> {
  const r = await cd(db)
    .updateTable('callbacks')
    .set({ status: 'cancelled', outcome: seal('callbacks.outcome', reason), updated_at: now, ...(agentId ? { agent_id: agentId } : {}) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'missed'])
    .returningAll()
    .executeTakeFirst();
  return r && toRow(r as Stored);
}
