import type { ColumnType } from 'kysely';
import { randomUUID } from 'node:crypto';
import { seal, sealJson, unseal, unsealJson } from './crypto.js';
import { toJson } from './json.js';
import { openHandoffCount } from './presence.js';
import type { Db, HandoffRow } from './schema.js';

/*
 * A handoff's status (migration 008) is kept here, by the functions that change who holds it:
 * created `pending`, `assigned` on accept, `pending` again on transfer, `resolved` on close or
 * abandonment. Its timestamps stay as the record of when each happened.
 *
 * Its summary and context quote the resident, so both are sealed at rest (store/crypto.ts): written
 * through `sealHandoffText`/`sealHandoffContext`, and every read of them in store/ goes through
 * `openHandoff`. Nothing filters on them in SQL (routing reads the context after opening it).
 */

/** A handoff's summary as stored. */
export function sealHandoffText(summary: string): string {
  return seal('handoffs.summary', summary);
}

/** A handoff's context as stored (JSON text for the jsonb column). */
export function sealHandoffContext(context: unknown): string {
  return sealJson('handoffs.context', toJson(context));
}

/** A handoff row, or the part of one selected, as read: summary and context in clear (rows in clear read as they are). */
export function openHandoff<T extends { summary?: string | null; context?: unknown }>(row: T): T {
  const out = { ...row };
  if (typeof out.summary === 'string') out.summary = unseal(out.summary) as T['summary'];
  const withNote = out as { note?: string | null };
  if (typeof withNote.note === 'string') withNote.note = unseal(withNote.note);
  if ('context' in out) out.context = unsealJson(out.context) as T['context'];
  return out;
}

/** `openHandoff` for a row that may not exist. */
export function openHandoffIf<T extends { summary?: string | null; context?: unknown }>(row: T | undefined): T | undefined {
  return row && openHandoff(row);
}

export async function createHandoff(
  db: Db,
  input: {
    tenant: string;
    conversationId: string;
    reason: string;
    priority: 'urgent' | 'high' | 'normal';
    queue: string;
    summary: string;
    context: unknown;
    /** Chosen by the caller where it decided the handoff before writing it. */
    id?: string;
    /** The conversation's language when it was handed off (issue 17), so routing can prefer agents who speak it. */
    language?: string | null;
  },
): Promise<HandoffRow> {
  return db
    .insertInto('handoffs')
    .values({
      id: input.id ?? randomUUID(),
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      reason: input.reason,
      priority: input.priority,
      queue: input.queue,
      summary: sealHandoffText(input.summary),
      context: sealHandoffContext(input.context),
      status: 'pending',
      language: input.language ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(openHandoff);
}

export async function openHandoffFor(db: Db, tenant: string, conversationId: string): Promise<HandoffRow | undefined> {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
    .then(openHandoffIf);
}

/** The conversation's open handoff, else its most recent one (what the console shows of it). */
export async function latestHandoffFor(db: Db, tenant: string, conversationId: string): Promise<HandoffRow | undefined> {
  return (
    (await openHandoffFor(db, tenant, conversationId)) ??
    (await db
      .selectFrom('handoffs')
      .selectAll()
      .where('tenant_id', '=', tenant)
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
      .then(openHandoffIf))
  );
}

/** Raises an open handoff's priority (a safety hit while already queued), with the context that explains it. */
export async function escalateHandoff(db: Db, tenant: string, id: string, priority: 'urgent' | 'high', reason: string, context?: unknown) {
  await db
    .updateTable('handoffs')
    .set({ priority, reason, ...(context === undefined ? {} : { context: sealHandoffContext(context) }) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

/** Rewrites an open handoff's summary and context (e.g. the resident ended the chat but the team must still see it). */
export async function annotateHandoff(db: Db, tenant: string, id: string, input: { summary: string; context: unknown }): Promise<void> {
  await db
    .updateTable('handoffs')
    .set({ summary: sealHandoffText(input.summary), context: sealHandoffContext(input.context) })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/** Gives a waiting handoff to an agent: only while it is open and nobody holds it (undefined otherwise, e.g. a lost race). */
export async function assignHandoff(db: Db, tenant: string, id: string, agentId: string, now: Date): Promise<HandoffRow | undefined> {
  return db
    .updateTable('handoffs')
    .set({ agent_id: agentId, accepted_at: now, status: 'assigned' })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('agent_id', 'is', null)
    .where('closed_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
    .then(openHandoffIf);
}

/** A transfer: the open handoff waits again (nobody holds it) in `queue`, offered to `offeredTo` when named. */
export async function requeueHandoff(
  db: Db,
  tenant: string,
  id: string,
  input: { queue: string; note: string | null; offeredTo: string | null; context: unknown; now: Date },
): Promise<HandoffRow | undefined> {
  return db
    .updateTable('handoffs')
    .set({
      agent_id: null,
      accepted_at: null,
      status: 'pending',
      queue: input.queue,
      note: seal('handoffs.note', input.note),
      transferred_at: input.now,
      offered_to: input.offeredTo,
      offered_at: input.offeredTo ? input.now : null,
      context: sealHandoffContext(input.context),
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
    .then(openHandoffIf);
}

/** Closes an open handoff with its outcome (undefined when it was already closed). */
export async function resolveHandoff(db: Db, tenant: string, id: string, outcome: string, now: Date): Promise<HandoffRow | undefined> {
  return db
    .updateTable('handoffs')
    .set({ closed_at: now, outcome, status: 'resolved' })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
    .then(openHandoffIf);
}

/** The resident gave up before anyone took the handoff (counts as abandoned in service levels). False when it was taken or closed. */
export async function abandonHandoff(db: Db, tenant: string, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('handoffs')
    .set({ closed_at: now, abandoned_at: now, outcome: 'abandoned', status: 'resolved' })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('agent_id', 'is', null)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The time of the agent's first reply, kept once. */
export async function recordFirstReply(db: Db, tenant: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('handoffs')
    .set({ first_reply_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('first_reply_at', 'is', null)
    .execute();
}

/**
 * Locks the agent's row for the rest of the transaction and counts the handoffs they hold, so
 * two accepts by one agent at once are checked against capacity one after the other.
 */
export async function lockAgentLoad(
  db: Db,
  tenant: string,
  agentId: string,
): Promise<{ id: string; name: string; capacity: number; disabled_at: Date | null; open: number } | undefined> {
  const me = await db
    .selectFrom('agents')
    .select(['id', 'name', 'capacity', 'disabled_at'])
    .where('tenant_id', '=', tenant)
    .where('id', '=', agentId)
    .forUpdate()
    .executeTakeFirst();
  if (!me) return undefined;
  return { ...me, open: await openHandoffCount(db, tenant, agentId) };
}

/** An agent a handoff can be transferred to by name: who they are and their skills (JSON). */
export async function transferTargetAgent(db: Db, tenant: string, agentId: string): Promise<{ id: string; name: string; skills: unknown; disabled_at: Date | null } | undefined> {
  return db.selectFrom('agents').select(['id', 'name', 'skills', 'disabled_at']).where('tenant_id', '=', tenant).where('id', '=', agentId).executeTakeFirst();
}

export async function listOpenHandoffs(db: Db, tenant: string): Promise<HandoffRow[]> {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('closed_at', 'is', null)
    .orderBy('created_at')
    .execute()
    .then((rows) => rows.map(openHandoff));
}

// The handoff's language (migration 032), typed here beside the statement that writes it.
declare module './schema.js' {
  interface HandoffsTable {
    language: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
