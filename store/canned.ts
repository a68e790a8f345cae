import type { Db } from './schema.js';

/** Data access for agents' canned responses (the console fills their placeholders). */

/** The tenant's canned responses in the order they were added. */
export async function cannedResponses(db: Db, tenant: string): Promise<{ id: string; title: string; body: string }[]> {
  return db
    .selectFrom('canned_responses')
    .select(['id', 'title', 'body'])
    .where('tenant_id', '=', tenant)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Adds canned responses; an id already present is left as it is (two first reads seed a set once). */
export async function addCannedResponsesOnce(db: Db, tenant: string, responses: { id: string; title: string; body: string }[]): Promise<void> {
  await db
    .insertInto('canned_responses')
    .values(responses.map((r) => ({ id: r.id, tenant_id: tenant, title: r.title, body: r.body })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
