/**
 * Callers bridged to agents from the console (migration 021): each agent's way of taking a call
 * (browser client or desk phone, the number sealed) and one row per bridge of a caller's leg to an
 * agent with its status and times. Also the handoff's return to its queue when the agent's leg was
 * not answered, offered to anyone but that agent.
 */
import { randomUUID } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import { seal, unseal } from './crypto.js';
import type { Database, Db } from './schema.js';

export interface AgentCallSettingsTable {
  /** Its own id, so key rotation (store/rotate-keys.ts) walks the table as it walks the others. */
  id: string;
  tenant_id: string;
  agent_id: string;
  bridge: string;
  desk_phone: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AgentCallsTable {
  id: string;
  tenant_id: string;
  conversation_id: string;
  handoff_id: string;
  agent_id: string;
  call_sid: string;
  target: string;
  status: string;
  detail: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  agent_leg_sid: string | null;
  conference_name: string | null;
  conference_sid: string | null;
  /** Insertion order (migration 026). */
  seq: ColumnType<string, never, never>;
}

export interface CallConsultsTable {
  id: string;
  /** Insertion order (a clock may give two the same time). */
  seq: ColumnType<string, never, never>;
  tenant_id: string;
  conversation_id: string;
  agent_call_id: string;
  from_agent_id: string;
  to_agent_id: string | null;
  target_queue: string | null;
  tried: string;
  note: string | null;
  status: string;
  consultee_call_sid: string | null;
  detail: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The schema with migration 021's tables (typed here, beside the only code that reads them). */
type AgentCallsDatabase = Database & { agent_call_settings: AgentCallSettingsTable; agent_calls: AgentCallsTable; call_consults: CallConsultsTable };
const ad = (db: Db) => db as unknown as Kysely<AgentCallsDatabase>;

export type CallBridge = 'client' | 'phone';
export interface AgentCallSettings {
  bridge: CallBridge;
  deskPhone: string | null;
}

/** `consulting`: the agent is consulting a second one (migration 026) while the caller is held in a conference. */
export type AgentCallStatus = 'bridging' | 'connected' | 'held' | 'consulting' | 'transferring' | 'ended' | 'no_answer' | 'failed';
/** A bridge in one of these is over: nothing changes it again. */
export const FINISHED_CALL_STATUSES: readonly AgentCallStatus[] = ['ended', 'no_answer', 'failed'];

export interface AgentCallRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  handoff_id: string;
  agent_id: string;
  call_sid: string;
  target: string;
  status: AgentCallStatus;
  detail: string | null;
  created_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  updated_at: Date;
  /** The agent's own leg (the Dial's child call, or their conference participant). */
  agent_leg_sid: string | null;
  /** Set once the caller is in a conference (a warm transfer started): hold and resume then use its Participants. */
  conference_name: string | null;
  conference_sid: string | null;
}

export async function agentCallSettings(db: Db, tenant: string, agentId: string): Promise<AgentCallSettings> {
  const row = await ad(db).selectFrom('agent_call_settings').selectAll().where('tenant_id', '=', tenant).where('agent_id', '=', agentId).executeTakeFirst();
  if (!row) return { bridge: 'client', deskPhone: null };
  return { bridge: row.bridge === 'phone' ? 'phone' : 'client', deskPhone: unseal(row.desk_phone) };
}

export async function saveAgentCallSettings(db: Db, tenant: string, agentId: string, settings: AgentCallSettings, now: Date): Promise<void> {
  const values = { bridge: settings.bridge, desk_phone: seal('agent_call_settings.desk_phone', settings.deskPhone), updated_at: now };
  await ad(db)
    .insertInto('agent_call_settings')
    .values({ id: randomUUID(), tenant_id: tenant, agent_id: agentId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'agent_id']).doUpdateSet(values))
    .execute();
}

