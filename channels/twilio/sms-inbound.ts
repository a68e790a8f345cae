import { attachFilesToCases, fileKeptReply, fileRefusedReply, type KeepOutcome } from '../../files/index.js';
import { advanceOutboundStatus, dialogueOf, outboundByProviderId, resumable, storeIdentityFileMessage, storeOutbound, type ConversationRow, type Db } from '../../store/index.js';
import { acceptInbound } from '../accept.js';
import { keepMmsFiles, mmsFiles } from './mms.js';
import { councilForNumber } from './numbers.js';
import { isSmsOptedOut, setSmsOptOut, smsKeyword } from './opt-out.js';
import { configOf, createSmsDispatcher, lastNumberedOptions, type SmsChannelDeps } from './sms-sender.js';
import { answerFromNumber, toGsmFriendly } from './sms-render.js';

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export type TwilioParams = Record<string, string | string[] | undefined>;

function param(body: TwilioParams, name: string): string | undefined {
  const v = body[name];
  return Array.isArray(v) ? v[0] : v;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export function messageTwiml(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(text)}</Message></Response>`;
}

/** The council a text to `to` reaches: the same rule as a call (numbers.ts), TWILIO_FROM read from the sender's configuration. */
export function councilForText(deps: SmsChannelDeps, to: string | undefined): string | null {
  const twilioFrom = () => {
    try {
      return configOf(deps)?.from;
    } catch {
      return process.env.TWILIO_FROM?.trim() || undefined; // half-configured for sending: the number is still ours
    }
  };
  return councilForNumber({ assistant: deps.assistant, tenantIds: deps.tenantIds, defaultTenant: deps.defaultTenant, twilioFrom }, to);
}

export const NOT_IN_SERVICE_SMS = 'Sorry, this number is not in service. Please check the number you texted.';

export class BadTwilioRequest extends Error {}

export interface InboundOutcome {
  /** TwiML to answer Twilio with at once. */
  twiml: string;
  /** The turn and the sends, run after the answer (Twilio allows 15 s; the assistant may need longer). */
  after?: () => Promise<void>;
}

function helpText(deps: SmsChannelDeps, tenant: string): string {
  const s = deps.assistant.runtime(tenant).pack.settings;
  return toGsmFriendly(
    `${s.councilName}: this is our automated assistant. Text your question, for example "missed bin", or PERSON to talk to our team. ` +
      `Call ${s.contact.phone}. In an emergency call 999. Text STOP to stop messages.`,
  );
}

/**
 * "CYMRAEG" or "ENGLISH" alone (any case; "Welsh", "Saesneg" too): the resident choosing the
 * language of their texts (issue 17). The text still goes to the assistant, as their choice, so the
 * answer comes in that language and the choice is remembered for the number.
 */
export function languageKeyword(text: string): 'en' | 'cy' | null {
  const word = text.trim().replace(/[.!]+$/, '').toLowerCase();
  if (word === 'cymraeg' || word === 'welsh') return 'cy';
  if (word === 'english' || word === 'saesneg') return 'en';
  return null;
}

/** "end", "END", "End." alone: the resident ending the conversation (see receiveSms). */
export function isEndWord(text: string): boolean {
  return /^end[.!]*$/i.test(text.trim());
}

/**
 * One inbound SMS from Twilio's Messaging webhook (already signature-checked): opt-out keywords,
 * HELP, else the turn ("end" included). The message is stored (once: the pipeline takes the stored
 * row) before Twilio is answered, so an answered webhook never loses it. Finding the conversation
 * and storing the message happen under the number's lock, so two texts from a new number at once
 * make one conversation, and a MessageSid delivered twice (even at once) is stored and answered once.
 */
export async function receiveSms(deps: SmsChannelDeps, body: TwilioParams): Promise<InboundOutcome> {
  const from = param(body, 'From')?.trim();
  const to = param(body, 'To')?.trim();
  const sid = (param(body, 'MessageSid') ?? param(body, 'SmsSid'))?.trim();
  if (!from || !sid) throw new BadTwilioRequest('From and MessageSid are required');
  const text = (param(body, 'Body') ?? '').trim();
  const found = councilForText(deps, to);
  if (!found) {
    deps.log.warn({ to, messageSid: sid }, 'SMS to a number no council is configured for');
    return { twiml: smsKeyword(text) ? EMPTY_TWIML : messageTwiml(NOT_IN_SERVICE_SMS) };
  }
  const tenant = found;
  const db: Db = deps.db;
  const now = deps.clock?.() ?? new Date();

  // "END" is how a resident ends the chat, not a request to stop all texts: it goes to the
  // assistant as a message (which closes the conversation). Twilio's default opt-out list includes
  // END, so a council should remove END from its Messaging Service's Advanced Opt-Out keywords
  // (Twilio allows removing all but STOP, START and HELP). If Twilio still treated it as an
  // opt-out, it says so with OptOutType=STOP and will refuse our replies; we then record the
  // opt-out as well (the reply is stored, not sent), and the conversation still ends. Without that
  // parameter our reply goes out; should Twilio refuse it anyway (error 21610), the sender records
  // the opt-out then. STOP and the other keywords are opt-outs as before.
  const endsChat = isEndWord(text);
  const keyword = endsChat ? null : smsKeyword(text);
  if (endsChat && param(body, 'OptOutType')?.trim().toUpperCase() === 'STOP') {
    await setSmsOptOut(db, tenant, from, true, now);
    deps.log.info({ tenant, messageSid: sid }, 'SMS opt-out recorded (END, treated as opt-out by Twilio)');
  }
  if (keyword === 'opt_out') {
    // Twilio itself confirms and blocks; we record it so nothing is even attempted.
    await setSmsOptOut(db, tenant, from, true, now);
    deps.log.info({ tenant, messageSid: sid }, 'SMS opt-out recorded');
    return { twiml: EMPTY_TWIML };
  }
  const optedOut = await isSmsOptedOut(db, tenant, from);
  if (keyword === 'opt_in' && optedOut) {
    await setSmsOptOut(db, tenant, from, false, now);
    deps.log.info({ tenant, messageSid: sid }, 'SMS opt-in recorded');
    return { twiml: EMPTY_TWIML };
  }
  if (keyword === 'help') return { twiml: optedOut ? EMPTY_TWIML : messageTwiml(helpText(deps, tenant)) };

  const resumeWithinMs = deps.assistant.runtime(tenant).pack.settings.channels.sms.resumeWithinMinutes * 60_000;
  // MMS: each picture or file is named now (the attachment links the console will show) and fetched after the answer (mms.ts).
  const files = mmsFiles(body);
  const attachments = files.map((f) => f.attachment);
  const dispatch = createSmsDispatcher(deps);
  const smsDetails = { sms: { to, numSegments: param(body, 'NumSegments'), fromCountry: param(body, 'FromCountry'), ...(files.length ? { media: files.map((f) => ({ keptAs: f.id, contentType: f.declaredType, mediaSid: f.mediaSid })) } : {}) } };
  if (files.length && !text) {
    // Pictures without words: stored answered now; the reply waits until the files are fetched, so it says what happened to them.
    const stored = await storeIdentityFileMessage(
      db,
      { channelUserId: from, reuse: (c) => resumable(c, resumeWithinMs, now) },
      { tenant, channel: 'sms', providerMessageId: sid, text: `(${files.length > 1 ? `${files.length} files` : files[0].attachment.contentType.startsWith('image/') ? 'photo' : 'file'} sent)`, parts: { attachments, ...smsDetails }, receivedAt: now },
    );
    if (!stored) {
      deps.log.info({ tenant, messageSid: sid }, 'repeated MessageSid acknowledged');
      return { twiml: EMPTY_TWIML };
    }
    return {
      twiml: EMPTY_TWIML,
      after: async () => {
        const outcomes = await keepMmsFiles(deps, twilioConfigOrNull(deps), { tenant, conversationId: stored.conversation.id, messageId: stored.messageId }, files);
        for (const reply of mmsReplies(outcomes, stored.conversation, stored.caseReference)) {
          await storeOutbound(db, { tenant, conversationId: stored.conversation.id, channel: 'sms', author: 'bot', text: reply, parts: { text: reply }, replyTo: stored.messageId });
        }
        if (stored.caseReference) await attachFilesToCases(db, tenant, stored.conversation.id);
        await dispatch(tenant, stored.conversation.id);
      },
    };
  }

  const chosenLanguage = languageKeyword(text);
  // Stored (once, in the number's conversation) before Twilio is answered; the turn runs after.
  const accepted = await acceptInbound(
    { db, assistant: deps.assistant, dispatch },
    {
      tenant,
      channel: 'sms',
      channelUserId: from,
      providerMessageId: sid,
      text,
      ...(attachments.length ? { attachments } : {}),
      receivedAt: now,
      ...(chosenLanguage ? { language: chosenLanguage } : {}),
      reuse: (c) => resumable(c, resumeWithinMs, now),
      // "2" answers the numbered list the resident was last sent, whatever kind of list it was;
      // stored with what was typed, so the transcript shows both.
      interpret: async (trx, conversation) => answerFromNumber(text, await lastNumberedOptions({ ...deps, db: trx }, tenant, conversation.id)) ?? undefined,
      details: (chosen) => ({ sms: { ...smsDetails.sms, ...(chosen ? { typed: text } : {}) } }),
    },
  );
  if (accepted.stored.duplicate && accepted.stored.message.processed_at) {
    deps.log.info({ tenant, messageSid: sid }, 'repeated MessageSid acknowledged');
    // A crash between the turn and queueing the sends is mended here; jobs are idempotent.
    return { twiml: EMPTY_TWIML, after: () => dispatch(tenant, accepted.conversation.id) };
  }
  if (!files.length || accepted.stored.duplicate) return { twiml: EMPTY_TWIML, after: async () => void (await accepted.answer()) };
  // Words with pictures: the files are kept first (a refusal is said before the answer), then the turn; a case it makes gets them.
  return {
    twiml: EMPTY_TWIML,
    after: async () => {
      const conversationId = accepted.conversation.id;
      const messageId = String(accepted.stored.message.id);
      const outcomes = await keepMmsFiles(deps, twilioConfigOrNull(deps), { tenant, conversationId, messageId }, files);
      for (const o of outcomes) {
        if (o.status !== 'refused') continue;
        const reply = fileRefusedReply(o.kind, o.reason, o.tryAgain);
        await storeOutbound(db, { tenant, conversationId, channel: 'sms', author: 'bot', text: reply, parts: { text: reply }, replyTo: messageId });
      }
      const outcome = await accepted.answer();
      if (outcome.caseReference || outcomes.some((o) => o.status === 'stored')) await attachFilesToCases(db, tenant, conversationId);
    },
  };
}

/** Twilio's settings for fetching media; null when it is not (fully) configured. */
function twilioConfigOrNull(deps: SmsChannelDeps) {
  try {
    return configOf(deps);
  } catch {
    return null;
  }
}

/** What the resident is told about pictures sent without words: what was kept (once) and what was not, and why. */
function mmsReplies(outcomes: (KeepOutcome & { tryAgain: boolean })[], conversation: ConversationRow, caseReference: string | null): string[] {
  const replies: string[] = [];
  const kept = outcomes.filter((o) => o.status === 'stored');
  if (kept.length) {
    let reporting = false;
    try {
      reporting = !!dialogueOf<{ flow?: unknown } | null>(conversation)?.flow;
    } catch {
      // an unreadable dialogue: answered as if nothing were under way
    }
    const kind = kept.length > 1 ? (kept.every((o) => o.kind === 'photo') ? ('photos' as const) : ('files' as const)) : kept[0].kind;
    const reply = fileKeptReply(kind, { reporting, caseReference, state: conversation.state });
    if (reply) replies.push(reply);
  }
  for (const o of outcomes) if (o.status === 'refused') replies.push(fileRefusedReply(o.kind, o.reason, o.tryAgain));
  return replies;
}

/** Status ranks: a later callback never moves a message back (order is not guaranteed). */
const RANK: Record<string, number> = {
  stored: 0,
  fault: 0,
  send_retry: 1,
  dispatching: 1,
  accepted: 2,
  scheduled: 2,
  queued: 2,
  sending: 3,
  sent: 4,
  partially_delivered: 5,
  undelivered: 5,
  failed: 5,
  delivered: 6,
  read: 7,
};
const KNOWN = new Set(['queued', 'accepted', 'scheduled', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read', 'canceled', 'partially_delivered']);

/** Applies a Twilio status callback to the outbound message with that SID. */
export async function applyStatusCallback(deps: SmsChannelDeps, body: TwilioParams, tenantHint?: string): Promise<{ updated: boolean }> {
  const sid = (param(body, 'MessageSid') ?? param(body, 'SmsSid'))?.trim();
  const reported = (param(body, 'MessageStatus') ?? param(body, 'SmsStatus'))?.trim().toLowerCase();
  if (!sid || !reported) throw new BadTwilioRequest('MessageSid and MessageStatus are required');
  if (!KNOWN.has(reported)) return { updated: false };
  const status = reported;
  const errorCode = param(body, 'ErrorCode')?.trim();
  for (let tries = 0; tries < 3; tries++) {
    const row = await outboundByProviderId(deps.db, 'sms', sid, tenantHint);
    if (!row) {
      deps.log.warn({ sid, status }, 'status callback for an unknown message');
      return { updated: false };
    }
    const current = RANK[row.status] ?? 0;
    const next = RANK[status] ?? (status === 'canceled' ? 5 : 0);
    if (next <= current) return { updated: false };
    const parts = (typeof row.parts === 'string' ? JSON.parse(row.parts) : row.parts) as Record<string, unknown> | null;
    const sms = { ...((parts?.sms as Record<string, unknown>) ?? {}), deliveryStatus: reported, ...(errorCode ? { errorCode: Number(errorCode) || errorCode } : {}) };
    // Lost a race with another callback: read again.
    const done = await advanceOutboundStatus(deps.db, row, status, { ...(parts ?? { text: row.text }), sms });
    if (done) return { updated: true };
  }
  return { updated: false };
}
