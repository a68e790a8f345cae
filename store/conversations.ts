import { randomUUID } from 'node:crypto';
import { sql, type ColumnType, type Compilable } from 'kysely';
import { CompiledOnce } from './compiled-once.js';
import { fromJson, storableText, toJson } from './json.js';
import { openMessageIf, sealParts } from './messages.js';
import { blindIndex, blindIndexCandidates, seal, sealing, sealJson, unseal, unsealJson } from './crypto.js';
import type { ConversationEventRow, ConversationRow, ConversationState, Db, MessageRow } from './schema.js';

export async function ensureTenant(db: Db, id: string, name: string, settings: unknown): Promise<void> {
  await db
    .insertInto('tenants')
    .values({ id, name, settings: toJson(settings) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name, settings: toJson(settings) }))
    .execute();
}

/** Channels whose identity is a phone number the network itself vouches for (not one merely typed). */
export const PHONE_VOUCHED_CHANNELS: ReadonlySet<string> = new Set(['sms', 'voice', 'whatsapp']);
/** The identity row, per council, that joins a number across the channels vouching for it. */
export const PHONE_IDENTITY = 'phone';

/**
 * A phone number in E.164 (+447700900123), or null when it is not one: spaces, dots, dashes and
 * brackets go, a tel:/whatsapp: prefix goes, 00 becomes +, and a UK national number (07700 900123)
 * gets +44. Bare digits without a prefix are left alone (their country is unknown).
 */
export function toE164(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let n = raw.trim().replace(/^(tel|sms|whatsapp):/i, '').replace(/[\s().-]/g, '');
  if (n.startsWith('00')) n = `+${n.slice(2)}`;
  else if (/^0\d{9,10}$/.test(n)) n = `+44${n.slice(1)}`;
  return /^\+[1-9]\d{6,14}$/.test(n) ? n : null;
}

/** Channels whose id for a resident is a phone number: with encryption on, stored as a blind index and sealed beside it. */
const SEALED_IDENTITY_CHANNELS: ReadonlySet<string> = new Set([...PHONE_VOUCHED_CHANNELS, PHONE_IDENTITY]);
const IDENTITY_INDEX = 'hmac:';

/** A channel's id for a resident as stored: channel_user_id (the blind index of a phone channel's id) and channel_user_sealed. */
export function identityColumns(channel: string, channelUserId: string): { channel_user_id: string; channel_user_sealed: string | null } {
  if (!SEALED_IDENTITY_CHANNELS.has(channel) || !sealing('phone_identities')) return { channel_user_id: channelUserId, channel_user_sealed: null };
  return { channel_user_id: `${IDENTITY_INDEX}${blindIndex('identity', channelUserId)}`, channel_user_sealed: seal('phone_identities', channelUserId) };
}

/** Every form a stored channel_user_id of this id may take: the id itself (rows in clear) and its blind index under each key. */
export function identityKeys(channel: string, channelUserId: string): string[] {
  if (!SEALED_IDENTITY_CHANNELS.has(channel)) return [channelUserId];
  return [channelUserId, ...blindIndexCandidates('identity', channelUserId).map((ix) => `${IDENTITY_INDEX}${ix}`)];
}

/** A row's channel id as read: the sealed id when there is one. */
export function openIdentity<T extends { channel_user_id: string; channel_user_sealed?: string | null }>(row: T): T {
  if (!row.channel_user_sealed) return row;
  return { ...row, channel_user_id: unseal(row.channel_user_sealed) };
}

/** The contact linked to a channel identity (an SMS number, say), if any. */
export async function contactIdForIdentity(db: Db, tenant: string, channel: string, channelUserId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_identities')
    .select('contact_id')
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('channel_user_id', 'in', identityKeys(channel, channelUserId))
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.contact_id;
}

/** The contact an identity points at, creating both when new (race-safe: a lost race uses the winner's). */
async function identityContact(db: Db, tenant: string, channel: string, channelUserId: string, seed?: () => Promise<string | undefined>): Promise<string> {
  for (;;) {
    const existing = await contactIdForIdentity(db, tenant, channel, channelUserId);
    if (existing) return existing;
    const seeded = await seed?.();
    const id = seeded ?? randomUUID();
    if (!seeded) await db.insertInto('contacts').values({ id, tenant_id: tenant }).execute();
    const inserted = await db
      .insertInto('contact_identities')
      .values({ tenant_id: tenant, channel, ...identityColumns(channel, channelUserId), contact_id: id })
      .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'channel_user_id']).doNothing())
      .returning('contact_id')
      .executeTakeFirst();
    if (inserted) return inserted.contact_id;
    // Another process created the identity first: use theirs.
    if (!seeded) await db.deleteFrom('contacts').where('id', '=', id).execute();
  }
}

