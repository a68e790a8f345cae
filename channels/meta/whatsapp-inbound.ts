/**
 * One WhatsApp webhook delivery (already signature-checked and shape-checked): its entries and
 * changes in order, each change's statuses applied and messages stored, all before Meta is
 * answered, so an acknowledged delivery never loses a message. `after` runs once Meta has its 200:
 * read receipts and "typing…", then the turns (one conversation's messages in order, conversations
 * side by side), and statuses that arrived before their send was recorded, looked up again.
 * A wamid stored before (Meta retries for up to 7 days) is not processed again.
 * Also here: STOP and START (whatsapp-opt-out.ts), answered at once; photos, PDFs and voice notes
 * (whatsapp-media.ts), stored with their attachment and fetched after the 200; and messages held
 * outside the 24-hour window (whatsapp-window.ts), released when the resident writes.
 */
import type { OutboundMessage } from '../../bot/index.js';
import { dialogueOf, inboundByProviderId, latestOutbound, partsOf, resumable, type ConversationRow, type Db } from '../../store/index.js';
import type { ChannelDeps } from '../adapter.js';
import { acceptInbound, ProviderIdReused, type Accepted } from '../accept.js';
import { pickNumbered } from '../degrade.js';
import type { MetaConfig } from './config.js';
import { markReadAndTyping } from './graph-client.js';
import { councilForPhoneNumberId, residentIdOf } from './phone-ids.js';
import { storeAnswered, storeAnsweredPolitely } from './unsupported.js';
import type { WhatsAppEntry, WhatsAppStatus } from './webhook-body.js';
import { announcedAttachment, attachMediaToCases, keepMedia, type MediaKind, type PendingMedia } from './whatsapp-media.js';
import { readMessage } from './whatsapp-message.js';
import { isWhatsAppOptedOut, OPTED_IN_REPLY, OPTED_OUT_REPLY, setWhatsAppOptOut, whatsAppKeyword } from './whatsapp-opt-out.js';
import { renderWhatsApp } from './whatsapp-render.js';
import { applyWhatsAppStatus } from './whatsapp-status.js';
import { releaseWaiting } from './whatsapp-window.js';

export const WHATSAPP = 'whatsapp';
/** A message within a day of the last carries the conversation on (WhatsApp's customer-service window is 24 hours). */
const RESUME_WITHIN_MS = 24 * 3600 * 1000;
const LATE_STATUS_TRIES = 5;
const LATE_STATUS_WAIT_MS = 400;
const READ_RECEIPT_WAIT_MS = 1500;

export type WhatsAppDeps = Pick<ChannelDeps, 'db' | 'assistant' | 'dispatch' | 'log' | 'clock' | 'tenantIds'> & { config: MetaConfig };

interface Turn {
  tenant: string;
  phoneNumberId: string;
  wamid: string;
  accepted: Accepted;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The answer to a photo, PDF or voice note sent without words: thanks, and what to do next. */
function mediaReply(kind: MediaKind, conversation: ConversationRow): string {
  let reporting = false;
  try {
    reporting = !!dialogueOf<{ flow?: unknown } | null>(conversation)?.flow;
  } catch {
    // an unreadable dialogue: answered as if nothing were under way
  }
  if (kind === 'voice note') {
    return reporting
      ? "Thank you, I've kept your voice note for our team, but I can't listen to it myself. Please type your answer to the question above."
      : "Thank you, I've kept your voice note for our team, but I can't listen to it myself. Please type your message and I'll help.";
  }
  return reporting
    ? `Thank you for the ${kind}: it will be kept with your report. Please carry on with the question above.`
    : `Thank you for the ${kind}: I've kept it for our team. Please tell me in a message what it's about, and I'll help.`;
}

function gazetteerOf(deps: WhatsAppDeps, tenant: string) {
  try {
    return deps.assistant.runtime(tenant).pack.gazetteer;
  } catch {
    return [];
  }
}

/** The value a bare number picks from the numbered options of the last message sent, if it was numbered. */
async function numberedAnswer(trx: Db, tenant: string, conversationId: string, text: string): Promise<string | undefined> {
  if (!/^\s*\d{1,2}\s*[.)]?\s*$/.test(text)) return undefined;
  const last = await latestOutbound(trx, tenant, conversationId);
  const parts = last && (partsOf<OutboundMessage>(last) ?? { text: last.text });
  return parts ? pickNumbered(text, renderWhatsApp(parts).options) : undefined;
}

