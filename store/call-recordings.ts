/**
 * Call recordings (migration 023): what Twilio's recording status callback tells us about each
 * recording of a call, kept with the call's conversation; the listing for the console; and the
 * deletion queue that retention and erasure feed (a row is marked, then removed once Twilio has
 * deleted the audio). Rows hold no personal data: ids, status, duration, channels and times.
 */
import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Kysely } from 'kysely';
import type { Database, Db } from './schema.js';
import { ofCouncils } from './served-councils.js';

export interface CallRecordingsTable {
  id: string;
  tenant_id: string;
  recording_sid: string;
  call_sid: string;
  conversation_id: string | null;
  status: RecordingStatus;
  duration_seconds: number | null;
  channels: number | null;
  started_at: Date | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  delete_requested_at: Date | null;
  delete_attempts: ColumnType<number, number | undefined, number>;
  delete_error: string | null;
}

type RecordingsDatabase = Database & { call_recordings: CallRecordingsTable };
const rd = (db: Db) => db as unknown as Kysely<RecordingsDatabase>;

export type RecordingStatus = 'in-progress' | 'completed' | 'absent' | 'failed';
export const RECORDING_STATUSES: readonly RecordingStatus[] = ['in-progress', 'completed', 'absent', 'failed'];
/** A status only moves forward: a late `in-progress` never undoes `completed`. */
const RANK: Record<RecordingStatus, number> = { 'in-progress': 0, completed: 1, absent: 1, failed: 1 };

export interface CallRecording {
  id: string;
  tenant: string;
  recordingSid: string;
  callSid: string;
  conversationId: string | null;
  status: RecordingStatus;
  durationSeconds: number | null;
  channels: number | null;
  startedAt: Date | null;
  createdAt: Date;
  deleteRequestedAt: Date | null;
  deleteAttempts: number;
}

const toRecording = (r: {
  id: string;
  tenant_id: string;
  recording_sid: string;
  call_sid: string;
  conversation_id: string | null;
  status: RecordingStatus;
  duration_seconds: number | null;
  channels: number | null;
  started_at: Date | null;
  created_at: Date;
  delete_requested_at: Date | null;
  delete_attempts: number;
}): CallRecording => ({
  id: r.id,
  tenant: r.tenant_id,
  recordingSid: r.recording_sid,
  callSid: r.call_sid,
  conversationId: r.conversation_id,
  status: r.status,
  durationSeconds: r.duration_seconds === null ? null : Number(r.duration_seconds),
  channels: r.channels === null ? null : Number(r.channels),
  startedAt: r.started_at,
  createdAt: r.created_at,
  deleteRequestedAt: r.delete_requested_at,
  deleteAttempts: Number(r.delete_attempts),
});

const COLUMNS = [
  'id',
  'tenant_id',
  'recording_sid',
  'call_sid',
  'conversation_id',
  'status',
  'duration_seconds',
  'channels',
  'started_at',
  'created_at',
  'delete_requested_at',
  'delete_attempts',
] as const;

export interface RecordingStatusInput {
  tenant: string;
  recordingSid: string;
  callSid: string;
  /** The call's conversation; null when it could not be matched (kept anyway, so nothing is lost). */
  conversationId: string | null;
  status: RecordingStatus;
  durationSeconds: number | null;
  channels: number | null;
  startedAt: Date | null;
}

/**
 * Records one status callback, idempotently: the first callback of a RecordingSid inserts the row;
 * a later one moves its status forward and fills in what it adds (duration, channels); a repeat
 * of a status already recorded, or an older one, changes nothing. Returns whether anything changed.
 * One statement, so two deliveries of the same callback at once still make one row.
 */
export async function recordRecordingStatus(db: Db, input: RecordingStatusInput): Promise<{ recording: CallRecording; changed: boolean }> {
  const rank = RANK[input.status];
  const inserted = await sql<{ id: string; changed: boolean }>`
    insert into call_recordings (id, tenant_id, recording_sid, call_sid, conversation_id, status, duration_seconds, channels, started_at)
    values (${randomUUID()}, ${input.tenant}, ${input.recordingSid}, ${input.callSid}, ${input.conversationId}, ${input.status},
            ${input.durationSeconds}, ${input.channels}, ${input.startedAt})
    on conflict (recording_sid) do update set
      status = excluded.status,
      duration_seconds = coalesce(excluded.duration_seconds, call_recordings.duration_seconds),
      channels = coalesce(excluded.channels, call_recordings.channels),
      started_at = coalesce(call_recordings.started_at, excluded.started_at),
      conversation_id = coalesce(call_recordings.conversation_id, case when call_recordings.delete_requested_at is null then excluded.conversation_id end),
      updated_at = now()
    where call_recordings.tenant_id = excluded.tenant_id
      and call_recordings.status <> excluded.status
      and (case call_recordings.status when 'in-progress' then 0 else 1 end) < ${rank}
    returning id, true as changed`.execute(db);
  const row = await rd(db).selectFrom('call_recordings').select(COLUMNS).where('recording_sid', '=', input.recordingSid).executeTakeFirstOrThrow();
  return { recording: toRecording(row), changed: inserted.rows.length > 0 };
}

