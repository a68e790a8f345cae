import { randomUUID } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import type { CannedResponsesTable, Database, Db } from './schema.js';

/**
 * Data access for agents' canned responses (the console fills their placeholders). Migration 031
 * adds a skill (null: for the whole council) and keeps removed ones marked, so a council that
 * removed the demo set never has it seeded back.
 */

type CannedTable = CannedResponsesTable & {
  skill: string | null;
  updated_at: ColumnType<Date | null, Date | undefined, Date>;
  deleted_at: ColumnType<Date | null, Date | undefined, Date>;
};
type CannedDatabase = Omit<Database, 'canned_responses'> & { canned_responses: CannedTable };
const cd = (db: Db) => db as unknown as Kysely<CannedDatabase>;

export interface CannedResponseRow {
  id: string;
  title: string;
  body: string;
  skill: string | null;
}

/** The tenant's canned responses in the order they were added (removed ones left out). */
export async function cannedResponses(db: Db, tenant: string): Promise<CannedResponseRow[]> {
  return cd(db)
    .selectFrom('canned_responses')
    .select(['id', 'title', 'body', 'skill'])
    .where('tenant_id', '=', tenant)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Adds canned responses; an id already present (even removed) is left as it is (two first reads seed a set once). */
export async function addCannedResponsesOnce(db: Db, tenant: string, responses: { id: string; title: string; body: string }[]): Promise<void> {
  await db
    .insertInto('canned_responses')
    .values(responses.map((r) => ({ id: r.id, tenant_id: tenant, title: r.title, body: r.body })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Whether the tenant has ever had a canned response (removed ones count): the demo set is seeded only where not. */
export async function everHadCannedResponses(db: Db, tenant: string): Promise<boolean> {
  const row = await cd(db).selectFrom('canned_responses').select('id').where('tenant_id', '=', tenant).limit(1).executeTakeFirst();
  return !!row;
}

export async function createCannedResponse(db: Db, tenant: string, input: { title: string; body: string; skill: string | null }, now: Date): Promise<CannedResponseRow> {
  const row = { id: randomUUID(), title: input.title, body: input.body, skill: input.skill };
  await cd(db)
    .insertInto('canned_responses')
    .values({ ...row, tenant_id: tenant, created_at: now, updated_at: now })
    .execute();
  return row;
}

/** Changes one of the tenant's canned responses; undefined when there is no such (live) response. */
export async function updateCannedResponse(db: Db, tenant: string, id: string, input: { title: string; body: string; skill: string | null }, now: Date): Promise<CannedResponseRow | undefined> {
  return cd(db)
    .updateTable('canned_responses')
    .set({ title: input.title, body: input.body, skill: input.skill, updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(['id', 'title', 'body', 'skill'])
    .executeTakeFirst();
}

/** Removes one (kept marked, see above); false when there was no such live response. */
export async function deleteCannedResponse(db: Db, tenant: string, id: string, now: Date): Promise<CannedResponseRow | undefined> {
  return cd(db)
    .updateTable('canned_responses')
    .set({ deleted_at: now, updated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(['id', 'title', 'body', 'skill'])
    .executeTakeFirst();
}
