/**
 * One inbound mail, from the SMTP listener or the webhook, processed the same way and stored before
 * the sender is answered (SMTP's 250, the webhook's 202), so an acknowledged mail is never lost:
 * - read (parse.ts); machine-made mail (auto-replies, bounces, bulk) and refused mail are recorded
 *   with why (email_messages: kind and reason, no content) and never answered;
 * - a Message-Id seen before is not processed again (a relay's retry, a re-sent mail);
 * - the sender is a contact of the council by their address (sealed, found by its blind index:
 *   store/email-mail.ts), whose opaque id is the conversation's channel id;
 * - past the council's per-sender hourly limit, a mail is kept in the conversation for agents but
 *   not answered (a mail bomb or a loop is not fed);
 * - a reply joins its conversation by In-Reply-To/References (the ids we send are recorded) or by a
 *   case reference in the subject ("[MBC-400081]"); a new mail continues the resident's latest
 *   conversation while it is open and they wrote within the council's `resumeWithinDays`;
 * - files are checked (type, size, then by their bytes in files/) and kept with the conversation,
 *   and joined to its cases; a refused file is recorded and the resident told why.
 * `after` runs the turn once the sender has its answer; a turn lost there is answered by recovery.
 */
import { randomUUID } from 'node:crypto';
import type { Attachment, OutboundMessage } from '../../bot/index.js';
import { attachFilesToCases, consoleFileUrl, FILE_MAX_BYTES, FILE_MAX_DESCRIPTION, FileStorageError, keepFile, PHOTOS_AND_PDF, PHOTOS_AND_PDF_DESCRIPTION, refuseFile } from '../../files/index.js';
import {
  advanceOutboundStatus,
  conversationsOfMessageIds,
  emailSenderId,
  emailsFromSenderSince,
  emailThread,
  findCaseByReference,
  inboundEmail,
  latestOutbound,
  linkEmailSender,
  markProcessed,
  outboundByProviderId,
  partsOf,
  recordEmailMessage,
  resolveConversation,
  resumable,
  saveEmailThread,
  storeInbound,
  storeOutbound,
  withIdentityLock,
  type ConversationRow,
  type Db,
} from '../../store/index.js';
import { normaliseInboundText } from '../../bot/index.js';
import type { ChannelDeps } from '../adapter.js';
import { acceptInbound, ProviderIdReused } from '../accept.js';
import { pickNumbered } from '../degrade.js';
import { emailSettingsOf, type EmailSettings } from './config.js';
import { readMail, type MailFile, type ReadMail } from './parse.js';
import { baseSubject } from './quotes.js';
import { renderEmail } from './render.js';

export const EMAIL = 'email';
const MAX_FILES = 10;
const DAY_MS = 24 * 3600 * 1000;
/** The Message-Ids we send (send.ts): `<ca.<message id>.<council>@<domain>>`. */
const OUR_MESSAGE_ID = /<ca\.[A-Za-z0-9-]{1,64}\.[A-Za-z0-9_-]{1,64}@[A-Za-z0-9.-]{1,253}>/g;

export type EmailDeps = Pick<ChannelDeps, 'db' | 'assistant' | 'dispatch' | 'log' | 'clock' | 'tenantIds'>;

export interface IncomingMail {
  tenant: string;
  /** The council address it was sent to (the one its replies come from). */
  councilAddress: string;
  /** SMTP's MAIL FROM: '' for the null sender (a bounce), undefined when the webhook did not say. */
  envelopeFrom?: string | null;
  raw: Buffer;
}

export interface MailOutcome {
  /** What became of it: a message accepted (or a repeat of one), or why it is not answered. */
  outcome: 'accepted' | 'duplicate' | 'auto_reply' | 'bounce' | 'bulk' | 'refused' | 'rate_limited';
  reason?: string;
  conversationId?: string;
  messageId: string;
  /** Runs the turn and sends its replies (after the sender has been answered). */
  after(): Promise<void>;
}

const nothing = async () => undefined;

/** The settings a mail is read under (a council without e-mail settings gets the defaults, never a crash). */
function settingsOf(deps: EmailDeps, tenant: string): EmailSettings {
  return emailSettingsOf(deps, tenant) ?? { addresses: [], signature: '', resumeWithinDays: 14, perSenderPerHour: 10 };
}

