/**
 * Photos and files residents send on Messenger and Instagram, kept with their conversation and its
 * cases as every channel's files are (files/: checked by their bytes, metadata stripped, sealed, in
 * the file storage). An attachment arrives as a link to Meta's CDN (`payload.url`, no token needed);
 * the message is stored naming each file by our id (the console's link, `parts.attachments`) before
 * Meta has its 200, and a job (one per message, so a redelivery adds nothing) fetches each file once
 * from that link (https only; at most 3 redirects, each checked; 10 MB; 15 s), keeps it or records
 * why not, puts what was kept on the conversation's cases, and tells the resident what is true:
 * what was kept (for a file sent without words) and what was refused and why. Photos and PDFs are
 * kept; a video or voice note is refused with the reason, without fetching it. A file recorded
 * before under its id is never fetched again, and a reply stored before is not stored again.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Attachment } from '../../bot/index.js';
import {
  attachFilesToCases,
  consoleFileUrl,
  FILE_MAX_BYTES,
  fileKeptReply,
  fileRefusedReply,
  FileRefused,
  FileStorageError,
  keepFile,
  kindOf,
  kindSentAs,
  PHOTOS_AND_PDF_DESCRIPTION,
  refuseFile,
  tooLarge,
  type FileKind,
} from '../../files/index.js';
import { dialogueOf, findConversation, inboundByProviderId, latestCaseReference, partsOf, repliesTo, storedFile, storeOutbound } from '../../store/index.js';
import type { JobQueue } from '../../jobs/index.js';
import type { ChannelDeps } from '../adapter.js';
import type { MessengerConfig } from './config.js';
import type { MessagingAttachment } from './webhook-body.js';

export const MESSENGER_MEDIA_JOB = 'messenger-media';
const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 15_000;
const TRIES = 3;
const RETRY_MS = 400;

type Platform = 'messenger' | 'instagram';
const DISPLAY: Record<Platform, string> = { messenger: 'Messenger', instagram: 'Instagram' };

/** The attachment types that are files, and the type they are announced as before their bytes are seen. */
const ANNOUNCED_AS: Record<string, string> = { image: 'image/*', file: 'application/octet-stream', audio: 'audio/*', video: 'video/*' };

/** Refused without fetching: what the resident is told, ending "Sorry, I couldn't keep the … you sent: …". */
const NOT_KEPT: Record<string, string> = {
  video: `it is a video, and we can only keep ${PHOTOS_AND_PDF_DESCRIPTION}`,
  audio: `we can only keep ${PHOTOS_AND_PDF_DESCRIPTION} sent here, so please type what you said`,
};

/** A file as the stored message describes it (`parts.<platform>.attachments[]`). */
export interface AnnouncedFile {
  type: string;
  url: string;
  title?: string;
  /** Our id for it: the media_files row and the console's link. */
  keptAs: string;
}

/** A file attachment (not a sticker, a location or a shared link) with a link to fetch it from. */
export const isFileAttachment = (a: MessagingAttachment) => !!ANNOUNCED_AS[a.type] && typeof a.payload?.url === 'string' && a.payload.sticker_id === undefined;

/**
 * Each attachment as the message keeps it: a file gets a new id, named by the console's link
 * (`attachments`) and kept beside the platform's link in the details (`described`) for the job.
 * Other attachments with a link (a shared post) keep the platform's link, as before.
 */
