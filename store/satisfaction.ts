/**
 * Satisfaction answers (issue 16, item 4; migration 030): a row when a conversation is asked
 * "How did we do?", its stage moved by the resident's next messages (a rating, then an optional
 * comment, sealed at rest), and the figures the reports show per service, channel and agent.
 * The question is asked once per conversation: the insert is conditional on the conversation.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { seal, unseal } from './crypto.js';
import { fromJson } from './json.js';
import { safetyFlagSql, parseSafetyFlag } from './safety-flags.js';
import type { Database, Db } from './schema.js';

export type SatisfactionScore = 'good' | 'okay' | 'poor';
export type SatisfactionStage = 'rating' | 'comment' | 'done' | 'lapsed';
export const SATISFACTION_SCORES: readonly SatisfactionScore[] = ['good', 'okay', 'poor'];

interface SatisfactionTable {
  id: string;
  tenant_id: string;
  conversation_id: string | null;
  contact_id: string | null;
  channel: string;
  service: string;
  agent_id: string;
  stage: SatisfactionStage;
  score: SatisfactionScore | null;
  comment: string | null;
  asked_at: Date;
  answered_at: Date | null;
}
type SatisfactionDatabase = Database & { satisfaction_responses: SatisfactionTable };
const own = (db: Db) => db as unknown as Kysely<SatisfactionDatabase> | Transaction<SatisfactionDatabase>;

export interface SatisfactionRow {
  id: string;
  conversationId: string | null;
  channel: string;
  service: string;
  agentId: string;
  stage: SatisfactionStage;
  score: SatisfactionScore | null;
  comment: string | null;
  askedAt: Date;
}

function toRow(r: SatisfactionTable): SatisfactionRow {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    channel: r.channel,
    service: r.service,
    agentId: r.agent_id,
    stage: r.stage,
    score: r.score,
    comment: r.comment === null ? null : unseal(r.comment),
    askedAt: new Date(r.asked_at),
  };
}

/** The conversation's main recognised service (the first the assistant acted on, handed off for or recognised; else its first case's). */
function subjectService(tenant: string, conversationId: string) {
  return sql<string | null>`coalesce((
        select s.service_id from messages m
        cross join lateral (values (1, m.recognition->>'actedOn'), (2, m.recognition->'handoff'->>'service'), (3, m.recognition->>'intent')) s(o, service_id)
        where m.tenant_id = ${tenant} and m.conversation_id = ${conversationId} and m.direction = 'in' and m.recognition is not null
          and s.service_id is not null and s.service_id not like 'meta.%' and s.service_id <> 'out_of_scope'
        order by m.id, s.o limit 1),
        (select service_id from cases where tenant_id = ${tenant} and conversation_id = ${conversationId} order by created_at limit 1))`;
}

/** The adviser of the conversation's latest handoff that one accepted. */
function subjectAgent(tenant: string, conversationId: string) {
  return sql<string | null>`(select agent_id from handoffs where tenant_id = ${tenant} and conversation_id = ${conversationId} and agent_id is not null order by created_at desc limit 1)`;
}

/** What decides whether a conversation may be asked (bot/satisfaction.ts `mayAsk`), read in one statement. */
export interface SatisfactionAskable {
  /** Asked before, whatever became of it. */
  asked: boolean;
  /** The contact's flags (an opt-out suppresses the question); empty without a contact. */
  contactFlags: string[];
  /** A safety flag on the conversation (store/safety-flags.ts). */
  safetyFlag: boolean;
  /** The conversation's open handoff (the latest), if any. */
  openHandoff: { priority: string; agentId: string | null } | null;
  /** The resident's messages among the conversation's first `within`. */
  inbound: number;
}

/**
 * Everything `mayAsk` weighs in one statement (issue 11: the question at a chat's end was six
 * reads, the transcript among them, decrypted only to count the resident's messages).
 */
export async function satisfactionAskable(db: Db, tenant: string, conversationId: string, contactId: string | null, within = 200): Promise<SatisfactionAskable> {
  const { rows } = await sql<{ asked: boolean; flags: unknown; safety: unknown; handoff: unknown; inbound: string | number }>`
    select
      exists (select 1 from satisfaction_responses where tenant_id = ${tenant} and conversation_id = ${conversationId}) as asked,
      (select flags from contacts where id = ${contactId}) as flags,
      ${safetyFlagSql(sql.val(tenant), sql.val(conversationId))} as safety,
      (select jsonb_build_object('priority', priority, 'agentId', agent_id) from handoffs
        where tenant_id = ${tenant} and conversation_id = ${conversationId} and closed_at is null order by created_at desc limit 1) as handoff,
      (select count(*) from (select direction from messages where tenant_id = ${tenant} and conversation_id = ${conversationId} order by id limit ${within}) first
        where direction = 'in') as inbound`.execute(db);
  const r = rows[0];
  const flags = r?.flags == null ? [] : fromJson<unknown>(r.flags);
  const handoff = r?.handoff == null ? null : fromJson<{ priority: string; agentId: string | null }>(r.handoff);
  return {
    asked: !!r?.asked,
    contactFlags: Array.isArray(flags) ? flags.filter((f): f is string => typeof f === 'string') : [],
    safetyFlag: parseSafetyFlag(r?.safety) !== null,
    openHandoff: handoff,
    inbound: Number(r?.inbound ?? 0),
  };
}

/**
 * Records that the question was asked, with the conversation's service and adviser read by the
 * insert itself; false when this conversation was already asked (nothing written).
 */
