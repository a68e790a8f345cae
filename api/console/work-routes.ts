import { Router, type ErrorRequestHandler, type Request } from 'express';
import {
  accept,
  close,
  conversationSight,
  createCaseFor,
  handBack,
  listQueue,
  QueueError,
  reply,
  transfer,
  updateCase,
  viewConversation,
} from '../../handoff/index.js';
import { emailWindowOf, messagingWindowOf } from '../../channels/index.js';
import { askAfterAgentClose } from '../../bot/index.js';
import { conversationLanguages, findCaseByReference, listTransferAgents, recordAudit, undeliveredOutbound } from '../../store/index.js';
import { openFile } from '../../files/index.js';
import {
  caseRequest,
  caseUpdateRequest,
  closeRequest,
  kbSearchQuery,
  replyRequest,
  transferRequest,
  type AcceptResponse,
  type AgentDirectory,
  type CaseCreated,
  type ConversationView,
  type KbSearchResponse,
  type QueueListing,
  type ReplyResponse,
  type TransferTargets,
} from '../../wire/index.js';
import { sendProblem } from '../problem.js';
import { deliveryNote } from './delivery-notes.js';
import { bridgeOnAccept } from './call-routes.js';
import { cannedRoutes } from './canned-routes.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { emitToConsoles, notifyConversationMessage, notifyQueueChanged, overflowPolicyOf, queuesOf, routeAndNotify, serviceNamesOf, welshQueuesOf } from './socket.js';

const messageBody = replyRequest;
const transferBody = transferRequest;
const closeBody = closeRequest;
const caseBody = caseRequest;
const caseUpdateBody = caseUpdateRequest;
const searchQuery = kbSearchQuery;

/**
 * The agent's work (handoff/README.md): queue, accept, conversation view, reply, transfer,
 * hand back, close, knowledge-base search, cases. Every query is scoped by
 * the signed-in agent's tenant, so another tenant's conversation is simply not found (404); and
 * within the council, a conversation the agent has no need to know (handoff/queue/access.ts) is
 * not found either, for the view and every action on it, so its existence is not confirmed.
 * Changes are announced to consoles (`/console` namespace) and to the resident's browser.
 */