export async function receiveWhatsApp(deps: WhatsAppDeps, entries: WhatsAppEntry[]): Promise<{ after: () => Promise<void> }> {
  const turns: Turn[] = [];
  const answered: { tenant: string; conversationId: string }[] = [];
  const late: { tenant: string; status: WhatsAppStatus }[] = [];
  const media: PendingMedia[] = [];
  // Residents who wrote: what was held for them outside the window goes out first.
  const wrote = new Map<string, { tenant: string; residentId: string }>();
  const now = deps.clock();
  const reuse = (c: ConversationRow) => resumable(c, RESUME_WITHIN_MS, now);

  for (const entry of entries) {
    for (const { field, value } of entry.changes) {
      if (field !== 'messages') continue; // account and template updates: nothing for the assistant
      if (value.errors?.length) deps.log.warn({ errors: value.errors }, 'WhatsApp reported errors for the business account');
      const phoneNumberId = value.metadata?.phone_number_id;
      const tenant = phoneNumberId ? councilForPhoneNumberId(deps, phoneNumberId) : null;
      if (!tenant) {
        // Not ours to answer; acknowledged so Meta does not retry it for a week.
        if (value.messages?.length || value.statuses?.length) deps.log.warn({ phoneNumberId }, 'WhatsApp webhook for a phone number id no council lists');
        continue;
      }
      for (const status of value.statuses ?? []) {
        if ((await applyWhatsAppStatus(deps.db, WHATSAPP, tenant, status)) === 'unknown') late.push({ tenant, status });
      }
      for (const m of value.messages ?? []) {
        const reading = readMessage(m, gazetteerOf(deps, tenant));
        if (reading.kind === 'ignore') {
          deps.log.debug({ tenant, wamid: m.id }, `WhatsApp ${reading.why} needs no answer`);
          continue;
        }
        const channelUserId = residentIdOf(m.from);
        wrote.set(`${tenant}\n${channelUserId}`, { tenant, residentId: channelUserId });
        const details = { whatsapp: { ...reading.details, phoneNumberId } };
        const keyword = m.type === 'text' && reading.kind === 'turn' ? whatsAppKeyword(reading.text) : null;
        if (reading.kind === 'turn' && (keyword === 'opt_out' || (keyword === 'opt_in' && (await isWhatsAppOptedOut(deps.db, tenant, channelUserId))))) {
          // STOP (or START after it): recorded, confirmed once, and no turn runs; a retry changes nothing.
          const reply = keyword === 'opt_out' ? OPTED_OUT_REPLY : OPTED_IN_REPLY;
          // Recorded before the confirmation is stored (which the outbox may send at once): a
          // resident told "you won't get any more" has been opted out, even if this process dies
          // next (Meta then retries, and the confirmation is stored). A retry of a keyword already
          // stored changes nothing: a late STOP must not undo a START sent after it.
          if (await inboundByProviderId(deps.db, tenant, WHATSAPP, m.id)) continue;
          await setWhatsAppOptOut(deps.db, tenant, channelUserId, keyword === 'opt_out', now);
          const stored = await storeAnswered(deps.db, { tenant, channel: WHATSAPP, channelUserId, providerMessageId: m.id, text: reading.text, details, reply, replyParts: { whatsapp: { optOutReply: true } }, receivedAt: now, reuse });
          if (stored) {
            deps.log.info({ tenant, wamid: m.id }, keyword === 'opt_out' ? 'WhatsApp opt-out recorded' : 'WhatsApp opt-in recorded');
            answered.push({ tenant, conversationId: stored.conversationId });
          }
          continue;
        }
        if (reading.kind === 'media') {
          // Stored with its attachment now; fetched and checked once Meta has its answer.
          const { id, attachment } = announcedAttachment(reading.media.mime_type, reading.media.filename);
          const withFile = { whatsapp: { ...details.whatsapp, media: { ...reading.media, keptAs: id } } };
          const pending = { tenant, id, graphMediaId: reading.media.id, phoneNumberId: phoneNumberId!, declaredType: reading.media.mime_type, kind: reading.mediaKind, sha256: reading.media.sha256, name: reading.media.filename };
          if (reading.caption) {
            // Its caption is what the resident said: a turn, with the file attached.
            try {
              const accepted = await acceptInbound(deps, { tenant, channel: WHATSAPP, channelUserId, providerMessageId: m.id, text: reading.caption, attachments: [attachment], receivedAt: now, reuse, details: () => withFile });
              turns.push({ tenant, phoneNumberId: phoneNumberId!, wamid: m.id, accepted });
              if (!accepted.stored.duplicate) media.push({ ...pending, conversationId: accepted.conversation.id, messageId: String(accepted.stored.message.id) });
            } catch (err) {
              if (!(err instanceof ProviderIdReused)) throw err;
              deps.log.warn({ tenant, wamid: m.id }, err.message);
            }
            continue;
          }
          const kind = reading.mediaKind;
          const stored = await storeAnswered(deps.db, { tenant, channel: WHATSAPP, channelUserId, providerMessageId: m.id, text: `(${kind} sent)`, details: { ...withFile, attachments: [attachment] }, reply: (c) => mediaReply(kind, c), receivedAt: now, reuse });
          if (stored) {
            answered.push({ tenant, conversationId: stored.conversationId });
            media.push({ ...pending, conversationId: stored.conversationId, messageId: stored.messageId });
          }
          continue;
        }
        if (reading.kind === 'unsupported') {
          const conversationId = await storeAnsweredPolitely(deps.db, { tenant, channel: WHATSAPP, channelUserId, providerMessageId: m.id, text: reading.text, details, reply: reading.reply, receivedAt: now, reuse });
          if (conversationId) answered.push({ tenant, conversationId });
          continue;
        }
        try {
          const accepted = await acceptInbound(deps, {
            tenant,
            channel: WHATSAPP,
            channelUserId,
            providerMessageId: m.id,
            text: reading.text,
            receivedAt: now,
            reuse,
            // "2" typed under a numbered list (more options than a list holds) is that option; stored with what was typed.
            interpret: m.type === 'text' ? (trx, conversation) => numberedAnswer(trx, tenant, conversation.id, reading.text) : undefined,
            details: (chosen) => (chosen ? { whatsapp: { ...details.whatsapp, typed: reading.text } } : details),
          });
          turns.push({ tenant, phoneNumberId: phoneNumberId!, wamid: m.id, accepted });
        } catch (err) {
          // A wamid already stored for another resident: refused, never merged; the rest of the delivery goes on.
          if (!(err instanceof ProviderIdReused)) throw err;
          deps.log.warn({ tenant, wamid: m.id }, err.message);
        }
      }
    }
  }
  return { after: () => afterAnswer(deps, turns, answered, late, media, [...wrote.values()]) };
}

