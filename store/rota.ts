import { randomUUID } from 'node:crypto';
import { seal, unseal } from './crypto.js';
import type { Db, RotaEntryRow } from './schema.js';

/**
 * Data access for the duty rota (who is on call for a skill, and when). Validation of entries
 * and the order a referral tries them in live in handoff/referrals/rota.ts.
 */

export async function insertRotaEntry(
  db: Db,
  input: { tenant: string; skill: string; name: string; channel: 'sms' | 'email'; destination: string; startsAt: Date; endsAt: Date; createdBy: string | null },
): Promise<RotaEntryRow> {
  return db
    .insertInto('rota_entries')
    .values({
      id: randomUUID(),
      tenant_id: input.tenant,
      skill: input.skill,
      name: input.name,
      channel: input.channel,
      destination: seal('rota_entries.destination', input.destination),
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      created_by: input.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(openRotaEntry);
}

export async function deleteRotaEntry(db: Db, tenant: string, id: string): Promise<RotaEntryRow | undefined> {
  return db.deleteFrom('rota_entries').where('tenant_id', '=', tenant).where('id', '=', id).returningAll().executeTakeFirst().then((r) => r && openRotaEntry(r));
}

/** Entries not yet ended at `since` (all of them when `since` is null), in start order. */
export async function listRota(db: Db, tenant: string, since: Date | null): Promise<RotaEntryRow[]> {
  let q = db.selectFrom('rota_entries').selectAll().where('tenant_id', '=', tenant);
  if (since) q = q.where('ends_at', '>', since);
  return q.orderBy('skill').orderBy('starts_at').orderBy('created_at', 'desc').limit(1000).execute().then((rows) => rows.map(openRotaEntry));
}

/** Entries for any of `skills` that cover `at` (started, not ended), most recently created first. */
export async function rotaEntriesCovering(db: Db, tenant: string, skills: string[], at: Date): Promise<RotaEntryRow[]> {
  return db
    .selectFrom('rota_entries')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('skill', 'in', skills)
    .where('starts_at', '<=', at)
    .where('ends_at', '>', at)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map(openRotaEntry));
}

/** A rota entry as read: its destination (sealed at rest, store/crypto.ts) in clear. */
export function openRotaEntry(row: RotaEntryRow): RotaEntryRow {
  return { ...row, destination: unseal(row.destination) };
}
