import {
  decideSafety,
  RISK_KIND_LABELS,
  type Entity,
  type IntentPrediction,
  type RiskKind,
  type SafetyDecision,
  type SafetyHit,
} from '../intents/index.js';
import { randomUUID } from 'node:crypto';
import { addWorkingDays, findLikelyDuplicate, statusLabel } from '../cases/index.js';
import { describeHours, estimateWait, isOpen, needsDutyReferral, priorityFor, queueFor, referralSkills } from '../handoff/index.js';
import type { ConversationState, TransitionCause } from '../conversations/index.js';
// Reads only: what the turn changes it returns as effects (effects.ts), applied by the pipeline.
import {
  fromJson,
  freeCaseReference,
  openHandoffFor,
  transcript,
  findContactClaim,
  contactIdForIdentity,
  latestClaimCode,
  claimCodeMatches,
  PHONE_IDENTITY,
  toE164,
  type ConversationRow,
  type Db,
  type NewCase,
} from '../store/index.js';
import type { TurnEffect } from './effects.js';
import type { Flow, Service } from './content-pack/index.js';
import { emptyDialogue, type ActiveFlow, type DangerCheck, type DialogueState } from './dialogue.js';
import { caseSummary, continueFlow, currentStep, repeatQuestion, slotLabels, startFlow, type FlowContext } from './flows/index.js';
import { binDayAnswer } from './lookups.js';
import {
  answerCaseCheck,
  answerReportsPhone,
  answersStatusQuestion,
  askReference,
  asksForOwnReports,
  caseStatus as caseStatusAnswer,
  ownReports,
  referenceIn,
  type CaseStatusAnswer,
  type CaseStatusTurn,
} from './case-status.js';
import { decideCallback, type CallbackDialogue } from './callbacks.js';
import { answerUpdatesOffer, isStopUpdates, offerCaseUpdates, stopCaseUpdates, type CaseUpdatesTurn, type GivenContact, type UpdatesDialogue } from './case-updates.js';
import { clean, command, isEndChat, isPersonRequest, matchChoice, ordinal, yesNo } from './matching.js';
import type { ChannelName, HandoffNotice, OutboundMessage } from './messages.js';
import {
  chatEnded,
  CODE_ATTEMPTS,
  CODE_MINUTES,
  codeAlreadyUsed,
  codeExpired,
  codeLinked,
  codeNotSentYet,
  codeOffered,
  codeUsedUp,
  codeWrong,
  dangerQuestion,
  FEEDBACK_SUGGESTIONS,
  formatDate,
  goodbye,
  greeting,
  handoffMessage,
  offerPerson,
  OUT_OF_HOURS_OPTIONS,
  safetyReply,
  type SafetyRoute,
} from './replies.js';
import type { TenantRuntime } from './runtime.js';
import { answerSatisfaction, askAtEnd, mayBeAnswering, type SatisfactionDialogue, type SatisfactionTurn } from './satisfaction.js';

export interface TurnInput {
  db: Db;
  runtime: TenantRuntime;
  conversation: ConversationRow;
  dialogue: DialogueState;
  text: string;
  channel: ChannelName;
  now: Date;
  /** The message understood before the turn's transaction (`understand`), for this text at `now`; else understood here. */
  understood?: Understood;
}

/** What the understanding makes of a message: the safety screen's hit, its entities, the recogniser's prediction. */
export interface Understood {
  text: string;
  hit: SafetyHit | null;
  entities: Entity[];
  prediction: IntentPrediction;
}

/**
 * Understands a message from its text alone, so the pipeline can do it before it takes the
 * conversation's lock: a remote recogniser's call, or the classifier's CPU on the embedded PGlite
 * (one query at a time), never runs inside a turn's transaction.
 */
export async function understand(u: TenantRuntime['understanding'], text: string, now: Date): Promise<Understood> {
  const hit = u.safety(text);
  const entities = u.entities(text, now);
  return { text, hit, entities, prediction: await u.recognise(text) };
}

/** The state the turn moves the conversation to, and why; the pipeline applies it through the lifecycle (conversations/). */
export interface StateMove {
  to: ConversationState;
  cause: TransitionCause;
  /** The handoff the move concerns, kept with the conversation's event. */
  handoffId?: string | null;
}

export interface TurnResult {
  replies: OutboundMessage[];
  dialogue: DialogueState;
  move?: StateMove;
  /** What the turn changes besides its replies, dialogue and move, in order (bot/effects.ts). */
  effects: TurnEffect[];
  /** What the assistant understood, stored with the message for agents and the learning loop. */
  recognition: Record<string, unknown>;
}

const CASE_REFERENCE_QUESTION = /\b(report|case|reference|ref|complaint|request|enquiry)\b.*\b(status|happening|update|progress|news|where|any word|heard)\b|\b(status|progress|update|happening|news)\b.*\b(report|case|reference|ref|complaint|request)\b/;

/** A safety decision to escalate, as stored with the message and the handoff. */
export type SafetyFlag = { category: SafetyHit['category']; kind: RiskKind; source: 'screen' | 'classifier' | 'both' | 'asked'; reason: string };

