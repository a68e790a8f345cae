/** Small reads the agent console's HTTP and socket handlers need (api/console), kept here with the rest of the SQL. */
import { openHandoffIf } from './handoffs.js';
import { fromJson } from './json.js';
import type { Db, HandoffRow } from './schema.js';

/** Every council id in the tenants table (a shared database may hold other servers' councils). */
export async function listTenantIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('tenants').select('id').execute()).map((r) => r.id);
}

/** The council's enabled agents, by name: transfer targets (names, presence and skills only). */
export async function listTransferAgents(db: Db, tenant: string): Promise<{ id: string; name: string; status: 'available' | 'busy' | 'away'; skills: string[] }[]> {
  const rows = await db
    .selectFrom('agents')
    .select(['id', 'name', 'status', 'skills'])
    .where('tenant_id', '=', tenant)
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map((r) => {
    const skills = fromJson<unknown>(r.skills);
    return { id: r.id, name: r.name, status: r.status, skills: Array.isArray(skills) ? skills.filter((s): s is string => typeof s === 'string') : [] };
  });
}

/** What a new-handoff alert needs to know of a handoff: who may open it and whether it still waits. */
export async function findHandoffForAlert(
  db: Db,
  tenant: string,
  handoffId: string,
): Promise<Pick<HandoffRow, 'priority' | 'queue' | 'reason' | 'offered_to' | 'agent_id' | 'context' | 'closed_at'> | undefined> {
  return db
    .selectFrom('handoffs')
    .select(['priority', 'queue', 'reason', 'offered_to', 'agent_id', 'context', 'closed_at'])
    .where('tenant_id', '=', tenant)
    .where('id', '=', handoffId)
    .executeTakeFirst()
    .then(openHandoffIf);
}