async function afterAnswer(
  deps: WhatsAppDeps,
  turns: Turn[],
  answered: { tenant: string; conversationId: string }[],
  late: { tenant: string; status: WhatsAppStatus }[],
  media: PendingMedia[],
  wrote: { tenant: string; residentId: string }[],
): Promise<void> {
  // Released before the turns run, so what waited goes out before the answers (the outbox sends in order).
  await Promise.all(wrote.map((w) => releaseWaiting(deps, w.tenant, w.residentId).catch((err: unknown) => deps.log.error({ err, tenant: w.tenant }, 'could not release WhatsApp messages held for the window'))));
  const byConversation = new Map<string, Turn[]>();
  for (const t of turns) {
    const key = t.accepted.conversation.id;
    byConversation.set(key, [...(byConversation.get(key) ?? []), t]);
  }
  await Promise.all([
    ...[...byConversation.values()].map((group) => answerInOrder(deps, group)),
    ...answered.map((a) => deps.dispatch(a.tenant, a.conversationId)),
    applyLate(deps, late),
    ...media.map((p) => keepMedia(deps, p).catch((err: unknown) => deps.log.error({ err, tenant: p.tenant }, 'WhatsApp media could not be kept'))),
  ]);
}

async function answerInOrder(deps: WhatsAppDeps, group: Turn[]): Promise<void> {
  const fresh = group.filter((t) => !(t.accepted.stored.duplicate && t.accepted.stored.message.processed_at));
  const last = fresh[fresh.length - 1];
  // Read receipts and the typing indicator only help: a failure never stops the answer, a slow Graph API delays it at most a moment.
  if (last) {
    const receipt = markReadAndTyping(deps.config, last.phoneNumberId, last.wamid).catch((err: unknown) => deps.log.debug({ err: String(err) }, 'WhatsApp read receipt not sent'));
    await Promise.race([receipt, sleep(READ_RECEIPT_WAIT_MS)]);
  }
  for (const t of group) {
    try {
      if (fresh.includes(t)) {
        const outcome = await t.accepted.answer();
        // A report just made a case: what the resident sent with it goes onto it.
        if (outcome.caseReference) await attachMediaToCases(deps.db, t.tenant, outcome.conversationId);
      }
      // A retry of an answered message: only replies a crash left unsent are sent (dispatch is idempotent).
      else await deps.dispatch(t.tenant, t.accepted.conversation.id);
    } catch (err) {
      // Stored: the recovery sweep answers it.
      deps.log.error({ err, tenant: t.tenant, wamid: t.wamid }, 'WhatsApp turn failed after the webhook was answered');
    }
  }
}

/** A status can overtake the recording of its own send (Meta is quick): looked up again for a few seconds. */
async function applyLate(deps: Pick<WhatsAppDeps, 'db' | 'log'>, late: { tenant: string; status: WhatsAppStatus }[]): Promise<void> {
  let pending = late;
  for (let i = 0; i < LATE_STATUS_TRIES && pending.length; i++) {
    await sleep(LATE_STATUS_WAIT_MS);
    const still: typeof pending = [];
    for (const l of pending) if ((await applyWhatsAppStatus(deps.db, WHATSAPP, l.tenant, l.status)) === 'unknown') still.push(l);
    pending = still;
  }
  for (const l of pending) deps.log.warn({ tenant: l.tenant, wamid: l.status.id, status: l.status.status }, 'WhatsApp status for an unknown message');
}