export async function startAgentCall(
  db: Db,
  input: {
    tenant: string;
    conversationId: string;
    handoffId: string;
    agentId: string;
    callSid: string;
    target: string;
    now: Date;
    /** A bridge taken over in a conference (a completed warm transfer): connected from the start. */
    conference?: { name: string; sid: string | null; agentLegSid: string };
  },
): Promise<AgentCallRow> {
  const row = await ad(db)
    .insertInto('agent_calls')
    .values({
      id: randomUUID(),
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      handoff_id: input.handoffId,
      agent_id: input.agentId,
      call_sid: input.callSid,
      target: input.target,
      status: input.conference ? 'connected' : 'bridging',
      created_at: input.now,
      updated_at: input.now,
      ...(input.conference ? { answered_at: input.now, conference_name: input.conference.name, conference_sid: input.conference.sid, agent_leg_sid: input.conference.agentLegSid } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as AgentCallRow;
}

/** The conversation's current bridge (one not over), else its latest, if any. */
export async function latestAgentCall(db: Db, tenant: string, conversationId: string): Promise<AgentCallRow | undefined> {
  const rows = (await ad(db)
    .selectFrom('agent_calls')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('seq', 'desc')
    .limit(20)
    .execute()) as AgentCallRow[];
  return rows.find((r) => !FINISHED_CALL_STATUSES.includes(r.status)) ?? rows[0];
}

export async function agentCallById(db: Db, tenant: string, id: string): Promise<AgentCallRow | undefined> {
  const row = await ad(db).selectFrom('agent_calls').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return row as AgentCallRow | undefined;
}

/**
 * Moves a bridge that is not over to `status` (a finished one is never changed: Twilio repeats
 * callbacks). Returns the row when it changed.
 */
export async function setAgentCallStatus(
  db: Db,
  tenant: string,
  id: string,
  status: AgentCallStatus,
  now: Date,
  extra: { answered?: boolean; detail?: string | null } = {},
): Promise<AgentCallRow | undefined> {
  const finished = FINISHED_CALL_STATUSES.includes(status);
  const row = await ad(db)
    .updateTable('agent_calls')
    .set({
      status,
      updated_at: now,
      ...(finished ? { ended_at: now } : {}),
      ...(extra.answered ? { answered_at: now } : {}),
      ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'not in', [...FINISHED_CALL_STATUSES])
    .returningAll()
    .executeTakeFirst();
  return row as AgentCallRow | undefined;
}

/** The first time the agent's leg was answered (kept once). */
export async function markAgentCallAnswered(db: Db, tenant: string, id: string, now: Date): Promise<void> {
  await ad(db).updateTable('agent_calls').set({ answered_at: now }).where('tenant_id', '=', tenant).where('id', '=', id).where('answered_at', 'is', null).execute();
}

/**
 * The agent's leg was not answered: the handoff, still held by that agent, waits again in its
 * queue (nobody holds it), marked as offered to them long ago so routing passes it to someone
 * else (handoff/queue/routing.ts skips `offered_to`). Conditional on the agent still holding it.
 */
export async function returnUnansweredHandoff(db: Db, tenant: string, id: string, agentId: string): Promise<boolean> {
  const r = await db
    .updateTable('handoffs')
    .set({ agent_id: null, accepted_at: null, status: 'pending', offered_to: agentId, offered_at: new Date(0) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('agent_id', '=', agentId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Keeps the agent's leg (first seen on its status callback) and the conference once known; never clears them. */
export async function setAgentCallLegs(db: Db, tenant: string, id: string, legs: { agentLegSid?: string; conferenceName?: string; conferenceSid?: string }, now: Date): Promise<AgentCallRow | undefined> {
  const set = {
    ...(legs.agentLegSid ? { agent_leg_sid: legs.agentLegSid } : {}),
    ...(legs.conferenceName ? { conference_name: legs.conferenceName } : {}),
    ...(legs.conferenceSid ? { conference_sid: legs.conferenceSid } : {}),
  };
  if (Object.keys(set).length === 0) return agentCallById(db, tenant, id);
  const row = await ad(db).updateTable('agent_calls').set({ ...set, updated_at: now }).where('tenant_id', '=', tenant).where('id', '=', id).returningAll().executeTakeFirst();
  return row as AgentCallRow | undefined;
}

/** The live bridge whose agent leg is this CallSid (a conference participant leaving). */
export async function agentCallByLeg(db: Db, tenant: string, agentLegSid: string): Promise<AgentCallRow | undefined> {
  const row = await ad(db)
    .selectFrom('agent_calls')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('agent_leg_sid', '=', agentLegSid)
    .where('status', 'not in', [...FINISHED_CALL_STATUSES])
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row as AgentCallRow | undefined;
}

// ---------------------------------------------------------------- consultations (migration 026)

export type ConsultStatus = 'starting' | 'ringing' | 'talking' | 'completed' | 'cancelled' | 'failed' | 'ended';
/** A consultation in one of these is over. */
export const FINISHED_CONSULT_STATUSES: readonly ConsultStatus[] = ['completed', 'cancelled', 'failed', 'ended'];

export interface CallConsultRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  agent_call_id: string;
  from_agent_id: string;
  to_agent_id: string | null;
  target_queue: string | null;
  /** Agents already rung for this consultation (a queue's next available agent skips them). */
  tried: string[];
  note: string | null;
  status: ConsultStatus;
  consultee_call_sid: string | null;
  detail: string | null;
  created_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  updated_at: Date;
}

/** A row as selected (Kysely's selected type), with `tried` as a list. */
function consultOf(selected: unknown): CallConsultRow | undefined {
  const row = selected as (Omit<CallConsultRow, 'tried'> & { tried: string; seq?: unknown }) | undefined;
  if (!row) return undefined;
  const { seq: _seq, ...rest } = row;
  void _seq;
  return { ...rest, tried: row.tried ? row.tried.split(',') : [] };
}

export async function startCallConsult(
  db: Db,
  input: { tenant: string; conversationId: string; agentCallId: string; fromAgentId: string; toAgentId: string; targetQueue: string | null; note: string | null; now: Date },
): Promise<CallConsultRow> {
  const row = await ad(db)
    .insertInto('call_consults')
    .values({
      id: randomUUID(),
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      agent_call_id: input.agentCallId,
      from_agent_id: input.fromAgentId,
      to_agent_id: input.toAgentId,
      target_queue: input.targetQueue,
      tried: input.toAgentId,
      note: input.note,
      status: 'starting',
      created_at: input.now,
      updated_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return consultOf(row)!;
}

export async function callConsultById(db: Db, tenant: string, id: string): Promise<CallConsultRow | undefined> {
  return consultOf(await ad(db).selectFrom('call_consults').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst());
}

/** The bridge's consultation not yet over, if any. */
export async function openCallConsult(db: Db, tenant: string, agentCallId: string): Promise<CallConsultRow | undefined> {
  const row = await ad(db)
    .selectFrom('call_consults')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('agent_call_id', '=', agentCallId)
    .where('status', 'not in', [...FINISHED_CONSULT_STATUSES])
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return consultOf(row);
}

/** The conversation's latest consultation (what the console shows). */
export async function latestCallConsult(db: Db, tenant: string, conversationId: string): Promise<CallConsultRow | undefined> {
  const row = await ad(db).selectFrom('call_consults').selectAll().where('tenant_id', '=', tenant).where('conversation_id', '=', conversationId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return consultOf(row);
}

/**
 * Moves a consultation that is not over, only from one of `from` (Twilio repeats and races its
 * callbacks, and the agent's requests race them): returns the row when it changed.
 */
export async function setCallConsult(
  db: Db,
  tenant: string,
  id: string,
  from: readonly ConsultStatus[],
  to: ConsultStatus,
  now: Date,
  extra: { consulteeCallSid?: string | null; toAgentId?: string; tried?: string[]; detail?: string | null; answered?: boolean } = {},
): Promise<CallConsultRow | undefined> {
  const row = await ad(db)
    .updateTable('call_consults')
    .set({
      status: to,
      updated_at: now,
      ...(FINISHED_CONSULT_STATUSES.includes(to) ? { ended_at: now } : {}),
      ...(extra.answered ? { answered_at: now } : {}),
      ...(extra.consulteeCallSid !== undefined ? { consultee_call_sid: extra.consulteeCallSid } : {}),
      ...(extra.toAgentId ? { to_agent_id: extra.toAgentId } : {}),
      ...(extra.tried ? { tried: extra.tried.join(',') } : {}),
      ...(extra.detail !== undefined ? { detail: extra.detail } : {}),
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returningAll()
    .executeTakeFirst();
  return consultOf(row);
}
