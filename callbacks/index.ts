/**
 * Call-backs as work (issue 14, item 2), server side: the console's call-back queue, placing a
 * call-back (agent first, then the resident) through a dialler the composition root supplies (the
 * Twilio one: channels/twilio/voice/callback-calls.ts), the outcome of the resident's leg (answered,
 * or missed and retried by the council's rule, or failed once the attempts are used), the agent's
 * note, and the sweep that alerts supervisors once about each overdue call-back. The resident's
 * choice of slot is the bot's (bot/callbacks.ts); the rows are the store's (store/callbacks.ts).
 */
import {
  callbackById,
  cancelCallbackRow,
  claimCallback,
  listCallbacks,
  recordAudit,
  recordCallbackOutcome,
  releaseCallback,
  releaseCallbackCall,
  setCallbackCallSid,
  settleCallbackCall,
  takeOverdueCallbacks,
  latestHandoffFor,
  type CallbackRow,
  type Db,
} from '../store/index.js';

/** Places the two-legged call: rings `agentTo` (a client identity or a phone number), then bridges to `residentNumber`. */
export interface CallbackDialler {
  placeCall(input: { tenant: string; callbackId: string; agentTo: string; residentNumber: string }): Promise<{ callSid: string }>;
}

/** A call-back as the console shows it. */
export interface CallbackItem {
  id: string;
  kind: CallbackRow['kind'];
  status: CallbackRow['status'];
  queue: string;
  service: string | null;
  reason: string;
  phone: string;
  slotAt: string | null;
  dueAt: string;
  overdue: boolean;
  attempts: number;
  maxAttempts: number;
  lastCallStatus: string | null;
  outcome: string | null;
  conversationId: string;
  /** The conversation's summary, as its handoff gives it (the context an agent needs before calling). */
  summary: string | null;
}

/** Twilio refused the call, or it could not be reached: nothing was placed and the call-back is as it was. */
export class CallbackCallFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallbackCallFailed';
  }
}

export function isOverdue(row: Pick<CallbackRow, 'status' | 'dueAt'>, now: Date): boolean {
  return (row.status === 'pending' || row.status === 'missed') && row.dueAt.getTime() < now.getTime();
}

async function toItem(db: Db, row: CallbackRow, now: Date): Promise<CallbackItem> {
  const handoff = await latestHandoffFor(db, row.tenant, row.conversationId);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    queue: row.queueId,
    service: row.serviceId,
    reason: row.reason,
    phone: row.phone,
    slotAt: row.slotAt?.toISOString() ?? null,
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row, now),
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastCallStatus: row.lastCallStatus,
    outcome: row.outcome,
    conversationId: row.conversationId,
    summary: handoff?.summary ?? null,
  };
}

/** The call-back queue of the queues an agent serves (`queues` null: every queue, a supervisor's), soonest due first. */
export async function callbackQueue(db: Db, tenant: string, queues: string[] | null, now: Date): Promise<CallbackItem[]> {
  const rows = await listCallbacks(db, tenant, queues);
  return Promise.all(rows.map((r) => toItem(db, r, now)));
}

/** One call-back, if the agent's queues cover it (else undefined: the route answers 404). */
export async function callbackFor(db: Db, tenant: string, id: string, queues: string[] | null, now: Date): Promise<CallbackItem | undefined> {
  const row = await callbackById(db, tenant, id);
  if (!row || (queues && !queues.includes(row.queueId))) return undefined;
  return toItem(db, row, now);
}

export type PlaceResult = { ok: true; item: CallbackItem; callSid: string } | { ok: false; reason: 'not_found' | 'not_callable' };

/**
 * "Call now": claims the call-back (pending or missed only, so two agents never both call), then
 * asks the dialler to ring the agent and bridge the resident. A refused call undoes the claim and
 * throws CallbackCallFailed: the attempt does not count and the item stays in the queue.
 */
