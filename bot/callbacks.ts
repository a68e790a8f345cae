/**
 * "Call me back" as work (issue 14, item 2), called from the policy (policy.ts) and, like it,
 * reading and deciding only: the call-back is written by an effect (`create_callback`,
 * bot/effects.ts) and worked from the console's call-back queue (callbacks/).
 *
 * Only what the council can deliver is promised:
 * - no `callbacks` in the council's settings: this part stays out (policy.ts keeps its older case);
 * - slots are the council's (`callbacks.slotMinutes` within its hours, `perSlot` each, `daysAhead`),
 *   minus those already full; the next three are offered (keys 1 to 3 on a call, a numbered list by
 *   text, buttons in web chat), and the slot is checked again when chosen;
 * - no free slot: said plainly, with the numbers that exist;
 * - a complaint has no slot: it is due within `complaintTargetMinutes` (from now when open, else
 *   from the next opening), and the reply says exactly that.
 * The number is the caller's or texter's own (the network vouches for it), else one given in the chat.
 * "Cancel my call-back" cancels the conversation's waiting one (effect `cancel_callback`, audited).
 */
import { randomUUID } from 'node:crypto';
import { isOpen, queueFor, type OpeningHours } from '../handoff/index.js';
import { bookedSlots, openCallbackFor, openHandoffFor, toE164, type ConversationRow, type Db } from '../store/index.js';
import type { Settings } from './content-pack/index.js';
import type { DialogueState } from './dialogue.js';
import type { TurnEffect } from './effects.js';
import { clean, matchChoice } from './matching.js';
import type { ChannelName, Language, OutboundMessage } from './messages.js';
import { messagesIn } from './i18n/index.js';
import type { TenantRuntime } from './runtime.js';

export type CallbackSettings = NonNullable<Settings['callbacks']>;

/** A slot offered: its start (ISO) and how it is said. */
export interface OfferedSlot {
  at: string;
  label: string;
}

/** What this part keeps between turns, beside the rest of the dialogue. */
export interface CallbackMemory {
  /** Slots were offered for a call-back to `phone`; the next message may choose one. */
  callbackOffer?: { phone: string; slots: OfferedSlot[] };
  /** A call-back was asked for and no number is known yet: the next phone number given is it. */
  callbackNeedsNumber?: boolean;
  /** The request was about a complaint (its own target), remembered while the number is asked for. */
  callbackComplaint?: boolean;
}

export type CallbackDialogue = DialogueState & CallbackMemory;

/** What the policy's turn lends this part. */
export interface CallbackTurn {
  db: Db;
  runtime: TenantRuntime;
  conversation: ConversationRow;
  channel: ChannelName;
  now: Date;
  text: string;
  /** A phone number found in the message, if any. */
  phone?: string;
  /** The intent recognised for this message (a complaint has its own target). */
  intent?: string | null;
  dialogue: CallbackDialogue;
  effects: TurnEffect[];
  recognition: Record<string, unknown>;
  /** The turn's language (English when not given). */
  language?: Language;
}

export interface CallbackAnswer {
  replies: OutboundMessage[];
  action: string;
}

/** How many slots are offered at once (keys 1 to 3 on a call). */
export const SLOTS_OFFERED = 3;
/** A slot starting sooner than this is not offered: nobody could prepare for it. */
const LEAD_MINUTES = 10;
const COMPLAINT_SERVICE = 'corporate.complaint';
const COMPLAINT_WORDS = /\bcomplain(t|ts|ing|ed)?\b/;

/** "Cancel my call-back", "I don't need the call back any more", "no longer need a callback". */
const CANCELS = /\b(cancel|do not need|dont need|don't need|no longer need|no longer want|don't want|dont want)\b.*\b(call ?-?back|call me back)\b/;
const ASKS_QUEUED = /\b(call|ring|phone) (me )?back\b|\bcall ?-?back\b/;
/** Outside a queue a bare "called me back" may be a complaint about one; a request is worded as one. */
const ASKS = /^(please )?(call|ring|phone) me back\b|\b(can|could|would|will) (you|someone|somebody|a person|an adviser) (please )?(call|ring|phone) me( back)?\b|\b(ask for|request|arrange|book|want|like|need) (a )?(call ?-?back|call me back)\b|^call ?-?back( please)?$/;