export async function recordSatisfactionAskedAbout(
  db: Db,
  input: { id: string; tenant: string; conversationId: string; contactId: string | null; channel: string; now: Date },
): Promise<boolean> {
  const { tenant, conversationId } = input;
  const r = await sql`
    insert into satisfaction_responses (id, tenant_id, conversation_id, contact_id, channel, service, agent_id, stage, asked_at)
    select cast(${input.id} as text), cast(${tenant} as text), cast(${conversationId} as text), cast(${input.contactId} as text), cast(${input.channel} as text),
      coalesce(${subjectService(tenant, conversationId)}, ''),
      coalesce(${subjectAgent(tenant, conversationId)}, ''),
      'rating', cast(${input.now} as timestamptz)
    on conflict (conversation_id) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/**
 * The question a message may be answering: asked in this conversation, or (a text after a close
 * opens a new conversation) in another of the same contact on the same channel, since `since`,
 * still waiting for a rating or a comment. The latest such.
 */
export async function pendingSatisfaction(
  db: Db,
  tenant: string,
  at: { conversationId: string; contactId: string | null; channel: string; since: Date },
): Promise<SatisfactionRow | null> {
  let q = own(db)
    .selectFrom('satisfaction_responses')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('stage', 'in', ['rating', 'comment'])
    .where('asked_at', '>=', at.since);
  const contactId = at.contactId;
  q = contactId
    ? q.where((eb) => eb.or([eb('conversation_id', '=', at.conversationId), eb.and([eb('contact_id', '=', contactId), eb('channel', '=', at.channel)])]))
    : q.where('conversation_id', '=', at.conversationId);
  const row = await q.orderBy('asked_at', 'desc').limit(1).executeTakeFirst();
  return row ? toRow(row) : null;
}

/** The rating given: the question moves on to the optional comment. False when it was no longer waiting for one. */
export async function recordSatisfactionScore(db: Db, tenant: string, id: string, score: SatisfactionScore, now: Date): Promise<boolean> {
  const r = await own(db)
    .updateTable('satisfaction_responses')
    .set({ score, stage: 'comment', answered_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('stage', '=', 'rating')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The comment after a rating (sealed at rest); the question is done. */
export async function recordSatisfactionComment(db: Db, tenant: string, id: string, comment: string): Promise<boolean> {
  const r = await own(db)
    .updateTable('satisfaction_responses')
    .set({ comment: seal('satisfaction_responses.comment', comment.slice(0, 2000)), stage: 'done' })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('stage', '=', 'comment')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The resident moved on: an unanswered question lapses (never asked again), a skipped comment is done. */
export async function closeSatisfaction(db: Db, tenant: string, id: string): Promise<void> {
  await own(db)
    .updateTable('satisfaction_responses')
    .set({ stage: sql<SatisfactionStage>`case when stage = 'rating' then 'lapsed' else 'done' end` })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('stage', 'in', ['rating', 'comment'])
    .execute();
}

export interface SatisfactionFigures {
  key: string;
  good: number;
  okay: number;
  poor: number;
}

/** Answers given in [from, to), by service, channel or agent; filters as the other reports take them. */
export async function satisfactionFigures(
  db: Db,
  tenant: string,
  range: { from: Date; to: Date; service?: string; channel?: string; agent?: string; queue?: string },
  key: 'service' | 'channel' | 'agent',
): Promise<SatisfactionFigures[]> {
  const column = key === 'agent' ? 'agent_id' : key;
  let q = own(db)
    .selectFrom('satisfaction_responses')
    .select([
      sql<string>`${sql.ref(column)}`.as('key'),
      sql<string>`count(*) filter (where score = 'good')`.as('good'),
      sql<string>`count(*) filter (where score = 'okay')`.as('okay'),
      sql<string>`count(*) filter (where score = 'poor')`.as('poor'),
    ])
    .where('tenant_id', '=', tenant)
    .where('score', 'is not', null)
    .where('answered_at', '>=', range.from)
    .where('answered_at', '<', range.to);
  if (range.service !== undefined) q = q.where('service', '=', range.service);
  if (range.channel !== undefined) q = q.where('channel', '=', range.channel);
  if (range.agent !== undefined) q = q.where('agent_id', '=', range.agent);
  // Answers carry no queue: a queue filter matches none, as for the other facts without one.
  if (range.queue !== undefined) q = q.where(sql<boolean>`false`);
  const rows = await q.groupBy(sql.ref(column)).orderBy(sql.ref(column)).execute();
  return rows.map((r) => ({ key: String(r.key), good: Number(r.good), okay: Number(r.okay), poor: Number(r.poor) }));
}

/** Every answer of a conversation's question, for tests and subject access (the comment opened). */
export async function satisfactionFor(db: Db, tenant: string, conversationId: string): Promise<SatisfactionRow | null> {
  const row = await own(db)
    .selectFrom('satisfaction_responses')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row ? toRow(row) : null;
}

/**
 * A resident's comment goes with their conversation (retention, erasure): the rating, channel,
 * service and agent stay for the reports, the words they wrote do not.
 */
export async function forgetSatisfactionComments(db: Db, tenant: string, conversationIds: readonly string[]): Promise<number> {
  if (!conversationIds.length) return 0;
  const r = await own(db)
    .updateTable('satisfaction_responses')
    .set({ comment: null })
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'in', conversationIds)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** What a subject access export shows of their answers: the rating and their comment, opened. */
export async function satisfactionOfConversations(db: Db, tenant: string, conversationIds: readonly string[]): Promise<Record<string, unknown>[]> {
  if (!conversationIds.length) return [];
  const rows = await own(db)
    .selectFrom('satisfaction_responses')
    .select(['conversation_id', 'channel', 'score', 'comment', 'asked_at', 'answered_at'])
    .where('tenant_id', '=', tenant)
    .where('conversation_id', 'in', conversationIds)
    .orderBy('asked_at')
    .execute();
  return rows.map((r) => ({ ...r, comment: r.comment === null ? null : unseal(r.comment) }));
}
