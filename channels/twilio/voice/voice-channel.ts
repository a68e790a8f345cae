/**
 * The telephone channel (Twilio Voice IVR). Each webhook answers with TwiML at once: a caller's
 * speech or key press becomes the resident's message, the assistant's replies are spoken (see
 * speakable.ts), and a handoff parks the caller in a Twilio queue that agents answer.
 *
 * State lives in the store and in our own action URLs (which Twilio signs back to us), never in
 * process memory, so any app process can answer any turn of a call:
 * - `c`: the conversation; a call is one conversation, created when the call starts.
 * - `n`: the turn counter; a message sent in turn n has provider id `${CallSid}:${n}`, so a
 *   Twilio retry of the same request is answered once (the store drops the repeat).
 * - `m`: what the keypad means now: `greet`, `bot` (the last replies' options), `menu`, `confirm`.
 * - `s`: silences in a row (the <Redirect> after a <Gather> adds one).
 * - `k=ref`: a case reference was asked for: keys are its digits, ended by the hash key.
 * - `l=cy`: the call is in Welsh (the voice layer's own words, the Welsh voice); `lk=1`: the caller
 *   chose it with a key at the start, so each message carries it as the resident's choice.
 *   A council offering both languages asks first ("Am wasanaeth Cymraeg, pwyswch 1. For English,
 *   press 2.", mode `lang`); the assistant's replies are spoken in the language they are written in.
 */
import type { Logger } from 'pino';
import { mayAskByPhone, recordKey, recordPhoneAsk, spokenNumber, yesNo, type Assistant, type OutboundMessage, type HandoffNotice } from '../../../bot/index.js';
import { abandon, isOpen } from '../../../handoff/index.js';
import { RESIDENT, transitionIfIn } from '../../../conversations/index.js';
import {
  findConversation,
  firstOutbound,
  openHandoffFor,
  resolveConversation,
  withIdentityLock,
  partsOf,
  latestReplies,
  storeOutbound,
  type ConversationRow,
  type Db,
  type Store,
} from '../../../store/index.js';
import { councilForNumber } from '../numbers.js';
import {
  isUkMobile,
  keyAnswer,
  digitsText,
  mainMenuPrompt,
  MAIN_MENU,
  renderReplies,
  repliesLanguage,
  SEND_LINK,
  speakableText,
  toSegments,
  type KeyOption,
  type Segment,
  type VoicePrompt,
} from './speakable.js';
import { enqueueResponse, gatherResponse, goodbyeResponse, holdResponse, newResponse, say, type Speech } from './twiml.js';
import { LANGUAGE_KEYS, LANGUAGE_QUESTION, sayLanguage, VOICE_WORDS, welshGatherFrom, type VoiceLanguage, type VoiceWords, type WelshGather } from './voice-words.js';
import { paymentDialResponse, wantsCardPayment } from './payment-line.js';
import { RECORDING_EVENTS, type RecordingControl } from './recordings.js';
import { satisfactionPrompt, satisfactionThanks } from './satisfaction-call.js';

/** Sends a text message to the caller (the SMS channel's sender); `key` makes a retry send once. */
export interface VoiceSms {
  /** False when texts cannot be sent now (Twilio not configured): nothing is offered. */
  available?(): boolean;
  send(input: { tenant: string; conversationId: string; to: string; body: string; key: string }): Promise<void>;
}

export interface VoiceChannelDeps {
  store: Store;
  assistant: Assistant;
  log: Logger;
  /** The tenants served; the call's `To` number picks one (numbers.ts: the same rule as SMS). */
  tenantIds: () => Iterable<string>;
  /** The council TWILIO_FROM belongs to; unset: "demo" when served, else the first. */
  defaultTenant?: string;
  /** Default process.env.TWILIO_FROM: the default council's own number. */
  twilioFrom?: () => string | undefined;
  sms?: VoiceSms;
  clock?: () => Date;
  /** Pauses and resumes the call's recording around the payment line (Twilio REST); without it nothing is transferred while recording. */
  recordings?: RecordingControl;
  /** How Welsh prompts listen (voice-words.ts); default: keys, and speech in en-GB. */
  welshGather?: WelshGather;
}

export type TwilioParams = Record<string, string | undefined>;

/** Where the router is mounted, for our own action URLs ("/channels/twilio/voice"). */
export interface VoiceUrls {
  base: string;
}

/** Low speech confidence below which an answer that matters is read back first. */
export const CONFIRM_BELOW = 0.5;
const MATTERS = new Set(['address', 'postcode', 'yes_no', 'phone', 'email']);
const YES_NO_KEYS: KeyOption[] = [
  { digit: '1', value: 'yes', spoken: 'yes' },
  { digit: '2', value: 'no', spoken: 'no' },
];
const SERVICE_HINTS = [
  'bin', 'bins', 'missed bin', 'recycling', 'rubbish', 'food waste', 'garden waste', 'glass', 'bin day',
  'pothole', 'street light', 'fly-tipping', 'graffiti', 'noise', 'council tax', 'housing', 'parking',
  'speak to someone', 'talk to a person', 'yes', 'no', 'cancel', 'go back', 'start again', 'skip',
];

