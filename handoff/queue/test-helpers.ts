import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createConversation, createHandoff, findOrCreateContact, toJson, type Db, type HandoffRow } from '../../store/index.js';
import type { QueueAgent, QueueSettings } from './types.js';

/** Test fixtures for the queue work: the demo pack's queues, agents and waiting handoffs made straight in the store. */
export const QUEUES: QueueSettings[] = [
  { id: 'general', name: 'Customer services', skills: [] },
  { id: 'waste', name: 'Waste and recycling', skills: ['waste'] },
  { id: 'highways', name: 'Highways and street scene', skills: ['highways', 'street_scene'] },
  { id: 'safeguarding', name: 'Safeguarding and duty', skills: ['safety', 'social_care'], standard: { answerWithinSeconds: 10 } },
];

export async function makeAgent(
  db: Db,
  tenant: string,
  input: {
    name?: string;
    skills?: string[];
    roles?: string[];
    capacity?: number;
    status?: 'available' | 'busy' | 'away';
    seenAt?: Date | null;
  } = {},
): Promise<QueueAgent & { tenantId: string; email: string }> {
  const id = randomUUID();
  const name = input.name ?? `Agent ${id.slice(0, 4)}`;
  const email = `${id.slice(0, 8)}@example.gov.uk`;
  await db
    .insertInto('agents')
    .values({
      id,
      tenant_id: tenant,
      email,
      name,
      roles: toJson(input.roles ?? ['agent']),
      skills: toJson(input.skills ?? []),
      capacity: input.capacity ?? 3,
      status: input.status ?? 'available',
      last_seen_at: input.seenAt === undefined ? new Date() : input.seenAt,
    })
    .execute();
  return { id, tenantId: tenant, name, email, roles: input.roles ?? ['agent'], skills: input.skills ?? [], capacity: input.capacity ?? 3 };
}

export async function waitingHandoff(
  db: Db,
  tenant: string,
  input: {
    queue?: string;
    priority?: 'urgent' | 'high' | 'normal';
    ageSeconds?: number;
    reason?: string;
    channel?: string;
    contactUser?: string;
    context?: unknown;
    dialogue?: unknown;
  } = {},
): Promise<HandoffRow> {
  const channel = input.channel ?? 'webchat';
  const channelUserId = input.contactUser ?? randomUUID();
  const contactId = await findOrCreateContact(db, tenant, channel, channelUserId);
  const conversation = await createConversation(db, { tenant, channel, channelUserId, contactId });
  await db
    .updateTable('conversations')
    .set({ state: 'queued', ...(input.dialogue ? { dialogue: toJson(input.dialogue) } : {}) })
    .where('id', '=', conversation.id)
    .execute();
  const handoff = await createHandoff(db, {
    tenant,
    conversationId: conversation.id,
    reason: input.reason ?? 'resident_request',
    priority: input.priority ?? 'normal',
    queue: input.queue ?? 'general',
    summary: `Reason: ${input.reason ?? 'resident request'}.`,
    context: input.context ?? { channel },
  });
  if (input.ageSeconds) {
    const created = new Date(Date.now() - input.ageSeconds * 1000);
    await sql`update handoffs set created_at = ${created} where id = ${handoff.id}`.execute(db);
    return { ...handoff, created_at: created };
  }
  return handoff;
}

export async function conversationState(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow();
  return row.state;
}
