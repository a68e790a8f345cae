import { Router } from 'express';
import { conversationSight, QueueError } from '../../handoff/index.js';
import { addConversationNote, conversationNotes, markConversationRead, recordAudit, unreadCounts, type ConversationNote } from '../../store/index.js';
import { noteRequest, readRequest, type ConversationNoteItem, type ConversationNotes, type NoteAdded, type UnreadCounts } from '../../wire/index.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent, type ConsoleAgent } from './session.js';
import { notifyConversationMessage, overflowPolicyOf, queuesOf } from './socket.js';
import { queueErrors } from './work-routes.js';

/**
 * Private notes between agents on a conversation, and unread counts (issue 16, item 7).
 * A note is stored apart from the conversation's messages (store/conversation-notes.ts), so no
 * channel ever sends it; it is for whoever may see the conversation (need to know, as the view),
 * and each one added is audited. Unread counts are residents' messages in the conversations an
 * agent holds that arrived after the last one their console showed them.
 */
export function noteRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const db = deps.store.db;
  const auth = requireAgent(deps);

  /** 404 unless the agent may see the conversation, as for every action on it (api/console/work-routes.ts). */
  const mustSee = async (agent: ConsoleAgent, conversationId: string): Promise<void> => {
    const { sight } = await conversationSight(db, agent.tenantId, conversationId, agent, queuesOf(deps, agent.tenantId), {
      urgentOverflow: overflowPolicyOf(deps, agent.tenantId),
      now: deps.clock(),
    });
    if (!sight) throw new QueueError(404, 'Conversation not found');
  };

  router.get('/conversations/:id/notes', auth, async (req, res) => {
    const agent = req.agent!;
    await mustSee(agent, String(req.params.id));
    const notes = await conversationNotes(db, agent.tenantId, String(req.params.id));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ notes: notes.map(toWire) } satisfies ConversationNotes);
  });

  router.post('/conversations/:id/notes', auth, async (req, res) => {
    const agent = req.agent!;
    const { text } = noteRequest.parse(req.body ?? {});
    const conversationId = String(req.params.id);
    await mustSee(agent, conversationId);
    const note = await addConversationNote(db, { tenant: agent.tenantId, conversationId, agentId: agent.id, agentName: agent.name, text, now: deps.clock() });
    // The text stays out of the audit trail (it is in the note, sealed): who wrote which note, when.
    await recordAudit(db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action: 'conversation.note', subjectType: 'conversation', subjectId: conversationId, detail: { agentName: agent.name, noteId: note.id } });
    // Colleagues with the conversation open re-read it (and its notes); nothing goes to the resident.
    await notifyConversationMessage(deps, agent.tenantId, conversationId);
    res.status(201).json({ note: toWire(note) } satisfies NoteAdded);
  });

  router.post('/conversations/:id/read', auth, async (req, res) => {
    const agent = req.agent!;
    const { upTo } = readRequest.parse(req.body ?? {});
    await mustSee(agent, String(req.params.id));
    await markConversationRead(db, { tenant: agent.tenantId, agentId: agent.id, conversationId: String(req.params.id), upTo, now: deps.clock() });
    res.status(204).end();
  });

  router.get('/unread', auth, async (req, res) => {
    const agent = req.agent!;
    res.setHeader('Cache-Control', 'no-store');
    res.json({ conversations: await unreadCounts(db, agent.tenantId, agent.id) } satisfies UnreadCounts);
  });

  router.use(queueErrors);
  return router;
}

function toWire(n: ConversationNote): ConversationNoteItem {
  return { id: n.id, agentId: n.agentId, agentName: n.agentName, text: n.text, createdAt: n.createdAt.toISOString() };
}
