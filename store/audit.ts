import { toJson } from './json.js';
import type { Db } from './schema.js';

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
      detail: event.detail === undefined ? null : toJson(event.detail),
    })
    .execute();
}