/**
 * One resident across channels: the identity (channel + id on it) points at a contact. A number
 * the channel vouches for (an SMS sender, a caller, a WhatsApp number) is one contact per council
 * whichever of those channels it came by: the `phone` identity of its E.164 form decides the
 * contact, and the channel's own identity is pointed at it. Anything else (a web chat, a withheld
 * caller, a number or e-mail merely typed) stays an identity of its own channel.
 */
export async function findOrCreateContact(db: Db, tenant: string, channel: string, channelUserId: string): Promise<string> {
  const phone = PHONE_VOUCHED_CHANNELS.has(channel) ? toE164(channelUserId) : null;
  if (!phone) return identityContact(db, tenant, channel, channelUserId);
  // A channel identity recorded before numbers were joined seeds the number's contact (its flags, such as an SMS opt-out, stay with it).
  const seed = async () =>
    (
      await db
        .selectFrom('contact_identities')
        .select('contact_id')
        .where('tenant_id', '=', tenant)
        .where('channel', '=', channel)
        .where('channel_user_id', 'in', identityKeys(channel, channelUserId))
        .orderBy('created_at')
        .executeTakeFirst()
    )?.contact_id;
  const contactId = await identityContact(db, tenant, PHONE_IDENTITY, phone, seed);
  // The channel's identity follows the number's contact (readers such as the SMS opt-out look it up by channel).
  // The row may be under an older key's index (or in clear): point every form at the contact, and add one only when none exists.
  const forms = await db
    .updateTable('contact_identities')
    .set({ contact_id: contactId })
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('channel_user_id', 'in', identityKeys(channel, channelUserId))
    .returning('contact_id')
    .execute();
  if (forms.length) return contactId;
  await db
    .insertInto('contact_identities')
    .values({ tenant_id: tenant, channel, ...identityColumns(channel, channelUserId), contact_id: contactId })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'channel', 'channel_user_id'])
        .doUpdateSet({ contact_id: contactId })
        .where('contact_identities.contact_id', '<>', contactId),
    )
    .execute();
  return contactId;
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
      ...identityColumns(input.channel, input.channelUserId ?? id),
      token_hash: input.tokenHash ?? null,
      contact_id: input.contactId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(openConversation);
}

/**
 * A new web or API conversation in one statement (issue 11: a start was five): its contact, the
 * contact's identity, the conversation and its greeting, as findOrCreateContact, createConversation
 * and storeOutbound would write them. Compiled once (compiled-once.ts). Arguments: tenant, channel,
 * contact id, channel user id, conversation id, token hash, greeting text, greeting parts.
 */
const START_CONVERSATION = new CompiledOnce<{ id: string }>(
  (db, v) =>
    db
      .with('contact', (d) => d.insertInto('contacts').values({ id: v(2), tenant_id: v(0) }))
      .with('identity', (d) =>
        d.insertInto('contact_identities').values({ tenant_id: v(0), channel: v(1), channel_user_id: v(3), channel_user_sealed: null, contact_id: v(2) }),
      )
      .with('conversation', (d) =>
        d
          .insertInto('conversations')
          .values({ id: v(4), tenant_id: v(0), channel: v(1), channel_user_id: v(3), channel_user_sealed: null, token_hash: v(5), contact_id: v(2) })
          .returning('id'),
      )
      .with('greeting', (d) =>
        d.insertInto('messages').values({
          tenant_id: v(0),
          conversation_id: v(4),
          channel: v(1),
          direction: 'out',
          author: 'bot',
          provider_message_id: null,
          text: v(6),
          parts: v(7),
          status: 'stored',
          reply_to: null,
        }),
      )
      .selectFrom('conversation')
      .select('id') as unknown as Compilable<{ id: string }>,
);