export async function placeCallback(
  db: Db,
  dialler: CallbackDialler,
  input: { tenant: string; id: string; agent: { id: string; name: string }; agentTo: string; queues: string[] | null; now: Date },
): Promise<PlaceResult> {
  const before = await callbackById(db, input.tenant, input.id);
  if (!before || (input.queues && !input.queues.includes(before.queueId))) return { ok: false, reason: 'not_found' };
  const claimed = await claimCallback(db, input.tenant, input.id, input.agent.id, input.now);
  if (!claimed) return { ok: false, reason: 'not_callable' };
  let callSid: string;
  try {
    ({ callSid } = await dialler.placeCall({ tenant: input.tenant, callbackId: claimed.id, agentTo: input.agentTo, residentNumber: claimed.phone }));
  } catch (err) {
    await releaseCallback(db, input.tenant, claimed.id, before.status === 'missed' ? 'missed' : 'pending', `error: ${String((err as Error).message ?? err)}`, input.now);
    throw new CallbackCallFailed(String((err as Error).message ?? err));
  }
  await setCallbackCallSid(db, input.tenant, claimed.id, callSid);
  await recordAudit(db, {
    tenant: input.tenant,
    actorType: 'agent',
    actorId: input.agent.id,
    action: 'callback.call_placed',
    subjectType: 'conversation',
    subjectId: claimed.conversationId,
    detail: { callbackId: claimed.id, attempt: claimed.attempts, callSid },
  });
  const row = (await callbackById(db, input.tenant, claimed.id))!;
  return { ok: true, item: await toItem(db, row, input.now), callSid };
}

/** The resident's leg ended (Twilio's DialCallStatus on the agent's call): answered, or missed and retried, or failed. */
export async function settleCallback(db: Db, callSid: string, dialStatus: string, now: Date): Promise<CallbackRow | undefined> {
  return settleCallbackCall(db, callSid, dialStatus, now);
}

/** The agent's leg ended before the resident's was dialled (Twilio's call status callback): back in the queue, the attempt not counted. */
export async function agentLegEnded(db: Db, callSid: string, callStatus: string, now: Date): Promise<CallbackRow | undefined> {
  return releaseCallbackCall(db, callSid, callStatus, now);
}

/** The agent's note of the call (what was agreed); only on a call-back that was answered or is being called. */
export async function recordOutcome(db: Db, input: { tenant: string; id: string; agentId: string; outcome: string; queues: string[] | null; now: Date }): Promise<CallbackItem | undefined> {
  const row = await callbackById(db, input.tenant, input.id);
  if (!row || (input.queues && !input.queues.includes(row.queueId))) return undefined;
  const done = await recordCallbackOutcome(db, input.tenant, input.id, input.agentId, input.outcome, input.now);
  return done && toItem(db, done, input.now);
}

export type CancelResult = { ok: true; item: CallbackItem } | { ok: false; reason: 'not_found' | 'not_cancellable' };

/**
 * An agent or supervisor cancels a call-back with a reason (pending or missed only: one being
 * called ends by its call). It leaves the queue; the reason is kept sealed on the row, and the
 * audit trail says who cancelled which (not the words).
 */
export async function cancelCallback(
  db: Db,
  input: { tenant: string; id: string; agent: { id: string }; reason: string; queues: string[] | null; now: Date },
): Promise<CancelResult> {
  const before = await callbackById(db, input.tenant, input.id);
  if (!before || (input.queues && !input.queues.includes(before.queueId))) return { ok: false, reason: 'not_found' };
  const row = await cancelCallbackRow(db, input.tenant, input.id, input.reason, input.agent.id, input.now);
  if (!row) return { ok: false, reason: 'not_cancellable' };
  await recordAudit(db, {
    tenant: input.tenant,
    actorType: 'agent',
    actorId: input.agent.id,
    action: 'callback.cancelled',
    subjectType: 'conversation',
    subjectId: row.conversationId,
    detail: { callbackId: row.id, by: 'agent', was: before.status, attempts: row.attempts },
  });
  return { ok: true, item: await toItem(db, row, input.now) };
}

/** An overdue call-back as the supervisors' alert names it (no number, no words of the resident). */
export interface OverdueAlert {
  tenant: string;
  id: string;
  kind: CallbackRow['kind'];
  queue: string;
  dueAt: string;
  attempts: number;
}

/**
 * Finds call-backs past due and not yet alerted, marks them, and hands each to `alert` (the
 * supervisors' room): each is alerted once, across processes (the mark is compare-and-set).
 * A missed call re-queued for later is alerted again only if that later time passes too.
 */
export async function sweepOverdueCallbacks(db: Db, now: Date, alert: (a: OverdueAlert) => void, options: { tenants?: readonly string[]; limit?: number } = {}): Promise<number> {
  // `tenants`: the councils the process serves (all when not given); `limit`: at most this many per sweep.
  const rows = await takeOverdueCallbacks(db, now, options);
  for (const r of rows) alert({ tenant: r.tenant, id: r.id, kind: r.kind, queue: r.queueId, dueAt: r.dueAt.toISOString(), attempts: r.attempts });
  return rows.length;
}

/** The job that runs the sweep, and how often. */
export const CALLBACK_SWEEP_JOB = 'callbacks.overdue';
export const CALLBACK_SWEEP_EVERY_MS = 60_000;