type Mode = 'greet' | 'bot' | 'menu' | 'confirm' | 'lang';

interface CallContext {
  tenant: string;
  conversation: ConversationRow;
  callSid: string;
  from: string;
  n: number;
  s: number;
  mode: Mode;
  heard?: string;
  linkSent: boolean;
  /** A case reference was asked for: keyed digits until the hash key, speech hinted with the prefix. */
  entry?: 'reference';
  /** The language the call is in, and whether the caller chose it with a key (then each message says so). */
  lang: VoiceLanguage;
  chosen: boolean;
}

export class VoiceChannel {
  private readonly hintsByTenant = new Map<string, string>();
  private readonly clock: () => Date;

  constructor(private readonly deps: VoiceChannelDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** The council the number called belongs to (the same rule as a text to it), or null. */
  tenantFor(to: string | undefined): string | null {
    return councilForNumber(this.deps, to);
  }

  private settings(tenant: string) {
    return this.deps.assistant.runtime(tenant).pack.settings;
  }

  private voice(tenant: string): string {
    return this.settings(tenant).channels.voice.voice;
  }

  /** The voice and languages of a prompt: Welsh speaks cy-GB in the council's Welsh voice. */
  private speech(tenant: string, lang: VoiceLanguage): Speech | string {
    if (lang !== 'cy') return this.voice(tenant);
    const v = this.settings(tenant).channels.voice as { welshVoice?: string };
    return { voice: v.welshVoice ?? 'Polly.Gwyneth', say: sayLanguage('cy'), gather: this.deps.welshGather ?? welshGatherFrom(undefined) };
  }

  /** The languages the council offers, its default first (English where the pack does not say). */
  private languages(tenant: string): VoiceLanguage[] {
    const offered = ((this.settings(tenant) as { languages?: readonly string[] }).languages ?? []).filter((l): l is VoiceLanguage => l === 'en' || l === 'cy');
    return offered.length ? offered : ['en'];
  }

  /** The council's name as said in the call's language. */
  private councilName(tenant: string, lang: VoiceLanguage): string {
    const s = this.settings(tenant) as { councilName: string; welsh?: { councilName?: string } };
    return lang === 'cy' ? (s.welsh?.councilName ?? s.councilName) : s.councilName;
  }

  private words(ctx: Pick<CallContext, 'lang'>): VoiceWords {
    return VOICE_WORDS[ctx.lang];
  }

  /** Street names of the council's gazetteer and service words: recognition hints for every prompt. */
  hints(tenant: string): string {
    let h = this.hintsByTenant.get(tenant);
    if (!h) {
      const pack = this.deps.assistant.runtime(tenant).pack;
      const streets = [...new Set(pack.gazetteer.map((a) => a.street))].sort().slice(0, 300);
      const services = pack.services
        .filter((s) => !/^(meta|safety)\./.test(s.id))
        .map((s) => s.name.toLowerCase().replace(/\s*\([^)]*\)/g, ''))
        .filter((n) => n.length <= 60)
        .slice(0, 100);
      // Twilio accepts a few hundred phrases of up to 100 characters each.
      h = [...new Set([...SERVICE_HINTS, ...services, ...streets])].slice(0, 450).map((p) => p.replace(/,/g, ' ')).join(', ');
      this.hintsByTenant.set(tenant, h);
    }
    return h;
  }

  /** Identity on the voice channel: the caller's number, or per call when it is withheld. */
  private identity(from: string | undefined, callSid: string): string {
    return from && /^\+?\d{6,15}$/.test(from) ? from : `withheld:${callSid}`;
  }

  /**
   * The call's conversation: the caller's latest one if this call started it (still open), else a
   * new one with its greeting, which records the CallSid. Both under the caller's lock, so a
   * Twilio retry of the start, even at once, finds the first. The contact is the caller's number's,
   * shared with texts from it (store findOrCreateContact).
   */
  private async conversationForCall(tenant: string, from: string | undefined, callSid: string): Promise<{ conversation: ConversationRow; created: boolean }> {
    const channelUserId = this.identity(from, callSid);
    return withIdentityLock(this.deps.store.db, { tenant, channel: 'voice', channelUserId }, async (trx) => {
      const found = await resolveConversation(trx, {
        tenant,
        channel: 'voice',
        channelUserId,
        reuse: async (latest) => latest.state !== 'closed' && (await this.callOf(trx, tenant, latest.id)) === callSid,
      });
      if (found.created) {
        // A council offering both languages asks first: that question is what the caller hears first.
        const greeting = this.asksLanguage(tenant) ? `${LANGUAGE_QUESTION.cy} ${LANGUAGE_QUESTION.en}` : this.greetingText(tenant, this.languages(tenant)[0]);
        await storeOutbound(trx, {
          tenant,
          conversationId: found.conversation.id,
          channel: 'voice',
          author: 'bot',
          text: greeting,
          parts: { text: greeting, speech: greeting, voiceCall: callSid },
          replyTo: null,
        });
      }
      return found;
    });
  }

