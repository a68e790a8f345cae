import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { fromJson, toJson } from './json.js';
import { contactIdForIdentity, identityColumns, openIdentity, PHONE_IDENTITY, toE164 } from './conversations.js';
import { blindIndex, blindIndexCandidates, seal, unseal } from './crypto.js';
import type { ContactClaimsTable, ContactIdentitiesTable, ContactsTable, Db } from './schema.js';
import { ofCouncils } from './served-councils.js';

/**
 * Reads of residents' contact records and their flags (an SMS opt-out, say). Finding or creating
 * a contact for a channel identity is in conversations.ts.
 */

export async function contactById(db: Db, tenant: string, id: string): Promise<Selectable<ContactsTable> | undefined> {
  const row = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return row && openContact(row);
}

/** A contact row as read: phone and e-mail (sealed at rest, store/crypto.ts) in clear. */
export function openContact<T extends { phone: string | null; email: string | null }>(row: T): T {
  return { ...row, phone: unseal(row.phone), email: unseal(row.email) };
}

/** Every channel identity of a contact, first linked first. */
export async function contactIdentities(db: Db, tenant: string, contactId: string): Promise<Pick<Selectable<ContactIdentitiesTable>, 'channel' | 'channel_user_id'>[]> {
  const rows = await db
    .selectFrom('contact_identities')
    .select(['channel', 'channel_user_id', 'channel_user_sealed'])
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const { channel, channel_user_id } = openIdentity(r);
    return { channel, channel_user_id };
  });
}


/** How to reach a contact, as they gave it: phone and e-mail (either may be null). */
export async function contactPhoneAndEmail(db: Db, contactId: string): Promise<{ phone: string | null; email: string | null } | undefined> {
  const row = await db.selectFrom('contacts').select(['phone', 'email']).where('id', '=', contactId).executeTakeFirst();
  return row && openContact(row);
}

/** The language remembered on a contact (migration 032: their last choice, or what they wrote in); null when none. */
export async function contactLanguage(db: Db, contactId: string): Promise<string | null> {
  const row = await db.selectFrom('contacts').select('language').where('id', '=', contactId).executeTakeFirst();
  return row?.language ?? null;
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

// ---- Claims: a phone number or e-mail a resident typed, unverified until a one-time code links it.

export type ContactClaim = Selectable<ContactClaimsTable>;

/** How a claim's value is kept: a phone in E.164 (as typed when it is not one), an e-mail in lower case. */
export function claimValue(kind: 'phone' | 'email', raw: string): string {
  return kind === 'phone' ? (toE164(raw) ?? raw.trim()) : raw.trim().toLowerCase();
}

/**
 * Records that the contact gave this phone number or e-mail, unverified (a repeat is the same
 * claim). Never an identity: the number's own contact, if any, stays apart until a code links them.
 */
/** The contact's claim on this phone number or e-mail, if they made one (the value in clear). */
export async function findContactClaim(db: Db, tenant: string, contactId: string, kind: 'phone' | 'email', raw: string): Promise<ContactClaim | undefined> {
  const value = claimValue(kind, raw);
  // The value is sealed (a random IV each time), so the same claim is found by its blind index, or by the value for a row in clear.
  const found = await db
    .selectFrom('contact_claims')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('value', '=', value), ...blindIndexCandidates(kind, value).map((ix) => eb('value_index', '=', ix))]))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return found && openClaim(found);
}

export async function recordContactClaim(db: Db, tenant: string, contactId: string, kind: 'phone' | 'email', raw: string): Promise<ContactClaim> {
  const found = await findContactClaim(db, tenant, contactId, kind, raw);
  if (found) return found;
  const value = claimValue(kind, raw);
  await db
    .insertInto('contact_claims')
    .values({ id: randomUUID(), tenant_id: tenant, contact_id: contactId, kind, value: seal('contact_claims.value', value), value_index: blindIndex(kind, value) })
    // Any unique conflict (the clear value's, or the blind index's): another turn recorded it first.
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await findContactClaim(db, tenant, contactId, kind, raw))!;
}

/** A claim as read: its value (sealed at rest) in clear. */
export function openClaim(claim: ContactClaim): ContactClaim {
  return { ...claim, value: unseal(claim.value) };
}

/** A contact's claims, first given first. */
export async function claimsOfContact(db: Db, tenant: string, contactId: string): Promise<ContactClaim[]> {
  return (await db.selectFrom('contact_claims').selectAll().where('tenant_id', '=', tenant).where('contact_id', '=', contactId).orderBy('created_at').orderBy('id').execute()).map(openClaim);
}

