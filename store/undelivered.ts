import { unsealJson } from './crypto.js';
import type { Db } from './schema.js';

/**
 * Outbound messages of a conversation that have not reached the resident: refused for good
 * (`failed`, an SMS `undelivered`), waiting to be tried again (`send_retry`), held until the
 * resident writes (WhatsApp's 24-hour window: `awaiting_window`) or not sent because they sent
 * STOP (`suppressed_opt_out`). The console shows why beside each (the reason is in its parts).
 */
export const UNDELIVERED_STATUSES = ['failed', 'undelivered', 'send_retry', 'awaiting_window', 'suppressed_opt_out'] as const;
export type UndeliveredStatus = (typeof UNDELIVERED_STATUSES)[number];

/**
 * Their ids (as strings), statuses and parts (where the reason is), oldest first: read together, so a
 * status is never paired with parts from before it was set (the transcript is read separately).
 */
export async function undeliveredOutbound(db: Db, tenant: string, conversationId: string): Promise<{ id: string; status: UndeliveredStatus; parts: unknown }[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'status', 'parts'])
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'out')
    .where('status', 'in', [...UNDELIVERED_STATUSES])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: String(r.id), status: r.status as UndeliveredStatus, parts: r.parts == null ? null : unsealJson(r.parts) }));
}