  /** The CallSid a conversation was started by (kept with its greeting). */
  private async callOf(db: Db, tenant: string, conversationId: string): Promise<string | null> {
    const first = await firstOutbound(db, tenant, conversationId);
    return first ? (partsOf<{ voiceCall?: string }>(first)?.voiceCall ?? null) : null;
  }

  // ---------------------------------------------------------------- incoming call

  async incomingCall(p: TwilioParams, urls: VoiceUrls): Promise<string> {
    const tenant = this.tenantFor(p.To);
    if (!tenant) return this.notInService(p);
    const callSid = p.CallSid ?? '';
    const { conversation } = await this.conversationForCall(tenant, p.From, callSid);
    const s = this.settings(tenant);
    const lang = this.languages(tenant)[0];
    const ctx: CallContext = { tenant, conversation, callSid, from: p.From ?? '', n: 1, s: 0, mode: 'greet', linkSent: false, lang, chosen: false };
    const xml = this.asksLanguage(tenant) ? this.languageQuestion({ ...ctx, mode: 'lang' }, urls) : this.gather(ctx, urls, { segments: toSegments(this.greetingText(tenant, lang), lang), options: MAIN_MENU, links: [] });
    // Twilio records from the first verb when the council records calls; the notice is in the greeting.
    // Each recording's id, status and duration come back to /voice/recording-status (recordings.ts).
    const callback = `${urls.base}/recording-status?${new URLSearchParams({ c: conversation.id, t: tenant })}`.replace(/&/g, '&amp;');
    const start = `<Start><Recording channels="dual" track="both" recordingStatusCallback="${callback}" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="${RECORDING_EVENTS}"/></Start>`;
    return s.channels.voice.recordCalls ? xml.replace('<Response>', `<Response>${start}`) : xml;
  }

  greetingText(tenant: string, lang: VoiceLanguage = 'en'): string {
    return VOICE_WORDS[lang].greeting(this.councilName(tenant, lang), this.settings(tenant).channels.voice.recordCalls);
  }

  /** Both English and Welsh offered: the call starts by asking which. */
  private asksLanguage(tenant: string): boolean {
    const offered = this.languages(tenant);
    return offered.includes('cy') && offered.includes('en');
  }

  /** "Am wasanaeth Cymraeg, pwyswch 1. For English, press 2.": each half in its own language and voice, one key. */
  private languageQuestion(ctx: CallContext, urls: VoiceUrls, preface?: string): string {
    const r = newResponse();
    const g = r.gather({
      input: ['dtmf', 'speech'],
      language: 'en-GB',
      hints: 'Cymraeg, Welsh, English, Saesneg',
      speechTimeout: 'auto',
      timeout: 6,
      numDigits: 1,
      action: `${urls.base}/gather?${this.query(ctx, 0)}`,
      method: 'POST',
      actionOnEmptyResult: false,
    });
    if (preface) say(g, toSegments(preface), this.voice(ctx.tenant));
    say(g, toSegments(LANGUAGE_QUESTION.cy, 'cy'), this.speech(ctx.tenant, 'cy'));
    say(g, toSegments(LANGUAGE_QUESTION.en), this.speech(ctx.tenant, 'en'));
    r.redirect({ method: 'POST' }, `${urls.base}/gather?${this.query(ctx, ctx.s + 1)}`);
    return r.toString();
  }