/**
 * The other contact a number belongs to because a channel vouched for it (they texted or called
 * from it), with their conversations per channel; none when it is this contact's own or nobody's.
 */
export async function vouchedHolderOfPhone(
  db: Db,
  tenant: string,
  phone: string,
  exceptContactId: string,
): Promise<{ contactId: string; conversations: number; channels: string[] } | undefined> {
  const holder = await contactIdForIdentity(db, tenant, PHONE_IDENTITY, phone);
  if (!holder || holder === exceptContactId) return undefined;
  const rows = await db
    .selectFrom('conversations')
    .select(['channel', sql<string>`count(*)`.as('n')])
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', holder)
    .groupBy('channel')
    .orderBy('channel')
    .execute();
  return { contactId: holder, conversations: rows.reduce((sum, r) => sum + Number(r.n), 0), channels: rows.map((r) => r.channel) };
}

/** A one-time code as stored: a random salt and the SHA-256 of salt and code (never the code). */
export function hashClaimCode(code: string, salt = randomBytes(16).toString('hex')): { salt: string; hash: string } {
  return { salt, hash: createHash('sha256').update(`${salt}:${code}`).digest('hex') };
}

/** Whether `code` is the claim's code (compared in constant time). */
export function claimCodeMatches(claim: Pick<ContactClaim, 'code_salt' | 'code_hash'>, code: string): boolean {
  if (!claim.code_salt || !claim.code_hash) return false;
  const given = Buffer.from(hashClaimCode(code, claim.code_salt).hash, 'hex');
  const stored = Buffer.from(claim.code_hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Asks for a fresh code for the claim, valid until `expiresAt`: the text is sent after the turn commits (a job, then a sweep). */
export async function requestClaimCode(db: Db, tenant: string, claimId: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('contact_claims')
    .set({ code_requested_at: now, code_sent_at: null, code_expires_at: expiresAt, code_salt: null, code_hash: null, code_attempts: 0, code_used_at: null })
    .where('tenant_id', '=', tenant)
    .where('id', '=', claimId)
    .where('verified_at', 'is', null)
    .execute();
}

/**
 * Takes a requested, unsent, unexpired code for sending: stores its hash and the time, only if no
 * other worker took it first. The claim's number (E.164) and council, or undefined.
 */
export async function takeClaimCodeToSend(db: Db, claimId: string, now: Date, code: { salt: string; hash: string }): Promise<{ tenant: string; phone: string } | undefined> {
  const row = await db
    .updateTable('contact_claims')
    .set({ code_sent_at: now, code_salt: code.salt, code_hash: code.hash })
    .where('id', '=', claimId)
    .where('kind', '=', 'phone')
    .where('code_requested_at', 'is not', null)
    .where('code_sent_at', 'is', null)
    .where('verified_at', 'is', null)
    .where('code_expires_at', '>', now)
    .returning(['tenant_id', 'value'])
    .executeTakeFirst();
  return row ? { tenant: row.tenant_id, phone: unseal(row.value) } : undefined;
}

/** A send that failed (and will be retried): the code that never went is forgotten. */
export async function releaseClaimCode(db: Db, claimId: string): Promise<void> {
  await db.updateTable('contact_claims').set({ code_sent_at: null, code_salt: null, code_hash: null }).where('id', '=', claimId).where('code_used_at', 'is', null).execute();
}

/** Whether the claim exists (a job may run before the turn that asked for it has committed). */
export async function claimExists(db: Db, claimId: string): Promise<boolean> {
  return !!(await db.selectFrom('contact_claims').select('id').where('id', '=', claimId).executeTakeFirst());
}

/**
 * Codes asked for before `before`, not yet sent and not expired at `now`: the sweep's work (a
 * stopped process, a lost job). Only the given councils' when `tenants` is given.
 */
export async function claimCodesToSend(
  db: Db,
  before: Date,
  now: Date,
  { tenants, limit = 100 }: { tenants?: Iterable<string>; limit?: number } = {},
): Promise<{ id: string; code_requested_at: Date | null }[]> {
  // A process sends only its own councils' codes: another process or deployment sharing the database sends theirs.
  return db
    .selectFrom('contact_claims')
    .select(['id', 'code_requested_at'])
    .where(ofCouncils(tenants))
    .where('code_requested_at', 'is not', null)
    .where('code_requested_at', '<', before)
    .where('code_sent_at', 'is', null)
    .where('verified_at', 'is', null)
    .where('code_expires_at', '>', now)
    .orderBy('code_requested_at')
    .limit(limit)
    .execute();
}

/** The contact's latest code asked for since `since`, locked for the rest of the transaction (attempts one at a time). */
export async function latestClaimCode(db: Db, tenant: string, contactId: string, since: Date): Promise<ContactClaim | undefined> {
  return db
    .selectFrom('contact_claims')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', contactId)
    .where('code_requested_at', '>=', since)
    .orderBy('code_requested_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
    .then((c) => c && openClaim(c));
}

/** One more wrong attempt at the claim's code. */
export async function recordClaimCodeAttempt(db: Db, claimId: string): Promise<number> {
  const row = await db
    .updateTable('contact_claims')
    .set((eb) => ({ code_attempts: eb('code_attempts', '+', 1) }))
    .where('id', '=', claimId)
    .returning('code_attempts')
    .executeTakeFirstOrThrow();
  return row.code_attempts;
}

/**
 * A correct code: the claim is verified and its code used up, and the contact becomes one with the
 * number's. The number's contact (the one that texts or calls from it, which keeps its SMS opt-out)
 * absorbs this one: conversations, cases, identities and claims move to it and this contact goes,
 * all in the caller's transaction. Nobody holds the number yet: it becomes this contact's identity,
 * so its texts and calls join it. Returns the contact the resident now is.
 */
export async function linkPhoneClaim(db: Db, tenant: string, claim: Pick<ContactClaim, 'id' | 'contact_id' | 'value'>, now: Date): Promise<string> {
  await db
    .updateTable('contact_claims')
    .set({ verified_at: now, code_used_at: now })
    .where('id', '=', claim.id)
    .execute();
  // Looked up first: the number's identity may be under an older key's blind index, which an insert would not meet.
  const holder = await contactIdForIdentity(db, tenant, PHONE_IDENTITY, claim.value);
  const inserted = holder ? { contact_id: holder } : await db
    .insertInto('contact_identities')
    .values({ tenant_id: tenant, channel: PHONE_IDENTITY, ...identityColumns(PHONE_IDENTITY, claim.value), contact_id: claim.contact_id })
    .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'channel_user_id']).doNothing())
    .returning('contact_id')
    .executeTakeFirst();
  const target = inserted?.contact_id ?? (await contactIdForIdentity(db, tenant, PHONE_IDENTITY, claim.value))!;
  if (target !== claim.contact_id) await mergeContactInto(db, tenant, claim.contact_id, target, now);
  return target;
}