/** One resident message, decided: the policy (ARCHITECTURE.md, "One turn", step 4). */
export async function decideTurn(input: TurnInput): Promise<TurnResult> {
  // A chat the resident ended: the next message starts afresh.
  if (input.conversation.state === 'closed') input = { ...input, dialogue: emptyDialogue() };
  const { runtime, text, now } = input;
  const { hit, entities, prediction } = input.understood?.text === text ? input.understood : await understand(runtime.understanding, text, now);
  const decision = decideSafety(hit, prediction, text);
  const recognition: Record<string, unknown> = {
    intent: prediction.outOfScope ? 'out_of_scope' : (prediction.ranked[0]?.intent ?? null),
    confidence: prediction.ranked[0]?.confidence ?? 0,
    ranked: prediction.ranked.slice(0, 3),
    outOfScope: prediction.outOfScope,
    entities: entities.map((e) => ({ type: e.type, value: e.value })),
    safety: decision?.action === 'escalate' ? { category: decision.category, kind: decision.kind, source: decision.source, reason: decision.reason } : null,
    ...(decision?.action === 'ask' ? { safetyAsk: { category: decision.category, kind: decision.kind, reason: decision.reason } } : {}),
  };
  const turn = new Turn(input, entities, prediction, recognition);

  // Ending the chat works in every state, a person's conversation included.
  if (isEndChat(text)) return turn.endChat();
  // Step 4: a person holds the conversation, or it waits for one.
  if (input.conversation.state === 'with_agent') {
    return turn.done([], undefined, 'for_agent');
  }
  // Step 5: the safety screen, before and regardless of intent confidence.
  if (decision?.action === 'escalate') return turn.safety(recognition.safety as SafetyFlag);
  // The one-time code texted to a number given in chat (Turn.givenDetails): digits, never a danger to ask about.
  if (ONE_TIME_CODE.test(text)) {
    const answered = await turn.oneTimeCode(text.replace(/\D/g, ''));
    if (answered) return answered;
  }
  // The answer to "Is anyone in danger right now?": yes escalates; no decides the message that raised it.
  const pending = input.dialogue.dangerCheck;
  if (pending) {
    const answer = dangerAnswer(text);
    const dialogue = { ...input.dialogue };
    delete dialogue.dangerCheck;
    if (answer === true) {
      turn.forgetDangerCheck();
      recognition.dangerCheck = 'yes';
      return turn.safety({ category: pending.category, kind: pending.kind, source: 'asked', reason: `said yes to "Is anyone in danger right now?" (${pending.reason})` });
    }
    if (answer === false) {
      const result = await decideTurn({ ...input, dialogue, text: pending.text });
      result.recognition.dangerCheck = 'no';
      return { ...result, effects: [...turn.effects, ...result.effects] };
    }
    // Something else: the question lapses and this message is decided on its own.
    input.dialogue = dialogue;
    turn.forgetDangerCheck();
  }
  if (decision?.action === 'ask' && !sameReading(input.dialogue.dangerAsked, decision) && !turn.answersOwnQuestion()) return turn.askDanger(decision);
  // "How did we do?" waiting (satisfaction.ts): a "1" is its answer, not a menu choice.
  const satisfaction = await turn.satisfaction();
  if (satisfaction) return satisfaction;
  // Call-backs (callbacks.ts): a slot chosen, a number given, or a new request, where the council offers them.
  const callback = await turn.callback();
  if (callback) return callback;
  if (input.conversation.state === 'queued') return turn.whileQueued();
  return turn.decide();
}

const ONE_TIME_CODE = /^\s*\d{3}[\s-]?\d{3}\s*$/;
/** Codes are looked for this long after one was asked for; later, six digits are just a message. */
const CODE_LOOKBACK_MS = 24 * 3600_000;
/** A second code to the same number is not sent within this time (a resident giving it twice, a loop). */
const CODE_RESEND_AFTER_MS = 60_000;

/**
 * Round 7 of issue 8: the question may go to someone who wrote in another language, so a bare yes or no in the commonest
 * community languages counts too (Polish, Romanian, Spanish, Italian, Portuguese, Turkish, Welsh, Hungarian, Lithuanian,
 * Somali, Urdu/Punjabi/Hindi romanised, Arabic, Persian, Bengali, Chinese, Bulgarian/Russian, Urdu and Punjabi scripts).
 */
const YES_WORDS = /^(?:tak|da|si|sí|sim|evet|ie|oes|ydy|igen|taip|haa|haan|han|ha|ji haan|نعم|ايوه|آره|بله|হ্যাঁ|হা|是|是的|对|有|да|ہاں|جی|ਹਾਂ|ja|oui)$/u;
const NO_WORDS = /^(?:nie|nu|não|nao|hayır|hayir|na|nem|ne|maya|nahi|nahin|nahi ji|لا|نه|না|不|不是|没有|没|нет|не|نہیں|ਨਹੀਂ|nein|non)$/u;
function dangerAnswer(text: string): boolean | null {
  const answer = yesNo(text);
  if (answer !== null) return answer;
  const t = text.trim().toLowerCase().replace(/[\s.!?,،؟。！？]+$/u, '');
  if (YES_WORDS.test(t)) return true;
  if (NO_WORDS.test(t)) return false;
  return null;
}

function sameReading(asked: DialogueState['dangerAsked'], decision: Exclude<SafetyDecision, null>): boolean {
  return !!asked && asked.category === decision.category && asked.kind === decision.kind;
}

class Turn {
  private dialogue: DialogueState;
  private readonly settings;
  /** What the turn changes, in order, for the pipeline to apply. */
  readonly effects: TurnEffect[] = [];

  constructor(
    private readonly input: TurnInput,
    private readonly entities: Entity[],
    private readonly prediction: IntentPrediction,
    private readonly recognition: Record<string, unknown>,
  ) {
    this.dialogue = { ...emptyDialogue(), ...input.dialogue };
    this.settings = input.runtime.pack.settings;
  }

  private get pack() {
    return this.input.runtime.pack;
  }

  done(replies: OutboundMessage[], move?: StateMove, action?: string): TurnResult {
    if (action) this.recognition.action = action;
    return { replies, dialogue: this.dialogue, move, recognition: this.recognition, effects: this.effects };
  }

  /** Per-turn state that only lives until the next message. */
  private resetTransient(): void {
    delete this.dialogue.awaitingFeedback;
    delete this.dialogue.clarify;
    delete this.dialogue.clarifyQuery;
    delete this.dialogue.awaitingReference;
    delete this.dialogue.personOffered;
    delete (this.dialogue as UpdatesDialogue).updatesOffer;
  }

  forgetDangerCheck(): void {
    delete this.dialogue.dangerCheck;
  }

  /**
   * A safety disclosure: the kind's services, the right one first, and only what will really
   * happen next (see `safetyRoute`). The conversation is queued as urgent either way, so the
   * team sees it however it ends.
   */
  async safety(flag: SafetyFlag): Promise<TurnResult> {
    this.resetTransient();
    this.forgetDangerCheck();
    this.recognition.safety = flag;
    const { db, now } = this.input;
    const tenant = this.pack.tenant;
    const reason = flag.category;
    const service = this.pack.servicesById.get(flag.category);
    const existing = await openHandoffFor(db, tenant, this.input.conversation.id);
    const queueId = existing?.queue ?? queueFor(this.settings.queues, service).id;
    const open = isOpen(this.settings.openingHours, now);
    const route = await this.safetyRoute(queueId, service, open);
    let notice: HandoffNotice;
    if (existing) {
      const context = fromJson<Record<string, unknown>>(existing.context) ?? {};
      this.effects.push({ type: 'escalate_handoff', handoffId: existing.id, priority: 'urgent', reason, context: { ...context, safety: flag, route, recognition: structuredClone(this.recognition) } });
      notice = { reason, priority: 'urgent', queue: existing.queue };
      this.recognition.handoff = { id: existing.id, reason, priority: 'urgent', queue: existing.queue, service: flag.category, ooh: true, escalated: true, route, kind: flag.kind };
    } else {
      notice = await this.createHandoff(reason, service, flag.reason, { safety: flag, route });
      Object.assign(this.recognition.handoff as object, { route, kind: flag.kind });
    }
    const message = safetyReply(this.settings, flag.kind, route, { open, text: this.input.text });
    // Already queued: it stays so; otherwise it is queued now (a kept handoff is escalated, a new one created).
    const handoffId = (this.recognition.handoff as { id: string }).id;
    const move: StateMove = { to: 'queued', cause: existing ? 'handoff_escalated' : 'handoff_created', handoffId };
    return this.done([{ ...message, handoff: { ...notice, staffAvailable: open, route, riskKind: flag.kind } }], move, 'safety_handoff');
  }

