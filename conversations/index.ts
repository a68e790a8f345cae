/** The conversation lifecycle (ARCHITECTURE.md, "Conversation states"): states, allowed transitions, the one state change, residents' notices. */
export {
  CONVERSATION_STATES,
  TRANSITIONS,
  RESIDENT,
  allowedTransition,
  announcement,
  transitionsFrom,
  transition,
  transitionIfIn,
  TransitionRefused,
  type Actor,
  type Announcement,
  type ConversationChange,
  type ConversationState,
  type Transition,
  type TransitionCause,
  type TransitionOptions,
} from './lifecycle.js';
export { agentJoinedNotice, transferredNotice, handedBackNotice, closedNotice, noticeLanguage, type Notice, type NoticeKind, type NoticeLanguage } from './notices.js';
