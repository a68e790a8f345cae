/**
 * The web chat API (/api/v1): what the widget and API clients send and get back. The server's
 * replies (bot/messages.ts OutboundMessage) must fit `outboundMessage`; wire/wire.test.ts checks it.
 */
import { z } from 'zod';

/** The languages the assistant speaks (bot/messages.ts Language): English and Welsh. */
export const LANGUAGES = ['en', 'cy'] as const;
export const language = z.enum(LANGUAGES);

export const suggestion = z.strictObject({ label: z.string(), value: z.string() });
export const link = z.strictObject({ label: z.string(), url: z.string() });
export const card = z.strictObject({ title: z.string(), body: z.string(), link: link.optional() });

/** The type of answer a flow step expects, so a channel can shape its input (keypad, date picker...). */
export const ASK_FOR = ['address', 'postcode', 'date', 'choice', 'yes_no', 'phone', 'email', 'free_text', 'photo'] as const;
export const askFor = z.enum(ASK_FOR);

export const PRIORITIES = ['urgent', 'high', 'normal'] as const;
export const priority = z.enum(PRIORITIES);

/** What the resident was told will happen: an agent now, the duty officer alerted, the queue, or nobody. */
export const handoffRoute = z.enum(['agent', 'duty', 'queue', 'none']);
export const RISK_KINDS = ['suicide_self_harm', 'danger_now', 'fire_gas_co', 'crime_violence', 'domestic_abuse', 'child_at_risk', 'adult_at_risk'] as const;
export const riskKind = z.enum(RISK_KINDS);

export const handoffNotice = z.strictObject({
  reason: z.string(),
  priority,
  queue: z.string().optional(),
  /** False out of hours: the resident is told when someone will be back. */
  staffAvailable: z.boolean().optional(),
  estimatedWaitSeconds: z.number().optional(),
  route: handoffRoute.optional(),
  riskKind: riskKind.optional(),
});

/** One reply: text plus the optional parts a channel renders as it can. */
export const outboundMessage = z.strictObject({
  text: z.string(),
  /** Plain spoken form where it differs from text (voice channels). */
  speech: z.string().optional(),
  suggestions: z.array(suggestion).optional(),
  card: card.optional(),
  link: link.optional(),
  askFor: askFor.optional(),
  handoff: handoffNotice.optional(),
  /** Asks "Was this useful?" about an article. */
  feedbackFor: z.strictObject({ articleId: z.string() }).optional(),
  /** The language the reply is written in: web chat marks its bubble with `lang`, voice picks its voice. */
  language: language.optional(),
});

/** The reply parts a transcript may carry: everything of an outbound message but its text. */
export const OUTBOUND_PARTS = ['speech', 'suggestions', 'card', 'link', 'askFor', 'handoff', 'feedbackFor', 'language'] as const;

export const CONVERSATION_STATES = ['bot', 'queued', 'with_agent', 'closed'] as const;
export const conversationState = z.enum(CONVERSATION_STATES);
export const author = z.enum(['resident', 'bot', 'agent', 'system']);
export const direction = z.enum(['in', 'out']);

// POST /api/v1/conversations
export const createConversationRequest = z.strictObject({
  tenant: z.string().min(1).max(64).optional(),
  channel: z.enum(['api', 'webchat']).default('api'),
  /** The resident's choice of language (the widget's English / Cymraeg switch): the greeting is in it. */
  language: language.optional(),
});
export const createConversationResponse = z.strictObject({ conversationId: z.string(), token: z.string() });

// POST /api/v1/conversations/:id/messages (the server normalises `text` before these checks)
export const MAX_CLIENT_MESSAGE_ID = 100;
export const postMessageRequest = z.strictObject({
  text: z.string().min(1, 'text must not be empty'),
  /** The client's message id: a retry with the same id is answered once. */
  id: z.string().min(1).max(MAX_CLIENT_MESSAGE_ID).optional(),
  /** The language the resident chose for this message (the widget's switch); absent: the assistant decides. */
  language: language.optional(),
});
export const postMessageResponse = z.strictObject({ messages: z.array(outboundMessage) });

// GET /api/v1/conversations/:id/messages
export const transcriptMessage = outboundMessage.partial().extend({
  id: z.string(),
  direction,
  author,
  text: z.string(),
  createdAt: z.string(),
  /** The adviser's first name on their messages. */
  agentName: z.string().optional(),
});
export const transcriptResponse = z.strictObject({
  conversationId: z.string(),
  state: conversationState,
  messages: z.array(transcriptMessage),
});

// GET /api/v1/suggestions
export const typeaheadSuggestion = z.strictObject({
  text: z.string(),
  kind: z.enum(['question', 'article']),
  articleId: z.string().optional(),
  url: z.string().optional(),
});
export const suggestionsResponse = z.strictObject({ suggestions: z.array(typeaheadSuggestion) });

// GET /api/v1/languages?tenant=: what the widget's English / Cymraeg switch offers
export const languagesResponse = z.strictObject({ languages: z.array(language).min(1) });

export type Language = z.infer<typeof language>;
export type LanguagesResponse = z.infer<typeof languagesResponse>;
export type Suggestion = z.infer<typeof suggestion>;
export type Link = z.infer<typeof link>;
export type Card = z.infer<typeof card>;
export type AskFor = z.infer<typeof askFor>;
export type Priority = z.infer<typeof priority>;
export type HandoffRoute = z.infer<typeof handoffRoute>;
export type RiskKind = z.infer<typeof riskKind>;
export type HandoffNotice = z.infer<typeof handoffNotice>;
export type OutboundMessage = z.infer<typeof outboundMessage>;
export type ConversationState = z.infer<typeof conversationState>;
export type Author = z.infer<typeof author>;
export type CreateConversationRequest = z.input<typeof createConversationRequest>;
export type CreateConversationResponse = z.infer<typeof createConversationResponse>;
export type PostMessageRequest = z.infer<typeof postMessageRequest>;
export type PostMessageResponse = z.infer<typeof postMessageResponse>;
export type TranscriptMessage = z.infer<typeof transcriptMessage>;
export type TranscriptResponse = z.infer<typeof transcriptResponse>;
export type TypeaheadSuggestion = z.infer<typeof typeaheadSuggestion>;
export type SuggestionsResponse = z.infer<typeof suggestionsResponse>;
