/**
 * Languages for routing and the console (issue 17, migration 032): the language of each waiting
 * handoff (its own, else its conversation's), the languages agents speak (migration 027), and the
 * language of listed conversations. Values other than the known codes read as unknown (null).
 */
import type { Kysely } from 'kysely';
import type { Db } from './schema.js';
import { staffLanguages } from './staff-admin.js';

/** The agents' languages column (migration 027), typed in store/staff-admin.ts's own view of the table. */
type AgentLanguagesDb = Kysely<{ agents: { id: string; tenant_id: string; languages: unknown } }>;

const KNOWN = new Set(['en', 'cy']);
const known = (value: unknown): string | null => (typeof value === 'string' && KNOWN.has(value) ? value : null);

/** handoff id → language, for the open handoffs nobody holds whose language is known. */
export async function waitingHandoffLanguages(db: Db, tenant: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('handoffs as h')
    .innerJoin('conversations as c', (j) => j.onRef('c.id', '=', 'h.conversation_id').onRef('c.tenant_id', '=', 'h.tenant_id'))
    .select(['h.id', 'h.language', 'c.language as conversation_language'])
    .where('h.tenant_id', '=', tenant)
    .where('h.agent_id', 'is', null)
    .where('h.closed_at', 'is', null)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const language = known(r.language) ?? known(r.conversation_language);
    if (language) out.set(r.id, language);
  }
  return out;
}

/** agent id → the languages they speak (as an admin set them), for the agents asked about. */
export async function agentLanguages(db: Db, tenant: string, agentIds: readonly string[]): Promise<Map<string, string[]>> {
  if (!agentIds.length) return new Map();
  const rows = await (db as unknown as AgentLanguagesDb).selectFrom('agents').select(['id', 'languages']).where('tenant_id', '=', tenant).where('id', 'in', [...agentIds]).execute();
  return new Map(rows.map((r) => [r.id, staffLanguages(r)]));
}

/** conversation id → its language, where known (the console's queue and context panel). */
export async function conversationLanguages(db: Db, tenant: string, conversationIds: readonly string[]): Promise<Map<string, string>> {
  if (!conversationIds.length) return new Map();
  const rows = await db.selectFrom('conversations').select(['id', 'language']).where('tenant_id', '=', tenant).where('id', 'in', [...conversationIds]).execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const language = known(r.language);
    if (language) out.set(r.id, language);
  }
  return out;
}
