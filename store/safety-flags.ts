/**
 * A conversation's safety flag: the highest safety recognition of any of the resident's messages
 * (risk to life above safeguarding; the latest within a rank), so a disclosure stays visible
 * to agents however ordinary the messages after it. Read from `messages.recognition.safety`,
 * which the assistant's policy writes on each turn as `{category, kind, source, reason}`.
 * The partial index `messages_safety` (migration 004) keeps the lookup cheap per conversation.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import { fromJson } from './json.js';
import type { Db } from './schema.js';

export interface SafetyFlag {
  /** `safety.risk_to_life` or `safety.safeguarding_concern`. */
  category: string;
  /** A RiskKind (intents/types.ts), or null for a record written before kinds existed. */
  kind: string | null;
  /** The screen's short reason ("mentions suicide"), or null. */
  reason: string | null;
  /** `screen`, `classifier` or `both`, when recorded. */
  source: string | null;
  /** The message that raised it, and when. */
  messageId: string;
  at: string;
}

/** Risk to life first, then safeguarding, then anything else the policy may flag. */
export const SAFETY_CATEGORY_RANK = ['safety.risk_to_life', 'safety.safeguarding_concern'] as const;

/**
 * The flag as a correlated scalar subquery (jsonb or null), for use inside a larger query such
 * as the queue listing: `conversationId` and `tenant` are column references or values.
 * A recognition whose safety decision was only a question ("Is anyone in danger right now?")
 * is not a flag: only escalations and screen hits count.
 */
export function safetyFlagSql(tenant: Expression<string>, conversationId: Expression<string>): RawBuilder<unknown> {
  return sql`(
    select jsonb_build_object(
      'category', m.recognition->'safety'->>'category',
      'kind', m.recognition->'safety'->>'kind',
      'reason', m.recognition->'safety'->>'reason',
      'source', m.recognition->'safety'->>'source',
      'messageId', m.id::text,
      'at', m.created_at)
    from messages m
    where m.tenant_id = ${tenant}
      and m.conversation_id = ${conversationId}
      and jsonb_typeof(m.recognition->'safety') = 'object'
      and m.direction = 'in'
      and coalesce(m.recognition->'safety'->>'action', '') <> 'ask'
      and m.recognition->'safety'->>'category' is not null
    order by case m.recognition->'safety'->>'category'
      when ${SAFETY_CATEGORY_RANK[0]} then 0 when ${SAFETY_CATEGORY_RANK[1]} then 1 else 2 end, m.id desc
    limit 1)`;
}

/** The jsonb a `safetyFlagSql` returned, as a typed flag. */
export function parseSafetyFlag(value: unknown): SafetyFlag | null {
  const v = value == null ? null : fromJson<Record<string, unknown> | null>(value);
  if (!v || typeof v !== 'object' || typeof v.category !== 'string') return null;
  const text = (x: unknown) => (typeof x === 'string' && x ? x : null);
  const at = v.at instanceof Date ? v.at.toISOString() : typeof v.at === 'string' ? new Date(v.at).toISOString() : '';
  return { category: v.category, kind: text(v.kind), reason: text(v.reason), source: text(v.source), messageId: String(v.messageId ?? ''), at };
}

/** One conversation's flag (the context panel). */
export async function conversationSafetyFlag(db: Db, tenant: string, conversationId: string): Promise<SafetyFlag | null> {
  const { rows } = await sql<{ flag: unknown }>`select ${safetyFlagSql(sql.val(tenant), sql.val(conversationId))} as flag`.execute(db);
  return parseSafetyFlag(rows[0]?.flag);
}
