import { recordAudit, type Db } from '../../store/index.js';
import type { QueueAgent } from './types.js';

// The trail is read straight from the store.
export { auditTrail, type AuditEvent } from '../../store/index.js';

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
