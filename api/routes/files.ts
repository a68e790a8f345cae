/**
 * Files on the HTTP API:
 *   POST /api/v1/conversations/:id/files   a photo or file from web chat (the conversation's bearer
 *     token, as its other routes): the body is the file, Content-Type its type, ?name= its name. It is
 *     checked, cleaned and kept (files/), stored as the resident's message with the file attached
 *     (what agents see in the console), and answered. Refused: 413 (over the limit, refused from
 *     Content-Length before reading on), 415 (a type not kept), 422 (damaged), the problem's detail
 *     saying why in the resident's words; the refusal is recorded with its reason, and nothing the
 *     resident sent before is touched.
 *   GET /files/v1/:tenant/:id?expires=&signature=   a kept file through a short-lived signed link
 *     (files/links.ts), for back offices and Open311 clients; 403 unless valid and unexpired.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  attachFilesToCases,
  checkFileLink,
  consoleFileUrl,
  FILE_MAX_BYTES,
  fileKeptReply,
  fileRefusedReply,
  FileStorageError,
  keepFile,
  kindSentAs,
  openFile,
  refuseFile,
  tooLarge,
  type KeepOutcome,
} from '../../files/index.js';
import { dialogueOf, findConversationById, recordAudit, storeConversationFileMessage, type ConversationRow, type Store } from '../../store/index.js';
import type { Sendable, UploadFileResponse } from '../../wire/index.js';
import { bearerToken, tokenMatches } from '../auth.js';
import { HttpProblem, sendProblem } from '../problem.js';
import type { Realtime } from '../realtime.js';

const uuid = z.uuid();

/** Reads the body up to `max` bytes; null when there is more (the rest is left unread, and the connection closed after the answer). */
function readBody(req: Request, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      req.pause();
      resolve(null);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function reporting(conversation: ConversationRow): boolean {
  try {
    return !!dialogueOf<{ flow?: unknown } | null>(conversation)?.flow;
  } catch {
    return false;
  }
}

export function fileUploadRoutes(deps: { store: Store; realtime?: Realtime; clock?: () => Date }): Router {
  const { store } = deps;
  const router = Router();

  router.post('/conversations/:id/files', async (req, res) => {
    const id = String(req.params.id);
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new HttpProblem(401, 'Unauthorised', 'Send the conversation token as "Authorization: Bearer <token>".');
    if (!uuid.safeParse(id).success) throw new HttpProblem(404, 'Conversation not found', `There is no conversation ${id}.`);
    const conversation = await findConversationById(store.db, id);
    if (!conversation) throw new HttpProblem(404, 'Conversation not found', `There is no conversation ${id}.`);
    if (!tokenMatches(token, conversation.token_hash)) throw new HttpProblem(401, 'Unauthorised', 'The token does not belong to this conversation.');
    if (conversation.state === 'closed') throw new HttpProblem(409, 'Conversation closed', 'This chat has ended. Start a new chat to send a photo or file.');
    const name = typeof req.query.name === 'string' ? req.query.name.slice(0, 200) : null;
    const declaredType = req.headers['content-type'] ?? null;
    const tenant = conversation.tenant_id;
    const base = { tenantId: tenant, conversationId: id, messageId: null, channel: conversation.channel, name, declaredType };

    const refused = (r: Extract<KeepOutcome, { status: 'refused' }>, res: Response) => {
      if (r.httpStatus === 413) res.setHeader('Connection', 'close'); // the rest of the body is not read
      sendProblem(res, r.httpStatus, r.httpStatus === 413 ? 'File too large' : r.httpStatus === 415 ? 'File type not accepted' : 'File damaged', fileRefusedReply(r.kind, r.reason), { fileId: r.id, reason: r.reason });
    };
    // Refused from what it says it is, without reading it.
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > FILE_MAX_BYTES) {
      return refused(await refuseFile(store.db, { ...base, sizeBytes: announced, reason: tooLarge().reason, httpStatus: 413 }), res);
    }
    const bytes = await readBody(req, FILE_MAX_BYTES);
    if (!bytes) return refused(await refuseFile(store.db, { ...base, sizeBytes: null, reason: tooLarge().reason, httpStatus: 413 }), res);

    let kept: KeepOutcome;
    try {
      kept = await keepFile(store.db, { tenant, conversationId: id, messageId: null, channel: conversation.channel, name, declaredType, bytes });
    } catch (err) {
      if (!(err instanceof FileStorageError)) throw err;
      throw new HttpProblem(503, 'File not kept', `Sorry, we couldn't keep your ${kindSentAs(declaredType)} just now. Please try again in a minute.`);
    }
    if (kept.status === 'refused') return refused(kept, res);

    const now = deps.clock?.() ?? new Date();
    const attachment = { url: consoleFileUrl(kept.id), contentType: kept.contentType, ...(name ? { name } : {}) };
    const stored = await storeConversationFileMessage(
      store.db,
      id,
      {
        tenant,
        channel: conversation.channel,
        providerMessageId: `file:${id}:${kept.id}`,
        text: `(${kept.kind} sent${name ? `: ${name}` : ''})`,
        parts: { attachments: [attachment], file: { id: kept.id, metadataRemoved: kept.metadataRemoved } },
        receivedAt: now,
        fileIds: [kept.id],
      },
      (m) => fileKeptReply(kept.kind, { reporting: reporting(m.conversation), caseReference: m.caseReference, state: m.conversation.state }),
    );
    if (!stored) throw new HttpProblem(404, 'Conversation not found', `There is no conversation ${id}.`);
    if (stored.caseReference) await attachFilesToCases(store.db, tenant, id);
    // Agents holding or watching the conversation see the file now.
    deps.realtime?.conversationUpdated(id);
    res.status(201).json({
      file: { id: kept.id, kind: kept.kind, contentType: kept.contentType, size: kept.sizeBytes, name, metadataRemoved: kept.metadataRemoved },
      messages: stored.replyText ? [{ text: stored.replyText }] : [],
    } satisfies Sendable<UploadFileResponse>);
  });

  return router;
}

