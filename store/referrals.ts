import { sql } from 'kysely';
import { seal, sealJson, unseal, unsealJson } from './crypto.js';
import { toJson } from './json.js';
import type { Db, ReferralRow } from './schema.js';
import { ofCouncils } from './served-councils.js';

/**
 * Data access for duty referrals and their escalation chains. A chain is its first referral (the
 * root) and the steps linked to it by `escalation_of`; the decisions live in handoff/referrals.
 */

/** SQL: no row of this row's chain has been acknowledged (`outer`: the outer query's referrals table or alias). */
const chainUnacknowledged = (outer: string) =>
  sql<boolean>`not exists (select 1 from referrals a where a.tenant_id = ${sql.ref(`${outer}.tenant_id`)} and coalesce(a.escalation_of, a.id) = coalesce(${sql.ref(`${outer}.escalation_of`)}, ${sql.ref(`${outer}.id`)}) and a.acknowledged_at is not null)`;

/** Every row of a chain, first step first. */
export async function referralChain(db: Db, tenant: string, rootId: string): Promise<ReferralRow[]> {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where((eb) => eb.or([eb('id', '=', rootId), eb('escalation_of', '=', rootId)]))
    .orderBy('step')
    .orderBy('created_at')
    .execute()
    .then(openReferrals);
}

/**
 * Takes a step for escalation: only once (escalated_at), only when due, and only while nobody in
 * its chain has acknowledged. Undefined when another process took it, it is not due, or it was
 * acknowledged.
 */
