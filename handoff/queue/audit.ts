import { recordAudit, type Db } from '../../store/index.js';
import type { QueueAgent } from './types.js';

export type AuditSubject = 'conversation' | 'handoff' | 'case' | 'contact';

/**
 * Every agent action on a resident's record (view, reply, accept, transfer, change, close,
 * hand back) is an audit event: who (actor id, with the name at the time), when (created_at),
 * what (action, subject, detail).
 */
export async function auditAgentAction(
  db: Db,
  tenant: string,
  agent: Pick<QueueAgent, 'id' | 'name'>,
  action: string,
  subject: { type: AuditSubject; id: string | null },
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(db, {
    tenant,
    actorType: 'agent',
    actorId: agent.id,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    detail: { agentName: agent.name, ...detail },
  });
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
    detail: r.detail,
    createdAt: r.created_at,
  }));
}
