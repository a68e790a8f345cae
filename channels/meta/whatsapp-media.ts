/**
 * Photos, PDFs and voice notes residents send on WhatsApp, kept with their conversation and its
 * cases. After Meta has its 200 (a download may take seconds), each file is looked up through the
 * Graph media endpoint (GET {base}/{version}/{media id} with the council's token: url, mime_type, file_size,
 * sha256), downloaded from that url with the same token (it lasts about 5 minutes), and checked:
 * an allowed type (JPEG, PNG, WebP, PDF; Ogg, AAC, MP4 or MPEG audio) both as declared and by its
 * first bytes, at most 10 MB (refused without reading on), complete, and matching its SHA-256.
 * A file that passes is kept as every channel's files are (files/: its metadata stripped, sealed,
 * in the file storage, recorded in media_files); one that fails is recorded with why, and the
 * resident is told. The message carries the file as an attachment
 * (`parts.attachments`, as SMS's do: `{ url, contentType, name? }`) from the moment it is stored;
 * the url is the console's (GET /api/console/media/:id, for agents who may see the conversation),
 * and the conversation's cases list the kept files in `details.attachments`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Attachment } from '../../bot/index.js';
import { attachFilesToCases, consoleFileUrl, FileStorageError, keepFile, PHOTOS_AND_PDF, refuseFile, sniffType, VOICE_NOTE_TYPES } from '../../files/index.js';
import { storeOutbound, type Db } from '../../store/index.js';
import type { ChannelDeps } from '../adapter.js';
import type { MetaConfig } from './config.js';
import { downloadMedia, GraphError, MediaTooLarge, mediaInfo } from './graph-client.js';

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
const TRIES = 3;
const RETRY_MS = 500;

export type MediaKind = 'photo' | 'file' | 'voice note';

/** The types kept, by what a resident would call them. */
const ALLOWED: Record<string, MediaKind> = {
  'image/jpeg': 'photo',
  'image/png': 'photo',
  'image/webp': 'photo',
  'application/pdf': 'file',
  'audio/ogg': 'voice note',
  'audio/aac': 'voice note',
  'audio/mp4': 'voice note',
  'audio/mpeg': 'voice note',
};

export const ALLOWED_DESCRIPTION = 'photos (JPEG, PNG or WebP), PDF files and voice notes';

/** "audio/ogg; codecs=opus" is audio/ogg. */
export const baseType = (mime: string | undefined) => (mime ?? '').split(';')[0].trim().toLowerCase();

export function mediaKindOf(mime: string | undefined): MediaKind | undefined {
  return ALLOWED[baseType(mime)];
}

/** The type a file's first bytes show: one rule for every channel (files/checks.ts). */
export { sniffType };

/** Whether the bytes are what was declared (an .m4a voice note is audio/mp4 whichever audio type it was sent as, MPEG and AAC alike). */
function sameType(declared: string, sniffed: string | undefined): boolean {
  if (!sniffed) return false;
  if (declared === sniffed) return true;
  const audio = (t: string) => ['audio/mp4', 'audio/aac', 'audio/mpeg'].includes(t);
  return audio(declared) && audio(sniffed);
}

/** Meta gives the SHA-256 in hex (media endpoint) or base64 (webhook). */
function sha256Matches(bytes: Buffer, expected: string | undefined): { ok: boolean; hex: string } {
  const digest = createHash('sha256').update(bytes).digest();
  const hex = digest.toString('hex');
  if (!expected) return { ok: true, hex };
  const e = expected.trim();
  return { ok: e.toLowerCase() === hex || e.replace(/=+$/, '') === digest.toString('base64').replace(/=+$/, ''), hex };
}

/** A file as WhatsApp announced it, to be fetched once Meta has its answer. */
export interface PendingMedia {
  tenant: string;
  conversationId: string;
  messageId: string | null;
  /** Our id for it: the attachment's url names it before the file is fetched. */
  id: string;
  graphMediaId: string;
  phoneNumberId: string;
  declaredType: string | undefined;
  kind: MediaKind;
  sha256?: string;
  name?: string;
}

export const mediaUrl = consoleFileUrl;

/** A new id and the attachment that names it, for a file just announced. */
export function announcedAttachment(declaredType: string | undefined, name: string | undefined): { id: string; attachment: Attachment } {
  const id = randomUUID();
  return { id, attachment: { url: mediaUrl(id), contentType: baseType(declaredType) || 'application/octet-stream', ...(name ? { name } : {}) } };
}