/** GET /files/v1/:tenant/:id?expires=&signature= : a kept file, to whoever holds a valid link. */
export function signedFileRoutes(deps: { store: Store; clock?: () => Date }): Router {
  const router = Router();
  router.get('/v1/:tenant/:id', async (req, res) => {
    const tenant = String(req.params.tenant);
    const id = String(req.params.id);
    const now = (deps.clock?.() ?? new Date()).getTime();
    const check = checkFileLink(tenant, id, req.query.expires, req.query.signature, now);
    if (check !== 'valid') return sendProblem(res, 403, 'Forbidden', check === 'expired' ? 'This link to the file has expired: ask for a new one.' : 'This link to the file is not valid.');
    const opened = uuid.safeParse(id).success ? await openFile(deps.store.db, tenant, id) : undefined;
    if (!opened?.data) return sendProblem(res, 404, 'Not found', 'The file is no longer kept.');
    const { file, data } = opened;
    await recordAudit(deps.store.db, { tenant, actorType: 'system', actorId: 'signed-link', action: 'media.view_link', subjectType: 'conversation', subjectId: file.conversationId, detail: { mediaId: file.id } });
    const left = Math.max(0, Math.floor((Number(req.query.expires) * 1000 - now) / 1000));
    const shown = /^(image\/(jpeg|png|webp)|application\/pdf)$/.test(file.contentType);
    res.setHeader('Cache-Control', `private, max-age=${Math.min(left, 300)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A resident's file: never run as a page of ours; other sites (a back office, an Open311 client) may show it.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Disposition', `${shown ? 'inline' : 'attachment'}; filename="${(file.name ?? `resident-file-${file.id.slice(0, 8)}`).replace(/[^\w. -]/g, '_').slice(0, 100)}"`);
    res.type(file.contentType).send(data);
  });
  return router;
}
