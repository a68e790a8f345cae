import type { OutboundMessage } from '../../bot/index.js';

export type { AskFor, Card, HandoffNotice, OutboundMessage, Suggestion } from '../../bot/index.js';

export type ConversationState = 'bot' | 'queued' | 'with_agent' | 'closed';
export type Author = 'resident' | 'bot' | 'agent' | 'system';

/** A message as the transcript endpoint returns it: the outbound parts plus who and when. */
export interface TranscriptMessage extends Partial<OutboundMessage> {
  /** The API sends a number today; the widget only compares ids. */
  id: string | number;
  direction: 'in' | 'out';
  author: Author;
  text: string;
  createdAt?: string;
  /** The adviser's display name on their messages, when the server gives it. */
  agentName?: string | null;
}

export interface Transcript {
  state: ConversationState;
  messages: TranscriptMessage[];
}

export interface Session {
  conversationId: string;
  token: string;
}

export interface TypeaheadSuggestion {
  text: string;
  kind: 'question' | 'article';
  url?: string;
}