/** The value a bare number picks from the numbered options of the last mail sent, if it had them. */
async function numberedAnswer(trx: Db, tenant: string, conversationId: string, text: string): Promise<string | undefined> {
  if (!/^\s*\d{1,2}\s*[.)]?\s*$/.test(text)) return undefined;
  const last = await latestOutbound(trx, tenant, conversationId);
  const parts = last && (partsOf<OutboundMessage>(last) ?? { text: last.text });
  return parts ? pickNumbered(text, renderEmail(parts).options) : undefined;
}

/** The conversation a reply belongs to: by its thread ids, else by a case reference in its subject. */
async function threadConversation(deps: EmailDeps, tenant: string, mail: ReadMail): Promise<string | undefined> {
  const ids = [...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : [])];
  const known = await conversationsOfMessageIds(deps.db, tenant, ids);
  if (known[0]) return known[0];
  for (const m of mail.subject.matchAll(/\[([A-Z]{2,8}-\d{3,10})\]/gi)) {
    const found = await findCaseByReference(deps.db, tenant, m[1]);
    if (found?.conversation_id) return found.conversation_id;
  }
  return undefined;
}

/** The resident's words as a turn reads them: a new mail's subject says what it is about. */
function turnText(mail: ReadMail, isReply: boolean): string {
  const subject = baseSubject(mail.subject);
  if (isReply || !subject || mail.text.toLowerCase().includes(subject.toLowerCase())) return mail.text || subject;
  return mail.text ? `${subject}\n${mail.text}` : subject;
}

/** Stores a mail in the resident's conversation already answered (no turn runs), with a reply when one is given. */
async function storeWithoutTurn(
  deps: EmailDeps,
  input: { tenant: string; senderId: string; providerMessageId: string; text: string; details: Record<string, unknown>; reuse: (c: ConversationRow) => boolean; reply?: string; now: Date },
): Promise<{ conversationId: string; messageId: string; contactId: string | null } | null> {
  const { tenant, senderId } = input;
  return withIdentityLock(deps.db, { tenant, channel: EMAIL, channelUserId: senderId }, async (trx) => {
    const { conversation } = await resolveConversation(trx, { tenant, channel: EMAIL, channelUserId: senderId, reuse: input.reuse });
    const stored = await storeInbound(trx, { tenant, conversationId: conversation.id, channel: EMAIL, providerMessageId: input.providerMessageId, text: normaliseInboundText(input.text), parts: input.details, receivedAt: input.now });
    if (stored.duplicate) return null;
    await markProcessed(trx, tenant, stored.message.id, undefined);
    if (input.reply) await storeOutbound(trx, { tenant, conversationId: conversation.id, channel: EMAIL, author: 'bot', text: input.reply, parts: { text: input.reply }, replyTo: stored.message.id });
    return { conversationId: conversation.id, messageId: String(stored.message.id), contactId: conversation.contact_id };
  });
}

interface PlannedFile {
  id: string;
  file: MailFile;
  /** Why it is refused before its bytes are read (type or size), if it is. */
  refused?: string;
}

function planFiles(files: MailFile[]): PlannedFile[] {
  return files.slice(0, MAX_FILES).map((file) => {
    const id = randomUUID();
    const type = file.contentType.split(';')[0].trim();
    if (!PHOTOS_AND_PDF.includes(type)) return { id, file, refused: `it is a ${type || 'file of unknown type'}, and we can only keep ${PHOTOS_AND_PDF_DESCRIPTION}` };
    if (file.size > FILE_MAX_BYTES) return { id, file, refused: `it is larger than ${FILE_MAX_DESCRIPTION}` };
    return { id, file };
  });
}

/** Keeps the planned files with the stored message; returns how many were kept, and tells the resident of any refused. */
async function keepFiles(deps: EmailDeps, where: { tenant: string; conversationId: string; messageId: string }, planned: PlannedFile[]): Promise<number> {
  let kept = 0;
  const refusals: string[] = [];
  for (const p of planned) {
    const base = { tenantId: where.tenant, conversationId: where.conversationId, messageId: where.messageId, channel: EMAIL, id: p.id, name: p.file.name ?? null, declaredType: p.file.contentType };
    let reason = p.refused;
    if (!reason) {
      try {
        const outcome = await keepFile(deps.db, { tenant: where.tenant, conversationId: where.conversationId, messageId: where.messageId, channel: EMAIL, id: p.id, name: p.file.name ?? null, declaredType: p.file.contentType, bytes: p.file.content });
        if (outcome.status === 'stored') kept++;
        else reason = outcome.reason;
      } catch (err) {
        if (!(err instanceof FileStorageError)) throw err;
        deps.log.error({ err: String(err), tenant: where.tenant }, 'an e-mail attachment could not be stored');
        reason = 'we could not store it just now';
        await refuseFile(deps.db, { ...base, sizeBytes: p.file.size, reason });
      }
    } else await refuseFile(deps.db, { ...base, sizeBytes: p.file.size, reason });
    if (reason) refusals.push(`${p.file.name ?? 'a file'}: ${reason}`);
  }
  if (refusals.length) {
    const text = `Sorry, I couldn't keep ${refusals.length === 1 ? 'one of the files' : 'some of the files'} you sent.\n\n${refusals.map((r) => `- ${r}`).join('\n')}`;
    await storeOutbound(deps.db, { tenant: where.tenant, conversationId: where.conversationId, channel: EMAIL, author: 'bot', text, parts: { text }, replyTo: where.messageId });
  }
  return kept;
}