export function announceAttachments(attachments: MessagingAttachment[]): { attachments: Attachment[]; described: Record<string, unknown>[]; files: number } {
  const out: Attachment[] = [];
  const described: Record<string, unknown>[] = [];
  let files = 0;
  for (const a of attachments) {
    const base = { type: a.type, ...(a.payload?.url ? { url: a.payload.url } : {}), ...(a.payload?.title ? { title: a.payload.title } : {}) };
    const name = a.payload?.title ? { name: a.payload.title } : {};
    if (isFileAttachment(a)) {
      const keptAs = randomUUID();
      files++;
      described.push({ ...base, keptAs });
      out.push({ url: consoleFileUrl(keptAs), contentType: ANNOUNCED_AS[a.type], ...name });
      continue;
    }
    described.push(base);
    if (a.payload?.url && /^https?:\/\//.test(a.payload.url)) out.push({ url: a.payload.url, contentType: a.type, ...name });
  }
  return { attachments: out, described, files };
}

export interface MessagingMediaJob {
  tenant: string;
  platform: Platform;
  /** The message's mid: the job reads the files from the stored message (no link in the job's data). */
  mid: string;
}

/** One job per message, whoever adds it (a redelivered webhook adds it again; the queue keeps one, and the work is idempotent). */
export async function queueMessagingMedia(jobs: JobQueue, job: MessagingMediaJob): Promise<void> {
  const key = createHash('sha256').update(`${job.tenant}\n${job.platform}\n${job.mid}`).digest('hex').slice(0, 32);
  await jobs.add<MessagingMediaJob>(MESSENGER_MEDIA_JOB, job, { jobId: `messenger-media-${key}`, attempts: 4, backoffMs: 2_000 });
}

class NotFetched extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Whether a link may be fetched: https, or http on the origin META_GRAPH_BASE_URL names when that is
 * an http stand-in (tests and demos). In production the base is https://graph.facebook.com, so only https.
 */
export function fetchableUrl(url: string, graphBaseUrl: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username || u.password) return null;
  if (u.protocol === 'https:') return u;
  const base = new URL(graphBaseUrl);
  return u.protocol === 'http:' && base.protocol === 'http:' && u.origin === base.origin ? u : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bytes behind a CDN link and the type it was served as; more than 10 MB is refused without reading on. */
export async function fetchAttachment(url: string, graphBaseUrl: string): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(url, graphBaseUrl);
    } catch (err) {
      const retryable = err instanceof NotFetched ? err.retryable : !(err instanceof FileRefused);
      if (retryable && attempt < TRIES) {
        await sleep(RETRY_MS * attempt);
        continue;
      }
      throw err;
    }
  }
}

async function fetchOnce(url: string, graphBaseUrl: string): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let target = fetchableUrl(url, graphBaseUrl);
  for (let hop = 0; ; hop++) {
    if (!target) throw new NotFetched('not an https link', false);
    // No credentials: Meta's CDN links carry their own signature, and the Page token must never reach a CDN.
    const res = await fetch(target, { redirect: 'manual', signal, headers: { accept: 'image/*, application/pdf, */*' } });
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new NotFetched('too many redirects', false);
      target = fetchableUrl(new URL(res.headers.get('location')!, target).href, graphBaseUrl);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new NotFetched(`the CDN answered ${res.status}`, res.status >= 500 || res.status === 429);
    }
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > FILE_MAX_BYTES) {
      await res.body?.cancel();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of (res.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > FILE_MAX_BYTES) throw tooLarge();
      chunks.push(Buffer.from(chunk));
    }
    return { bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? undefined };
  }
}

type Outcome = { status: 'stored'; kind: FileKind } | { status: 'refused'; kind: FileKind; reason: string; tryAgain: boolean };

export type MessagingMediaDeps = Pick<ChannelDeps, 'db' | 'log' | 'dispatch'> & { config: Pick<MessengerConfig, 'graphBaseUrl'> };

const TRANSIENT = /^we could not (fetch|store) it/;