  /**
   * Which route to a person exists right now: (a) an available agent (in or out of hours) can take
   * the item now; (b) a duty referral will be made (handoff-events refers when `needsDutyReferral` says so)
   * and someone on the rota can be sent it; or none. A failing check promises nothing.
   */
  private async safetyRoute(queueId: string, service: Service | undefined, open: boolean): Promise<SafetyRoute> {
    const routes = this.input.runtime.routes;
    if (!routes) return 'none';
    const { now } = this.input;
    const tenant = this.pack.tenant;
    const ask = async (check: () => Promise<boolean>) => {
      try {
        return await check();
      } catch {
        return false;
      }
    };
    // Out of hours too: an agent who is signed in and free is a person who will really join.
    if (await ask(() => routes.agentCanTakeNow(this.input.db, tenant, queueId, now, true))) return 'agent';
    const queue = this.settings.queues.find((q) => q.id === queueId);
    const skills = referralSkills(queue?.skills, service?.area, true);
    if (needsDutyReferral({ open, serviceOoh: service?.ooh ?? false, safety: true }) && (await ask(() => routes.dutyReachable(this.input.db, tenant, skills, now)))) return 'duty';
    return 'none';
  }

  /**
   * The message answers the assistant's own question (a yes, a number, a postcode for the flow's
   * address step...): an unsure safety reading of it is noise, not worth "Is anyone in danger?".
   * Free-text steps do not count: what a resident describes there may be a disclosure.
   */
  answersOwnQuestion(): boolean {
    const text = this.input.text;
    if (yesNo(text) !== null || ordinal(text) !== null) return true;
    if (answersStatusQuestion(this.statusTurn())) return true;
    // A call-back slot offered last turn, picked by its label ("Thursday 3 December, 11:00am"), or the number asked for.
    const offer = (this.dialogue as CallbackDialogue).callbackOffer;
    if (offer && matchChoice(text, offer.slots.map((s) => ({ value: s.at, label: s.label })))) return true;
    if (this.dialogue.awaitingCallbackNumber && this.entities.some((e) => e.type === 'phone')) return true;
    const active = this.dialogue.flow;
    const flow = active && this.pack.flows.find((f) => f.id === active.id);
    if (!active || !flow) return false;
    if (active.phase === 'steps' && currentStep(active, flow)?.type === 'text') return false;
    const trial = continueFlow(structuredClone(active), text, this.flowContext(flow));
    return trial.kind === 'complete' || (trial.kind === 'continue' && trial.state.attempts === 0);
  }

  /** The classifier is unsure and the screen silent: ask once, remembering the message that raised it. */
  askDanger(decision: Extract<SafetyDecision, { action: 'ask' }>): TurnResult {
    delete this.dialogue.awaitingFeedback;
    delete this.dialogue.clarify;
    delete this.dialogue.clarifyQuery;
    delete this.dialogue.personOffered;
    const check: DangerCheck = { text: this.input.text, category: decision.category, kind: decision.kind, reason: decision.reason };
    this.dialogue.dangerCheck = check;
    this.dialogue.dangerAsked = { category: decision.category, kind: decision.kind };
    return this.done([dangerQuestion(this.settings, { unreadable: decision.unreadable })], undefined, 'danger_check');
  }

  /**
   * The resident ends the chat (typed, the widget's End chat button, SMS "end"), in any state.
   * A waiting handoff is abandoned and one a person holds is closed, with an audit record; an
   * urgent (safety) handoff not yet taken stays in the queue, marked, so the team still sees
   * what the resident disclosed.
   */
  async endChat(): Promise<TurnResult> {
    const { db, now } = this.input;
    const tenant = this.pack.tenant;
    const conversationId = this.input.conversation.id;
    const open = await openHandoffFor(db, tenant, conversationId);
    let handoff: 'none' | 'abandoned' | 'closed' | 'kept_for_safety' = 'none';
    if (open?.agent_id) {
      this.effects.push({ type: 'resolve_handoff', handoffId: open.id, outcome: 'resident_ended' });
      handoff = 'closed';
    } else if (open && open.priority === 'urgent') {
      const context = { ...(fromJson<Record<string, unknown>>(open.context) ?? {}), endedByResidentAt: now.toISOString() };
      this.effects.push({ type: 'annotate_handoff', handoffId: open.id, summary: `The resident ended the chat. ${open.summary}`, context });
      handoff = 'kept_for_safety';
    } else if (open) {
      this.effects.push({ type: 'abandon_handoff', handoffId: open.id });
      handoff = 'abandoned';
    }
    this.effects.push({
      type: 'audit',
      event: {
      tenant,
      actorType: 'resident',
      actorId: null,
      action: 'conversation.ended_by_resident',
      subjectType: 'conversation',
      subjectId: conversationId,
      detail: { previousState: this.input.conversation.state, handoffId: open?.id ?? null, handoff, channel: this.input.channel },
      },
    });
    this.dialogue = emptyDialogue();
    this.recognition.ended = { handoffId: open?.id ?? null, handoff };
    const ask = await this.askSatisfaction(handoff === 'kept_for_safety');
    return this.done(
      // The question first: the chat's last words stay "You've ended this chat" (the widget's ended state follows them).
      [...ask, chatEnded(this.settings, this.input.channel, handoff === 'kept_for_safety')],
      { to: 'closed', cause: 'resident_ended', handoffId: open?.id ?? null },
      'chat_ended',
    );
  }

  /** What satisfaction.ts is lent of this turn; `risk`: a disclosure now or kept for the team. */
  private satisfactionTurn(risk = false): SatisfactionTurn {
    const { db, conversation, channel } = this.input;
    return { db, tenant: this.pack.tenant, conversation, channel, risk: risk || !!this.recognition.safety };
  }

  /** At the end of a chat: "How did we do?", once per conversation and never after a disclosure (satisfaction.ts). */
  private async askSatisfaction(risk: boolean): Promise<OutboundMessage[]> {
    const ask = await askAtEnd(this.satisfactionTurn(risk));
    if (!ask) return [];
    this.effects.push({ type: 'satisfaction', change: ask.change });
    this.recognition.satisfaction = 'asked';
    (this.dialogue as SatisfactionDialogue).satisfaction = 'asked';
    return [ask.reply];
  }

