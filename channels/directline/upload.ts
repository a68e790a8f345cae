/**
 * `POST /v3/directline/conversations/:id/upload?userId=` : files a Direct Line client sends (Web
 * Chat's paperclip, DirectLineJS's postActivity with local attachments), multipart/form-data with
 * an `activity` part (the message) and one part per file, as Microsoft's service takes them. Each
 * file is kept as every channel's files are (files/: checked by its bytes, metadata stripped,
 * sealed), stored as the resident's message with the files attached (what agents see) and
 * answered as web chat's upload is (files/ fileKeptReply); the message is echoed with the client's
 * `clientActivityID`. A file refused (type, size, damage) answers the problem in the resident's
 * words (413, 415, 422) and no message is stored from that upload (a file kept before the refused
 * one in the same upload stays recorded with the conversation, as a refused one's record does).
 */
import type { Request } from 'express';
import { attachFilesToCases, consoleFileUrl, FILE_MAX_BYTES, fileKeptReply, fileRefusedReply, FileStorageError, keepFile, type KeepOutcome } from '../../files/index.js';
import { dialogueOf, DIRECTLINE_CHANNEL, logInbound, storeConversationFileMessage, type ConversationRow, type DirectLineConversation } from '../../store/index.js';
import type { ChannelDeps } from '../adapter.js';
import { activityId } from './activities.js';

const MAX_FILES = 5;
/** The whole body: the files and the activity, read up to this and refused past it. */
export const MAX_UPLOAD_BYTES = MAX_FILES * FILE_MAX_BYTES + 64 * 1024;

export class UploadProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422 | 503,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Reads the body up to `max` bytes; null when there is more. */
function readBody(req: Request, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        return resolve(null);
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
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

/** Keeps the upload's files and stores them as the resident's message; returns the echo's id. */
export async function acceptUpload(deps: ChannelDeps, conv: DirectLineConversation, req: Request, tokenUser: string | undefined): Promise<{ id: string }> {
  const type = req.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw new UploadProblem(415, 'Unsupported media type', 'Send the files as multipart/form-data, with the message as an "activity" part.');
  const announced = Number(req.get('content-length'));
  if (Number.isFinite(announced) && announced > MAX_UPLOAD_BYTES) throw new UploadProblem(413, 'Upload too large', `Send at most ${MAX_FILES} files of up to 10 MB each.`);
  const body = await readBody(req, MAX_UPLOAD_BYTES);
  if (!body) throw new UploadProblem(413, 'Upload too large', `Send at most ${MAX_FILES} files of up to 10 MB each.`);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new UploadProblem(400, 'Invalid upload', 'The body is not valid multipart/form-data.');
  }
  let activity: { text?: unknown; from?: { id?: unknown; name?: unknown }; channelData?: { clientActivityID?: unknown } } = {};
  const files: File[] = [];
  const entries: [string, FormDataEntryValue][] = [];
  form.forEach((value, name) => entries.push([name, value]));
  for (const [name, value] of entries) {
    if (name === 'activity') {
      try {
        activity = JSON.parse(typeof value === 'string' ? value : await value.text());
      } catch {
        throw new UploadProblem(400, 'Invalid upload', 'The "activity" part is not valid JSON.');
      }
    } else if (typeof value !== 'string') files.push(value);
  }
  if (!files.length) throw new UploadProblem(400, 'Invalid upload', 'The upload has no file.');
  if (files.length > MAX_FILES) throw new UploadProblem(413, 'Upload too large', `Send at most ${MAX_FILES} files at once.`);

  const tenant = conv.tenant;
  const kept: Extract<KeepOutcome, { status: 'stored' }>[] = [];
  for (const f of files) {
    let outcome: KeepOutcome;
    try {
      outcome = await keepFile(deps.db, { tenant, conversationId: conv.conversationId, messageId: null, channel: DIRECTLINE_CHANNEL, name: f.name || null, declaredType: f.type || null, bytes: Buffer.from(await f.arrayBuffer()) });
    } catch (err) {
      if (!(err instanceof FileStorageError)) throw err;
      throw new UploadProblem(503, 'File not kept', "Sorry, we couldn't keep your file just now. Please try again in a minute.");
    }
    if (outcome.status === 'refused') {
      const title = outcome.httpStatus === 413 ? 'File too large' : outcome.httpStatus === 415 ? 'File type not accepted' : 'File damaged';
      throw new UploadProblem(outcome.httpStatus, title, fileRefusedReply(outcome.kind, outcome.reason));
    }
    kept.push(outcome);
  }

  const clientId = typeof activity.channelData?.clientActivityID === 'string' ? activity.channelData.clientActivityID.slice(0, 256) : undefined;
  const fromId = tokenUser ?? (typeof activity.from?.id === 'string' ? activity.from.id.slice(0, 128) : typeof req.query.userId === 'string' ? req.query.userId.slice(0, 128) : 'resident');
  const kind = kept.length > 1 ? (kept.every((k) => k.kind === 'photo') ? ('photos' as const) : ('files' as const)) : kept[0].kind;
  const names = files.map((f) => f.name).filter(Boolean);
  const stored = await storeConversationFileMessage(
    deps.db,
    conv.conversationId,
    {
      tenant,
      channel: DIRECTLINE_CHANNEL,
      providerMessageId: clientId ? `${conv.conversationId}:${clientId}` : `file:${conv.conversationId}:${kept[0].id}`,
      text: `(${kind} sent${names.length ? `: ${names.join(', ')}` : ''})`,
      parts: {
        attachments: kept.map((k, i) => ({ url: consoleFileUrl(k.id), contentType: k.contentType, ...(files[i].name ? { name: files[i].name } : {}) })),
        files: kept.map((k) => ({ id: k.id, metadataRemoved: k.metadataRemoved })),
        directline: { from: { id: fromId }, ...(clientId ? { clientActivityID: clientId } : {}) },
      },
      receivedAt: deps.clock(),
      fileIds: kept.map((k) => k.id),
    },
    (m) => fileKeptReply(kind, { reporting: reporting(m.conversation), caseReference: m.caseReference, state: m.conversation.state }),
  );
  if (!stored) throw new UploadProblem(400, 'Invalid upload', 'That upload was sent before.');
  if (stored.caseReference) await attachFilesToCases(deps.db, tenant, conv.conversationId);
  const seq = await logInbound(deps.db, tenant, conv.conversationId, stored.messageId);
  return { id: seq ? activityId(conv.conversationId, seq) : `${conv.conversationId}|file` };
}
