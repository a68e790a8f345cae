/**
 * "Would you like me to tell you when it moves?" (issue 13, item 4), called from the policy
 * (policy.ts) after a case is created or a report joined to one, and, like it, reading and
 * deciding only: the answer is recorded by an effect (`case_updates`, bot/effects.ts), and the
 * messages themselves are sent by updates/ when the case's status changes.
 *
 * What is offered is what can happen:
 * - the flow's own question ("Would you like updates about this report?") was answered yes with a
 *   number or e-mail that can be reached (a text where SMS is configured, an e-mail where GOV.UK
 *   Notify has an updates template): that is their consent, recorded, and the reply says how;
 * - otherwise, where their own channel can reach them later (SMS, WhatsApp, a caller's mobile
 *   where texts can be sent), the question is asked, Yes or No (keys 1 and 2 on a call);
 * - web chat cannot reach anyone who has gone: updates are shown in the chat, and the reply says
 *   only that (while it is open);
 * - a no to the flow's question is a no: nothing is asked again, nothing is sent.
 * "Stop updates" (typed, the button on each update) ends them all for the resident.
 */
import { activeSubscriptionCount, toE164, type ConversationRow, type Db, type UpdateChannel, type UpdateTarget } from '../store/index.js';
import type { DialogueState } from './dialogue.js';
import type { TurnEffect } from './effects.js';
import { clean, yesNo } from './matching.js';
import type { ChannelName, Language, OutboundMessage } from './messages.js';
import { messagesIn } from './i18n/index.js';
import type { TenantRuntime } from './runtime.js';

/** What can carry updates besides the resident's own channel (set by the composition root). */
export interface UpdateRoutes {
  /** E-mail updates can be sent (GOV.UK Notify with an updates template). */
  email: boolean;
}

/** What this part keeps between turns, beside the rest of the dialogue (stored with it). */
export interface CaseUpdatesMemory {
  /** The question was asked about this case; the next yes or no answers it, anything else lets it lapse. */
  updatesOffer?: { caseId: string; reference: string; channel: UpdateChannel; target: UpdateTarget; how: string; question: string };
}

export type UpdatesDialogue = DialogueState & CaseUpdatesMemory;

/** What the policy's turn lends this part. */
export interface CaseUpdatesTurn {
  db: Db;
  runtime: TenantRuntime;
  conversation: ConversationRow;
  channel: ChannelName;
  now: Date;
  /** The turn's dialogue, changed in place. */
  dialogue: UpdatesDialogue;
  /** The turn's effects, added to in order. */
  effects: TurnEffect[];
  recognition: Record<string, unknown>;
  /** The turn's language (English when not given). */
  language?: Language;
}

/** This part's words in the turn's language. */
function w(t: Pick<CaseUpdatesTurn, 'language'>) {
  return messagesIn(t.language).updates;
}

/** The flow's contact step, as the flow engine keeps it. */
export interface GivenContact {
  phone?: string;
  email?: string;
  consent: boolean;
}


interface Route {
  channel: UpdateChannel;
  /** Their conversation (a caller: their own number), or the number or e-mail on their contact. */
  target: UpdateTarget;
  /** How they will be told, as the reply says it: "by text message to this number". */
  how: string;
}

const isWebChat = (channel: ChannelName) => channel === 'webchat' || channel === 'api';

/** A number texts can reach now: SMS is configured and it has not opted out (runtime.codes answers both). */
async function canText(t: CaseUpdatesTurn, e164: string | null): Promise<boolean> {
  const codes = t.runtime.codes;
  if (!e164 || !codes) return false;
  try {
    return await codes.canText(t.db, t.runtime.pack.tenant, e164);
  } catch {
    return false;
  }
}

/** The route for the details the resident gave for updates in the flow, when one can reach them. */
async function givenRoute(t: CaseUpdatesTurn, contact: GivenContact): Promise<Route | null> {
  // An e-mail or another number is read from the resident's contact when an update goes.
  if (!t.conversation.contact_id) return null;
  if (contact.email && t.runtime.updates?.email) return { channel: 'email', target: 'contact', how: w(t).byEmailGiven };
  const phone = toE164(contact.phone);
  if (!phone) return null;
  // On WhatsApp the number they use is the one they gave: the thread itself carries the updates.
  if (t.channel === 'whatsapp') return { channel: 'whatsapp', target: 'conversation', how: w(t).whatsapp };
  if (t.channel === 'sms' && phone === toE164(t.conversation.channel_user_id)) return { channel: 'sms', target: 'conversation', how: w(t).smsThis };
  if (/^\+447\d{9}$/.test(phone) && (await canText(t, phone))) return { channel: 'sms', target: 'contact', how: w(t).smsGiven };
  return null;
}

/** The route the resident's own channel offers for later: their SMS or WhatsApp thread, a caller's mobile. */
async function ownRoute(t: CaseUpdatesTurn): Promise<Route | null> {
  if (t.channel === 'sms') return { channel: 'sms', target: 'conversation', how: w(t).smsThis };
  if (t.channel === 'whatsapp') return { channel: 'whatsapp', target: 'conversation', how: w(t).whatsapp };
  if (t.channel === 'voice') {
    const caller = toE164(t.conversation.channel_user_id);
    if (caller && /^\+447\d{9}$/.test(caller) && (await canText(t, caller))) return { channel: 'sms', target: 'conversation', how: w(t).smsCalling };
  }
  return null;
}

