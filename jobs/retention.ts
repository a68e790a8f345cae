import { deleteExpiredRecords, recordAudit, refreshReportFacts, servicesInUse, type PurgeCounts, type ServiceRetention, type Store } from '../store/index.js';

/**
 * Deletes what a council no longer may keep (the pack's `settings.retention`, content/README.md):
 * conversations and cases after their service's period, contacts and identities left with no
 * conversation, duty referrals with their conversation, and audit events after their own period.
 * Each run writes one audit event with the counts. Call recordings go with their conversations:
 * marked here, deleted at Twilio and then locally by the voice channel's job (README "Privacy").
 */

export interface RetentionSettings {
  conversationsDays: number;
  casesDays: number;
  auditDays?: number;
  /** Keyed by a service id, or a prefix such as `safety.*`. */
  services?: Record<string, { conversationsDays?: number; casesDays?: number }>;
}

/** A service's periods: its own entry, else the longest matching prefix's, else the council's; a field left out is the council's. */
export function retentionFor(serviceId: string, settings: RetentionSettings): ServiceRetention {
  const rules = settings.services ?? {};
  const prefix = Object.keys(rules)
    .filter((k) => k.endsWith('.*') && serviceId.startsWith(k.slice(0, -1)))
    .sort((a, b) => b.length - a.length)[0];
  const own = rules[serviceId] ?? (prefix ? rules[prefix] : undefined) ?? {};
  return { serviceId, conversationsDays: own.conversationsDays ?? settings.conversationsDays, casesDays: own.casesDays ?? settings.casesDays };
}

export async function purgeExpired(store: Store, tenant: string, retention: RetentionSettings, now = new Date()): Promise<PurgeCounts> {
  return store.db.transaction().execute(async (trx) => {
    // Reports keep their figures (store/reports.ts facts) of what is about to be deleted.
    await refreshReportFacts(trx, tenant, now);
    const services = (await servicesInUse(trx, tenant))
      .map((id) => retentionFor(id, retention))
      .filter((p) => p.conversationsDays !== retention.conversationsDays || p.casesDays !== retention.casesDays);
    const purged = await deleteExpiredRecords(trx, tenant, {
      now,
      conversationsDays: retention.conversationsDays,
      casesDays: retention.casesDays,
      services,
      auditDays: retention.auditDays ?? null,
    });
    await recordAudit(trx, { tenant, actorType: 'system', actorId: null, action: 'retention.purge', subjectType: 'tenant', subjectId: tenant, detail: purged });
    return purged;
  });
}