type MediaDeps = Pick<ChannelDeps, 'db' | 'log' | 'dispatch'> & { config: MetaConfig };

class Refused extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchChecked(config: MetaConfig, p: PendingMedia): Promise<{ bytes: Buffer; type: string; hex: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const info = await mediaInfo(config, p.graphMediaId, p.phoneNumberId);
      const type = baseType(info.mimeType);
      if (!mediaKindOf(type)) throw new Refused(`it is a ${type || 'file of unknown type'}, and we can only keep ${ALLOWED_DESCRIPTION}`);
      if (info.fileSize !== undefined && info.fileSize > MEDIA_MAX_BYTES) throw new MediaTooLarge(info.fileSize, MEDIA_MAX_BYTES);
      const { bytes } = await downloadMedia(config, info.url, MEDIA_MAX_BYTES, p.phoneNumberId);
      if (info.fileSize !== undefined && bytes.length !== info.fileSize) throw new GraphError(`download incomplete: ${bytes.length} of ${info.fileSize} bytes`, true, undefined);
      const sum = sha256Matches(bytes, info.sha256 ?? p.sha256);
      if (!sum.ok) throw new GraphError('download does not match its SHA-256', true, undefined);
      if (!sameType(type, sniffType(bytes))) throw new Refused(`its content is not the ${type} it was sent as`);
      return { bytes, type, hex: sum.hex };
    } catch (err) {
      if (err instanceof MediaTooLarge) throw new Refused(`it is larger than ${MEDIA_MAX_BYTES / 1024 / 1024} MB`);
      if (err instanceof GraphError && err.retryable && attempt < TRIES) {
        await sleep(RETRY_MS * attempt);
        continue;
      }
      throw err;
    }
  }
}

/**
 * Fetches, checks and keeps one file; a refused one is recorded and the resident told why (once:
 * the row's id is the attachment's). Kept files go onto the conversation's cases at once.
 */
export async function keepMedia(deps: MediaDeps, p: PendingMedia): Promise<'stored' | 'refused'> {
  const base = { tenantId: p.tenant, conversationId: p.conversationId, messageId: p.messageId, channel: 'whatsapp', providerMediaId: p.graphMediaId, name: p.name ?? null };
  try {
    const file = await fetchChecked(deps.config, p);
    // Checked again by its bytes, its metadata stripped, sealed and stored (files/), as every channel's files are.
    const kept = await keepFile(deps.db, {
      tenant: p.tenant,
      conversationId: p.conversationId,
      messageId: p.messageId,
      channel: 'whatsapp',
      id: p.id,
      providerMediaId: p.graphMediaId,
      name: p.name ?? null,
      declaredType: file.type,
      bytes: file.bytes,
      allowed: [...PHOTOS_AND_PDF, ...VOICE_NOTE_TYPES],
      allowedDescription: ALLOWED_DESCRIPTION,
    });
    if (kept.status === 'refused') throw new Refused(kept.reason);
    await attachMediaToCases(deps.db, p.tenant, p.conversationId);
    return 'stored';
  } catch (err) {
    const why = err instanceof Refused ? err.message : err instanceof FileStorageError ? 'we could not store it just now' : 'we could not fetch it from WhatsApp';
    deps.log.warn({ tenant: p.tenant, mediaId: p.graphMediaId, err: err instanceof Refused ? undefined : String(err) }, `WhatsApp ${p.kind} not kept: ${why}`);
    // Once per id: a file keepFile refused is recorded already.
    await refuseFile(deps.db, { ...base, id: p.id, declaredType: baseType(p.declaredType) || 'application/octet-stream', reason: why });
    const text = `Sorry, I couldn't keep the ${p.kind} you sent: ${why}.${err instanceof Refused ? '' : ' Please try sending it again.'}`;
    await storeOutbound(deps.db, { tenant: p.tenant, conversationId: p.conversationId, channel: 'whatsapp', author: 'bot', text, parts: { text }, replyTo: p.messageId });
    await deps.dispatch(p.tenant, p.conversationId);
    return 'refused';
  }
}

/** Every kept file of the conversation onto its cases (after a file is kept, and after a turn made a case). */
export async function attachMediaToCases(db: Db, tenant: string, conversationId: string): Promise<string[]> {
  return attachFilesToCases(db, tenant, conversationId);
}