export function callbackSettings(settings: Settings): CallbackSettings | undefined {
  return settings.callbacks;
}

/** Whether the message asks for a call-back (more loosely while waiting in a queue, where it can only mean that). */
export function asksForCallback(text: string, queued: boolean): boolean {
  const t = clean(text);
  return (queued ? ASKS_QUEUED : ASKS).test(t);
}

function callbackHours(settings: Settings, cb: CallbackSettings): OpeningHours {
  return { timezone: settings.openingHours.timezone, weekly: cb.hours ?? settings.openingHours.weekly, holidays: settings.openingHours.holidays };
}

const labelFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Thursday 3 December, 2:00pm" ("Dydd Iau 3 Rhagfyr, 2:00yh" in Welsh), in the council's time zone. */
export function slotLabel(at: Date, timeZone: string, lang?: Language): string {
  const locale = lang === 'cy' ? 'cy' : 'en-GB';
  let f = labelFormatters.get(`${locale} ${timeZone}`);
  if (!f) labelFormatters.set(`${locale} ${timeZone}`, (f = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', hour12: true })));
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const period = String(parts.dayPeriod ?? '').toLowerCase().replace(/[\s.]/g, '');
  const suffix = lang === 'cy' ? (period.startsWith('p') ? 'yh' : 'yb') : period;
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute}${suffix}`;
}

/** Every slot start within the council's hours from `now` to `daysAhead` days on, full ones included. */
export function slotStarts(settings: Settings, cb: CallbackSettings, now: Date): Date[] {
  const hours = callbackHours(settings, cb);
  const step = cb.slotMinutes * 60_000;
  const first = Math.ceil((now.getTime() + LEAD_MINUTES * 60_000) / step) * step;
  const until = now.getTime() + cb.daysAhead * 86_400_000;
  const out: Date[] = [];
  for (let t = first; t < until; t += step) {
    // The whole slot lies within the hours: its first and last minute.
    if (isOpen(hours, new Date(t)) && isOpen(hours, new Date(t + step - 60_000))) out.push(new Date(t));
  }
  return out;
}

/** The next free slots (fewer than `perSlot` live call-backs), at most `count`. */
export async function freeSlots(db: Db, settings: Settings, tenant: string, now: Date, count = SLOTS_OFFERED, lang?: Language): Promise<OfferedSlot[]> {
  const cb = callbackSettings(settings);
  if (!cb) return [];
  const starts = slotStarts(settings, cb, now);
  if (!starts.length) return [];
  const taken = await bookedSlots(db, tenant, starts[0], new Date(starts[starts.length - 1].getTime() + 1));
  return starts
    .filter((s) => (taken.get(s.toISOString()) ?? 0) < cb.perSlot)
    .slice(0, count)
    .map((s) => ({ at: s.toISOString(), label: slotLabel(s, settings.openingHours.timezone, lang) }));
}

/** The number to call: the caller's or texter's own, else one given now. */
function numberFor(t: CallbackTurn): string | null {
  if (t.phone) return toE164(t.phone) ?? t.phone;
  if (t.channel === 'sms' || t.channel === 'voice') return toE164(t.conversation.channel_user_id) ?? null;
  return null;
}

function spoken(phone: string): string {
  return phone.replace(/^\+44/, '0');
}

/** What the conversation is about: the waiting handoff's reason, service and queue, else the message's intent. */
async function context(t: CallbackTurn, complaintAsked = false) {
  const settings = t.runtime.pack.settings;
  const tenant = t.runtime.pack.tenant;
  const open = await openHandoffFor(t.db, tenant, t.conversation.id);
  const handoffService = (open?.context as { service?: string | null } | undefined)?.service ?? null;
  const serviceId = handoffService ?? (t.intent && t.runtime.pack.servicesById.has(t.intent) ? t.intent : null);
  const service = serviceId ? t.runtime.pack.servicesById.get(serviceId) : undefined;
  const queueId = open?.queue ?? queueFor(settings.queues, service).id;
  const complaint = complaintAsked || serviceId === COMPLAINT_SERVICE || t.intent === COMPLAINT_SERVICE || open?.reason === 'complaint';
  return { reason: open?.reason ?? 'resident_request', serviceId, queueId, complaint };
}

/**
 * The answer to what this part asked last turn (a slot, a number), or a new request for a
 * call-back; null when the message is neither (an offer not taken lapses).
 */
export async function decideCallback(t: CallbackTurn, queued: boolean): Promise<CallbackAnswer | null> {
  const settings = t.runtime.pack.settings;
  const cb = callbackSettings(settings);
  if (!cb) return null;
  const d = t.dialogue;
  const offer = d.callbackOffer;
  if (offer) {
    delete d.callbackOffer;
    const picked = matchChoice(t.text, offer.slots.map((s) => ({ value: s.at, label: s.label })));
    if (picked) return book(t, cb, offer.phone, offer.slots.find((s) => s.at === picked.value)!);
    if (/^(none|no|neither|cancel|none of (these|them)|not now)\b/.test(clean(t.text))) {
      return { replies: [{ text: messagesIn(t.language).callbacks.declinedAnything }], action: 'callback_declined' };
    }
    // Anything else: the offer lapses and the message is decided as usual.
  }
  if (d.callbackNeedsNumber) {
    const complaint = !!d.callbackComplaint;
    delete d.callbackNeedsNumber;
    delete d.callbackComplaint;
    if (t.phone) return offerCallback(t, cb, numberFor(t)!, complaint);
    if (!/^(cancel|no|stop)\b/.test(clean(t.text)) && !asksForCallback(t.text, queued)) {
      d.callbackNeedsNumber = true;
      if (complaint) d.callbackComplaint = true;
      return { replies: [{ text: messagesIn(t.language).turn.notAPhone, askFor: 'phone' }], action: 'callback_retry' };
    }
    if (!asksForCallback(t.text, queued)) return { replies: [{ text: messagesIn(t.language).callbacks.declined }], action: 'callback_declined' };
  }
  if (CANCELS.test(clean(t.text))) return cancelByResident(t);
  if (!asksForCallback(t.text, queued)) return null;
  const phone = numberFor(t);
  const complaint = COMPLAINT_WORDS.test(clean(t.text));
  if (!phone) {
    d.callbackNeedsNumber = true;
    if (complaint) d.callbackComplaint = true;
    return { replies: [{ text: messagesIn(t.language).turn.callbackNumber, askFor: 'phone' }], action: 'callback_ask' };
  }
  return offerCallback(t, cb, phone, complaint);
}

async function offerCallback(t: CallbackTurn, cb: CallbackSettings, phone: string, complaint = false): Promise<CallbackAnswer> {
  const settings = t.runtime.pack.settings;
  const tenant = t.runtime.pack.tenant;
  const ctx = await context(t, complaint);
  if (ctx.complaint) return bookComplaint(t, cb, phone, ctx);
  const slots = await freeSlots(t.db, settings, tenant, t.now, SLOTS_OFFERED, t.language);
  const w = messagesIn(t.language).callbacks;
  t.recognition.callback = { offered: slots.map((s) => s.at) };
  if (!slots.length) {
    return {
      replies: [
        {
          text: w.noSlots(cb.daysAhead, settings.contact.phone),
          speech: w.noSlotsSpoken(cb.daysAhead, spoken(settings.contact.phone)),
        },
      ],
      action: 'callback_unavailable',
    };
  }
  t.dialogue.callbackOffer = { phone, slots };
  return {
    replies: [
      {
        text: w.when(spoken(phone)),
        suggestions: [...slots.map((s) => ({ label: s.label, value: s.label })), w.noneOfThese],
        askFor: 'choice',
      },
    ],
    action: 'callback_slots',
  };
}

async function book(t: CallbackTurn, cb: CallbackSettings, phone: string, slot: OfferedSlot): Promise<CallbackAnswer> {
  const settings = t.runtime.pack.settings;
  const tenant = t.runtime.pack.tenant;
  // Taken since it was offered? Offer what is free now instead.
  const taken = await bookedSlots(t.db, tenant, new Date(slot.at), new Date(new Date(slot.at).getTime() + 1));
  if ((taken.get(slot.at) ?? 0) >= cb.perSlot) {
    const again = await offerCallback(t, cb, phone);
    again.replies.unshift({ text: messagesIn(t.language).callbacks.taken(slot.label) });
    return again;
  }
  const ctx = await context(t);
  const id = randomUUID();
  t.effects.push({
    type: 'create_callback',
    callback: {
      id,
      tenant,
      conversationId: t.conversation.id,
      contactId: t.conversation.contact_id,
      phone,
      reason: ctx.reason,
      serviceId: ctx.serviceId,
      queueId: ctx.queueId,
      kind: 'standard',
      slotAt: new Date(slot.at),
      dueAt: new Date(slot.at),
      maxAttempts: cb.retry.attempts,
      retryAfterMinutes: cb.retry.afterMinutes,
    },
  });
  t.recognition.callback = { id, slot: slot.at, kind: 'standard' };
  const end = slotLabel(new Date(new Date(slot.at).getTime() + cb.slotMinutes * 60_000), settings.openingHours.timezone, t.language).split(', ').at(-1);
  return {
    replies: [
      {
        text: messagesIn(t.language).callbacks.booked(spoken(phone), slot.label, end ?? '', retryWording(cb, t.language)),
      },
    ],
    action: 'callback_booked',
  };
}

/** What happens if the call is not answered, as the council's retry rule says. */
function retryWording(cb: CallbackSettings, lang?: Language): string {
  const w = messagesIn(lang).callbacks;
  const more = cb.retry.attempts - 1;
  if (more <= 0) return w.once;
  return w.retry(more, cb.retry.afterMinutes);
}

async function bookComplaint(t: CallbackTurn, cb: CallbackSettings, phone: string, ctx: Awaited<ReturnType<typeof context>>): Promise<CallbackAnswer> {
  const settings = t.runtime.pack.settings;
  const hours = callbackHours(settings, cb);
  const target = cb.complaintTargetMinutes;
  const openNow = isOpen(hours, t.now);
  // Out of hours the clock starts at the next opening: nobody can call before then.
  const start = openNow ? t.now : slotStarts(settings, cb, t.now)[0];
  if (!start) {
    return { replies: [{ text: messagesIn(t.language).callbacks.complaintUnavailable(settings.contact.phone) }], action: 'callback_unavailable' };
  }
  const dueAt = new Date(start.getTime() + target * 60_000);
  const id = randomUUID();
  t.effects.push({
    type: 'create_callback',
    callback: {
      id,
      tenant: t.runtime.pack.tenant,
      conversationId: t.conversation.id,
      contactId: t.conversation.contact_id,
      phone,
      reason: ctx.reason,
      serviceId: ctx.serviceId ?? COMPLAINT_SERVICE,
      queueId: ctx.queueId,
      kind: 'complaint',
      slotAt: null,
      dueAt,
      maxAttempts: cb.retry.attempts,
      retryAfterMinutes: cb.retry.afterMinutes,
    },
  });
  t.recognition.callback = { id, due: dueAt.toISOString(), kind: 'complaint' };
  const w = messagesIn(t.language).callbacks;
  const when = openNow ? w.complaintWithin(target) : w.complaintAfterOpening(target, slotLabel(start, settings.openingHours.timezone, t.language));
  return {
    replies: [{ text: w.complaintBooked(spoken(phone), when, retryWording(cb, t.language)) }],
    action: 'callback_booked',
  };
}

/**
 * The resident cancels their call-back: the conversation's waiting (or missed) one is cancelled
 * and leaves the queue; one being called now cannot be, and the reply says so.
 */
async function cancelByResident(t: CallbackTurn): Promise<CallbackAnswer> {
  const tenant = t.runtime.pack.tenant;
  const open = await openCallbackFor(t.db, tenant, t.conversation.id);
  const w = messagesIn(t.language).callbacks;
  if (!open) return { replies: [{ text: w.none }], action: 'callback_none' };
  if (open.status === 'calling') return { replies: [{ text: w.calling }], action: 'callback_calling' };
  t.effects.push({ type: 'cancel_callback', tenant, id: open.id });
  t.effects.push({
    type: 'audit',
    event: { tenant, actorType: 'resident', actorId: t.conversation.id, action: 'callback.cancelled', subjectType: 'conversation', subjectId: t.conversation.id, detail: { callbackId: open.id, by: 'resident', was: open.status, attempts: open.attempts } },
  });
  t.recognition.callback = { id: open.id, cancelled: true };
  const when = open.slotAt ? w.cancelledFor(slotLabel(open.slotAt, t.runtime.pack.settings.openingHours.timezone, t.language)) : '';
  return { replies: [{ text: w.cancelled(when) }], action: 'callback_cancelled' };
}