/**
 * Starts a conversation on a channel whose resident id was just made (a web chat or API client: a
 * fresh random id, so no identity can exist yet and none is looked up), greeting included. Returns
 * the conversation's id. Phone-vouched channels go through findOrCreateContact instead.
 */
export async function startConversation(
  db: Db,
  input: { tenant: string; channel: string; channelUserId: string; tokenHash: string; greeting: { text: string; parts: unknown } },
): Promise<string> {
  if (SEALED_IDENTITY_CHANNELS.has(input.channel)) throw new Error(`startConversation: channel "${input.channel}" identifies residents by phone number (findOrCreateContact)`);
  const id = randomUUID();
  const rows = await START_CONVERSATION.execute(db, [
    input.tenant,
    input.channel,
    randomUUID(),
    input.channelUserId,
    id,
    input.tokenHash,
    seal('messages.text', storableText(input.greeting.text)),
    sealParts(input.greeting.parts),
  ]);
  if (rows.length !== 1) throw new Error('startConversation: the conversation was not stored');
  return id;
}

export async function findConversation(db: Db, tenant: string, id: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst()
    .then(openConversationIf);
}

/** Finds a conversation by id alone: the API then checks the caller's token, which binds the tenant. */
export async function findConversationById(db: Db, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst().then(openConversationIf);
}

/** Takes the conversation's row lock for the rest of the transaction: one turn at a time, across processes. */
export async function lockConversation(db: Db, tenant: string, id: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
    .then(openConversationIf);
}

/**
 * Runs `fn` in one transaction holding a lock on a channel identity (tenant, channel, id on it),
 * across processes (a PostgreSQL advisory lock, released at commit): two first messages from the
 * same number at once resolve one after the other, so they find one conversation, not two.
 */