/** Moves everything of contact `from` to contact `into` and removes `from` (details and flags `into` lacks are kept). */
async function mergeContactInto(db: Db, tenant: string, from: string, into: string, now: Date): Promise<void> {
  // Read as stored (sealed values and their blind indexes move together, unopened).
  const source = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenant).where('id', '=', from).executeTakeFirst();
  await lockContact(db, into);
  await db.updateTable('conversations').set({ contact_id: into }).where('tenant_id', '=', tenant).where('contact_id', '=', from).execute();
  await db.updateTable('cases').set({ contact_id: into }).where('tenant_id', '=', tenant).where('contact_id', '=', from).execute();
  await db.updateTable('contact_identities').set({ contact_id: into }).where('tenant_id', '=', tenant).where('contact_id', '=', from).execute();
  // The same value claimed by both: the moving claim (perhaps just verified) wins.
  await db
    .deleteFrom('contact_claims')
    .where('tenant_id', '=', tenant)
    .where('contact_id', '=', into)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_claims as f')
          .select('f.id')
          .where('f.contact_id', '=', from)
          .whereRef('f.kind', '=', 'contact_claims.kind')
          .where((w) => w.or([w('f.value', '=', w.ref('contact_claims.value')), w('f.value_index', '=', w.ref('contact_claims.value_index'))])),
      ),
    )
    .execute();
  await db.updateTable('contact_claims').set({ contact_id: into }).where('tenant_id', '=', tenant).where('contact_id', '=', from).execute();
  const target = await db.selectFrom('contacts').selectAll().where('tenant_id', '=', tenant).where('id', '=', into).executeTakeFirst();
  if (source && target) {
    const flags = [...new Set([...flagList(target.flags), ...flagList(source.flags)])];
    await db
      .updateTable('contacts')
      .set({
        ...(target.phone ? {} : { phone: source.phone, phone_index: source.phone_index }),
        ...(target.email ? {} : { email: source.email, email_index: source.email_index }),
        display_name: target.display_name ?? source.display_name,
        flags: toJson(flags),
        updated_at: now,
      })
      .where('id', '=', into)
      .execute();
  }
  await db.deleteFrom('contacts').where('tenant_id', '=', tenant).where('id', '=', from).execute();
}

function flagList(raw: unknown): string[] {
  const flags = fromJson<unknown>(raw);
  return Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [];
}
