import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { fromJson, toJson } from './json.js';
import type { ConversationRow, ConversationState, Db } from './schema.js';

export async function ensureTenant(db: Db, id: string, name: string, settings: unknown): Promise<void> {
  await db
    .insertInto('tenants')
    .values({ id, name, settings: toJson(settings) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name, settings: toJson(settings) }))
    .execute();
}

/** One resident across channels: the identity (channel + id on it) points at a contact. */
export async function findOrCreateContact(
  db: Db,
  tenant: string,
  channel: string,
  channelUserId: string,
): Promise<string> {
  const existing = await db
    .selectFrom('contact_identities')
    .select('contact_id')
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('channel_user_id', '=', channelUserId)
    .executeTakeFirst();
  if (existing) return existing.contact_id;
  const id = randomUUID();
  await db.insertInto('contacts').values({ id, tenant_id: tenant }).execute();
  const inserted = await db
    .insertInto('contact_identities')
    .values({ tenant_id: tenant, channel, channel_user_id: channelUserId, contact_id: id })
    .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'channel_user_id']).doNothing())
    .returning('contact_id')
    .executeTakeFirst();
  if (inserted) return inserted.contact_id;
  // Another process created the identity first: use theirs.
  await db.deleteFrom('contacts').where('id', '=', id).execute();
  return findOrCreateContact(db, tenant, channel, channelUserId);
}

export async function createConversation(
  db: Db,
  input: { tenant: string; channel: string; channelUserId?: string; tokenHash?: string; contactId?: string },
): Promise<ConversationRow> {
  const id = randomUUID();
  return db
    .insertInto('conversations')
    .values({
      id,
      tenant_id: input.tenant,
      channel: input.channel,
      channel_user_id: input.channelUserId ?? id,
      token_hash: input.tokenHash ?? null,
      contact_id: input.contactId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findConversation(db: Db, tenant: string, id: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Finds a conversation by id alone: the API then checks the caller's token, which binds the tenant. */
export async function findConversationById(db: Db, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes the conversation's row lock for the rest of the transaction: one turn at a time, across processes. */
export async function lockConversation(db: Db, tenant: string, id: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveDialogue(
  db: Db,
  tenant: string,
  id: string,
  dialogue: unknown,
  state?: ConversationState,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set({
      dialogue: toJson(dialogue),
      updated_at: new Date(),
      last_message_at: new Date(),
      ...(state ? { state } : {}),
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

export function dialogueOf<T>(row: ConversationRow): T {
  return fromJson<T>(row.dialogue);
}

export async function countConversations(db: Db, tenant: string, state?: ConversationState): Promise<number> {
  let q = db.selectFrom('conversations').select(sql<string>`count(*)`.as('n')).where('tenant_id', '=', tenant);
  if (state) q = q.where('state', '=', state);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
