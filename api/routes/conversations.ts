import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { greeting, MAX_INBOUND_CHARS, normaliseInboundText, UnknownConversationError, type Assistant } from '../../bot/index.js';
import {
  findConversationById,
  partsOf,
  startConversation,
  transcript,
  type ConversationRow,
  type MessageRow,
  type Store,
} from '../../store/index.js';
import {
  createConversationRequest,
  OUTBOUND_PARTS,
  postMessageRequest,
  type CreateConversationResponse,
  type PostMessageResponse,
  type Sendable,
  type TranscriptMessage,
  type TranscriptResponse,
} from '../../wire/index.js';
import { bearerToken, newConversationToken, tokenMatches } from '../auth.js';
import { HttpProblem } from '../problem.js';
import type { Realtime } from '../realtime.js';

const createBody = createConversationRequest;
const messageBody = postMessageRequest.extend({
  // Normalised before the checks, so a message of only control characters is "empty", not a fault.
  text: z.preprocess((v) => (typeof v === 'string' ? normaliseInboundText(v, Number.MAX_SAFE_INTEGER) : v), postMessageRequest.shape.text.max(MAX_INBOUND_CHARS, `text must be at most ${MAX_INBOUND_CHARS} characters`)),
});
const uuid = z.uuid();

export function conversationRoutes(deps: { store: Store; assistant: Assistant; defaultTenant: string; realtime?: Realtime }): Router {
  const { store, assistant } = deps;
  const router = Router();

  router.post('/conversations', async (req, res) => {
    requireJson(req, true);
    const body = createBody.parse(req.body ?? {});
    const tenant = body.tenant ?? deps.defaultTenant;
    let runtime;
    try {
      runtime = assistant.runtime(tenant);
    } catch {
      throw new HttpProblem(404, 'Unknown tenant', `There is no council with the id "${tenant}".`);
    }
    const { token, hash } = newConversationToken();
    const channelUserId = randomUUID();
    const channel = body.channel;
    const hello = greeting(runtime.pack.settings);
    // The contact, its identity, the conversation and the greeting in one statement (a fresh id has no contact yet).
    const conversationId = await startConversation(store.db, { tenant, channel, channelUserId, tokenHash: hash, greeting: { text: hello.text, parts: hello } });
    res.status(201).location(`/api/v1/conversations/${conversationId}`).json({ conversationId, token } satisfies CreateConversationResponse);
  });

  router.post('/conversations/:id/messages', async (req, res) => {
    const { id, token } = credentials(req);
    requireJson(req, false);
    const body = messageBody.parse(req.body);
    const receivedAt = new Date();
    // The token is checked on the conversation's locked row, in the turn's own transaction (one
    // statement fewer); a wrong one is refused before anything is written.
    const result = await assistant
      .receive({ id }, (conversation) => {
        checkToken(conversation, token);
        return {
          tenant: conversation.tenant_id,
          channel: conversation.channel as 'api' | 'webchat',
          channelUserId: conversation.channel_user_id,
          // A client's message id is unique within its conversation only: scope it, so another
          // conversation reusing "seq-7" is a new message, never a replay of someone else's replies.
          providerMessageId: body.id ? `client:${id}:${body.id}` : randomUUID(),
          text: body.text,
          receivedAt,
        };
      }, undefined, { text: body.text })
      .catch((err: unknown) => {
        if (err instanceof UnknownConversationError) throw notFound(id);
        throw err;
      });
    if (result.duplicate) res.setHeader('Idempotent-Replayed', 'true');
    res.json({ messages: result.replies } satisfies PostMessageResponse);
  });

  router.get('/conversations/:id/messages', async (req, res) => {
    const conversation = await authorise(req);
    const rows = await transcript(store.db, conversation.tenant_id, conversation.id);
    const fresh = await findConversationById(store.db, conversation.id);
    res.json({
      conversationId: conversation.id,
      state: fresh?.state ?? conversation.state,
      messages: rows.map(transcriptMessage),
    } satisfies Sendable<TranscriptResponse>);
  });

  async function authorise(req: Request): Promise<ConversationRow> {
    const { id, token } = credentials(req);
    const conversation = await findConversationById(store.db, id);
    if (!conversation) throw notFound(id);
    checkToken(conversation, token);
    return conversation;
  }

  return router;
}

/** The conversation id and bearer token a request names, checked for form before any lookup. */
function credentials(req: Request): { id: string; token: string } {
  const id = String(req.params.id);
  const token = bearerToken(req.headers.authorization);
  if (!token) throw new HttpProblem(401, 'Unauthorised', 'Send the conversation token as "Authorization: Bearer <token>".');
  if (!uuid.safeParse(id).success) throw notFound(id);
  return { id, token };
}

function checkToken(conversation: ConversationRow, token: string): void {
  if (!tokenMatches(token, conversation.token_hash)) throw new HttpProblem(401, 'Unauthorised', 'The token does not belong to this conversation.');
}

function notFound(id: string): HttpProblem {
  return new HttpProblem(404, 'Conversation not found', `There is no conversation ${id}.`);
}

/**
 * A stored message as the resident reads it: the reply parts of an outbound message (never the
 * rest of what is stored with it, such as the adviser's id or a notice's kind) and the adviser's first name.
 */
function transcriptMessage(r: MessageRow): Sendable<TranscriptMessage> {
  const parts = r.direction === 'out' ? (partsOf<Record<string, unknown> & { agent?: { name?: unknown } }>(r) ?? {}) : {};
  const reply: Record<string, unknown> = {};
  for (const key of OUTBOUND_PARTS) if (parts[key] !== undefined) reply[key] = parts[key];
  const agentName = r.author === 'agent' && typeof parts.agent?.name === 'string' ? parts.agent.name : undefined;
  return {
    ...(reply as Partial<TranscriptMessage>),
    ...(agentName ? { agentName } : {}),
    // bigserial ids: a string from PostgreSQL, a number from PGlite; always a string on the wire.
    id: String(r.id),
    direction: r.direction,
    author: r.author,
    text: r.text,
    createdAt: r.created_at,
  };
}

function requireJson(req: Request, allowEmpty: boolean): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (allowEmpty && !length && !req.headers['transfer-encoding']) return;
  if (!req.is('application/json')) throw new HttpProblem(415, 'Unsupported media type', 'Send the body as application/json.');
}
