import type { Selectable } from 'kysely';
import { fromJson, toJson } from './json.js';
import type { ContactIdentitiesTable, ContactsTable, Db } from './schema.js';

/**
 * Reads of residents' contact records and their flags (an SMS opt-out, say). Finding or creating
 * a contact for a channel identity is in conversations.ts.
 */

export async function contactById(db: Db, tenant: string, id: string): Promise<Selectable<ContactsTable> | undefined> {
  return db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
}

/** Every channel identity of a contact, first linked first. */
export async function contactIdentities(db: Db, tenant: string, contactId: string): Promise<Pick<Selectable<ContactIdentitiesTable>, 'channel' | 'channel_user_id'>[]> {
  return db
    .selectFrom('contact_identities')
    .select(['channel', 'channel_user_id'])
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .orderBy('created_at')
    .execute();
}

/** The contact linked to a channel identity (an SMS number, say), if any. */
export async function contactIdForIdentity(db: Db, tenant: string, channel: string, channelUserId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_identities')
    .select('contact_id')
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('channel_user_id', '=', channelUserId)
    .executeTakeFirst();
  return row?.contact_id;
}

/** How to reach a contact, as they gave it: phone and e-mail (either may be null). */
export async function contactPhoneAndEmail(db: Db, contactId: string): Promise<{ phone: string | null; email: string | null } | undefined> {
  return db.selectFrom('contacts').select(['phone', 'email']).where('id', '=', contactId).executeTakeFirst();
}

/** A contact's flags (strings only); none for an unknown contact. */
export async function contactFlags(db: Db, contactId: string): Promise<string[]> {
  const row = await db.selectFrom('contacts').select('flags').where('id', '=', contactId).executeTakeFirst();
  const flags = row ? fromJson<unknown>(row.flags) : [];
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [];
}

/** Takes the contact's row lock for the rest of the transaction: flag changes one at a time. */
export async function lockContact(db: Db, contactId: string): Promise<void> {
  await db.selectFrom('contacts').select('id').where('id', '=', contactId).forUpdate().executeTakeFirst();
}

/** Replaces a contact's flags. */
export async function setContactFlags(db: Db, tenant: string, contactId: string, flags: string[], now: Date): Promise<void> {
  await db.updateTable('contacts').set({ flags: toJson(flags), updated_at: now }).where('id', '=', contactId).where('tenant_id', '=', tenant).execute();
}
