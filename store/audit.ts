import { sealJson, unsealJson } from './crypto.js';
import { toJson } from './json.js';
import type { Db } from './schema.js';

/**
 * The audit trail: who did what to which record. An event's detail may name what a resident said
 * or was searched by, so it is sealed at rest (store/crypto.ts) and opened on read; the columns
 * queries select by (tenant, actor, action, subject, time) stay in clear.
 */

/** An audit event's detail as stored (JSON text for the jsonb column; SQL null for none given). */
export function sealAuditDetail(detail: unknown): string | null {
  return detail === undefined ? null : sealJson('audit_events.detail', toJson(detail));
}

export async function recordAudit(
  db: Db,
  event: {
    tenant: string;
    actorType: 'resident' | 'agent' | 'system';
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenant,
      actor_type: event.actorType,
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      detail: sealAuditDetail(event.detail),
    })
    .execute();
}

export interface AuditEvent {
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail: unknown;
  createdAt: Date;
}

/** The audit trail of one subject, oldest first (supervisors, data-protection requests, tests). */
export async function auditTrail(db: Db, tenant: string, subjectType: string, subjectId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    detail: unsealJson(r.detail),
    createdAt: r.created_at,
  }));
}