export async function claimReferralEscalation(db: Db, tenant: string, id: string, now: Date): Promise<ReferralRow | undefined> {
  return db
    .updateTable('referrals')
    .set({ escalated_at: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('escalated_at', 'is', null)
    .where('due_at', '<=', now)
    .where(chainUnacknowledged('referrals'))
    .returningAll()
    .executeTakeFirst()
    .then(openReferralIf);
}

/** When a step escalates if nobody acknowledges it (null: never). */
export async function setReferralDue(db: Db, tenant: string, id: string, dueAt: Date | null): Promise<void> {
  await db.updateTable('referrals').set({ due_at: dueAt }).where('tenant_id', '=', tenant).where('id', '=', id).where('escalated_at', 'is', null).execute();
}

/**
 * Steps due to escalate now, oldest first: of the given councils (the periodic sweep passes the
 * ones its process serves), or of every council when none are given.
 */
export async function dueReferrals(db: Db, now: Date, { tenants, limit = 100 }: { tenants?: Iterable<string>; limit?: number } = {}): Promise<{ id: string; tenant_id: string }[]> {
  // Another process (or deployment) sharing the database escalates its own councils' steps, with their duty policies.
  return db
    .selectFrom('referrals')
    .select(['id', 'tenant_id'])
    .where(ofCouncils(tenants))
    .where('escalated_at', 'is', null)
    .where('due_at', '<=', now)
    .where(chainUnacknowledged('referrals'))
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** An acknowledgement stops the chain: nothing in it is due any more. */
export async function stopReferralChain(db: Db, tenant: string, rootId: string): Promise<void> {
  await db
    .updateTable('referrals')
    .set({ due_at: null })
    .where('tenant_id', '=', tenant)
    .where((eb) => eb.or([eb('id', '=', rootId), eb('escalation_of', '=', rootId)]))
    .where('escalated_at', 'is', null)
    .execute();
}

export async function endReferralChain(db: Db, tenant: string, rootId: string, end: 'exhausted' | 'handoff_taken'): Promise<void> {
  await db.updateTable('referrals').set({ chain_end: end }).where('tenant_id', '=', tenant).where('id', '=', rootId).execute();
}

/**
 * Records, once per chain, that the resident was told `kind`; true only for the caller that
 * recorded it (so two processes cannot both tell them).
 */
export async function markResidentTold(db: Db, tenant: string, rootId: string, kind: 'alerted' | 'unreachable', now: Date): Promise<boolean> {
  const column = kind === 'alerted' ? 'resident_alerted_at' : 'resident_unreachable_at';
  const row = await db
    .updateTable('referrals')
    .set({ [column]: now })
    .where('tenant_id', '=', tenant)
    .where('id', '=', rootId)
    .where(column, 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Roots of chains created since `since`, newest first, with all their steps. */
export async function recentReferralChains(db: Db, tenant: string, since: Date, limit = 50): Promise<{ root: ReferralRow; steps: ReferralRow[] }[]> {
  const roots = await db
    .selectFrom('referrals')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('escalation_of', 'is', null)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
    .then(openReferrals);
  if (!roots.length) return [];
  const steps = await db
    .selectFrom('referrals')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('escalation_of', 'in', roots.map((r) => r.id))
    .orderBy('step')
    .execute()
    .then(openReferrals);
  return roots.map((root) => ({ root, steps: [root, ...steps.filter((s) => s.escalation_of === root.id)] }));
}

/** The latest referral of a handoff in one of `statuses`, with the rota entry it went to. */
export async function latestReferralForHandoff(
  db: Db,
  tenant: string,
  handoffId: string,
  statuses: readonly string[],
): Promise<{ id: string; status: string; channel: string; name: string | null; skill: string | null } | undefined> {
  return db
    .selectFrom('referrals')
    .leftJoin('rota_entries', 'rota_entries.id', 'referrals.rota_entry_id')
    .select(['referrals.id', 'referrals.status', 'referrals.channel', 'rota_entries.name', 'rota_entries.skill'])
    .where('referrals.tenant_id', '=', tenant)
    .where('referrals.handoff_id', '=', handoffId)
    .where('referrals.status', 'in', [...statuses])
    .orderBy('referrals.created_at', 'desc')
    .executeTakeFirst();
}

/** Records one step of a chain (the first referral or an escalation). */
export async function insertReferral(
  db: Db,
  input: {
    id: string;
    tenant: string;
    handoffId: string | null;
    conversationId: string | null;
    rotaEntryId: string | null;
    channel: string;
    destination: string;
    summary: string;
    status: string;
    ackTokenHash: string;
    escalationOf: string | null;
    step: number;
    targetKind: 'rota' | 'fallback';
    targetName: string | null;
    fallbackIndex: number | null;
    skills: string[];
    details: { reference: string | null; location: string | null; contact: string | null };
    dueAt: Date | null;
  },
): Promise<void> {
  await db
    .insertInto('referrals')
    .values({
      id: input.id,
      tenant_id: input.tenant,
      handoff_id: input.handoffId,
      conversation_id: input.conversationId,
      rota_entry_id: input.rotaEntryId,
      channel: input.channel,
      destination: seal('referrals.destination', input.destination),
      summary: seal('referrals.summary', input.summary),
      status: input.status,
      ack_token_hash: input.ackTokenHash,
      escalation_of: input.escalationOf,
      step: input.step,
      target_kind: input.targetKind,
      target_name: input.targetName,
      fallback_index: input.fallbackIndex,
      skills: toJson(input.skills),
      details: sealJson('referrals.details', toJson(input.details)),
      due_at: input.dueAt,
    })
    .execute();
}

/** Sets a referral's status, with when it was sent, the provider's id and when it is next due, as given. */
export async function updateReferralStatus(
  db: Db,
  tenant: string,
  id: string,
  values: { status: string; sent_at?: Date; provider_id?: string; due_at?: Date },
): Promise<void> {
  await db.updateTable('referrals').set(values).where('tenant_id', '=', tenant).where('id', '=', id).execute();
}

/**
 * Takes a referral for one send attempt: counts the attempt and marks it `sending`, only while
 * its status is one of `unfinished`. Undefined when it is already sent, failed or not sendable.
 */
export async function claimReferralAttempt(db: Db, tenant: string, id: string, unfinished: readonly string[]): Promise<ReferralRow | undefined> {
  return db
    .updateTable('referrals')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), status: 'sending' }))
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('status', 'in', [...unfinished])
    .returningAll()
    .executeTakeFirst()
    .then(openReferralIf);
}

/** Who acknowledged a step from its link: the person it was sent to. */
const stepTargetName = sql<string | null>`coalesce(target_name, (select r.name from rota_entries r where r.id = referrals.rota_entry_id))`;

/** The referral whose acknowledgement token has this hash, with who it was sent to; read only. */
export async function referralByAckHash(db: Db, ackTokenHash: string): Promise<{ referral: ReferralRow; sentTo: string | null } | undefined> {
  const row = await db
    .selectFrom('referrals')
    .selectAll()
    .select(stepTargetName.as('sent_to'))
    .where('ack_token_hash', '=', ackTokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { sent_to: sentTo, ...referral } = row;
  return { referral: openReferral(referral), sentTo };
}

/** Records the first acknowledgement from a link, by the person the step was sent to; undefined when already acknowledged or unknown. */
export async function acknowledgeReferralByAckHash(db: Db, ackTokenHash: string, at: Date): Promise<ReferralRow | undefined> {
  return db
    .updateTable('referrals')
    .set({ acknowledged_at: at, acknowledged_by: stepTargetName })
    .where('ack_token_hash', '=', ackTokenHash)
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
    .then(openReferralIf);
}

/** Records the first acknowledgement of a referral by id, as `by`; undefined when already acknowledged or unknown. */
export async function acknowledgeReferralById(db: Db, tenant: string, id: string, by: string, at: Date): Promise<ReferralRow | undefined> {
  return db
    .updateTable('referrals')
    .set({ acknowledged_at: at, acknowledged_by: by })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
    .then(openReferralIf);
}

export async function referralById(db: Db, tenant: string, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('referrals').selectAll().where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst().then(openReferralIf);
}

export interface ReferralListItem {
  id: string;
  handoffId: string | null;
  conversationId: string | null;
  skill: string | null;
  onCallName: string | null;
  channel: string;
  summary: string;
  status: string;
  attempts: number;
  providerId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  acknowledgedAt: Date | null;
}

/** The tenant's recent referrals, newest first. */
export async function listReferrals(db: Db, tenant: string, limit = 100): Promise<ReferralListItem[]> {
  const rows = await db
    .selectFrom('referrals')
    .leftJoin('rota_entries', 'rota_entries.id', 'referrals.rota_entry_id')
    .select([
      'referrals.id',
      'referrals.handoff_id',
      'referrals.conversation_id',
      'referrals.channel',
      'referrals.summary',
      'referrals.status',
      'referrals.attempts',
      'referrals.provider_id',
      'referrals.created_at',
      'referrals.sent_at',
      'referrals.acknowledged_at',
      'rota_entries.name',
      'rota_entries.skill',
    ])
    .where('referrals.tenant_id', '=', tenant)
    .orderBy('referrals.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    handoffId: r.handoff_id,
    conversationId: r.conversation_id,
    skill: r.skill,
    onCallName: r.name,
    channel: r.channel,
    summary: unseal(r.summary),
    status: r.status,
    attempts: r.attempts,
    providerId: r.provider_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    acknowledgedAt: r.acknowledged_at,
  }));
}

/** A referral row as read: destination, summary and details (sealed at rest, store/crypto.ts) in clear. */
export function openReferral(row: ReferralRow): ReferralRow {
  return {
    ...row,
    destination: unseal(row.destination),
    summary: unseal(row.summary),
    details: unsealJson(row.details) as ReferralRow['details'],
  };
}

function openReferralIf(row: ReferralRow | undefined): ReferralRow | undefined {
  return row && openReferral(row);
}

function openReferrals(rows: ReferralRow[]): ReferralRow[] {
  return rows.map(openReferral);
}
