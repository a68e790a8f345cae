/**
 * One Messenger or Instagram webhook delivery (already signature-checked and shape-checked): its
 * entries and messaging events in order, delivery and read events applied and messages stored,
 * all before Meta is answered, so an acknowledged delivery never loses a message. `after` runs
 * once Meta has its 200: "seen" and "typing…", then the turns (one conversation's messages in
 * order, conversations side by side). A mid stored before (Meta retries) is not processed again.
 * Photos and files are named now and fetched by a job (messenger-media.ts), queued before the 200.
 */
import type { OutboundMessage } from '../../bot/index.js';
import { attachFilesToCases } from '../../files/index.js';
import { latestOutbound, partsOf, resumable, storeIdentityFileMessage, type ConversationRow, type Db } from '../../store/index.js';
import type { ChannelDeps } from '../adapter.js';
import { acceptInbound, ProviderIdReused, type Accepted } from '../accept.js';
import { pickNumbered } from '../degrade.js';
import type { MessengerConfig } from './config.js';
import { councilForAccountId } from './messenger-ids.js';
import { queueMessagingMedia } from './messenger-media.js';
import { readMessagingEvent, type AddressedEvent } from './messenger-message.js';
import { renderMessenger, type MessagingPlatform } from './messenger-render.js';
import { sendSenderAction } from './messenger-send.js';
import { applyMessagingStatus } from './messenger-status.js';
import { storeAnsweredPolitely } from './unsupported.js';
import type { MessagingEntry } from './webhook-body.js';

/** A message within a day of the last carries the conversation on (the standard messaging window is 24 hours). */
const RESUME_WITHIN_MS = 24 * 3600 * 1000;
const SENDER_ACTION_WAIT_MS = 1500;

export type MessagingDeps = Pick<ChannelDeps, 'db' | 'assistant' | 'dispatch' | 'log' | 'clock' | 'tenantIds' | 'jobs'> & { config: MessengerConfig };

interface Turn {
  tenant: string;
  platform: MessagingPlatform;
  residentId: string;
  mid: string;
  accepted: Accepted;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function gazetteerOf(deps: MessagingDeps, tenant: string) {
  try {
    return deps.assistant.runtime(tenant).pack.gazetteer;
  } catch {
    return [];
  }
}

/** The value a bare number picks from the numbered options of the last message sent, if it was numbered. */
async function numberedAnswer(trx: Db, platform: MessagingPlatform, tenant: string, conversationId: string, text: string): Promise<string | undefined> {
  if (!/^\s*\d{1,2}\s*[.)]?\s*$/.test(text)) return undefined;
  const last = await latestOutbound(trx, tenant, conversationId);
  const parts = last && (partsOf<OutboundMessage>(last) ?? { text: last.text });
  return parts ? pickNumbered(text, renderMessenger(parts, platform).options) : undefined;
}

