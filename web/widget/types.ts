/** The web chat API's shapes, from wire/ (types only: no zod in the widget's bundle). */
import type { CreateConversationResponse, TranscriptResponse } from '../../wire/index.js';

export type {
  AskFor,
  Author,
  Card,
  ConversationState,
  HandoffNotice,
  OutboundMessage,
  Suggestion,
  TranscriptMessage,
  TypeaheadSuggestion,
  UploadFileResponse,
} from '../../wire/index.js';

/** GET /api/v1/conversations/:id/messages. */
export type Transcript = TranscriptResponse;

/** The conversation the widget holds: what POST /api/v1/conversations returned. */
export type Session = CreateConversationResponse;
