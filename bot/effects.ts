/**
 * What a decided turn changes, as data: the policy (policy.ts) reads and decides, and returns these;
 * the pipeline applies them here, in the turn's transaction, in the order given, before the
 * conversation's state move. Ids and case references are chosen by the policy (it tells the
 * resident the reference), so applying an effect never feeds a value back into the decision.
 */
import { recordRepeatReport } from '../cases/index.js';
import {
  abandonHandoff,
  annotateHandoff,
  cancelCallbackRow,
  createCallback,
  createCase,
  createHandoff,
  escalateHandoff,
  linkPhoneClaim,
  recordAudit,
  recordClaimCodeAttempt,
  recordContactClaim,
  recordFeedback,
  recordCaseSubscription,
  requestClaimCode,
  resolveHandoff,
  stopCaseSubscriptions,
  updateContactDetails,
  type CaseRow,
  type Db,
  type NewCallback,
  type NewCase,
  type NewCaseSubscription,
} from '../store/index.js';
import { contentFor, type TenantRuntime } from './runtime.js';
import { applySatisfaction, type SatisfactionChange } from './satisfaction.js';

type NewHandoff = Parameters<typeof createHandoff>[1] & { id: string };
type AuditEvent = Parameters<typeof recordAudit>[1];

export type TurnEffect =
  /** `handoff.language`: the conversation's language, stored so routing can prefer agents who speak it. */
  | { type: 'create_handoff'; handoff: NewHandoff }
  | { type: 'escalate_handoff'; handoffId: string; priority: 'urgent' | 'high'; reason: string; context: unknown }
  | { type: 'annotate_handoff'; handoffId: string; summary: string; context: unknown }
  | { type: 'resolve_handoff'; handoffId: string; outcome: string }
  | { type: 'abandon_handoff'; handoffId: string }
  | { type: 'create_case'; case: NewCase & { id: string; reference: string } }
  /** A further report of an open case (cases/duplicates.ts): joined to it as a linked report, with a `merged` case event. */
  | {
      type: 'repeat_report';
      case: CaseRow;
      conversationId: string;
      contactId?: string | null;
      distanceMetres?: number | null;
      location?: unknown;
      answers?: Record<string, unknown>;
    }
  | { type: 'update_contact'; contactId: string; details: { phone?: string; email?: string } }
  /** A phone number or e-mail the resident typed, recorded as an unverified claim; `codeExpiresAt`: text a one-time code to it. */
  | { type: 'claim_contact'; contactId: string; kind: 'phone' | 'email'; value: string; codeExpiresAt?: Date }
  | { type: 'claim_code_attempt'; claimId: string }
  | { type: 'link_phone_claim'; claim: { id: string; contact_id: string; value: string } }
  | { type: 'article_feedback'; conversationId: string; articleId: string; useful: boolean; query: string | null }
  /** Case updates (bot/case-updates.ts): the resident's answer to "tell you when it moves?", or "stop updates". */
  | { type: 'case_updates'; change: { kind: 'subscribe'; subscription: NewCaseSubscription } | { kind: 'stop'; contactId: string | null; conversationId: string } }
  /** A call-back the resident chose (bot/callbacks.ts): a work item in the console's call-back queue (callbacks/). */
  | { type: 'create_callback'; callback: NewCallback }
  /** The resident cancelled their waiting call-back (bot/callbacks.ts); it leaves the queue. */
  | { type: 'cancel_callback'; tenant: string; id: string }
  /** "How did we do?" asked, rated, commented on, or left (bot/satisfaction.ts). */
  | { type: 'satisfaction'; change: SatisfactionChange }
  | { type: 'audit'; event: AuditEvent };

/**
 * Applies a turn's effects in its transaction. Returns what must happen only once that transaction
 * has committed (a text of a code, the in-memory article ranking), for the pipeline to run then.
 */
export async function applyTurnEffects(db: Db, runtime: TenantRuntime, tenant: string, now: Date, effects: TurnEffect[]): Promise<(() => void)[]> {
  const afterCommit: (() => void)[] = [];
  for (const e of effects) {
    switch (e.type) {
      case 'create_handoff':
        await createHandoff(db, e.handoff);
        break;
      case 'escalate_handoff':
        await escalateHandoff(db, tenant, e.handoffId, e.priority, e.reason, e.context);
        break;
      case 'annotate_handoff':
        await annotateHandoff(db, tenant, e.handoffId, { summary: e.summary, context: e.context });
        break;
      case 'resolve_handoff':
        await resolveHandoff(db, tenant, e.handoffId, e.outcome, now);
        break;
      case 'abandon_handoff':
        await abandonHandoff(db, tenant, e.handoffId, now);
        break;
      case 'create_case':
        await createCase(db, e.case);
        break;
      case 'repeat_report':
        await recordRepeatReport(db, {
          tenant,
          case: e.case,
          via: 'assistant',
          actor: 'assistant',
          source: 'through the assistant',
          conversationId: e.conversationId,
          contactId: e.contactId ?? null,
          distanceMetres: e.distanceMetres ?? null,
          location: e.location ?? null,
          answers: e.answers,
        });
        break;
      case 'update_contact':
        await updateContactDetails(db, tenant, e.contactId, e.details, now);
        break;
      case 'claim_contact': {
        // Found or recorded here: another conversation of the same resident may have made it since the policy looked.
        const claim = await recordContactClaim(db, tenant, e.contactId, e.kind, e.value);
        if (e.codeExpiresAt && !claim.verified_at) {
          await requestClaimCode(db, tenant, claim.id, now, e.codeExpiresAt);
          const codes = runtime.codes;
          if (codes) afterCommit.push(() => codes.queue(claim.id));
        }
        break;
      }
      case 'claim_code_attempt':
        await recordClaimCodeAttempt(db, e.claimId);
        break;
      case 'link_phone_claim':
        await linkPhoneClaim(db, tenant, e.claim, now);
        break;
      case 'article_feedback':
        await recordFeedback(db, { tenant, conversationId: e.conversationId, articleId: e.articleId, useful: e.useful, query: e.query });
        afterCommit.push(() => {
          runtime.articles.recordFeedback(e.articleId, e.useful);
          // The Welsh index ranks the same articles (same ids): it learns from the same feedback.
          if (runtime.pack.cy) contentFor(runtime, 'cy').articles.recordFeedback(e.articleId, e.useful);
        });
        break;
      case 'create_callback':
        await createCallback(db, e.callback);
        break;
      case 'cancel_callback':
        await cancelCallbackRow(db, e.tenant, e.id, 'cancelled by the resident', null, now);
        break;
      case 'audit':
        await recordAudit(db, e.event);
        break;
      case 'satisfaction':
        await applySatisfaction(db, tenant, now, e.change);
        break;
      case 'case_updates':
        if (e.change.kind === 'subscribe') await recordCaseSubscription(db, e.change.subscription);
        else await stopCaseSubscriptions(db, tenant, e.change, now);
        break;
    }
  }
  return afterCommit;
}
