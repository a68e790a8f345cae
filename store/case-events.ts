/**
 * The case event log (migration 015): one row per change to a case, written in the change's own
 * transaction by the store functions that make it (store/cases.ts), and read in a commit-safe
 * order by whoever follows it: the back-office push, the pull API, residents' updates.
 *
 * Order: a case's events by `seq`; the log as a whole by (tx_id, id), and only as far as the
 * oldest transaction still running, so a cursor handed out never skips an event that commits
 * later (ids are taken in one order and committed in another). Cursors are opaque strings.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { sealJson, unsealJson } from './crypto.js';
import { fromJson, toJson } from './json.js';
import type { Database, Db } from './schema.js';

/** What happened to a case. `merged`: another report was joined to it (a duplicate). */
export const CASE_EVENT_TYPES = ['created', 'updated', 'status_changed', 'note_added', 'merged'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEventsTable {
  id: ColumnType<string, never, never>;
  tenant_id: string;
  case_id: string;
  seq: number;
  type: string;
  data: ColumnType<unknown, string, string>;
  actor: string;
  internal: ColumnType<boolean, boolean | undefined, boolean>;
  tx_id: ColumnType<string, never, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface CaseEventCursorsTable {
  consumer: string;
  tenant_id: string;
  tx_id: string;
  event_id: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

type CaseEventsDatabase = Database & { case_events: CaseEventsTable; case_event_cursors: CaseEventCursorsTable };
const ed = (db: Db) => db as unknown as Kysely<CaseEventsDatabase>;

export interface CaseEvent {
  /** The log's id (a string: bigint). */
  id: string;
  tenant: string;
  caseId: string;
  /** 1, 2, 3… per case: the order the back office must apply them in. */
  seq: number;
  type: CaseEventType;
  data: Record<string, unknown>;
  actor: string;
  /** A change only staff should hear of (an internal note): residents are not told. */
  internal: boolean;
  at: Date;
}

export interface NewCaseEvent {
  tenant: string;
  caseId: string;
  type: CaseEventType;
  data: Record<string, unknown>;
  actor: string;
  internal?: boolean;
}

/**
 * Records an event in the caller's transaction. The case row's counter is taken under its row
 * lock, so two changes to one case in concurrent transactions get consecutive numbers in the
 * order they commit.
 */
export async function recordCaseEvent(db: Db, event: NewCaseEvent): Promise<CaseEvent> {
  const counted = await sql<{ event_seq: number }>`
    update cases set event_seq = event_seq + 1 where tenant_id = ${event.tenant} and id = ${event.caseId} returning event_seq`.execute(db);
  const seq = counted.rows[0]?.event_seq;
  if (seq === undefined) throw new Error(`no case ${event.caseId} to record an event on`);
  const row = await ed(db)
    .insertInto('case_events')
    .values({
      tenant_id: event.tenant,
      case_id: event.caseId,
      seq,
      type: event.type,
      data: sealJson('case_events.data', toJson(event.data)),
      actor: event.actor,
      internal: event.internal ?? false,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: String(row.id), tenant: event.tenant, caseId: event.caseId, seq, type: event.type, data: event.data, actor: event.actor, internal: event.internal ?? false, at: row.created_at };
}

type EventRow = { id: string; tenant_id: string; case_id: string; seq: number; type: string; data: unknown; actor: string; internal: boolean; tx_id: string; created_at: Date };

function toEvent(r: EventRow): CaseEvent {
  return {
    id: String(r.id),
    tenant: r.tenant_id,
    caseId: r.case_id,
    seq: r.seq,
    type: r.type as CaseEventType,
    data: fromJson<Record<string, unknown>>(unsealJson(r.data)) ?? {},
    actor: r.actor,
    internal: r.internal,
    at: r.created_at,
  };
}

/** A position in the log: after the event `eventId` of transaction `txId`. */
interface Position {
  txId: string;
  eventId: string;
}

const CURSOR = /^(\d{1,20})\.(\d{1,20})$/;

export class BadCursor extends Error {
  constructor() {
    super('cursor is not one this API gave out');
  }
}

export function encodeCursor(p: Position): string {
  return `${p.txId}.${p.eventId}`;
}

/** Parses a cursor from outside; throws BadCursor for anything else. */
export function decodeCursor(cursor: string): Position {
  const m = CURSOR.exec(cursor);
  if (!m) throw new BadCursor();
  return { txId: m[1], eventId: m[2] };
}

export interface EventPage {
  events: CaseEvent[];
  /** Where to read from next; the same as given when nothing new is settled yet. */
  cursor: string;
}

/**
 * A council's events after `cursor` (null: from the start), oldest first, at most `limit`, and
 * only those whose transaction is older than every transaction still running: later calls can
 * only return events after these. `caseId` narrows to one case.
 */
export async function caseEventsSince(db: Db, tenant: string, cursor: string | null, limit: number, caseId?: string): Promise<EventPage> {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await sql<EventRow>`
    select id::text as id, tenant_id, case_id, seq, type, data, actor, internal, tx_id::text as tx_id, created_at
      from case_events
     where tenant_id = ${tenant}
       and tx_id < pg_snapshot_xmin(pg_current_snapshot())
       ${after ? sql`and (tx_id, id) > (${after.txId}::xid8, ${after.eventId}::bigint)` : sql``}
       ${caseId ? sql`and case_id = ${caseId}` : sql``}
     order by tx_id, id
     limit ${limit}`.execute(db);
  const last = rows.rows[rows.rows.length - 1];
  return {
    events: rows.rows.map(toEvent),
    cursor: last ? encodeCursor({ txId: last.tx_id, eventId: last.id }) : (cursor ?? encodeCursor({ txId: '0', eventId: '0' })),
  };
}

/** Every event of one case, in its order (for a case's history and a redelivery). */
export async function caseEventsOf(db: Db, tenant: string, caseId: string): Promise<CaseEvent[]> {
  const rows = await sql<EventRow>`
    select id::text as id, tenant_id, case_id, seq, type, data, actor, internal, tx_id::text as tx_id, created_at
      from case_events where tenant_id = ${tenant} and case_id = ${caseId} order by seq`.execute(db);
  return rows.rows.map(toEvent);
}

/** One event by its log id, within a council. */
export async function caseEventById(db: Db, tenant: string, id: string): Promise<CaseEvent | undefined> {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const rows = await sql<EventRow>`
    select id::text as id, tenant_id, case_id, seq, type, data, actor, internal, tx_id::text as tx_id, created_at
      from case_events where tenant_id = ${tenant} and id = ${id}::bigint`.execute(db);
  return rows.rows[0] && toEvent(rows.rows[0]);
}

/** A consumer's position in a council's log (null: it has not started). */
export async function readEventCursor(db: Db, consumer: string, tenant: string): Promise<string | null> {
  const row = await ed(db).selectFrom('case_event_cursors').select(['tx_id', 'event_id']).where('consumer', '=', consumer).where('tenant_id', '=', tenant).executeTakeFirst();
  return row ? encodeCursor({ txId: String(row.tx_id), eventId: String(row.event_id) }) : null;
}

/**
 * Moves a consumer's position forward, in the transaction that did what the events asked (so
 * a crash between the two repeats the work rather than skipping it). `from` must be the cursor
 * it read: a consumer in another process that moved first wins, and this returns false.
 */
export async function advanceEventCursor(db: Db, consumer: string, tenant: string, from: string | null, to: string): Promise<boolean> {
  const next = decodeCursor(to);
  if (from === null) {
    const inserted = await sql`
      insert into case_event_cursors (consumer, tenant_id, tx_id, event_id) values (${consumer}, ${tenant}, ${next.txId}::xid8, ${next.eventId}::bigint)
      on conflict (consumer, tenant_id) do nothing`.execute(db);
    return Number(inserted.numAffectedRows ?? 0) === 1;
  }
  const prev = decodeCursor(from);
  const updated = await sql`
    update case_event_cursors set tx_id = ${next.txId}::xid8, event_id = ${next.eventId}::bigint, updated_at = now()
     where consumer = ${consumer} and tenant_id = ${tenant} and tx_id = ${prev.txId}::xid8 and event_id = ${prev.eventId}::bigint`.execute(db);
  return Number(updated.numAffectedRows ?? 0) === 1;
}