  /** The answer to a waiting "How did we do?": a rating, then a comment; null when the message is something else (the question lapses). */
  async satisfaction(): Promise<TurnResult | null> {
    const noted = this.dialogue as SatisfactionDialogue;
    if (!mayBeAnswering(this.input.conversation, noted, this.input.text)) return null;
    delete noted.satisfaction;
    const top = this.prediction.ranked[0];
    // A confident request phrased as one is not a comment.
    const newRequest =
      this.confidentIntent() && !!top && !top.intent.startsWith('meta.') && /\?$|^(how|what|when|where|which|who|why|can|could|do|does|is|are|will|should|i want|i need|i would like|report)\b/i.test(this.input.text.trim());
    const answer = await answerSatisfaction(this.satisfactionTurn(), this.input.text, this.input.now, newRequest);
    if (!answer) return null;
    for (const change of answer.changes) this.effects.push({ type: 'satisfaction', change });
    this.recognition.satisfaction = answer.action;
    if (answer.action === 'satisfaction_score') noted.satisfaction = 'comment';
    return answer.replies.length ? this.done(answer.replies, undefined, answer.action) : null;
  }

  /** A call-back request or the answer to this part's question, decided by callbacks.ts; null when neither. */
  async callback(): Promise<TurnResult | null> {
    if (this.dialogue.flow) return null;
    const { db, conversation, channel, now, runtime, text } = this.input;
    const phone = this.entities.find((e) => e.type === 'phone')?.value;
    const intent = (this.recognition.intent as string | null | undefined) ?? null;
    const t = { db, runtime, conversation, channel, now, text, phone, intent, dialogue: this.dialogue as CallbackDialogue, effects: this.effects, recognition: this.recognition };
    const answer = await decideCallback(t, conversation.state === 'queued');
    return answer && this.done(answer.replies, undefined, answer.action);
  }

  async whileQueued(): Promise<TurnResult> {
    const text = clean(this.input.text);
    const phone = this.entities.find((e) => e.type === 'phone')?.value;
    if (this.dialogue.awaitingCallbackNumber && phone) return this.bookCallback(phone);
    if (/\b(call|ring|phone) (me )?back\b|\bcall ?back\b/.test(text)) {
      if (phone) return this.bookCallback(phone);
      this.dialogue.awaitingCallbackNumber = true;
      return this.done([{ text: 'What number should we call you on?', askFor: 'phone' }], undefined, 'callback_ask');
    }
    if (this.dialogue.awaitingCallbackNumber && !command(this.input.text)) {
      return this.done([{ text: 'That does not look like a UK phone number. Please try again, or say "cancel".', askFor: 'phone' }], undefined, 'callback_retry');
    }
    if (command(this.input.text) === 'cancel' || /^(cancel|leave|stop waiting|dont need|no longer need)/.test(clean(this.input.text))) {
      const open = await openHandoffFor(this.input.db, this.pack.tenant, this.input.conversation.id);
      // Leaving before a person accepted counts against the queue's service level.
      if (open) this.effects.push({ type: 'abandon_handoff', handoffId: open.id });
      return this.done([{ text: "OK, I've taken you out of the queue. I'm here if you need anything else." }], { to: 'bot', cause: 'resident_left_queue', handoffId: open?.id ?? null }, 'handoff_cancelled');
    }
    return this.done(
      [
        {
          text: "Thanks, I've added that to your conversation for our team to see. You're still in their queue.",
          suggestions: [{ label: 'Stop waiting', value: 'Cancel' }],
        },
      ],
      undefined,
      'queued_note',
    );
  }

  /** Out of hours: a call-back is a case the team works when it opens, with the number to call. */
  private async bookCallback(phone: string): Promise<TurnResult> {
    delete this.dialogue.awaitingCallbackNumber;
    const open = await openHandoffFor(this.input.db, this.pack.tenant, this.input.conversation.id);
    const service = (open?.context as { service?: string } | undefined)?.service ?? 'meta.speak_to_person';
    const row = await this.newCase({
      serviceId: service,
      summary: `Call-back requested out of hours${open ? `: ${open.reason.replace(/_/g, ' ')}` : ''}`,
      details: { callback: true, phone, handoffId: open?.id ?? null },
      location: null,
      team: open?.queue ?? null,
      contactId: this.input.conversation.contact_id,
      conversationId: this.input.conversation.id,
      actor: 'assistant',
    });
    let offer: OutboundMessage | null = null;
    if (this.input.conversation.contact_id) {
      this.effects.push({ type: 'update_contact', contactId: this.input.conversation.contact_id, details: { phone } });
      offer = await this.givenDetails({ phone });
    }
    this.recognition.caseReference = row.reference;
    return this.done(
      [
        {
          text:
            `Thank you. I've recorded your request for a call-back on ${phone}, with reference ${row.reference}. ` +
            `The team will see it when they are back (${describeHours(this.settings.openingHours)}). If it is urgent, call ${this.settings.contact.outOfHoursPhone}.`,
        },
        ...(offer ? [offer] : []),
      ],
      undefined,
      'callback_booked',
    );
  }

  async decide(): Promise<TurnResult> {
    const d = this.dialogue;
    const text = this.input.text;

    if (d.flow) return this.inFlow(d.flow);

    // Case updates (case-updates.ts): the answer to "tell you when it moves?" (else it lapses), "stop updates".
    const updates = this.updatesTurn();
    const updatesAnswer = answerUpdatesOffer(updates, text) ?? (isStopUpdates(text) ? await stopCaseUpdates(updates) : null);
    if (updatesAnswer) return this.done(updatesAnswer.replies, undefined, updatesAnswer.action);

    // Answers to what the assistant asked last turn.
    if (d.awaitingFeedback) {
      const yn = yesNo(text);
      if (yn !== null) return this.feedback(yn);
    }
    if (d.personOffered && yesNo(text) === true) return this.handoff('resident_request');
    if (d.clarify) {
      const options = d.clarify.map((c) => ({ value: c.intent, label: c.label }));
      const picked = matchChoice(text, options);
      if (picked) {
        const query = d.clarifyQuery ?? text;
        this.resetTransient();
        return this.actOnIntent(picked.value, query);
      }
    }
    // Case status (case-status.ts): the answer to its check, a reference however given, "what have I reported?".
    const status = this.statusTurn();
    const statusAnswer = (await answerCaseCheck(status)) ?? (await answerReportsPhone(status));
    if (statusAnswer) return this.statusDone(statusAnswer);
    const askedAgain = !!d.awaitingReference;
    const asked = askedAgain || CASE_REFERENCE_QUESTION.test(clean(text));
    const reference = referenceIn(status, asked);
    if (reference) return this.caseStatus(reference);
    if (asksForOwnReports(text)) {
      this.resetTransient();
      return this.statusDone(await ownReports(status));
    }
    // Asked for a reference (or asked again): unless the message is plainly about something else.
    if (asked && !this.confidentIntent()) {
      this.resetTransient();
      return this.statusDone(askReference(status, askedAgain));
    }
    if (isPersonRequest(text)) return this.handoff('resident_request');

    this.resetTransient();
    const top = this.prediction.ranked[0];
    const answerAbove = this.settings.assistant.answerAbove;
    if (this.prediction.outOfScope) return this.outOfScope();
    if (top && top.confidence >= answerAbove) return this.actOnIntent(top.intent, text);
    // Never a safety guess in the list ("Risk to life?"): an unsure safety reading is asked about instead.
    const candidates = this.prediction.ranked.filter(
      (r) => r.confidence >= 0.08 && this.pack.servicesById.has(r.intent) && !r.intent.startsWith('meta.') && !r.intent.startsWith('safety.'),
    );
    if (candidates.length > 0 && top.confidence >= 0.2) return this.clarify(candidates.slice(0, 3));
    return this.notUnderstood();
  }

