import type { Kysely } from 'kysely';
import type { SenderLog } from '../../notify/index.js';
import { findConversation, fromJson, handoffById, markResidentTold, recordAudit, storeOutbound, type Database, type ReferralRow } from '../../store/index.js';
import { DEFAULT_DUTY, RESIDENT_ALERTED_TEXT, residentUnreachableText, type DutyPolicy } from './duty.js';

/**
 * Tells the resident, once per chain, what actually happened to their referral: stored as a
 * system message in their conversation (in one transaction with the "told" mark, so it is
 * stored exactly once across processes), then delivered (web chat refresh, SMS...).
 */
export async function tellResident(
  deps: {
    db: Kysely<Database>;
    log: SenderLog;
    clock?: () => Date;
    duty?: (tenant: string) => DutyPolicy | undefined;
    deliver?: (tenant: string, conversationId: string) => void;
  },
  row: ReferralRow,
  kind: 'alerted' | 'unreachable',
  options: { policy?: DutyPolicy; anySent?: boolean } = {},
): Promise<boolean> {
  if (!row.conversation_id) return false;
  const conversationId = row.conversation_id;
  const root = row.escalation_of ?? row.id;
  const now = deps.clock?.() ?? new Date();
  try {
    const told = await deps.db.transaction().execute(async (trx) => {
      if (!(await markResidentTold(trx, row.tenant_id, root, kind, now))) return false;
      const conversation = await findConversation(trx, row.tenant_id, conversationId);
      if (!conversation) return false; // purged: nobody to tell
      // The reply at the time already said nobody could be reached (route "none"): saying it again
      // adds nothing. Good news ("alerted") is always told.
      if (kind === 'unreachable' && row.handoff_id) {
        const handoff = await handoffById(trx, row.tenant_id, row.handoff_id);
        if ((fromJson<{ route?: string } | null>(handoff?.context) ?? {}).route === 'none') return false;
      }
      const text = kind === 'alerted' ? RESIDENT_ALERTED_TEXT : residentUnreachableText(options.policy ?? DEFAULT_DUTY, options.anySent ?? false);
      await storeOutbound(trx, { tenant: row.tenant_id, conversationId, channel: conversation.channel, author: 'system', text, parts: { text }, replyTo: null });
      await recordAudit(trx, {
        tenant: row.tenant_id,
        actorType: 'system',
        actorId: null,
        action: kind === 'alerted' ? 'referral.resident_told_alerted' : 'referral.resident_told_unreachable',
        subjectType: 'referral',
        subjectId: root,
        detail: { conversationId, step: row.step },
      });
      return true;
    });
    if (told) deps.deliver?.(row.tenant_id, conversationId);
    return told;
  } catch (err) {
    deps.log.error({ tenant: row.tenant_id, referralId: row.id, err: String(err) }, 'could not tell the resident what happened to their duty referral');
    return false;
  }
}
