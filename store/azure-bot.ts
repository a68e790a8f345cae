/**
 * What the Azure Bot Service channel (channels/azure-bot) reads beyond a message: the Bot
 * Framework conversation reference (serviceUrl, conversation, the user, the bot's account) a reply
 * is posted to. It is kept in the parts of each inbound message (sealed, as parts are), so no
 * table of its own: the latest one of the conversation is where its replies go.
 */
import { unsealJson } from './crypto.js';
import { fromJson } from './json.js';
import type { Db } from './schema.js';

/** How far back a conversation's inbound messages are looked at for a reference (each carries one). */
const LOOK_BACK = 20;

/** The `key` entry of the parts of the conversation's latest inbound message that carries one. */
export async function latestInboundDetail<T>(db: Db, tenant: string, conversationId: string, key: string): Promise<T | undefined> {
  const rows = await db
    .selectFrom('messages')
    .select('parts')
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .where('parts', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LOOK_BACK)
    .execute();
  for (const row of rows) {
    const parts = fromJson<Record<string, unknown> | null>(unsealJson(row.parts));
    if (parts && parts[key] !== undefined) return parts[key] as T;
  }
  return undefined;
}