  private confidentIntent(): boolean {
    const top = this.prediction.ranked[0];
    return !!top && top.confidence >= this.settings.assistant.answerAbove && !this.prediction.outOfScope;
  }

  async actOnIntent(intent: string, query: string): Promise<TurnResult> {
    const service = this.pack.servicesById.get(intent);
    this.recognition.actedOn = intent;
    switch (intent) {
      case 'meta.greeting':
        return this.done([greeting(this.settings)], undefined, 'greeting');
      case 'meta.thanks_goodbye':
        this.dialogue.misunderstandings = 0;
        return this.done([goodbye(), ...(await this.askSatisfaction(false))], undefined, 'goodbye');
      case 'meta.speak_to_person':
        return this.handoff('resident_request');
      case 'meta.complaint_about_bot':
        this.dialogue.personOffered = true;
        return this.done([offerPerson("I'm sorry I haven't been able to help.")], undefined, 'offer_person');
      case 'out_of_scope':
        return this.outOfScope();
    }
    // A safety intent picked from the clarify list (the classifier alone was not confident).
    if (intent.startsWith('safety.')) {
      const category = intent as SafetyHit['category'];
      return this.safety({ category, kind: category === 'safety.risk_to_life' ? 'danger_now' : 'adult_at_risk', source: 'classifier', reason: 'chosen from the options offered' });
    }
    const flow = this.pack.flowsByService.get(intent);
    if (flow) return this.startFlow(flow);
    this.dialogue.misunderstandings = 0;
    const answer = this.answerFromArticles(query, intent);
    if (service && (service.kind === 'emergency' || service.kind === 'safeguarding')) {
      // An emergency goes to a person at once: the article's numbers first, no "Was this useful?".
      return this.handoff(`service.${intent}`, service, answer.replies.filter((m) => !m.feedbackFor));
    }
    if (answer.replies.length) return answer;
    return this.done([offerPerson(`I don't have an answer about ${service?.name.toLowerCase() ?? 'that'} here yet.`)], undefined, 'offer_person');
  }

  private answerFromArticles(query: string, intent: string): TurnResult {
    const beliefs = new Map<string, number>();
    for (const r of this.prediction.ranked.slice(0, 3)) beliefs.set(r.intent, r.confidence);
    beliefs.set(intent, Math.max(beliefs.get(intent) ?? 0, 0.9));
    const hits = this.input.runtime.articles.search(query, { services: beliefs, limit: 3 });
    const hit = hits.find((h) => h.article.service === intent) ?? hits[0];
    if (!hit) return this.done([], undefined, 'no_article');
    const a = hit.article;
    this.dialogue.awaitingFeedback = { articleId: a.id, query };
    this.recognition.articleId = a.id;
    const related = hits.filter((h) => h.article.id !== a.id && h.article.service === intent).slice(0, 2);
    return this.done(
      [
        {
          text: a.summary,
          card: { title: a.title, body: a.summary, link: { label: `${a.title} on our website`, url: a.url } },
          ...(related.length ? { suggestions: related.map((h) => ({ label: h.article.title, value: h.article.title })) } : {}),
        },
        { text: 'Was this useful?', suggestions: FEEDBACK_SUGGESTIONS, askFor: 'yes_no', feedbackFor: { articleId: a.id } },
      ],
      undefined,
      'answer',
    );
  }

  async feedback(useful: boolean): Promise<TurnResult> {
    const f = this.dialogue.awaitingFeedback!;
    this.effects.push({ type: 'article_feedback', conversationId: this.input.conversation.id, articleId: f.articleId, useful, query: f.query });
    this.resetTransient();
    this.recognition.feedback = { articleId: f.articleId, useful };
    if (useful) return this.done([{ text: 'Thank you. Is there anything else I can help with?' }], undefined, 'feedback');
    this.dialogue.misunderstandings++;
    if (this.dialogue.misunderstandings >= this.settings.assistant.misunderstandingsBeforeOffer) {
      this.dialogue.personOffered = true;
      return this.done([offerPerson('Thank you for telling me.')], undefined, 'feedback');
    }
    return this.done(
      [{ text: 'Thank you for telling me. Could you tell me a bit more about what you need? You can also ask to talk to a person.' }],
      undefined,
      'feedback',
    );
  }

  private async startFlow(flow: Flow): Promise<TurnResult> {
    this.dialogue.misunderstandings = 0;
    const turn = startFlow(this.flowContext(flow), this.entities);
    if (turn.kind === 'complete') return this.finishFlow(flow, turn.state);
    this.dialogue.flow = 'state' in turn ? turn.state : undefined;
    return this.done(turn.replies, undefined, `flow_start:${flow.id}`);
  }

  private flowContext(flow: Flow): FlowContext {
    return { flow, settings: this.settings, gazetteer: this.input.runtime.gazetteer, channel: this.input.channel, entities: this.entities };
  }

