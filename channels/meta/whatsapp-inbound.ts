/**
 * One WhatsApp webhook delivery (already signature-checked and shape-checked): its entries and
 * changes in order, each change's statuses applied and messages stored, all before Meta is
 * answered, so an acknowledged delivery never loses a message. `after` runs once Meta has its 200:
 * read receipts and "typing…", then the turns (one conversation's messages in order, conversations
 * side by side), and statuses that arrived before their send was recorded, looked up again.
 * A wamid stored before (Meta retries for up to 7 days) is not processed again.
 */
import type { OutboundMessage } from '../../bot/index.js';
import { latestOutbound, partsOf, resumable, type ConversationRow, type Db } from '../../store/index.js';
import type { ChannelDeps } from '../adapter.js';
import { acceptInbound, ProviderIdReused, type Accepted } from '../accept.js';
import { pickNumbered } from '../degrade.js';
import type { MetaConfig } from './config.js';
import { markReadAndTyping } from './graph-client.js';
import { councilForPhoneNumberId, residentIdOf } from './phone-ids.js';
import { storeAnsweredPolitely } from './unsupported.js';
import type { WhatsAppEntry, WhatsAppStatus } from './webhook-body.js';
import { readMessage } from './whatsapp-message.js';
import { renderWhatsApp } from './whatsapp-render.js';
import { applyWhatsAppStatus } from './whatsapp-status.js';

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
        const details = { whatsapp: { ...reading.details, phoneNumberId } };
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
  return { after: () => afterAnswer(deps, turns, answered, late) };
}

async function afterAnswer(deps: WhatsAppDeps, turns: Turn[], answered: { tenant: string; conversationId: string }[], late: { tenant: string; status: WhatsAppStatus }[]): Promise<void> {
  const byConversation = new Map<string, Turn[]>();
  for (const t of turns) {
    const key = t.accepted.conversation.id;
    byConversation.set(key, [...(byConversation.get(key) ?? []), t]);
  }
  await Promise.all([
    ...[...byConversation.values()].map((group) => answerInOrder(deps, group)),
    ...answered.map((a) => deps.dispatch(a.tenant, a.conversationId)),
    applyLate(deps, late),
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
      if (fresh.includes(t)) await t.accepted.answer();
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
