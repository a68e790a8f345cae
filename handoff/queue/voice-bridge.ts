/**
 * A phone handoff whose bridge to the agent failed or was not answered (issue 14): it waits again in
 * its queue for the next agent, and the conversation moves back to `queued` through the lifecycle.
 * Called by the telephone channel (the Dial's action) and by the console when Twilio refused the
 * redirect; the caller's own leg is put back in the Twilio queue by the channel.
 */
import { noticeLanguage, transferredNotice, transition, TransitionRefused, type Actor } from '../../conversations/index.js';
import { lockConversation, recordAudit, returnUnansweredHandoff, type Db } from '../../store/index.js';
import { inTransaction } from './common.js';

export type UnansweredReason = 'no-answer' | 'busy' | 'failed' | 'canceled' | 'rest-error';

/**
 * Returns the handoff to its queue if `agentId` still holds it; the agent is passed over by the next
 * routing pass. The lifecycle's `transferred` notice is stored (the agent sees it in the transcript; a caller
 * hears the queue's own messages instead). Returns whether
 * anything changed (Twilio repeats callbacks: the second does nothing).
 */
export async function returnUnanswered(
  db: Db,
  tenant: string,
  input: {
    conversationId: string;
    handoffId: string;
    agentId: string;
    reason: UnansweredReason;
    now: Date;
    teamName: string;
    /** The queue's Welsh name (settings `welsh.queues`), for a Welsh conversation's notice; else `teamName`. */
    welshTeamName?: string;
  },
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const conversation = await lockConversation(trx, tenant, input.conversationId);
    if (!conversation) return false;
    if (!(await returnUnansweredHandoff(trx, tenant, input.handoffId, input.agentId))) return false;
    const actor: Actor = { type: 'system', id: null };
    if (conversation.state === 'with_agent') {
      try {
        const language = noticeLanguage(conversation);
        const teamName = (language === 'cy' ? input.welshTeamName : undefined) ?? input.teamName;
        await transition(trx, conversation, 'queued', 'transferred', { now: input.now, actor, handoffId: input.handoffId, notice: transferredNotice({ teamName }, language) });
      } catch (err) {
        if (!(err instanceof TransitionRefused)) throw err;
      }
    }
    await recordAudit(trx, {
      tenant,
      actorType: 'system',
      actorId: null,
      action: 'call.bridge_unanswered',
      subjectType: 'conversation',
      subjectId: input.conversationId,
      detail: { handoffId: input.handoffId, agentId: input.agentId, reason: input.reason },
    });
    return true;
  });
}
