/**
 * What a resident is told when an agent acts on their conversation (accept, transfer, hand back,
 * close): the wording in one place, true to what happened and channel-neutral (the same words go
 * to web chat and by SMS). `transition` (lifecycle.ts) stores the notice as a system outbound
 * message in the change's own transaction, so it commits with the state change or not at all;
 * the caller delivers it after commit (realtime refresh for web chat, dispatchOutbound for SMS),
 * and the SMS outbox sweep sends it if that first attempt is lost.
 */
export type NoticeKind = 'agent_joined' | 'transferred' | 'handed_back' | 'closed';

export interface Notice {
  kind: NoticeKind;
  text: string;
}

/** Residents see an agent's first name only. */
function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

/** An agent took the conversation: who, and from which team. */
export function agentJoinedNotice(agentName: string, teamName: string): Notice {
  return { kind: 'agent_joined', text: `${firstName(agentName)} from ${teamName} has joined the conversation.` };
}

/** Passed on to a named colleague or to a team's queue: nobody holds it until they accept. */
export function transferredNotice(to: { agentName: string } | { teamName: string }): Notice {
  const text =
    'agentName' in to
      ? `I'm passing you to my colleague ${firstName(to.agentName)}. Please stay here; they'll reply soon.`
      : `I'm passing you to a colleague in ${to.teamName}. Please stay here; they'll reply soon.`;
  return { kind: 'transferred', text };
}

/** The agent's part is over and the assistant answers again (its dialogue starts afresh). */
export function handedBackNotice(agentName: string): Notice {
  return { kind: 'handed_back', text: `${firstName(agentName)} has handed you back to the assistant; I'm here if you need anything else.` };
}

/**
 * The conversation is closed. What it offers is what happens: a later message starts afresh with
 * the assistant (a new conversation by SMS, a reset dialogue in web chat). No call-back is promised.
 */
export function closedNotice(agentName: string): Notice {
  return {
    kind: 'closed',
    text: `${firstName(agentName)} has closed this conversation. If you need us again, just send a message and the assistant will start afresh.`,
  };
}