  async inFlow(active: ActiveFlow): Promise<TurnResult> {
    const flow = this.pack.flows.find((f) => f.id === active.id);
    if (!flow) {
      delete this.dialogue.flow;
      return this.decide();
    }
    // A free-text question (a place description, "anything else?") would swallow a new question: check first.
    const aside = this.asideQuestion(flow);
    if (aside) {
      this.dialogue.flow = active;
      const prompt = repeatQuestion(active, this.flowContext(flow))[0];
      return this.done(
        [aside, { ...prompt, text: `To carry on with your report: ${prompt.text}` }],
        undefined,
        'flow_aside',
      );
    }
    // The answer to "Would you like to talk to a member of our team?" offered after failed tries.
    if (this.dialogue.personOffered) {
      delete this.dialogue.personOffered;
      const answer = yesNo(this.input.text);
      if (answer === true) return this.handoff('resident_request', this.pack.servicesById.get(flow.service));
      if (answer === false) {
        // Three more tries before the offer is made again.
        this.dialogue.flow = { ...active, attempts: 0 };
        const prompt = repeatQuestion(active, this.flowContext(flow))[0];
        return this.done([{ ...prompt, text: `OK. ${prompt.text}` }], undefined, 'flow_retry');
      }
    }
    const turn = continueFlow(active, this.input.text, this.flowContext(flow));
    switch (turn.kind) {
      case 'cancelled':
        delete this.dialogue.flow;
        return this.done(turn.replies, undefined, 'flow_cancelled');
      case 'person':
        return this.handoff('resident_request', this.pack.servicesById.get(flow.service));
      case 'complete':
        return this.finishFlow(flow, turn.state);
      case 'continue':
        this.dialogue.flow = turn.state;
        return this.done(turn.replies, undefined, `flow:${flow.id}`);
      case 'unrecognised': {
        this.dialogue.flow = turn.state;
        // Answering a different question mid-flow: answer it, then repeat the flow's question.
        const top = this.prediction.ranked[0];
        const service = top && this.pack.servicesById.get(top.intent);
        // Never a safety intent's article as an aside: a real disclosure is escalated by the screen, and an unsure one is asked about.
        if (top && service && top.intent !== flow.service && top.confidence >= 0.7 && !this.prediction.outOfScope && !top.intent.startsWith('meta.') && !top.intent.startsWith('safety.')) {
          const answer = this.answerFromArticles(this.input.text, top.intent);
          delete this.dialogue.awaitingFeedback;
          if (answer.replies.length) {
            const [first] = answer.replies;
            const resume = turn.replies[0];
            return this.done(
              [first, { ...resume, text: `To carry on with your report: ${resume.text.replace(/^Sorry, I didn't catch that\.\s*/, '')}` }],
              undefined,
              'flow_aside',
            );
          }
        }
        if (turn.state.attempts >= 3) {
          this.dialogue.personOffered = true;
          return this.done([...turn.replies, offerPerson("I'm having trouble with this question.")], undefined, 'flow_retry');
        }
        return this.done(turn.replies, undefined, 'flow_retry');
      }
    }
  }

  /** An answer to a question other than the flow's: a confident, different, answerable intent phrased as a question. */
  private asideQuestion(flow: Flow): OutboundMessage | null {
    const text = this.input.text.trim();
    const top = this.prediction.ranked[0];
    if (!top || this.prediction.outOfScope || top.confidence < 0.7 || top.intent === flow.service) return null;
    if (top.intent.startsWith('meta.') || top.intent.startsWith('safety.') || this.pack.flowsByService.has(top.intent)) return null;
    if (!/\?$|^(how|what|when|where|which|who|why|can|could|do|does|is|are|will|should)\b/i.test(text)) return null;
    const answer = this.answerFromArticles(text, top.intent);
    delete this.dialogue.awaitingFeedback;
    return answer.replies[0] ?? null;
  }

  private async finishFlow(flow: Flow, state: ActiveFlow): Promise<TurnResult> {
    delete this.dialogue.flow;
    if (flow.outcome.type === 'lookup') {
      const reply = binDayAnswer(state, flow, this.input.runtime.gazetteer, this.input.now, this.settings.openingHours.timezone);
      return this.done([reply], undefined, 'lookup');
    }
    const outcome = flow.outcome;
    const location = Object.values(state.slots).find((v) => typeof v === 'object') as
      | { uprn?: string; usrn?: string; lat?: number; lng?: number; label: string }
      | undefined;
    // Street reports by distance, others by property (cases/duplicates.ts); the answers tell nearby reports apart.
    const match = await findLikelyDuplicate(this.input.db, this.pack.tenant, flow.service, location, this.input.now, state.slots);
    if (match) {
      const duplicate = match.case;
      this.effects.push({
        type: 'repeat_report',
        case: duplicate,
        conversationId: this.input.conversation.id,
        contactId: this.input.conversation.contact_id,
        distanceMetres: match.distanceMetres,
        location: location ?? null,
        answers: slotLabels(state, flow),
      });
      // The case the resident's report joined: what "keep me updated?" and a later status question refer to.
      this.recognition.caseReference = duplicate.reference;
      const when = formatDate(duplicate.created_at, this.settings.openingHours.timezone);
      // Nearby: how far, never the other report's place (it may be someone's address or words).
      const metres = match.basis === 'nearby' ? (match.distanceMetres ?? 0) : null;
      const where = metres === null ? '' : metres <= 10 ? ', at the same spot' : `, about ${Math.round(metres / 5) * 5} metres from the place you gave`;
      const what = metres === null ? 'This was already reported' : 'This looks like the same problem as one reported';
      const spaced = duplicate.reference.replace('-', ' ').split('').join(' ');
      return this.done(
        await this.caseUpdates(duplicate, state.contact, [
          {
            text:
              `Thank you. ${what} on ${when}${where}, so I've added your report to it rather than open a new one. ` +
              `The reference is ${duplicate.reference}. It is ${statusLabel(duplicate.status)}.`,
            speech: `Thank you. ${what} on ${when}${where}, so I've added your report to it. The reference is ${spaced}. It is ${statusLabel(duplicate.status)}.`,
            suggestions: [{ label: 'Report something else', value: 'I want to report something else' }],
          },
        ]),
        undefined,
        'case_duplicate',
      );
    }
    const target = addWorkingDays(this.input.now, outcome.targetDays);
    const details = { answers: slotLabels(state, flow), values: state.slots, flow: flow.id, channel: this.input.channel };
    const row = await this.newCase({
      serviceId: flow.service,
      summary: caseSummary(state, flow),
      details,
      location: location ?? null,
      uprn: location?.uprn ?? null,
      usrn: location?.usrn ?? null,
      lat: location?.lat ?? null,
      lng: location?.lng ?? null,
      team: outcome.team,
      targetDate: target.toISOString().slice(0, 10),
      contactId: this.input.conversation.contact_id,
      conversationId: this.input.conversation.id,
      actor: 'assistant',
    });
    let offer: OutboundMessage | null = null;
    if (state.contact?.consent && this.input.conversation.contact_id) {
      this.effects.push({ type: 'update_contact', contactId: this.input.conversation.contact_id, details: { phone: state.contact.phone, email: state.contact.email } });
      offer = await this.givenDetails({ phone: state.contact.phone, email: state.contact.email });
    }
    this.recognition.caseReference = row.reference;
    const spaced = row.reference.replace('-', ' ').split('').join(' ');
    return this.done(
      await this.caseUpdates(row, state.contact, [
        {
          text:
            `Thank you. Your report has been sent. Your reference is ${row.reference}.\n\n` +
            `What happens next: our ${outcome.team.replace(/_/g, ' ')} team aims to deal with it by ${formatDate(target, this.settings.openingHours.timezone)}. ` +
            `You can ask me about it at any time by giving your reference.`,
          speech: `Thank you. Your report has been sent. Your reference is ${spaced}. Again, that's ${spaced}.`,
          suggestions: [{ label: 'Report something else', value: 'I want to report something else' }],
        },
        ...(offer ? [offer] : []),
      ]),
      undefined,
      'case_created',
    );
  }