function subscribe(t: CaseUpdatesTurn, caseId: string, route: Omit<Route, 'how'>, status: 'active' | 'declined', consentText: string): void {
  t.effects.push({
    type: 'case_updates',
    change: {
      kind: 'subscribe',
      subscription: {
        tenant: t.runtime.pack.tenant,
        caseId,
        contactId: t.conversation.contact_id,
        conversationId: t.conversation.id,
        channel: route.channel,
        target: route.target,
        status,
        consentText,
        at: t.now,
      },
    },
  });
}

/** `replies` with a sentence added to the first (the confirmation), in its spoken form too. */
function withSentence(replies: OutboundMessage[], sentence: string): OutboundMessage[] {
  const [first, ...rest] = replies;
  if (!first) return replies;
  return [{ ...first, text: `${first.text}\n\n${sentence}`, ...(first.speech ? { speech: `${first.speech} ${sentence}` } : {}) }, ...rest];
}

/**
 * After a case was created, or a report joined to one: records the consent the flow gave, asks,
 * or says what will happen (see above). Returns the turn's replies with that added.
 */
export async function offerCaseUpdates(t: CaseUpdatesTurn, c: { id: string; reference: string }, contact: GivenContact | undefined, replies: OutboundMessage[]): Promise<OutboundMessage[]> {
  delete t.dialogue.updatesOffer;
  if (contact?.consent === false) return replies; // they said no to updates: nothing more
  const given = contact?.consent ? await givenRoute(t, contact) : null;
  if (given) {
    subscribe(t, c.id, given, 'active', w(t).flowQuestion);
    // A report joined to an existing case records no details otherwise: the contact must hold them for the update.
    if (given.target === 'contact' && !t.effects.some((e) => e.type === 'update_contact')) {
      t.effects.push({ type: 'update_contact', contactId: t.conversation.contact_id!, details: { phone: contact!.phone, email: contact!.email } });
    }
    t.recognition.updates = { caseId: c.id, channel: given.channel, consent: 'flow' };
    return withSentence(replies, w(t).subscribed(given.how, w(t).stopHint));
  }
  const unreachable = contact?.consent ? w(t).unreachable(!!contact.email) : '';
  const own = await ownRoute(t);
  if (own) {
    const question = w(t).question(unreachable, own.how);
    t.dialogue.updatesOffer = { caseId: c.id, reference: c.reference, channel: own.channel, target: own.target, how: own.how, question };
    t.recognition.updates = { caseId: c.id, channel: own.channel, consent: 'asked' };
    return [
      ...replies,
      {
        text: question,
        speech: w(t).questionSpoken(unreachable, own.channel === 'sms'),
        askFor: 'yes_no',
        suggestions: w(t).yesNo,
      },
    ];
  }
  if (isWebChat(t.channel)) {
    // Nothing reaches a web chat once it is closed: say so, and show changes here while it is open.
    const said = w(t).webchat(unreachable);
    subscribe(t, c.id, { channel: 'webchat', target: 'conversation' }, 'active', said);
    t.recognition.updates = { caseId: c.id, channel: 'webchat', consent: 'told' };
    return withSentence(replies, said);
  }
  return replies;
}

/** The answer to the question, recorded; null when the message is neither yes nor no (the question lapses). */
export function answerUpdatesOffer(t: CaseUpdatesTurn, text: string): { replies: OutboundMessage[]; action: string } | null {
  const offer = t.dialogue.updatesOffer;
  delete t.dialogue.updatesOffer;
  if (!offer) return null;
  const answer = yesNo(text);
  if (answer === null) return null;
  subscribe(t, offer.caseId, offer, answer ? 'active' : 'declined', offer.question);
  t.recognition.updates = { caseId: offer.caseId, channel: offer.channel, consent: answer ? 'yes' : 'no' };
  if (answer) {
    return { replies: [{ text: w(t).okSubscribed(offer.how, w(t).stopHint) }], action: 'updates_subscribed' };
  }
  return { replies: [{ text: w(t).declined(offer.reference) }], action: 'updates_declined' };
}

// "stop updates", "no more updates please", "unsubscribe from updates", "stop sending me case updates".
const STOP_UPDATES =
  /^(?:please )?(?:stop|cancel|end|unsubscribe(?: me)?(?: from)?|turn off|switch off|no more)(?: sending(?: me)?)? (?:(?:the|my|these|all|any|case|report) )*(?:updates?|update messages|notifications)(?: please| thanks| thank you)?$/;

/** The message asks to stop updates about cases. */
export function isStopUpdates(text: string): boolean {
  return STOP_UPDATES.test(clean(text).replace(/[.]+/g, ' ').replace(/\s+/g, ' ').trim());
}

/** "Stop updates": every active subscription of the resident (their contact, or this conversation) ends. */
export async function stopCaseUpdates(t: CaseUpdatesTurn): Promise<{ replies: OutboundMessage[]; action: string }> {
  delete t.dialogue.updatesOffer;
  const who = { contactId: t.conversation.contact_id, conversationId: t.conversation.id };
  const active = await activeSubscriptionCount(t.db, t.runtime.pack.tenant, who);
  if (!active) {
    return { replies: [{ text: w(t).none }], action: 'updates_none' };
  }
  t.effects.push({ type: 'case_updates', change: { kind: 'stop', ...who } });
  t.recognition.updates = { stopped: active };
  return {
    replies: [{ text: w(t).stopped(active) }],
    action: 'updates_stopped',
  };
}
