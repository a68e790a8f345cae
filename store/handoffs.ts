import { randomUUID } from 'node:crypto';
import { toJson } from './json.js';
import type { Db, HandoffRow } from './schema.js';

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
  },
): Promise<HandoffRow> {
  return db
    .insertInto('handoffs')
    .values({
      id: randomUUID(),
      tenant_id: input.tenant,
      conversation_id: input.conversationId,
      reason: input.reason,
      priority: input.priority,
      queue: input.queue,
      summary: input.summary,
      context: toJson(input.context),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function openHandoffFor(db: Db, tenant: string, conversationId: string): Promise<HandoffRow | undefined> {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('closed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Raises an open handoff's priority (a safety hit while already queued). */
export async function escalateHandoff(db: Db, tenant: string, id: string, priority: 'urgent' | 'high', reason: string) {
  await db
    .updateTable('handoffs')
    .set({ priority, reason })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

export async function listOpenHandoffs(db: Db, tenant: string): Promise<HandoffRow[]> {
  return db
    .selectFrom('handoffs')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('closed_at', 'is', null)
    .orderBy('created_at')
    .execute();
}