  /** After a case is created or a report joined to one: its updates recorded, offered or explained (case-updates.ts). */
  private caseUpdates(c: { id: string; reference: string }, contact: GivenContact | undefined, replies: OutboundMessage[]): Promise<OutboundMessage[]> {
    return offerCaseUpdates(this.updatesTurn(), c, contact, replies);
  }

  /** What the case-updates part is lent of this turn: its reads, dialogue, effects and recognition. */
  private updatesTurn(): CaseUpdatesTurn {
    const { db, conversation, channel, now, runtime } = this.input;
    return { db, runtime, conversation, channel, now, dialogue: this.dialogue, effects: this.effects, recognition: this.recognition };
  }

  /**
   * A phone number or e-mail the resident typed is an unverified claim on their contact, never
   * merged with the number's own contact (agents see "may be the same as…"). Where a text can go
   * to the number, a one-time code is queued and offered: the reply says a text was sent only then.
   * E-mail has no sender, so it stays unverified. A number this contact already holds (the SMS
   * sender's own) needs no claim.
   */
  private async givenDetails(details: { phone?: string; email?: string }): Promise<OutboundMessage | null> {
    const { db, now, conversation } = this.input;
    const tenant = this.pack.tenant;
    const contactId = conversation.contact_id;
    if (!contactId) return null;
    if (details.email) this.effects.push({ type: 'claim_contact', contactId, kind: 'email', value: details.email });
    const phone = details.phone;
    const e164 = toE164(phone);
    if (!phone || (e164 && (await contactIdForIdentity(db, tenant, PHONE_IDENTITY, e164)) === contactId)) return null;
    const claim = await findContactClaim(db, tenant, contactId, 'phone', phone);
    const codes = this.input.runtime.codes;
    const offer = () => {
      // A spoken code is not offered on a call; a number not in E.164 cannot be texted.
      if (!codes || !e164 || claim?.verified_at || this.input.channel === 'voice') return false;
      return !(claim?.code_requested_at && now.getTime() - claim.code_requested_at.getTime() < CODE_RESEND_AFTER_MS);
    };
    const sendCode = offer() && (await codes!.canText(db, tenant, e164!));
    this.effects.push({ type: 'claim_contact', contactId, kind: 'phone', value: phone, ...(sendCode ? { codeExpiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) } : {}) });
    if (!sendCode) return null;
    this.recognition.codeOffered = claim ? { claimId: claim.id } : true;
    return codeOffered(phone);
  }

  /** Six digits after a code was texted: checked against it (expiry, tries, single use); right links the contacts. Null: not a code reply. */
  async oneTimeCode(code: string): Promise<TurnResult | null> {
    const { db, now, conversation } = this.input;
    const tenant = this.pack.tenant;
    if (!conversation.contact_id) return null;
    const claim = await latestClaimCode(db, tenant, conversation.contact_id, new Date(now.getTime() - CODE_LOOKBACK_MS));
    if (!claim) return null;
    if (claim.code_used_at) return claimCodeMatches(claim, code) ? this.done([codeAlreadyUsed()], undefined, 'code_reused') : null;
    if (claim.verified_at) return null;
    if (claim.code_expires_at && claim.code_expires_at.getTime() <= now.getTime()) return this.done([codeExpired()], undefined, 'code_expired');
    if (claim.code_attempts >= CODE_ATTEMPTS) return this.done([codeUsedUp()], undefined, 'code_used_up');
    if (!claim.code_hash) return this.done([codeNotSentYet()], undefined, 'code_not_sent');
    if (!claimCodeMatches(claim, code)) {
      // The claim's row is locked (latestClaimCode) until the turn commits: this count is the stored one.
      this.effects.push({ type: 'claim_code_attempt', claimId: claim.id });
      return this.done([codeWrong(CODE_ATTEMPTS - (claim.code_attempts + 1))], undefined, 'code_wrong');
    }
    // The number's own contact absorbs this one; nobody holds the number yet: it becomes this contact's.
    const contactId = (await contactIdForIdentity(db, tenant, PHONE_IDENTITY, claim.value)) ?? conversation.contact_id;
    this.effects.push({ type: 'link_phone_claim', claim: { id: claim.id, contact_id: conversation.contact_id, value: claim.value } });
    this.recognition.contactLinked = { phone: claim.value, contactId };
    this.effects.push({
      type: 'audit',
      event: {
      tenant,
      actorType: 'resident',
      actorId: null,
      action: 'contact.linked_by_code',
      subjectType: 'conversation',
      subjectId: conversation.id,
      detail: { from: conversation.contact_id, to: contactId, claimId: claim.id },
      },
    });
    return this.done([codeLinked(claim.value)], undefined, 'code_linked');
  }

  /** A reference given: its status to anyone, its details to the reporter (case-status.ts). */
  async caseStatus(reference: string): Promise<TurnResult> {
    this.resetTransient();
    return this.statusDone(await caseStatusAnswer(this.statusTurn(), reference));
  }

  /** What the case-status part is lent of this turn: its reads, dialogue, effects and recognition. */
  private statusTurn(): CaseStatusTurn {
    const { db, conversation, channel, text, now, runtime } = this.input;
    return {
      db,
      pack: this.pack,
      conversation,
      channel,
      text,
      now,
      entities: this.entities,
      dialogue: this.dialogue,
      effects: this.effects,
      recognition: this.recognition,
      codesAvailable: !!runtime.codes,
      offerCode: (phone) => this.givenDetails({ phone }),
    };
  }

  private statusDone(answer: CaseStatusAnswer): TurnResult {
    return this.done(answer.replies, undefined, answer.action);
  }

  private outOfScope(): TurnResult {
    this.dialogue.misunderstandings++;
    const text = clean(this.input.text);
    const s = this.settings;
    let signpost = '';
    if (/\b(gp|doctor|surgery|hospital|prescription|nhs|dentist)\b/.test(text)) signpost = `For health matters, contact your GP or call NHS ${s.emergency.nhs ?? '111'}.`;
    else if (/\b(police|crime|stolen|burglary|theft|assault)\b/.test(text)) signpost = `To report a crime that is not an emergency, call the police on ${s.emergency.police ?? '101'}. In an emergency, call 999.`;
    else if (/\b(universal credit|dwp|pension|jobcentre|pip)\b/.test(text)) signpost = 'Universal Credit and other benefits are run by the Department for Work and Pensions (DWP): visit GOV.UK or call the Universal Credit helpline.';
    else if (/\b(dvla|driving licen[cs]e|car tax|vehicle tax|passport|hmrc|tax code)\b/.test(text)) signpost = 'That is handled by a national government service. You can find it on GOV.UK.';
    else if (/\b(water|sewer|gas|electric|electricity|power cut|energy)\b/.test(text)) signpost = 'Water, gas and electricity problems are dealt with by your supplier or network operator. For a gas leak call 0800 111 999; for a power cut call 105.';
    const lead = "Sorry, that isn't something the council deals with, so I can't help with it here.";
    const reply: OutboundMessage = { text: signpost ? `${lead} ${signpost}` : `${lead} I can help with council services such as bins, council tax, roads, housing and more.` };
    if (this.dialogue.misunderstandings >= s.assistant.misunderstandingsBeforeOffer) {
      this.dialogue.personOffered = true;
      return this.done([reply, offerPerson('If I have misunderstood,')], undefined, 'out_of_scope');
    }
    return this.done([reply], undefined, 'out_of_scope');
  }

  private clarify(candidates: { intent: string; confidence: number }[]): TurnResult {
    this.dialogue.misunderstandings++;
    const options = candidates.map((c) => ({ intent: c.intent, label: this.pack.servicesById.get(c.intent)!.name }));
    this.dialogue.clarify = options;
    this.dialogue.clarifyQuery = this.input.text;
    this.recognition.clarify = options.map((o) => o.intent);
    const suggestions = options.map((o) => ({ label: o.label, value: o.label }));
    suggestions.push({ label: 'Something else', value: 'Something else' });
    if (this.dialogue.misunderstandings >= this.settings.assistant.misunderstandingsBeforeOffer) {
      suggestions.push({ label: 'Talk to a person', value: 'Talk to a person' });
    }
    return this.done([{ text: "I'm not sure I understood. Did you mean one of these?", suggestions, askFor: 'choice' }], undefined, 'clarify');
  }

  private notUnderstood(): TurnResult {
    this.dialogue.misunderstandings++;
    if (this.dialogue.misunderstandings >= this.settings.assistant.misunderstandingsBeforeOffer) {
      this.dialogue.personOffered = true;
      return this.done([offerPerson("Sorry, I still don't understand.")], undefined, 'not_understood');
    }
    return this.done(
      [{ text: "Sorry, I didn't understand that. Could you say it another way? For example: \"my bin wasn't collected\" or \"how do I pay council tax\"." }],
      undefined,
      'not_understood',
    );
  }

  async handoff(reason: string, service?: Service, before: OutboundMessage[] = []): Promise<TurnResult> {
    const serviceInfo = service ?? (this.dialogue.flow ? this.pack.servicesById.get(this.pack.flows.find((f) => f.id === this.dialogue.flow!.id)?.service ?? '') : undefined);
    const notice = await this.createHandoff(reason, serviceInfo);
    this.resetTransient();
    const queue = this.settings.queues.find((q) => q.id === notice.queue)!;
    const open = isOpen(this.settings.openingHours, this.input.now);
    // Only say a member of staff will reply when one is signed in who can take it.
    const routes = this.input.runtime.routes;
    const agentNow = open && !!routes && (await routes.agentCanTakeNow(this.input.db, this.pack.tenant, queue.id, this.input.now).catch(() => false));
    const wait = agentNow ? await estimateWait(this.input.db, this.pack.tenant, queue, { now: this.input.now, timeZone: this.settings.openingHours.timezone, priority: notice.priority }) : null;
    const route = agentNow ? 'agent' : 'queue';
    (this.recognition.handoff as Record<string, unknown>).route = route;
    return this.done(
      [
        ...before,
        {
          ...handoffMessage(this.settings, queue.name, open, notice.priority === 'urgent', wait, agentNow),
          handoff: { ...notice, staffAvailable: open, route, ...(wait !== null ? { estimatedWaitSeconds: Math.round(wait) } : {}) },
          ...(open ? {} : { suggestions: OUT_OF_HOURS_OPTIONS }),
          // Nobody free now: where the council offers call-backs, one is a choice (a caller waits in the Twilio queue instead).
          ...(open && !agentNow && this.settings.callbacks && this.input.channel !== 'voice' ? { suggestions: [OUT_OF_HOURS_OPTIONS[0]] } : {}),
        },
      ],
      { to: 'queued', cause: 'handoff_created', handoffId: (this.recognition.handoff as { id: string }).id },
      'handoff',
    );
  }

  /** A case to create, with its id and a free reference chosen now (the reply quotes the reference). */
  private async newCase(input: Omit<NewCase, 'tenant' | 'referencePrefix' | 'id' | 'reference'>): Promise<{ id: string; reference: string }> {
    const tenant = this.pack.tenant;
    const referencePrefix = this.settings.caseReferencePrefix;
    const created = { ...input, tenant, referencePrefix, id: randomUUID(), reference: await freeCaseReference(this.input.db, tenant, referencePrefix) };
    this.effects.push({ type: 'create_case', case: created });
    return created;
  }

  /** Queues the conversation with its reason, priority and what an agent needs to pick it up. */
  private async createHandoff(reason: string, service: Service | undefined, detail?: string, extra: Record<string, unknown> = {}): Promise<HandoffNotice> {
    const queue = queueFor(this.settings.queues, service);
    const priority = priorityFor(reason, service);
    const flow = this.dialogue.flow;
    const flowDef = flow && this.pack.flows.find((f) => f.id === flow.id);
    const recent = (await transcript(this.input.db, this.pack.tenant, this.input.conversation.id, 200))
      .filter((m) => m.direction === 'in')
      .slice(-5)
      .map((m) => m.text);
    const summaryParts = [
      extra.safety
        ? `Safety: ${RISK_KIND_LABELS[(extra.safety as SafetyFlag).kind]}${detail ? ` (${detail})` : ''}.`
        : `Reason: ${reason.replace(/_/g, ' ')}${detail ? ` (${detail})` : ''}.`,
      service ? `Service: ${service.name}.` : '',
      flowDef ? `In progress: ${flowDef.title} (${Object.entries(slotLabels(flow!, flowDef)).map(([k, v]) => `${k}: ${v}`).join('; ') || 'no answers yet'}).` : '',
      `Last message: "${this.input.text.slice(0, 200)}"`,
    ].filter(Boolean);
    const id = randomUUID();
    this.effects.push({
      type: 'create_handoff',
      handoff: {
      id,
      tenant: this.pack.tenant,
      conversationId: this.input.conversation.id,
      reason,
      priority,
      queue: queue.id,
      summary: summaryParts.join(' '),
      context: {
        channel: this.input.channel,
        service: service?.id ?? null,
        // As understood when queued (written after the decision, which adds to it).
        recognition: structuredClone(this.recognition),
        flow: flowDef ? { id: flowDef.id, title: flowDef.title, answers: slotLabels(flow!, flowDef), phase: flow!.phase } : null,
        recentMessages: recent,
        misunderstandings: this.dialogue.misunderstandings,
        ...extra,
      },
      },
    });
    this.recognition.handoff = { id, reason, priority, queue: queue.id, service: service?.id ?? null, ooh: service?.ooh ?? false };
    return { reason, priority, queue: queue.id };
  }
}