/** A conversation's recordings still held (not being deleted), oldest first. */
export async function recordingsOfConversation(db: Db, tenant: string, conversationId: string): Promise<CallRecording[]> {
  const rows = await rd(db)
    .selectFrom('call_recordings')
    .select(COLUMNS)
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('delete_requested_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecording);
}

/** One recording of the council, unless it is being deleted. */
export async function findRecording(db: Db, tenant: string, id: string): Promise<CallRecording | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await rd(db)
    .selectFrom('call_recordings')
    .select(COLUMNS)
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('delete_requested_at', 'is', null)
    .executeTakeFirst();
  return row && toRecording(row);
}

/**
 * Marks the recordings of these conversations for deletion (retention, erasure), in the caller's
 * transaction, before the conversations go: the link is cleared and the row waits for Twilio.
 */
export async function markRecordingsForDeletion(db: Db, tenant: string, conversationIds: readonly string[], now: Date): Promise<number> {
  if (!conversationIds.length) return 0;
  const r = await rd(db)
    .updateTable('call_recordings')
    .set({ delete_requested_at: now, conversation_id: null, updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'in', [...conversationIds])
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

/** Recordings matched to no conversation, older than `cutoff`: retention marks them too, so none is kept for ever. */
export async function markOrphanRecordingsForDeletion(db: Db, tenant: string, cutoff: Date, now: Date): Promise<number> {
  const r = await rd(db)
    .updateTable('call_recordings')
    .set({ delete_requested_at: now, updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'is', null)
    .where('delete_requested_at', 'is', null)
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

/**
 * Recordings waiting to be deleted at Twilio, oldest request first: of the given councils (those the
 * calling process serves, with its Twilio account), or of every council when none are given.
 */
export async function recordingsToDelete(db: Db, { tenants, limit = 100 }: { tenants?: Iterable<string>; limit?: number } = {}): Promise<CallRecording[]> {
  const rows = await rd(db)
    .selectFrom('call_recordings')
    .select(COLUMNS)
    .where('delete_requested_at', 'is not', null)
    .where(ofCouncils(tenants))
    .orderBy('delete_requested_at')
    .limit(limit)
    .execute();
  return rows.map(toRecording);
}

/** A marked recording, by id (the delete job's input), or undefined once it is gone. */
export async function recordingMarkedForDeletion(db: Db, id: string): Promise<CallRecording | undefined> {
  const row = await rd(db).selectFrom('call_recordings').select(COLUMNS).where('id', '=', id).where('delete_requested_at', 'is not', null).executeTakeFirst();
  return row && toRecording(row);
}

/** Twilio confirmed the deletion (or no longer has it): the row goes. */
export async function recordingDeleted(db: Db, id: string): Promise<void> {
  await rd(db).deleteFrom('call_recordings').where('id', '=', id).where('delete_requested_at', 'is not', null).execute();
}

/** A failed attempt at Twilio: counted and explained, the row kept for the next try. */
export async function recordingDeleteFailed(db: Db, id: string, error: string): Promise<void> {
  await rd(db)
    .updateTable('call_recordings')
    .set((eb) => ({ delete_attempts: eb('delete_attempts', '+', 1), delete_error: error.slice(0, 500), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

/** What a subject access export lists for these conversations (ids, status, duration, times). */
export async function recordingsOfConversations(db: Db, tenant: string, conversationIds: readonly string[]): Promise<CallRecording[]> {
  if (!conversationIds.length) return [];
  const rows = await rd(db)
    .selectFrom('call_recordings')
    .select(COLUMNS)
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'in', [...conversationIds])
    .orderBy('created_at')
    .execute();
  return rows.map(toRecording);
}

/** A recording Twilio has not yet deleted although asked (at least one failed attempt): what supervisors see. */
export interface FailedRecordingDeletion {
  id: string;
  recordingSid: string;
  requestedAt: Date;
  attempts: number;
  error: string | null;
  lastTriedAt: Date;
}

/** The council's recordings whose deletion at Twilio has failed at least once, oldest request first, with their count. */
export async function failedRecordingDeletions(db: Db, tenant: string, limit = 100): Promise<{ count: number; items: FailedRecordingDeletion[] }> {
  const base = rd(db).selectFrom('call_recordings').where('tenant_id', '=', tenant).where('delete_requested_at', 'is not', null).where('delete_attempts', '>', 0);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<string>().as('n')).execute();
  const rows = await base.select(['id', 'recording_sid', 'delete_requested_at', 'delete_attempts', 'delete_error', 'updated_at']).orderBy('delete_requested_at').limit(limit).execute();
  return {
    count: Number(n),
    items: rows.map((r) => ({ id: r.id, recordingSid: r.recording_sid, requestedAt: r.delete_requested_at as Date, attempts: Number(r.delete_attempts), error: r.delete_error, lastTriedAt: r.updated_at as Date })),
  };
}

/** One of the council's recordings waiting for deletion (a supervisor's retry), or undefined. */
export async function recordingAwaitingDeletion(db: Db, tenant: string, id: string): Promise<CallRecording | undefined> {
  const row = await rd(db).selectFrom('call_recordings').select(COLUMNS).where('tenant_id', '=', tenant).where('id', '=', id).where('delete_requested_at', 'is not', null).executeTakeFirst();
  return row && toRecording(row);
}