export function workRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const auth = requireAgent(deps);
  const db = deps.store.db;

  const agentOf = (req: Request): ConsoleAgent => {
    if (!req.agent) throw new QueueError(403, 'Not signed in');
    return req.agent;
  };
  // Called only once an action has returned, that is after its transaction committed: the
  // resident's notice it stored (conversations/notices.ts) is then refreshed into the widget and
  // sent by SMS. Were this lost (a crash here), the SMS outbox sweep still sends it.
  // The consoles' event waits for its audience lookup (it never throws), so it is out before the answer.
  const changed = async (tenant: string, conversationId: string) => {
    notifyQueueChanged(deps, tenant);
    deps.realtime?.conversationUpdated(conversationId);
    deps.dispatchOutbound?.(tenant, conversationId);
    await notifyConversationMessage(deps, tenant, conversationId);
  };

  const overflowOptions = (tenant: string) => ({ urgentOverflow: overflowPolicyOf(deps, tenant), now: deps.clock() });
  /** Throws 404 unless the agent may see the conversation (the view checks for itself, and audits why). */
  const mustSee = async (agent: ConsoleAgent, conversationId: string, notFound = 'Conversation not found'): Promise<void> => {
    const { sight } = await conversationSight(db, agent.tenantId, conversationId, agent, queuesOf(deps, agent.tenantId), overflowOptions(agent.tenantId));
    if (!sight) throw new QueueError(404, notFound);
  };

  // Transfer targets: the council's queues and its agents (names and presence only).
  router.get('/queues', auth, (req, res) => {
    res.json({ queues: queuesOf(deps, agentOf(req).tenantId).map((q) => ({ id: q.id, name: q.name, skills: q.skills })) } satisfies TransferTargets);
  });
  router.get('/agents', auth, async (req, res) => {
    const rows = await listTransferAgents(db, agentOf(req).tenantId);
    res.json({ agents: rows } satisfies AgentDirectory);
  });

  router.get('/queue', auth, async (req, res) => {
    const agent = agentOf(req);
    const handoffs = await listQueue(db, agent.tenantId, agent, queuesOf(deps, agent.tenantId), deps.clock(), {
      urgentOverflow: overflowPolicyOf(deps, agent.tenantId),
      serviceName: serviceNamesOf(deps, agent.tenantId),
    });
    // The conversation's language (issue 17), read after the need-to-know listing: only for what it shows.
    const languages = await conversationLanguages(db, agent.tenantId, handoffs.map((h) => h.conversationId));
    res.json({ handoffs: handoffs.map((h) => withLanguage(h, languages.get(h.conversationId))) } satisfies QueueListing);
  });

  router.post('/handoffs/:id/accept', auth, async (req, res) => {
    const agent = agentOf(req);
    const result = await accept(db, agent.tenantId, String(req.params.id), agent, queuesOf(deps, agent.tenantId), deps.clock(), {
      urgentOverflow: overflowPolicyOf(deps, agent.tenantId),
      welshQueues: welshQueuesOf(deps, agent.tenantId),
    });
    // A caller waiting in a Twilio queue is bridged to the agent now (a refusal puts the handoff back: 502).
    const refused = await bridgeOnAccept(deps, req, agent, result);
    if (refused) return void sendProblem(res, refused.status, refused.title, refused.detail);
    await changed(agent.tenantId, result.conversationId);
    res.json({ conversationId: result.conversationId } satisfies AcceptResponse);
  });

  router.get('/conversations/:id', auth, async (req, res) => {
    const agent = agentOf(req);
    const flows = runtimeOf(agent.tenantId)?.pack.flows ?? [];
    const view = await viewConversation(
      db,
      agent.tenantId,
      String(req.params.id),
      agent,
      queuesOf(deps, agent.tenantId),
      (id) => flows.find((f) => f.id === id)?.title,
      serviceNamesOf(deps, agent.tenantId),
      overflowOptions(agent.tenantId),
    );
    // WhatsApp, Messenger, Instagram: how long free-form replies remain allowed (WhatsApp: then a template
    // asks the resident to write; Messenger and Instagram: an agent's reply with the HUMAN_AGENT tag, or none).
    // E-mail: how long the resident's next mail carries this conversation on (days, not minutes).
    const window =
      (await messagingWindowOf({ db, assistant: deps.assistant }, agent.tenantId, view.conversation.id, deps.clock())) ??
      (await emailWindowOf({ db, assistant: deps.assistant }, agent.tenantId, view.conversation.id, deps.clock()));
    const messagingWindow = window && {
      channel: window.channel,
      open: window.open,
      closesAt: window.closesAt?.toISOString() ?? null,
      ...(window.agentClosesAt !== undefined ? { agentClosesAt: window.agentClosesAt?.toISOString() ?? null } : {}),
      ...(window.humanAgentTag !== undefined ? { humanAgentTag: window.humanAgentTag } : {}),
    };
    // Messages that have not reached the resident, with the reason recorded on each.
    const undelivered = new Map((await undeliveredOutbound(db, agent.tenantId, view.conversation.id)).map((u) => [u.id, u]));
    res.setHeader('Cache-Control', 'no-store');
    // handoff/queue's view types state, priority, direction and author as plain strings: wire/wire.test.ts parses the real response.
    // Message ids (bigserial) come as numbers from PGlite, strings from PostgreSQL: always strings on the wire.
    const transcript = view.transcript.map((m) => {
      const u = undelivered.get(String(m.id));
      return { ...m, id: String(m.id), ...(u ? { delivery: deliveryNote(u.status, u.parts) } : {}) };
    });
    const language = (await conversationLanguages(db, agent.tenantId, [view.conversation.id])).get(view.conversation.id);
    const context = withLanguage(view.context, language);
    res.json({ ...view, context, ...(messagingWindow ? { messagingWindow } : {}), transcript } as ConversationView);
  });

  // A file a resident sent (a web chat upload, an MMS picture, a WhatsApp photo, PDF or voice note: files/), for
  // agents who may see its conversation; anything else is not found. Audited as a view of the conversation.
  router.get('/media/:id', auth, async (req, res) => {
    const agent = agentOf(req);
    const opened = /^[0-9a-f-]{36}$/.test(String(req.params.id)) ? await openFile(db, agent.tenantId, String(req.params.id)) : undefined;
    if (!opened) throw new QueueError(404, 'File not found');
    const file = { ...opened.file, data: opened.data };
    await mustSee(agent, file.conversationId, 'File not found');
    if (file.status !== 'stored' || !file.data) throw new QueueError(404, 'File not kept', file.reason ? `It was not kept: ${file.reason}.` : undefined);
    await recordAudit(db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action: 'media.view', subjectType: 'conversation', subjectId: file.conversationId, detail: { agentName: agent.name, mediaId: file.id } });
    const shown = /^(image\/(jpeg|png|webp)|audio\/|application\/pdf$)/.test(file.contentType);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Sent by a stranger: never run as a page of ours.
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
    res.setHeader('Content-Disposition', `${shown ? 'inline' : 'attachment'}; filename="${(file.name ?? `resident-file-${file.id.slice(0, 8)}`).replace(/[^\w. -]/g, '_').slice(0, 100)}"`);
    res.type(file.contentType).send(file.data);
  });

  router.post('/conversations/:id/messages', auth, async (req, res) => {
    const agent = agentOf(req);
    const { text } = messageBody.parse(req.body ?? {});
    await mustSee(agent, String(req.params.id));
    const message = await reply(db, agent.tenantId, String(req.params.id), agent, text, deps.clock());
    deps.realtime?.conversationUpdated(message.conversation_id);
    deps.dispatchOutbound?.(agent.tenantId, message.conversation_id);
    await notifyConversationMessage(deps, agent.tenantId, message.conversation_id);
    res.status(201).json({
      message: {
        id: String(message.id),
        conversationId: message.conversation_id,
        direction: message.direction,
        author: message.author,
        text: message.text,
        createdAt: message.created_at.toISOString(),
      },
    } satisfies ReplyResponse);
  });

  router.post('/conversations/:id/transfer', auth, async (req, res) => {
    const agent = agentOf(req);
    const body = transferBody.parse(req.body ?? {});
    await mustSee(agent, String(req.params.id));
    const handoff = await transfer(db, agent.tenantId, String(req.params.id), agent, body, queuesOf(deps, agent.tenantId), deps.clock(), {
      welshQueues: welshQueuesOf(deps, agent.tenantId),
    });
    await changed(agent.tenantId, handoff.conversation_id);
    if (handoff.offered_to) emitToConsoles(deps.consoleNamespace?.(), `agent:${handoff.offered_to}`, 'handoff:offered', { id: handoff.id });
    await routeAndNotify(deps, agent.tenantId);
    res.status(204).end();
  });

  router.post('/conversations/:id/hand-back', auth, async (req, res) => {
    const agent = agentOf(req);
    await mustSee(agent, String(req.params.id));
    const handoff = await handBack(db, agent.tenantId, String(req.params.id), agent, deps.clock());
    await changed(agent.tenantId, handoff.conversation_id);
    await routeAndNotify(deps, agent.tenantId);
    res.status(204).end();
  });

  router.post('/conversations/:id/close', auth, async (req, res) => {
    const agent = agentOf(req);
    const { outcome } = closeBody.parse(req.body ?? {});
    await mustSee(agent, String(req.params.id));
    const handoff = await close(db, agent.tenantId, String(req.params.id), agent, outcome, deps.clock());
    // "How did we do?" to the resident, once (bot/satisfaction.ts); a failure to ask never fails the close.
    await askAfterAgentClose(db, agent.tenantId, handoff.conversation_id, deps.clock()).catch((err) => deps.log.warn({ err: String(err) }, 'satisfaction question not asked'));
    await changed(agent.tenantId, handoff.conversation_id);
    await routeAndNotify(deps, agent.tenantId);
    res.status(204).end();
  });

  // Canned responses: agents read them, supervisors and admins edit them (issue 16).
  router.use(cannedRoutes(deps));

  router.get('/kb/search', auth, async (req, res) => {
    const agent = agentOf(req);
    const { q } = searchQuery.parse({ q: typeof req.query.q === 'string' ? req.query.q : '' });
    const runtime = runtimeOf(agent.tenantId);
    const hits = q && runtime ? runtime.articles.search(q, { limit: 8 }) : [];
    res.json({ articles: hits.map((h) => ({ id: h.article.id, title: h.article.title, summary: h.article.summary, url: h.article.url })) } satisfies KbSearchResponse);
  });

  router.post('/conversations/:id/case', auth, async (req, res) => {
    const agent = agentOf(req);
    const body = caseBody.parse(req.body ?? {});
    await mustSee(agent, String(req.params.id));
    const runtime = runtimeOf(agent.tenantId);
    if (!runtime) throw new QueueError(404, 'Unknown tenant');
    if (!runtime.pack.servicesById.has(body.serviceId)) {
      throw new QueueError(400, 'Unknown service', `There is no service ${body.serviceId} in the catalogue.`);
    }
    const row = await createCaseFor(db, agent.tenantId, String(req.params.id), agent, {
      ...body,
      referencePrefix: runtime.pack.settings.caseReferencePrefix,
    });
    await notifyConversationMessage(deps, agent.tenantId, String(req.params.id));
    res.status(201).json({ reference: row.reference } satisfies CaseCreated);
  });

  router.patch('/cases/:reference', auth, async (req, res) => {
    const agent = agentOf(req);
    const body = caseUpdateBody.parse(req.body ?? {});
    // A case raised in a conversation the agent may not see is not found either.
    const found = await findCaseByReference(db, agent.tenantId, String(req.params.reference));
    if (found?.conversation_id) await mustSee(agent, found.conversation_id, 'Case not found');
    const row = await updateCase(db, agent.tenantId, String(req.params.reference), agent, body);
    if (row.conversation_id) await notifyConversationMessage(deps, agent.tenantId, row.conversation_id);
    res.status(204).end();
  });

  router.use(queueErrors);
  return router;

  function runtimeOf(tenant: string) {
    try {
      return deps.assistant.runtime(tenant);
    } catch {
      return undefined;
    }
  }
}

/** The queue services' rule errors become problem responses; anything else goes to the app's handler. */
export const queueErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof QueueError) return sendProblem(res, err.status, err.title, err.message === err.title ? undefined : err.message);
  next(err);
};

/** Adds the conversation's language to what the console shows, where it is known (issue 17). */
function withLanguage<T extends object>(shown: T, language: string | undefined): T & { language?: 'en' | 'cy' } {
  return language === 'en' || language === 'cy' ? { ...shown, language } : shown;
}