/** One file: its recorded outcome if it has one (a repeated job fetches nothing), else fetched, checked and kept, or refused with why. */
async function keepOne(deps: MessagingMediaDeps, where: { tenant: string; conversationId: string; messageId: string; platform: Platform }, f: AnnouncedFile): Promise<Outcome> {
  const { tenant, conversationId, messageId, platform } = where;
  const recorded = await storedFile(deps.db, tenant, f.keptAs);
  if (recorded) {
    return recorded.status === 'stored'
      ? { status: 'stored', kind: kindOf(recorded.contentType) }
      : { status: 'refused', kind: kindSentAs(recorded.contentType), reason: recorded.reason ?? 'it could not be kept', tryAgain: TRANSIENT.test(recorded.reason ?? '') };
  }
  const announced = ANNOUNCED_AS[f.type];
  const base = { id: f.keptAs, tenantId: tenant, conversationId, messageId, channel: platform, name: f.title ?? null };
  if (NOT_KEPT[f.type]) {
    const r = await refuseFile(deps.db, { ...base, declaredType: announced, reason: NOT_KEPT[f.type] });
    return { status: 'refused', kind: r.kind, reason: r.reason, tryAgain: false };
  }
  try {
    const fetched = await fetchAttachment(f.url, deps.config.graphBaseUrl);
    const kept = await keepFile(deps.db, { tenant, conversationId, messageId, channel: platform, id: f.keptAs, name: f.title ?? null, declaredType: fetched.contentType ?? announced, bytes: fetched.bytes });
    return kept.status === 'stored' ? { status: 'stored', kind: kept.kind } : { status: 'refused', kind: kept.kind, reason: kept.reason, tryAgain: false };
  } catch (err) {
    if (err instanceof FileRefused) {
      const r = await refuseFile(deps.db, { ...base, declaredType: announced, reason: err.reason, httpStatus: err.status });
      return { status: 'refused', kind: r.kind, reason: r.reason, tryAgain: false };
    }
    const reason = err instanceof FileStorageError ? 'we could not store it just now' : `we could not fetch it from ${DISPLAY[platform]}`;
    deps.log.warn({ tenant, platform, err: String(err) }, `${DISPLAY[platform]} ${kindSentAs(announced)} not kept: ${reason}`);
    const r = await refuseFile(deps.db, { ...base, declaredType: announced, reason });
    return { status: 'refused', kind: r.kind, reason, tryAgain: true };
  }
}

/**
 * The job: every file of one stored message kept or refused, the kept ones put on the
 * conversation's cases, and the resident told. A message with words has its turn answer it, so
 * only refusals are said here; a file sent alone is thanked here (files/ fileKeptReply).
 */
export async function keepMessagingMedia(deps: MessagingMediaDeps, job: MessagingMediaJob): Promise<void> {
  const { tenant, platform } = job;
  const message = await inboundByProviderId(deps.db, tenant, platform, job.mid);
  if (!message) return; // erased since
  const details = partsOf<Record<string, { type?: string; attachments?: Partial<AnnouncedFile>[] } | undefined>>(message)?.[platform];
  const files = (details?.attachments ?? []).filter((a): a is AnnouncedFile => typeof a.keptAs === 'string' && typeof a.url === 'string' && typeof a.type === 'string');
  if (!files.length) return;
  const conversationId = String(message.conversation_id);
  const messageId = String(message.id);
  const outcomes: Outcome[] = [];
  for (const f of files) outcomes.push(await keepOne(deps, { tenant, conversationId, messageId, platform }, f));
  if (outcomes.some((o) => o.status === 'stored')) await attachFilesToCases(deps.db, tenant, conversationId);

  const replies: string[] = [];
  const kept = outcomes.filter((o) => o.status === 'stored');
  if (kept.length && details?.type === 'attachments') {
    const conversation = await findConversation(deps.db, tenant, conversationId);
    if (conversation) {
      let reporting = false;
      try {
        reporting = !!dialogueOf<{ flow?: unknown } | null>(conversation)?.flow;
      } catch {
        // an unreadable dialogue: answered as if nothing were under way
      }
      const kind = kept.length > 1 ? (kept.every((o) => o.kind === 'photo') ? ('photos' as const) : ('files' as const)) : kept[0].kind;
      const reply = fileKeptReply(kind, { reporting, caseReference: (await latestCaseReference(deps.db, tenant, conversationId)) ?? null, state: conversation.state });
      if (reply) replies.push(reply);
    }
  }
  for (const o of outcomes) if (o.status === 'refused') replies.push(fileRefusedReply(o.kind, o.reason, o.tryAgain));

  // A repeated job (a crash after the replies were stored) stores none of them again.
  const said = new Set((await repliesTo(deps.db, tenant, messageId)).filter((r) => partsOf<Record<string, { fileReply?: boolean } | undefined>>(r)?.[platform]?.fileReply).map((r) => r.text));
  for (const text of replies) {
    if (said.has(text)) continue;
    await storeOutbound(deps.db, { tenant, conversationId, channel: platform, author: 'bot', text, parts: { text, [platform]: { fileReply: true } }, replyTo: messageId });
  }
  await deps.dispatch(tenant, conversationId);
}

export function registerMessagingMediaJob(jobs: JobQueue, deps: MessagingMediaDeps): void {
  jobs.register<MessagingMediaJob>(MESSENGER_MEDIA_JOB, (job) => keepMessagingMedia(deps, job));
}