export async function withIdentityLock<T>(
  db: Db,
  identity: { tenant: string; channel: string; channelUserId: string },
  fn: (trx: Db) => Promise<T>,
): Promise<T> {
  const run = async (trx: Db) => {
    const key = JSON.stringify(['conversation', identity.tenant, identity.channel, identity.channelUserId]);
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    return fn(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The identity's most recent conversation on that channel. */
export async function latestConversationFor(db: Db, tenant: string, channel: string, channelUserId: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('channel_user_id', 'in', identityKeys(channel, channelUserId))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then(openConversationIf);
}

/**
 * The conversation a message from a channel identity belongs to: its latest conversation when
 * `reuse` accepts it, otherwise a new one for the identity's contact (an older conversation a
 * person may still hold stays theirs; the resident starts afresh). Call it inside
 * `withIdentityLock` (it takes the lock itself when given the root database).
 */
export async function resolveConversation(
  db: Db,
  input: { tenant: string; channel: string; channelUserId: string; reuse: (latest: ConversationRow, trx: Db) => boolean | Promise<boolean> },
): Promise<{ conversation: ConversationRow; created: boolean }> {
  return withIdentityLock(db, input, async (trx) => {
    const latest = await latestConversationFor(trx, input.tenant, input.channel, input.channelUserId);
    if (latest && (await input.reuse(latest, trx))) return { conversation: latest, created: false };
    const contactId = await findOrCreateContact(trx, input.tenant, input.channel, input.channelUserId);
    const conversation = await createConversation(trx, { tenant: input.tenant, channel: input.channel, channelUserId: input.channelUserId, contactId });
    return { conversation, created: true };
  });
}

/** Open, and active within `resumeWithinMs` of `now`: a text resumes it (the SMS rule). */
export function resumable(conversation: ConversationRow, resumeWithinMs: number, now: Date): boolean {
  const lastActive = conversation.last_message_at ?? conversation.created_at;
  return conversation.state !== 'closed' && !!lastActive && now.getTime() - new Date(lastActive).getTime() <= resumeWithinMs;
}

/** An inbound message already stored under this provider id (a redelivery), if any. */
export async function inboundByProviderId(db: Db, tenant: string, channel: string, providerMessageId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('channel', '=', channel)
    .where('direction', '=', 'in')
    .where('provider_message_id', '=', storableText(providerMessageId))
    .executeTakeFirst()
    .then(openMessageIf);
}

/** Stores the dialogue after a turn. The state is not written here: conversations/lifecycle.ts changes it. */
export async function saveDialogue(db: Db, tenant: string, id: string, dialogue: unknown, now = new Date()): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ dialogue: sealJson('conversations.dialogue', toJson(dialogue)), updated_at: now, last_message_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

/** A message was added to the conversation (an agent's reply): it is active now. */
export async function touchConversation(db: Db, tenant: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ last_message_at: now, updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

/**
 * Moves the conversation from `from` to `to`, only if it is still in `from` (undefined otherwise);
 * `closed_at` is set on closing and cleared on leaving `closed`. Called by conversations/lifecycle.ts
 * only, which decides whether the change is allowed and records it.
 */
export async function setConversationState(
  db: Db,
  tenant: string,
  id: string,
  change: { from: ConversationState; to: ConversationState; now: Date },
): Promise<ConversationRow | undefined> {
  const closedAt = change.to === 'closed' ? { closed_at: change.now } : change.from === 'closed' ? { closed_at: null } : {};
  return db
    .updateTable('conversations')
    .set({ state: change.to, updated_at: change.now, ...closedAt })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('state', '=', change.from)
    .returningAll()
    .executeTakeFirst()
    .then(openConversationIf);
}

/** One change of state in the conversation's history (conversation_events, migration 008). */
export async function recordConversationEvent(
  db: Db,
  event: {
    tenant: string;
    conversationId: string;
    from: ConversationState;
    to: ConversationState;
    cause: string;
    actor: { type: 'resident' | 'agent' | 'system'; id: string | null };
    handoffId: string | null;
    noticeMessageId: string | null;
    at: Date;
  },
): Promise<ConversationEventRow> {
  return db
    .insertInto('conversation_events')
    .values({
      tenant_id: event.tenant,
      conversation_id: event.conversationId,
      from_state: event.from,
      to_state: event.to,
      cause: event.cause,
      actor_type: event.actor.type,
      actor_id: event.actor.id,
      handoff_id: event.handoffId,
      notice_message_id: event.noticeMessageId,
      created_at: event.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The conversation's state changes, oldest first. */
export async function conversationEvents(db: Db, tenant: string, conversationId: string): Promise<ConversationEventRow[]> {
  return db
    .selectFrom('conversation_events')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .execute();
}

/** Records a phone number or e-mail address the resident gave (with consent) on their contact. */
export async function updateContactDetails(db: Db, tenant: string, contactId: string, details: { phone?: string; email?: string }, now = new Date()): Promise<void> {
  if (!details.phone && !details.email) return;
  await db
    .updateTable('contacts')
    .set({ ...(details.phone ? contactPhoneColumns(details.phone) : {}), ...(details.email ? contactEmailColumns(details.email) : {}), updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', contactId)
    .execute();
}

/** A contact's phone as stored: sealed (store/crypto.ts), with its blind index over the E.164 form. */
export function contactPhoneColumns(phone: string): { phone: string; phone_index: string | null } {
  return { phone: seal('contacts.phone', phone), phone_index: blindIndex('phone', toE164(phone) ?? phone) };
}

/** A contact's e-mail as stored: sealed, with its blind index over the lower-case form. */
export function contactEmailColumns(email: string): { email: string; email_index: string | null } {
  return { email: seal('contacts.email', email), email_index: blindIndex('email', email) };
}

/** A conversation row as read: its dialogue (sealed at rest, store/crypto.ts) as its JSON value. */
export function openConversation(row: ConversationRow): ConversationRow {
  return openIdentity({ ...row, dialogue: unsealJson(row.dialogue) });
}

export function openConversationIf(row: ConversationRow | undefined): ConversationRow | undefined {
  return row && openConversation(row);
}

export function dialogueOf<T>(row: ConversationRow): T {
  return fromJson<T>(unsealJson(row.dialogue));
}

export async function countConversations(db: Db, tenant: string, state?: ConversationState): Promise<number> {
  let q = db.selectFrom('conversations').select(sql<string>`count(*)`.as('n')).where('tenant_id', '=', tenant);
  if (state) q = q.where('state', '=', state);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

// Languages (migration 032): the conversation's, and the one remembered on the resident's contact.
// Typed here, beside the statements that read and write them (store/turns.ts: the turn's lock and record).
declare module './schema.js' {
  interface ConversationsTable {
    language: ColumnType<string | null, string | null | undefined, string | null>;
  }
  interface ContactsTable {
    language: ColumnType<string | null, string | null | undefined, string | null>;
  }
}