  /** The caller's answer to the language question: the greeting in that language; silence asks again, then takes the default. */
  private chooseLanguage(ctx: CallContext, urls: VoiceUrls, digits: string | undefined, speech: string | undefined): string {
    const spoken = speech && (/\b(cymraeg|welsh)\b/i.test(speech) ? 'cy' : /\b(english|saesneg)\b/i.test(speech) ? 'en' : undefined);
    const picked = (digits && LANGUAGE_KEYS[digits.replace(/[#*\s]/g, '')]) || spoken;
    // Asked again after silence or another key; then the council's default language.
    if (!picked && ctx.s < 2) return this.languageQuestion(ctx, urls);
    const lang = picked || this.languages(ctx.tenant)[0];
    const next: CallContext = { ...ctx, mode: 'greet', s: 0, lang, chosen: !!picked };
    return this.gather(next, urls, { segments: toSegments(this.greetingText(ctx.tenant, lang), lang), options: MAIN_MENU, links: [] });
  }

  private notInService(p: TwilioParams): string {
    this.deps.log.warn({ to: p.To }, 'voice call to a number no council is configured for');
    const r = newResponse();
    r.say({ language: 'en-GB' }, 'Sorry, this number is not in service. Please check the number you dialled. Goodbye.');
    r.hangup();
    return r.toString();
  }

  // ---------------------------------------------------------------- each Gather action

  async gatherAction(p: TwilioParams, q: TwilioParams, urls: VoiceUrls): Promise<string> {
    const tenant = this.tenantFor(p.To) ?? (q.t && this.knownTenant(q.t) ? q.t : null);
    if (!tenant) return this.notInService(p);
    const callSid = p.CallSid ?? '';
    const conversation = await this.conversationFromUrl(tenant, q.c, p.From, callSid);
    const ctx: CallContext = {
      tenant,
      conversation,
      callSid,
      from: p.From ?? '',
      n: positiveInt(q.n, 1),
      s: positiveInt(q.s, 0),
      mode: (['greet', 'bot', 'menu', 'confirm'] as const).find((m) => m === q.m) ?? 'bot',
      heard: q.h,
      linkSent: q.ls === '1',
      entry: q.k === 'ref' ? 'reference' : undefined,
      lang: q.l === 'cy' ? 'cy' : 'en',
      chosen: q.lk === '1',
    };
    if (q.m === 'lang') return this.chooseLanguage({ ...ctx, mode: 'lang' }, urls, p.Digits?.trim(), p.SpeechResult?.trim());
    const digits = p.Digits?.trim();
    const speech = p.SpeechResult?.trim();
    if (!digits && !speech) return this.silence(ctx, urls);
    ctx.s = 0;
    const confidence = p.Confidence === undefined || p.Confidence === '' ? 1 : Number(p.Confidence);
    const text = await this.understand(ctx, urls, digits, speech, Number.isFinite(confidence) ? confidence : 1);
    if (typeof text !== 'string') return text.twiml;
    return this.send(ctx, urls, text);
  }

  private knownTenant(id: string): boolean {
    return [...this.deps.tenantIds()].includes(id);
  }

  private async conversationFromUrl(tenant: string, id: string | undefined, from: string | undefined, callSid: string): Promise<ConversationRow> {
    if (id && /^[0-9a-f-]{36}$/i.test(id)) {
      const c = await findConversation(this.deps.store.db, tenant, id);
      if (c && c.channel === 'voice' && c.channel_user_id === this.identity(from, callSid)) return c;
    }
    return (await this.conversationForCall(tenant, from, callSid)).conversation;
  }

  /** The caller's input as the resident's message, or TwiML when the voice layer answers itself. */
  private async understand(ctx: CallContext, urls: VoiceUrls, digits: string | undefined, speech: string | undefined, confidence: number): Promise<string | { twiml: string }> {
    const runtime = this.deps.assistant.runtime(ctx.tenant);
    if (ctx.mode === 'confirm') {
      const answer = digits ? keyAnswer(digits, YES_NO_KEYS) : speech ? (yesNo(speech) === null ? null : yesNo(speech) ? 'yes' : 'no') : null;
      if (answer === 'yes' && ctx.heard) return ctx.heard;
      if (answer === 'no') {
        const prompt = await this.lastPrompt(ctx, false);
        return { twiml: this.gather({ ...ctx, mode: 'bot' }, urls, prompt, toSegments(this.words(ctx).sayAgain, ctx.lang)) };
      }
      // Something else entirely: take it as a new answer.
      ctx.mode = 'bot';
    }
    if (digits) {
      if (digits === '*') return { twiml: this.gather(ctx, urls, await this.promptFor(ctx, false)) };
      const prompt = ctx.mode === 'bot' ? await this.lastPrompt(ctx, false) : null;
      const options = ctx.mode === 'bot' ? prompt!.options : MAIN_MENU;
      const value = keyAnswer(digits, options);
      if (value === SEND_LINK) return { twiml: await this.sendLink(ctx, urls, prompt!) };
      if (value) return value;
      if (digits.replace(/#/g, '') === '0') return 'Talk to a person';
      if (options.length && digitsText(digits).length === 1) {
        return { twiml: this.gather(ctx, urls, await this.promptFor(ctx, false), toSegments(this.words(ctx).notAnOption, ctx.lang)) };
      }
      return digitsText(digits);
    }
    const heard = speech!;
    if (this.settings(ctx.tenant).channels.voice.paymentLine && wantsCardPayment(heard)) return { twiml: await this.toPaymentLine(ctx, urls) };
    if (ctx.mode === 'bot') {
      const prompt = await this.lastPrompt(ctx, false);
      if (prompt.options.some((o) => o.value === SEND_LINK) && /\b(text|send)\b.*\b(link|it|me|text)\b/i.test(heard) && !/\bdon'?t\b/i.test(heard)) {
        return { twiml: await this.sendLink(ctx, urls, prompt) };
      }
      // A misheard address or yes at confirmation would send a wrong report: read it back first.
      // Never for a safety disclosure: that is answered at once, whatever the confidence.
      if (confidence < CONFIRM_BELOW && prompt.askFor && MATTERS.has(prompt.askFor) && !runtime.understanding.safety(heard)) {
        const words = speakableText(heard).replace(/[.?!]+$/, '');
        const confirm = { segments: toSegments(this.words(ctx).didYouSay(words), ctx.lang), options: YES_NO_KEYS, links: [] };
        return { twiml: this.gather({ ...ctx, mode: 'confirm', heard }, urls, confirm, [], 1) };
      }
    }
    return heard;
  }

  /** Silence: re-prompt twice, then the keypad menu of main services, then a polite goodbye. */
  private async silence(ctx: CallContext, urls: VoiceUrls): Promise<string> {
    const voice = this.speech(ctx.tenant, ctx.lang);
    const w = this.words(ctx);
    if (ctx.s >= 4 || (ctx.mode === 'menu' && ctx.s >= 3)) {
      return goodbyeResponse(toSegments(w.stillCantHear(this.settings(ctx.tenant).shortName), ctx.lang), voice);
    }
    if (ctx.s >= 3) {
      return this.gather({ ...ctx, mode: 'menu' }, urls, mainMenuPrompt(w.heardNothingKeypad, ctx.lang));
    }
    const prompt = await this.promptFor(ctx, true);
    return this.gather(ctx, urls, prompt, toSegments(w.heardNothing, ctx.lang));
  }

  /** What the caller is being asked now, by mode. */
  private async promptFor(ctx: CallContext, repeat: boolean): Promise<VoicePrompt> {
    switch (ctx.mode) {
      case 'greet':
      case 'lang':
        return { segments: toSegments(this.words(ctx).greetAgain, ctx.lang), options: MAIN_MENU, links: [] };
      case 'menu':
        return mainMenuPrompt('', ctx.lang);
      case 'confirm':
        return { segments: toSegments(this.words(ctx).didYouSay(speakableText(ctx.heard ?? '').replace(/[.?!]+$/, '')), ctx.lang), options: YES_NO_KEYS, links: [] };
      default:
        return this.lastPrompt(ctx, repeat);
    }
  }

  /** The last turn's replies as a prompt (its keypad options are what a key press means now). */
  private async lastPrompt(ctx: CallContext, repeat: boolean): Promise<VoicePrompt> {
    const replies = await this.lastReplies(ctx.tenant, ctx.conversation.id);
    const prompt = this.render(ctx, replies);
    if (repeat && replies.length > 1) {
      // Re-prompting: only the question, with the same keys.
      const question = this.render(ctx, replies.slice(-1));
      return { ...prompt, segments: question.segments };
    }
    return prompt;
  }

  /** The replies as a prompt, in the language they are written in (the voice layer's own words follow it). */
  private render(ctx: CallContext, replies: OutboundMessage[], append?: string): VoicePrompt & { language: VoiceLanguage } {
    const language = repliesLanguage(replies);
    return { ...renderReplies(replies, { offerLink: !ctx.linkSent && this.canText(ctx.from), append, language }), language };
  }

  /** A text message can reach the caller: a UK mobile, and a sender that is configured. */
  private canText(from: string): boolean {
    const sms = this.deps.sms;
    return !!sms && isUkMobile(from) && (sms.available?.() ?? true);
  }

  private async lastReplies(tenant: string, conversationId: string): Promise<OutboundMessage[]> {
    const rows = await latestReplies(this.deps.store.db, tenant, conversationId);
    return rows.map((r) => partsOf<OutboundMessage>(r) ?? { text: r.text });
  }

  private async sendLink(ctx: CallContext, urls: VoiceUrls, prompt: VoicePrompt): Promise<string> {
    const s = this.settings(ctx.tenant);
    const body = `${s.councilName}: ${prompt.links.map((l) => `${l.label}: ${l.url}`).join('\n')}`;
    let preface = this.words(ctx).linkSent;
    try {
      await this.deps.sms!.send({ tenant: ctx.tenant, conversationId: ctx.conversation.id, to: ctx.from, body, key: `${ctx.callSid}:${ctx.n}:link` });
    } catch (err) {
      this.deps.log.warn({ err: String(err), conversationId: ctx.conversation.id }, 'could not text the link to the caller');
      preface = this.words(ctx).linkFailed;
    }
    const next = { ...ctx, linkSent: true };
    const again = await this.lastPrompt(next, true);
    return this.gather(next, urls, again, toSegments(preface, ctx.lang));
  }

  // ---------------------------------------------------------------- the turn

  private async send(ctx: CallContext, urls: VoiceUrls, text: string): Promise<string> {
    const { assistant } = this.deps;
    const result = await assistant.receive(ctx.conversation, {
      tenant: ctx.tenant,
      channel: 'voice',
      channelUserId: ctx.conversation.channel_user_id,
      providerMessageId: `${ctx.callSid}:${ctx.n}`,
      text: text.slice(0, 2000),
      receivedAt: this.clock(),
      // The caller's key at the start (1 Cymraeg, 2 English) is their choice for the whole call.
      ...(ctx.chosen ? { language: ctx.lang } : {}),
    });
    const replies = result.replies;
    // The call goes on in the language the assistant answered in (the caller's choice, where they made one).
    const lang = ctx.chosen ? ctx.lang : repliesLanguage(replies);
    const next: CallContext = { ...ctx, n: ctx.n + 1, mode: 'bot', s: 0, heard: undefined, linkSent: false, entry: result.action === 'ask_reference' ? 'reference' : undefined, lang };
    // The turn's structured outcome: what it did, and a case reference it gave.
    const recognition = { action: result.action, caseReference: result.caseReference };
    const voice = this.speech(ctx.tenant, repliesLanguage(replies));
    const w = this.words(next);
    const council = this.councilName(ctx.tenant, next.lang);

    const handoff = replies.find((r) => r.handoff)?.handoff;
    if (handoff) return this.handoff(next, urls, replies, handoff);
    if (recognition.action === 'goodbye' || recognition.action === 'chat_ended') {
      // Before the call ends: "How did we do?", one key, once per call (satisfaction-call.ts).
      const asked = await this.askSatisfaction(next, urls, toSegments(w.thanksForCalling(council), next.lang));
      if (asked) return asked;
    }
    if (recognition.action === 'goodbye') {
      return goodbyeResponse(toSegments(w.goodbye(council), next.lang), this.speech(ctx.tenant, next.lang));
    }
    if (recognition.action === 'chat_ended') {
      // The caller said goodbye: the conversation is closed, so say its last words and hang up.
      return goodbyeResponse(renderReplies(replies, { offerLink: false, language: repliesLanguage(replies) }).segments, voice);
    }
    const extra: string[] = [];
    // A new reference is also texted to a mobile, once (a Twilio retry is a duplicate).
    const reference = recognition.caseReference;
    if (reference && this.canText(ctx.from)) {
      const withRef = replies.find((r) => r.text.includes(reference));
      if (!result.duplicate && withRef) {
        try {
          await this.deps.sms!.send({
            tenant: ctx.tenant,
            conversationId: ctx.conversation.id,
            to: ctx.from,
            body: `${this.settings(ctx.tenant).councilName}: ${withRef.text}`,
            key: `${ctx.callSid}:${ctx.n}:reference`,
          });
        } catch (err) {
          this.deps.log.warn({ err: String(err) }, 'could not text the reference to the caller');
        }
      }
      extra.push(VOICE_WORDS[repliesLanguage(replies)].referenceTexted);
    }
    const lastAsk = replies[replies.length - 1]?.askFor;
    if (lastAsk === 'phone') extra.push(VOICE_WORDS[repliesLanguage(replies)].typeNumber);
    const prompt = this.render(next, replies, extra.join(' ') || undefined);
    return this.gather(next, urls, prompt);
  }

  /** The satisfaction question as the call's last prompt, recorded as asked; null when it is not to be asked. */
  private async askSatisfaction(ctx: CallContext, urls: VoiceUrls, before: Segment[]): Promise<string | null> {
    const db = this.deps.store.db;
    if (!(await mayAskByPhone(db, ctx.conversation))) return null;
    if (!(await recordPhoneAsk(db, ctx.conversation, this.clock()))) return null;
    const q = `c=${encodeURIComponent(ctx.conversation.id)}&t=${encodeURIComponent(ctx.tenant)}${ctx.lang === 'cy' ? '&l=cy' : ''}`;
    return satisfactionPrompt(before, this.speech(ctx.tenant, ctx.lang), `${urls.base}/satisfaction?${q}`, ctx.lang);
  }

  /** The caller's key after "How did we do?" (the Gather's action): recorded for this call's conversation only. */
  async satisfactionKey(p: TwilioParams, q: TwilioParams): Promise<string> {
    const tenant = this.tenantFor(p.To) ?? (q.t && this.knownTenant(q.t) ? q.t : null);
    if (!tenant) return this.notInService(p);
    const id = q.c ?? '';
    const conversation = /^[0-9a-f-]{36}$/i.test(id) ? await findConversation(this.deps.store.db, tenant, id) : undefined;
    const own = !!conversation && conversation.channel === 'voice' && conversation.channel_user_id === this.identity(p.From, p.CallSid ?? '');
    const score = own ? await recordKey(this.deps.store.db, tenant, id, p.Digits ?? '', this.clock()) : null;
    const lang: VoiceLanguage = q.l === 'cy' ? 'cy' : 'en';
    return satisfactionThanks(!!score, this.speech(tenant, lang), lang);
  }

  /** A reply with a handoff: speak it, then the Twilio queue; out of hours, speak it and end politely. */
  private async handoff(ctx: CallContext, urls: VoiceUrls, replies: OutboundMessage[], notice: HandoffNotice): Promise<string> {
    const s = this.settings(ctx.tenant);
    const lang = repliesLanguage(replies);
    const voice = this.speech(ctx.tenant, lang);
    const w = VOICE_WORDS[lang];
    const safety = notice.reason.startsWith('safety.');
    const open = notice.staffAvailable ?? isOpen(s.openingHours, this.clock());
    const before = replies.filter((r) => !r.handoff);
    const main = replies.find((r) => r.handoff)!;
    const spokenBefore = before.length ? renderReplies(before, { offerLink: false, language: lang }).segments : [];
    const nines = spokenNumber(s.emergency.emergencyServices ?? '999');
    if (safety && notice.route !== 'agent') {
      // Nobody can take the call now: queueing the caller would promise a person who is not there.
      // The reply's speech already names the services and says what will happen (duty officer
      // being alerted, or nobody reachable); the duty officer is given the caller's number.
      const words = speakableText(main.speech ?? main.text, Infinity, lang);
      const number = notice.route === 'duty' ? w.dutyGivenNumber : '';
      return goodbyeResponse([...spokenBefore, ...toSegments(`${words}${number} ${w.dangerGoodbye(nines)}`, lang)], voice);
    }
    if (!open && !safety) {
      // Written for chat ("reply here", "ask for a call-back"): on a call that is about to end, say what will happen.
      const words = speakableText(main.speech ?? main.text, Infinity, lang)
        .replace(/,? and someone will reply here when they are back\./, ', who will see it when they are back.')
        .replace(/,? who will see it when they are back and can reply here\./, ', who will see it when they are back.')
        .replace(/\s*You can also ask for a call-back(, or leave it with the team)?\./, '');
      if (s.callbacks) {
        // The council offers call-backs: one is a key away (bot/callbacks.ts offers the slots); hanging up leaves the message.
        const offer = { text: w.callBackOffer(words), suggestions: [{ label: w.callBackLabel, value: 'Please call me back' }], language: lang } as OutboundMessage;
        return this.gather({ ...ctx, lang }, urls, this.render(ctx, [offer]), spokenBefore);
      }
      return goodbyeResponse([...spokenBefore, ...toSegments(w.outOfHoursGoodbye(words), lang)], voice);
    }
    const queueName = s.queues.find((q) => q.id === notice.queue)?.name ?? 'customer services';
    const words = safety ? speakableText(main.speech ?? main.text, Infinity, lang) : notice.route === 'queue' ? w.nobodyFree(queueName) : w.puttingThrough(queueName);
    const name = twilioQueueName(ctx.tenant, notice);
    const q = `c=${encodeURIComponent(ctx.conversation.id)}&t=${encodeURIComponent(ctx.tenant)}${lang === 'cy' ? '&l=cy' : ''}`;
    this.deps.log.info({ tenant: ctx.tenant, conversationId: ctx.conversation.id, queue: name, priority: notice.priority }, 'caller enqueued');
    return enqueueResponse([...spokenBefore, ...toSegments(words, lang)], voice, name, `${urls.base}/queue-wait?${q}`, `${urls.base}/queue-leave?${q}`);
  }

  /** The Gather for a prompt, and the Redirect Twilio follows on silence. */
  /** Our action URL's state (see the top of this file). */
  private query(ctx: CallContext, s: number): string {
    return new URLSearchParams({
      c: ctx.conversation.id,
      n: String(ctx.n),
      m: ctx.mode,
      s: String(s),
      ...(ctx.heard ? { h: ctx.heard.slice(0, 300) } : {}),
      ...(ctx.linkSent ? { ls: '1' } : {}),
      ...(ctx.entry === 'reference' ? { k: 'ref' } : {}),
      ...(ctx.lang === 'cy' ? { l: 'cy' } : {}),
      ...(ctx.chosen ? { lk: '1' } : {}),
    }).toString();
  }

  /**
   * The Gather for a prompt, and the Redirect Twilio follows on silence. Spoken in the prompt's
   * language (a rendered reply's), else the call's; the call goes on in that language.
   */
  private gather(ctx: CallContext, urls: VoiceUrls, prompt: VoicePrompt & { language?: VoiceLanguage }, preface: Segment[] = [], numDigits?: number): string {
    if (prompt.language && !ctx.chosen) ctx = { ...ctx, lang: prompt.language };
    const query = (s: number) => this.query(ctx, s);
    const keys = prompt.options.map((o) => o.digit);
    const single = numDigits ?? (prompt.askFor !== 'phone' && keys.length > 0 && keys.every((k) => k.length === 1) && prompt.askFor !== 'free_text' ? 1 : undefined);
    // A reference: any number of keys until the hash key, time to find it, and its prefix among the hints.
    const reference = ctx.entry === 'reference' ? { finishOnKey: '#', timeout: 10, hints: `${this.referenceHints(ctx.tenant)}, ${this.hints(ctx.tenant)}` } : null;
    return gatherResponse(
      prompt.segments,
      this.speech(ctx.tenant, prompt.language ?? ctx.lang),
      { action: `${urls.base}/gather?${query(0)}`, hints: this.hints(ctx.tenant), numDigits: reference ? undefined : single, ...(reference ?? {}) },
      `${urls.base}/gather?${query(ctx.s + 1)}`,
      preface,
    );
  }

  /** What a caller says for a reference: the council's prefix as letters and as said ("M B C"). */
  private referenceHints(tenant: string): string {
    const prefix = this.settings(tenant).caseReferencePrefix;
    return [prefix, prefix.split('').join(' '), 'reference', 'reference number'].join(', ');
  }

  // ---------------------------------------------------------------- the payment line

  /**
   * Puts the caller through to the council's card payment line. Where calls are recorded, the
   * recording is paused first and the caller transferred only if Twilio accepted the pause: card
   * details must never be recorded. The <Dial> action (/voice/payment-done) resumes it.
   */
  private async toPaymentLine(ctx: CallContext, urls: VoiceUrls): Promise<string> {
    const v = this.settings(ctx.tenant).channels.voice;
    if (v.recordCalls && !(await this.deps.recordings?.pause(ctx.callSid))) {
      this.deps.log.error({ tenant: ctx.tenant, conversationId: ctx.conversation.id }, 'payment line not offered: the call recording could not be paused');
      return this.gather({ ...ctx, mode: 'menu', s: 0 }, urls, mainMenuPrompt(this.words(ctx).paymentRefused, ctx.lang));
    }
    const q = new URLSearchParams({ c: ctx.conversation.id, t: ctx.tenant, n: String(ctx.n), ...(ctx.lang === 'cy' ? { l: 'cy' } : {}), ...(ctx.chosen ? { lk: '1' } : {}) });
    this.deps.log.info({ tenant: ctx.tenant, conversationId: ctx.conversation.id }, 'caller put through to the payment line');
    return paymentDialResponse(toSegments(this.words(ctx).paymentThrough(v.recordCalls), ctx.lang), this.speech(ctx.tenant, ctx.lang), v.paymentLine!, `${urls.base}/payment-done?${q}`);
  }

  /** The payment line's leg ended (the <Dial> action): the recording resumes and the caller is asked what else. */
  async paymentDone(p: TwilioParams, q: TwilioParams, urls: VoiceUrls): Promise<string> {
    const tenant = q.t && this.knownTenant(q.t) ? q.t : this.tenantFor(p.To);
    if (!tenant) return this.notInService(p);
    const callSid = p.CallSid ?? '';
    const v = this.settings(tenant).channels.voice;
    // The caller hung up on the payment line: the call is over, there is no recording left to resume.
    if (p.CallStatus === 'completed' || p.CallStatus === 'canceled') return newResponse().toString();
    if (v.recordCalls && !(await this.deps.recordings?.resume(callSid))) {
      this.deps.log.error({ tenant, callSid }, 'the call recording could not be resumed after the payment line');
    }
    const conversation = await this.conversationFromUrl(tenant, q.c, p.From, callSid);
    const ctx: CallContext = { tenant, conversation, callSid, from: p.From ?? '', n: positiveInt(q.n, 1), s: 0, mode: 'menu', linkSent: false, lang: q.l === 'cy' ? 'cy' : 'en', chosen: q.lk === '1' };
    return this.gather(ctx, urls, mainMenuPrompt(this.words(ctx).anythingElse, ctx.lang));
  }

  // ---------------------------------------------------------------- the Twilio queue

  /** Hold content while queued: the caller's position, then a pause; Twilio loops it. */
  queueWait(p: TwilioParams, q: TwilioParams): string {
    const tenant = this.tenantFor(p.To) ?? (q.t && this.knownTenant(q.t) ? q.t : null);
    const lang: VoiceLanguage = q.l === 'cy' ? 'cy' : 'en';
    const voice = tenant ? this.speech(tenant, lang) : 'Polly.Amy-Neural';
    const w = VOICE_WORDS[tenant ? lang : 'en'];
    const position = Number(p.QueuePosition);
    const where = Number.isFinite(position) && position > 0 ? w.queuePosition(position) : '';
    return holdResponse(toSegments(`${where} ${w.thanksForWaiting}`.trim(), lang), voice, 15);
  }

  /** The caller left the queue: after a hang-up the handoff is abandoned; a full queue ends politely. */
  async queueLeave(p: TwilioParams, q: TwilioParams): Promise<string> {
    const tenant = this.tenantFor(p.To) ?? (q.t && this.knownTenant(q.t) ? q.t : null);
    const result = p.QueueResult ?? '';
    const r = newResponse();
    if (!tenant) {
      r.hangup();
      return r.toString();
    }
    const db = this.deps.store.db;
    const conversationId = q.c ?? '';
    const conversation = /^[0-9a-f-]{36}$/i.test(conversationId) ? await findConversation(db, tenant, conversationId) : undefined;
    if (conversation && (result === 'hangup' || result === 'leave')) {
      const open = await openHandoffFor(db, tenant, conversation.id);
      const now = this.clock();
      if (open && (await abandon(db, tenant, open.id, now))) {
        await transitionIfIn(db, tenant, conversation.id, { from: 'queued', to: 'closed', cause: 'caller_left', now, actor: RESIDENT, handoffId: open.id });
      }
      r.hangup();
      return r.toString();
    }
    if (result === 'queue-full' || result === 'system-error' || result === 'error') {
      const lang: VoiceLanguage = q.l === 'cy' ? 'cy' : 'en';
      say(r, toSegments(VOICE_WORDS[lang].linesBusy, lang), this.speech(tenant, lang));
    }
    r.hangup();
    return r.toString();
  }
}

/** Twilio queues are first in, first out: urgent callers go to `{tenant}-urgent`, which agents dial first. */
export function twilioQueueName(tenant: string, notice: Pick<HandoffNotice, 'priority' | 'queue'>): string {
  const name = notice.priority === 'urgent' ? `${tenant}-urgent` : `${tenant}-${notice.queue ?? 'general'}`;
  return name.slice(0, 64);
}

function positiveInt(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n < 1_000_000 ? n : fallback;
}