export async function receiveMessaging(deps: MessagingDeps, platform: MessagingPlatform, entries: MessagingEntry[]): Promise<{ after: () => Promise<void> }> {
  const turns: Turn[] = [];
  const answered: { tenant: string; conversationId: string }[] = [];
  const now = deps.clock();
  const reuse = (c: ConversationRow) => resumable(c, RESUME_WITHIN_MS, now);
  const channel = platform;

  for (const entry of entries) {
    for (const event of entry.messaging) {
      if (!event.sender || !event.recipient) {
        deps.log.debug({ platform }, `${platform} event without a sender or recipient: not read`);
        continue;
      }
      const e = event as AddressedEvent;
      // The Page (or Instagram account) is the recipient of what residents send, the sender of its echoes.
      const accountId = e.message?.is_echo ? e.sender.id : e.recipient.id;
      const tenant = councilForAccountId(deps, platform, accountId) ?? councilForAccountId(deps, platform, entry.id);
      if (!tenant) {
        // Not ours to answer; acknowledged so Meta does not retry it.
        deps.log.warn({ platform, accountId }, `${platform} webhook for an account id no council lists`);
        continue;
      }
      if (e.delivery || e.read) {
        await applyMessagingStatus(deps.db, channel, tenant, e);
        continue;
      }
      const reading = readMessagingEvent(e, gazetteerOf(deps, tenant));
      if (reading.kind === 'ignore') {
        deps.log.debug({ tenant, platform }, `${platform} ${reading.why} needs no answer`);
        continue;
      }
      const channelUserId = e.sender.id;
      const details = { [platform]: { ...reading.details, accountId } };
      if (reading.kind === 'files') {
        // Stored answered now (no turn reads "(image sent)"); the job fetches the files and says what was kept.
        await storeIdentityFileMessage(
          deps.db,
          { channelUserId, reuse },
          { tenant, channel, providerMessageId: reading.id, text: reading.text, parts: { attachments: reading.attachments, ...details }, receivedAt: now },
        );
        // Queued again on a redelivery: one job per message, and a repeat keeps nothing twice.
        await queueMessagingMedia(deps.jobs, { tenant, platform, mid: reading.id });
        continue;
      }
      if (reading.kind === 'unsupported') {
        const withFiles = reading.attachments?.length ? { ...details, attachments: reading.attachments } : details;
        const conversationId = await storeAnsweredPolitely(deps.db, { tenant, channel, channelUserId, providerMessageId: reading.id, text: reading.text, details: withFiles, reply: reading.reply, receivedAt: now, reuse });
        if (conversationId) answered.push({ tenant, conversationId });
        continue;
      }
      try {
        const typed = reading.details.type === 'text';
        const accepted = await acceptInbound(deps, {
          tenant,
          channel,
          channelUserId,
          providerMessageId: reading.id,
          text: reading.text,
          receivedAt: now,
          reuse,
          ...(reading.attachments?.length ? { attachments: reading.attachments } : {}),
          // "2" typed under a numbered list (more options than quick replies hold) is that option; stored with what was typed.
          interpret: typed ? (trx, conversation) => numberedAnswer(trx, platform, tenant, conversation.id, reading.text) : undefined,
          details: (chosen) => (chosen ? { [platform]: { ...details[platform], typed: reading.text } } : details),
        });
        turns.push({ tenant, platform, residentId: channelUserId, mid: reading.id, accepted });
        if (reading.kind === 'turn' && reading.keepFiles) await queueMessagingMedia(deps.jobs, { tenant, platform, mid: reading.id });
      } catch (err) {
        // A mid already stored for another resident: refused, never merged; the rest of the delivery goes on.
        if (!(err instanceof ProviderIdReused)) throw err;
        deps.log.warn({ tenant, platform }, err.message);
      }
    }
  }
  return { after: () => afterAnswer(deps, turns, answered) };
}

async function afterAnswer(deps: MessagingDeps, turns: Turn[], answered: { tenant: string; conversationId: string }[]): Promise<void> {
  const byConversation = new Map<string, Turn[]>();
  for (const t of turns) {
    const key = t.accepted.conversation.id;
    byConversation.set(key, [...(byConversation.get(key) ?? []), t]);
  }
  await Promise.all([...[...byConversation.values()].map((group) => answerInOrder(deps, group)), ...answered.map((a) => deps.dispatch(a.tenant, a.conversationId))]);
}

async function answerInOrder(deps: MessagingDeps, group: Turn[]): Promise<void> {
  const fresh = group.filter((t) => !(t.accepted.stored.duplicate && t.accepted.stored.message.processed_at));
  // "Seen" and "typing…" only help: a failure never stops the answer, a slow Send API delays it at most a moment.
  if (fresh.length) {
    const to = fresh[0].residentId;
    const scope = { tenant: fresh[0].tenant, platform: fresh[0].platform };
    const actions = sendSenderAction(deps.config, scope, to, 'mark_seen')
      .then(() => sendSenderAction(deps.config, scope, to, 'typing_on'))
      .catch((err: unknown) => deps.log.debug({ err: String(err) }, 'Messenger sender action not sent'));
    await Promise.race([actions, sleep(SENDER_ACTION_WAIT_MS)]);
  }
  for (const t of group) {
    try {
      if (fresh.includes(t)) {
        const outcome = await t.accepted.answer();
        // A report just made a case: the files the resident sent in this conversation go onto it.
        if (outcome.caseReference) await attachFilesToCases(deps.db, t.tenant, outcome.conversationId);
      }
      // A retry of an answered message: only replies a crash left unsent are sent (dispatch is idempotent).
      else await deps.dispatch(t.tenant, t.accepted.conversation.id);
    } catch (err) {
      // Stored: the recovery sweep answers it.
      deps.log.error({ err, tenant: t.tenant }, 'Messenger turn failed after the webhook was answered');
    }
  }
}
