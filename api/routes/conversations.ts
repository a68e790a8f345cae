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
  MAX_CLIENT_MESSAGE_ID,
  OUTBOUND_PARTS,
  postMessageRequest,
  type CreateConversationResponse,
  type Language,
  type LanguagesResponse,
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

/**
 * The usual message body ({"text": "..."}, maybe an id and a language), checked without the schema
 * (zod's parse showed in a turn's CPU profile); undefined for anything else, which `messageBody`
 * then checks (and words the error). Only bodies well inside the schema's limits pass here, so the
 * result is what `messageBody.parse` would return.
 */
function plainMessage(body: unknown): { text: string; id?: string; language?: Language } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) if (key !== 'text' && key !== 'id' && key !== 'language') return undefined;
  if (typeof b.text !== 'string') return undefined;
  const text = normaliseInboundText(b.text, Number.MAX_SAFE_INTEGER);
  // Half the limit in UTF-16 units: within it however characters are counted.
  if (!text.length || text.length > MAX_INBOUND_CHARS / 2) return undefined;
  const out: { text: string; id?: string; language?: Language } = { text };
  if (b.id !== undefined) {
    if (typeof b.id !== 'string' || !b.id.length || b.id.length > MAX_CLIENT_MESSAGE_ID / 2) return undefined;
    out.id = b.id;
  }
  if (b.language !== undefined) {
    if (b.language !== 'en' && b.language !== 'cy') return undefined;
    out.language = b.language;
  }
  return out;
}
const languagesQuery = z.object({ tenant: z.string().min(1).max(64).optional() });

/**
 * The greeting in the resident's language. `greeting(settings, language)` takes the language once
 * bot/ writes Welsh replies (issue 17); until then it has one parameter and answers in English,
 * and the reply is marked so (never `lang="cy"` over English words).
 */
type Greeting = (settings: Parameters<typeof greeting>[0], language?: Language) => ReturnType<typeof greeting> & { language?: Language };
function greetingIn(settings: Parameters<typeof greeting>[0], language: Language | undefined): ReturnType<Greeting> {
  const greet = greeting as Greeting;
  const hello = greet(settings, language);
  // The bilingual greeting (no language asked for) is in both: it carries no language of its own.
  if (!language) return hello;
  const written = hello.language ?? (greet.length >= 2 ? language : 'en');
  return { ...hello, language: written };
}

/** The languages a council offers, its default first (settings.languages; English where a pack predates it). */
function languagesOf(settings: { languages?: readonly string[] }): Language[] {
  const offered = (settings.languages ?? []).filter((l): l is Language => l === 'en' || l === 'cy');
  return offered.length ? offered : ['en'];
}

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
    const offered = languagesOf(runtime.pack.settings);
    // A language the resident chose (the widget sends one only then) when the council offers it. No
    // choice: a council offering both greets bilingually (Welsh first, "Cymraeg" / "English" buttons);
    // one offering a single language greets in it.
    const chosen = body.language && offered.includes(body.language) ? body.language : undefined;
    const hello = greetingIn(runtime.pack.settings, chosen ?? (offered.length > 1 ? undefined : offered[0]));
    // The contact, its identity, the conversation and the greeting in one statement (a fresh id has no contact yet).
    const conversationId = await startConversation(store.db, { tenant, channel, channelUserId, tokenHash: hash, greeting: { text: hello.text, parts: hello } });
    res.status(201).location(`/api/v1/conversations/${conversationId}`).json({ conversationId, token } satisfies CreateConversationResponse);
  });

  router.post('/conversations/:id/messages', async (req, res) => {
    const { id, token } = credentials(req);
    requireJson(req, false);
    const body = plainMessage(req.body) ?? messageBody.parse(req.body);
    const receivedAt = new Date();
    // The message is stored by the statement that locks the conversation's row, and the token is
    // checked on that row, in the turn's own transaction: a wrong one rolls it back, nothing kept.
    const result = await assistant
      .receive({ id }, {
        // A client's message id is unique within its conversation only: scope it, so another
        // conversation reusing "seq-7" is a new message, never a replay of someone else's replies.
        providerMessageId: body.id ? `client:${id}:${body.id}` : randomUUID(),
        text: body.text,
        receivedAt,
        // The resident's choice with the widget's switch: it wins over detection (bot/ decides the rest).
        ...(body.language ? { language: body.language } : {}),
        accept: (conversation) => checkToken(conversation, token),
      })
      .catch((err: unknown) => {
        if (err instanceof UnknownConversationError) throw notFound(id);
        throw err;
      });
    if (result.duplicate) res.setHeader('Idempotent-Replayed', 'true');
    res.json({ messages: result.replies } satisfies PostMessageResponse);
  });

  // The widget's English / Cymraeg switch shows where the council offers both.
  router.get('/languages', (req, res) => {
    const { tenant = deps.defaultTenant } = languagesQuery.parse(req.query);
    let runtime;
    try {
      runtime = assistant.runtime(tenant);
    } catch {
      throw new HttpProblem(404, 'Unknown tenant', `There is no council with the id "${tenant}".`);
    }
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json({ languages: languagesOf(runtime.pack.settings) } satisfies LanguagesResponse);
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