/**
 * A bounce names the mail it returns (our Message-Id, in its report or the headers it quotes): that
 * reply is marked undelivered with the report's status, so the agent sees it never arrived.
 */
async function markBounced(deps: EmailDeps, tenant: string, raw: Buffer): Promise<void> {
  const text = raw.toString('latin1');
  const status = /^Status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(text)?.[1];
  for (const id of new Set([...text.matchAll(OUR_MESSAGE_ID)].map((m) => m[0]))) {
    const row = await outboundByProviderId(deps.db, EMAIL, id, tenant);
    if (!row || row.status !== 'sent') continue;
    const parts = partsOf<Record<string, unknown>>(row) ?? { text: row.text };
    const error = `the resident's mail server returned it${status ? ` (status ${status})` : ''}`;
    if (await advanceOutboundStatus(deps.db, row, 'undelivered', { ...parts, delivery: { ...(parts.delivery as object | undefined), error } })) deps.log.warn({ tenant, status }, 'an e-mail reply bounced');
  }
}

export async function receiveMail(deps: EmailDeps, incoming: IncomingMail): Promise<MailOutcome> {
  const { tenant } = incoming;
  const settings = settingsOf(deps, tenant);
  const now = deps.clock();
  const mail = await readMail(incoming.raw, incoming.envelopeFrom, settings.addresses);
  // Only a person's mail makes a sender: no address is kept for an auto-responder or a bounce.
  const senderId = mail.kind === 'message' && mail.from ? await emailSenderId(deps.db, tenant, mail.from) : null;
  const record = (kind: Exclude<MailOutcome['outcome'], 'accepted' | 'duplicate'> | 'message', reason: string | undefined, conversationId?: string) =>
    recordEmailMessage(deps.db, { tenant, direction: 'in', messageId: mail.messageId, kind, reason: reason ?? null, senderId, conversationId: conversationId ?? null, at: now });

  const seen = await inboundEmail(deps.db, tenant, mail.messageId);
  if (seen && seen.kind !== 'message') return { outcome: 'duplicate', messageId: mail.messageId, conversationId: seen.conversationId ?? undefined, after: nothing };
  if (mail.kind !== 'message') {
    await record(mail.kind, mail.reason);
    if (mail.kind === 'bounce') await markBounced(deps, tenant, incoming.raw);
    deps.log.info({ tenant, kind: mail.kind, reason: mail.reason }, 'e-mail recorded, not answered');
    return { outcome: mail.kind, reason: mail.reason, messageId: mail.messageId, after: nothing };
  }
  const threadId = await threadConversation(deps, tenant, mail);
  const reuse = (latest: ConversationRow) => (threadId ? latest.id === threadId : resumable(latest, settings.resumeWithinDays * DAY_MS, now));
  const planned = planFiles(mail.files);
  const attachments: Attachment[] = planned.map((p) => ({ url: consoleFileUrl(p.id), contentType: p.file.contentType.split(';')[0].trim() || 'application/octet-stream', ...(p.file.name ? { name: p.file.name } : {}) }));
  const details = { email: { subject: mail.subject, messageId: mail.messageId, ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}), to: incoming.councilAddress } };
  const isReply = !!(mail.inReplyTo || mail.references.length);
  const text = turnText(mail, isReply);
  const remember = async (conversationId: string, contactId: string | null) => {
    await record('message', undefined, conversationId);
    if (contactId) await linkEmailSender(deps.db, tenant, senderId!, contactId, mail.from!, now);
    const thread = await emailThread(deps.db, tenant, conversationId);
    const refs = [...new Set([...mail.references, ...(mail.inReplyTo ? [mail.inReplyTo] : []), mail.messageId])];
    // A reply keeps the thread's subject; a new mail that carries the conversation on gives it its own.
    const subject = (isReply ? thread?.subject : undefined) ?? (baseSubject(mail.subject) || thread?.subject || 'Your message');
    await saveEmailThread(deps.db, tenant, conversationId, { councilAddress: incoming.councilAddress, subject, lastMessageId: mail.messageId, references: refs }, now);
  };

  // Past the hourly limit: kept for agents, not answered. A mail seen before is not counted again.
  if (!seen && (await emailsFromSenderSince(deps.db, tenant, senderId!, new Date(now.getTime() - 3600_000))) >= settings.perSenderPerHour) {
    const stored = await storeWithoutTurn(deps, { tenant, senderId: senderId!, providerMessageId: mail.messageId, text: text || '(no text)', details: { ...details, email: { ...details.email, rateLimited: true } }, reuse, now });
    if (stored?.contactId) await linkEmailSender(deps.db, tenant, senderId!, stored.contactId, mail.from!, now);
    await recordEmailMessage(deps.db, { tenant, direction: 'in', messageId: mail.messageId, kind: 'rate_limited', reason: `more than ${settings.perSenderPerHour} mails in an hour`, senderId, conversationId: stored?.conversationId ?? null, at: now });
    deps.log.warn({ tenant }, 'e-mail sender over its hourly limit: kept, not answered');
    return { outcome: 'rate_limited', reason: 'over the hourly limit', conversationId: stored?.conversationId, messageId: mail.messageId, after: nothing };
  }

  if (!text) {
    // Nothing to read (no words, no subject): kept with any files, and the resident asked to say what it is about.
    const reply = planned.length ? "Thank you for your e-mail. I've kept what you sent for our team: please tell me in words what it is about, and I'll help." : 'Thank you for your e-mail, but it had no message in it. Please tell me in words how I can help.';
    const stored = await storeWithoutTurn(deps, { tenant, senderId: senderId!, providerMessageId: mail.messageId, text: '(no text)', details: { ...details, ...(attachments.length ? { attachments } : {}) }, reuse, reply, now });
    if (!stored) return { outcome: 'duplicate', messageId: mail.messageId, after: nothing };
    await remember(stored.conversationId, stored.contactId);
    const kept = await keepFiles(deps, { tenant, conversationId: stored.conversationId, messageId: stored.messageId }, planned);
    if (kept) await attachFilesToCases(deps.db, tenant, stored.conversationId);
    return { outcome: 'accepted', conversationId: stored.conversationId, messageId: mail.messageId, after: () => deps.dispatch(tenant, stored.conversationId) };
  }

  let accepted;
  try {
    accepted = await acceptInbound(deps, {
      tenant,
      channel: EMAIL,
      channelUserId: senderId!,
      providerMessageId: mail.messageId,
      text,
      attachments,
      receivedAt: now,
      reuse,
      // "2" under a numbered list picks that option; stored with what was written.
      interpret: (trx, conversation) => numberedAnswer(trx, tenant, conversation.id, text),
      details: (chosen) => (chosen ? { email: { ...details.email, typed: text } } : details),
    });
  } catch (err) {
    if (!(err instanceof ProviderIdReused)) throw err;
    await record('refused', 'its Message-Id belongs to another sender');
    deps.log.warn({ tenant }, err.message);
    return { outcome: 'refused', reason: 'Message-Id reused', messageId: mail.messageId, after: nothing };
  }
  const conversationId = accepted.conversation.id;
  const duplicate = accepted.stored.duplicate;
  let kept = 0;
  if (!duplicate) {
    await remember(conversationId, accepted.conversation.contact_id);
    kept = await keepFiles(deps, { tenant, conversationId, messageId: String(accepted.stored.message.id) }, planned);
  } else if (!seen) await remember(conversationId, accepted.conversation.contact_id);
  if (threadId && threadId !== conversationId) deps.log.info({ tenant }, 'e-mail reply to an earlier conversation: a new conversation was started');
  return {
    outcome: duplicate ? 'duplicate' : 'accepted',
    conversationId,
    messageId: mail.messageId,
    after: async () => {
      try {
        const outcome = await accepted.answer();
        // Files join the conversation's cases: one just made, or one it already had.
        if (kept || outcome.caseReference) await attachFilesToCases(deps.db, tenant, conversationId);
      } catch (err) {
        deps.log.error({ err, tenant }, 'e-mail turn failed after the mail was accepted (recovery answers it)');
      }
    },
  };
}
