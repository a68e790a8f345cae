/**
 * The channel-neutral message model. Channel adapters turn provider requests into
 * InboundMessage and render OutboundMessage for what their channel can show.
 */

import type { HandoffPriority } from '../handoff/index.js';
import type { RiskKind } from '../intents/index.js';

/**
 * A channel's name as stored on conversations: the built-in ones, or any adapter's name in
 * channels/registry.ts (a new channel needs no edit here; its wording is the default unless a
 * flow's wording names it).
 */
/** The languages the assistant speaks (issue 17); the council offers one or both (`settings.languages`). */
export type Language = 'en' | 'cy';

export type ChannelName = 'api' | 'webchat' | 'sms' | 'voice' | 'messenger' | 'whatsapp' | (string & {});

export interface Attachment {
  contentType: string;
  url: string;
  name?: string;
}

export interface InboundMessage {
  tenant: string;
  channel: ChannelName;
  /** The resident's id on that channel: a phone number, a PSID, a web-chat conversation id. */
  channelUserId: string;
  /** The provider's id for this message; a repeat is acknowledged and dropped. */
  providerMessageId: string;
  text: string;
  attachments?: Attachment[];
  receivedAt: Date;
  /** The resident's explicit choice of language (the widget's switch, an IVR key); it outranks every other sign. */
  language?: Language;
}

export interface Suggestion {
  label: string;
  value: string;
}

export interface Card {
  title: string;
  body: string;
  link?: { label: string; url: string };
}

/** The type of answer a flow step expects, so channels can shape input (keypad, date picker...). */
export type AskFor =
  | 'address'
  | 'postcode'
  | 'date'
  | 'choice'
  | 'yes_no'
  | 'phone'
  | 'email'
  | 'free_text'
  | 'photo';

/** Owned by handoff/ (routing decides it); part of the message model for channels and the API. */
export type { HandoffPriority };

export interface HandoffNotice {
  reason: string;
  priority: HandoffPriority;
  queue?: string;
  /** False out of hours: the resident is told when someone will be back. */
  staffAvailable?: boolean;
  /** A rough wait, when someone is available to estimate from. */
  estimatedWaitSeconds?: number;
  /**
   * What the resident was told will happen, decided when the handoff was made: `agent` an
   * available agent can take it now; `duty` the duty officer is being alerted (a referral will be
   * sent); `queue` it waits in the queue for the team; `none` nobody can be reached right now.
   */
  route?: HandoffRoute;
  /** For a safety handoff: the kind of risk the signposting was for. */
  riskKind?: RiskKind;
}

export type HandoffRoute = 'agent' | 'duty' | 'queue' | 'none';

export interface OutboundMessage {
  text: string;
  /** Plain spoken form where it differs from text (voice channels). */
  speech?: string;
  suggestions?: Suggestion[];
  card?: Card;
  link?: { label: string; url: string };
  askFor?: AskFor;
  handoff?: HandoffNotice;
  /** Asks "Was this useful?" about an article; the feedback refers to it. */
  feedbackFor?: { articleId: string };
  /** The language the reply is written in (the pipeline sets it on every reply). */
  language?: Language;
}
