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
import { estimateWait, isOpen, needsDutyReferral, priorityFor, queueFor, referralSkills } from '../handoff/index.js';
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
import {
  accessibilityArticle,
  answerFlowQuestion,
  asksAboutPhotos,
  asksForAccessibilityStatement,
  flowQuestionTopic,
  isAboutThisFlow,
  isConversationReset,
  personForQuestion,
  photoAnswer,
  questionStrength,
  startAgainReply,
} from './flows/index.js';
import { localisedContent } from './content-pack/index.js';
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
import type { ChannelName, HandoffNotice, Language, OutboundMessage } from './messages.js';
import { chooseLanguage, hoursIn, messagesIn, queueName, serviceName, teamName } from './i18n/index.js';
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
  languageChosen,
  namesIn,
  offerPerson,
  safetyReply,
  type SafetyRoute,
} from './replies.js';
import { contentFor, type TenantRuntime } from './runtime.js';
import { answerFromPassages, passagesOf, type AnswerWriter, type Passage, type WrittenAnswer } from '../knowledge-base/index.js';
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
  /** The turn's language (bot/i18n/choose.ts); English when not given. */
  language?: Language;
  /** The message is only a choice of language ("Cymraeg", "English"): acknowledged in it. */
  languageChoice?: boolean;
}

/** What the understanding makes of a message: the safety screen's hit, its entities, the recogniser's prediction. */
export interface Understood {
  text: string;
  hit: SafetyHit | null;
  entities: Entity[];
  prediction: IntentPrediction;
  /** An answer written from the council's pages before the turn's transaction (`prepareAnswer`), for the turn to use where it answers from articles. */
  answer?: PreparedAnswer;
}

/** A written answer (or why there is none) for an article answer or a follow-up to the article just answered. */
export interface PreparedAnswer {
  mode: 'article' | 'follow_up';
  written: WrittenAnswer;
  /** The language it was written in (from the Welsh pages for Welsh); the turn uses it only in the same language. */
  language?: Language;
}

/**
 * Writes an answer from the council's pages with the LLM, outside the turn's transaction, where
 * the turn would answer from articles: the council's `answers.generate` on, nothing safety-related
 * in the message (a disclosure never reaches the LLM), no flow or question of the assistant's
 * waiting, and either a confident article question or a follow-up to the article just answered.
 * Undefined where the turn would not use it; the turn falls back to the article on any failure.
 */
export async function prepareAnswer(
  runtime: TenantRuntime,
  writer: AnswerWriter | undefined,
  understood: Understood,
  context: { conversation: ConversationRow; dialogue: DialogueState; history: string[] },
): Promise<PreparedAnswer | undefined> {
  const settings = runtime.pack.settings;
  const options = settings.answers;
  if (!writer || !options?.generate) return undefined;
  const { conversation, history } = context;
  if (conversation.state === 'with_agent' || conversation.state === 'queued') return undefined;
  const { text, hit, prediction, entities } = understood;
  if (hit || decideSafety(hit, prediction, text)) return undefined;
  if (isEndChat(text) || isPersonRequest(text) || ONE_TIME_CODE.test(text) || yesNo(text) !== null || ordinal(text) !== null || command(text)) return undefined;
  if (entities.some((e) => e.type === 'case_reference') || CASE_REFERENCE_QUESTION.test(clean(text))) return undefined;
  const d = (conversation.state === 'closed' ? emptyDialogue() : context.dialogue) as DialogueState & CallbackDialogue & SatisfactionDialogue & UpdatesDialogue;
  if (d.flow || d.dangerCheck || d.clarify || d.awaitingReference || d.awaitingCallbackNumber || d.personOffered || d.callbackOffer || d.satisfaction || d.updatesOffer) return undefined;
  const top = prediction.ranked[0];
  const confident = !!top && top.confidence >= settings.assistant.answerAbove && !prediction.outOfScope;
  const services = new Map(prediction.ranked.slice(0, 3).map((r) => [r.intent, r.confidence]));
  // The turn's language as far as it is known ahead of the lock (an explicit switch is not): the
  // passages are the pages in it and the answer is written in it; a turn in the other language ignores it.
  const language = chooseLanguage({ settings, text, conversation: conversation.language }).language;
  const base = {
    passages: passagesOf(contentFor(runtime, language).articles),
    question: text,
    channel: conversation.channel,
    councilName: namesIn(settings, language).councilName,
    maxPassages: options.maxPassages,
    model: options.model,
    language,
  };
  if (confident) {
    const service = runtime.pack.servicesById.get(top.intent);
    if (!service || top.intent.startsWith('meta.') || top.intent.startsWith('safety.') || runtime.pack.flowsByService.has(top.intent)) return undefined;
    if (service.kind === 'emergency' || service.kind === 'safeguarding') return undefined;
    services.set(top.intent, Math.max(services.get(top.intent) ?? 0, 0.9));
    return { mode: 'article', written: await writer.write({ ...base, history, services }), language };
  }
  const previous = d.awaitingFeedback;
  if (!previous) return undefined;
  return { mode: 'follow_up', written: await writer.write({ ...base, history: [...history.filter((h) => h !== previous.query), previous.query], focusArticleIds: [previous.articleId] }), language };
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
  // "Cymraeg" / "English" (the greeting's buttons, or typed): the choice is acknowledged in that language.
  if (input.languageChoice) return turn.languageChosen();
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

/** "Was this useful?" about an article: the next yes or no is feedback on it. */
function feedbackQuestion(articleId: string, lang?: Language): OutboundMessage {
  const m = messagesIn(lang);
  return { text: m.turn.wasThisUseful, suggestions: lang === 'cy' ? m.feedbackSuggestions : FEEDBACK_SUGGESTIONS, askFor: 'yes_no', feedbackFor: { articleId } };
}

/** A passage named for a link: the article's title, and the section's heading when it is not the summary. */
function passageLabel(p: Passage): string {
  return p.anchor ? `${p.articleTitle}: ${p.heading}` : p.articleTitle;
}

function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').replace(/^- /, '');
  return flat.length <= max ? flat : `${flat.slice(0, max).replace(/\s+\S*$/, '')}...`;
}
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

  /** The turn's language, and the assistant's words and the pack's articles and flows in it (issue 17). */
  private get lang(): Language {
    return this.input.language ?? 'en';
  }

  private get m() {
    return messagesIn(this.lang);
  }

  private get content() {
    return contentFor(this.input.runtime, this.lang);
  }

  /** "Cymraeg" or "English": carry on in it; inside a flow, its question again in that language. */
  languageChosen(): TurnResult {
    this.recognition.languageChosen = this.lang;
    const active = this.dialogue.flow;
    const flow = active && this.content.flows.find((f) => f.id === active.id);
    if (active && flow) {
      const prompt = repeatQuestion(active, this.flowContext(flow))[0];
      return this.done([{ ...prompt, text: `${this.m.languageChosen}\n\n${prompt.text}` }], undefined, 'language_chosen');
    }
    return this.done([languageChosen(this.lang)], undefined, 'language_chosen');
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
    const message = safetyReply(this.settings, flag.kind, route, { open, text: this.input.text, language: this.lang });
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
    const flow = active && this.content.flows.find((f) => f.id === active.id);
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
    return this.done([dangerQuestion(this.settings, { unreadable: decision.unreadable, language: this.lang, kind: decision.kind, text: this.input.text })], undefined, 'danger_check');
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
      [...ask, chatEnded(this.settings, this.input.channel, handoff === 'kept_for_safety', this.lang)],
      { to: 'closed', cause: 'resident_ended', handoffId: open?.id ?? null },
      'chat_ended',
    );
  }

  /** What satisfaction.ts is lent of this turn; `risk`: a disclosure now or kept for the team. */
  private satisfactionTurn(risk = false): SatisfactionTurn {
    const { db, conversation, channel } = this.input;
    return { db, tenant: this.pack.tenant, conversation, channel, risk: risk || !!this.recognition.safety, language: this.lang };
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
    const t = { db, runtime, conversation, channel, now, text, phone, intent, dialogue: this.dialogue as CallbackDialogue, effects: this.effects, recognition: this.recognition, language: this.lang };
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
      return this.done([{ text: this.m.turn.callbackNumber, askFor: 'phone' }], undefined, 'callback_ask');
    }
    if (this.dialogue.awaitingCallbackNumber && !command(this.input.text)) {
      return this.done([{ text: this.m.turn.notAPhone, askFor: 'phone' }], undefined, 'callback_retry');
    }
    if (command(this.input.text) === 'cancel' || /^(cancel|leave|stop waiting|dont need|no longer need)/.test(clean(this.input.text))) {
      const open = await openHandoffFor(this.input.db, this.pack.tenant, this.input.conversation.id);
      // Leaving before a person accepted counts against the queue's service level.
      if (open) this.effects.push({ type: 'abandon_handoff', handoffId: open.id });
      return this.done([{ text: this.m.turn.leftQueue }], { to: 'bot', cause: 'resident_left_queue', handoffId: open?.id ?? null }, 'handoff_cancelled');
    }
    return this.done(
      [
        {
          text: this.m.turn.queuedNote,
          suggestions: [this.m.turn.stopWaiting],
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
          text: this.m.turn.callbackBooked(phone, row.reference, hoursIn(this.lang, this.settings.openingHours), this.settings.contact.outOfHoursPhone),
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
    // The article answered last turn: a message not confidently placed may be a follow-up to it.
    const previousArticle = d.awaitingFeedback;

    // "Start a new chat" anywhere, and "start again" outside a report, reset the conversation; inside a report "start again" restarts it (issue 17).
    if (isConversationReset(text) || (!d.flow && command(text) === 'restart')) return this.startAgain();
    if (d.flow) return this.inFlow(d.flow);
    // "Can I send a photo?" and the accessibility statement: answered whatever the recogniser makes of them.
    if (asksAboutPhotos(text)) return this.photoQuestion();
    if (asksForAccessibilityStatement(text)) {
      const statement = this.accessibilityStatement();
      if (statement) return statement;
    }

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
      // The labels shown (in the turn's language), and each service's English name too: the value selects the service.
      const options = d.clarify.map((c) => ({ value: c.intent, label: c.label, synonyms: [this.pack.servicesById.get(c.intent)?.name ?? c.label] }));
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
    if (previousArticle && !this.confidentIntent()) {
      const followUp = this.followUp(previousArticle);
      if (followUp) return followUp;
    }
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
        return this.done([greeting(this.settings, this.lang)], undefined, 'greeting');
      case 'meta.thanks_goodbye':
        this.dialogue.misunderstandings = 0;
        return this.done([goodbye(this.lang), ...(await this.askSatisfaction(false))], undefined, 'goodbye');
      case 'meta.speak_to_person':
        return this.handoff('resident_request');
      case 'meta.complaint_about_bot':
        this.dialogue.personOffered = true;
        return this.done([offerPerson(this.m.turn.notHelped, this.lang)], undefined, 'offer_person');
      case 'out_of_scope':
        return this.outOfScope();
    }
    // A safety intent picked from the clarify list (the classifier alone was not confident).
    if (intent.startsWith('safety.')) {
      const category = intent as SafetyHit['category'];
      return this.safety({ category, kind: category === 'safety.risk_to_life' ? 'danger_now' : 'adult_at_risk', source: 'classifier', reason: 'chosen from the options offered' });
    }
    const flow = this.content.flowsByService.get(intent);
    if (flow) return this.startFlow(flow);
    this.dialogue.misunderstandings = 0;
    const answer = this.answerFromArticles(query, intent);
    if (service && (service.kind === 'emergency' || service.kind === 'safeguarding')) {
      // An emergency goes to a person at once: the article's numbers first, no "Was this useful?".
      return this.handoff(`service.${intent}`, service, answer.replies.filter((m) => !m.feedbackFor));
    }
    if (answer.replies.length) return answer;
    return this.done([offerPerson(this.m.turn.noAnswerYet(service?.name.toLowerCase() ?? 'that'), this.lang)], undefined, 'offer_person');
  }

  /**
   * The answer written before the turn (`prepareAnswer`) for this message, as replies citing its
   * passages; null when there is none or it fell back (the caller answers as without an LLM).
   */
  private writtenAnswer(mode: PreparedAnswer['mode'], query: string): TurnResult | null {
    const understood = this.input.understood;
    const prepared = understood?.text === this.input.text && query === this.input.text ? understood.answer : undefined;
    if (!prepared || prepared.mode !== mode || (prepared.language ?? 'en') !== this.lang) return null;
    const written = prepared.written;
    if (written.kind === 'fallback') {
      this.recognition.answer = { kind: 'fallback', reason: written.reason, retrieved: written.retrieved.map((p) => p.id) };
      return null;
    }
    const [first, second] = written.sources;
    const web = !['sms', 'voice', 'whatsapp'].includes(this.input.channel);
    this.dialogue.misunderstandings = 0;
    this.dialogue.awaitingFeedback = { articleId: first.articleId, query };
    this.recognition.articleId = first.articleId;
    this.recognition.answer = { kind: 'written', mode, sources: written.sources.map((p) => p.id), dropped: written.dropped };
    const reply: OutboundMessage = {
      text: written.text,
      ...(this.input.channel === 'voice' ? { speech: written.speech } : {}),
      link: { label: web ? `[1] ${passageLabel(first)}` : this.m.turn.more, url: first.url },
      // A second source, on channels that show cards.
      ...(second && web ? { card: { title: `[2] ${passageLabel(second)}`, body: excerpt(second.text), link: { label: this.m.turn.onOurWebsite(second.articleTitle), url: second.url } } } : {}),
    };
    return this.done([reply, feedbackQuestion(first.articleId, this.lang)], undefined, 'answer');
  }

  /**
   * A follow-up to the article answered last turn ("I live on my own" after the council tax
   * discounts): the written answer when there is one, else the best passage of that article for
   * this message read with the question before it, with its link. Null: not about that article.
   */
  private followUp(previous: { articleId: string; query: string }): TurnResult | null {
    const written = this.writtenAnswer('follow_up', this.input.text);
    if (written) return written;
    const found = answerFromPassages(passagesOf(this.content.articles), {
      articleIds: [previous.articleId],
      question: this.input.text,
      history: [previous.query],
      channel: this.input.channel,
    });
    if (!found) return null;
    const p = found.passage;
    const web = !['sms', 'voice', 'whatsapp'].includes(this.input.channel);
    this.dialogue.misunderstandings = 0;
    this.dialogue.awaitingFeedback = { articleId: p.articleId, query: this.input.text };
    this.recognition.articleId = p.articleId;
    this.recognition.answer = { ...(this.recognition.answer as object | undefined), kind: 'passage', mode: 'follow_up', sources: [p.id] };
    return this.done(
      [{ text: found.text, link: { label: web ? passageLabel(p) : this.m.turn.more, url: p.url } }, feedbackQuestion(p.articleId, this.lang)],
      undefined,
      'answer',
    );
  }

  private answerFromArticles(query: string, intent: string): TurnResult {
    const written = this.writtenAnswer('article', query);
    if (written) return written;
    const beliefs = new Map<string, number>();
    for (const r of this.prediction.ranked.slice(0, 3)) beliefs.set(r.intent, r.confidence);
    beliefs.set(intent, Math.max(beliefs.get(intent) ?? 0, 0.9));
    const hits = this.content.articles.search(query, { services: beliefs, limit: 3 });
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
          card: { title: a.title, body: a.summary, link: { label: this.m.turn.onOurWebsite(a.title), url: a.url } },
          ...(related.length ? { suggestions: related.map((h) => ({ label: h.article.title, value: h.article.title })) } : {}),
        },
        feedbackQuestion(a.id, this.lang),
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
    if (useful) return this.done([{ text: this.m.turn.feedbackThanks }], undefined, 'feedback');
    this.dialogue.misunderstandings++;
    if (this.dialogue.misunderstandings >= this.settings.assistant.misunderstandingsBeforeOffer) {
      this.dialogue.personOffered = true;
      return this.done([offerPerson(this.m.turn.thanksForTelling, this.lang)], undefined, 'feedback');
    }
    return this.done(
      [{ text: this.m.turn.feedbackMore }],
      undefined,
      'feedback',
    );
  }

  /** The pack's articles in the turn's language (Welsh where translated), for answers chosen by id or service. */
  private localArticles() {
    return localisedContent(this.pack, this.lang).articles;
  }

  /**
   * A question asked inside a flow: answered from the flow (its team and target days), the rules
   * for files, or its service article; else from another service's article when the recogniser is
   * sure of it; else a person is offered. Then the pending question again; nothing is stored.
   */
  private flowQuestion(flow: Flow, state: ActiveFlow): TurnResult {
    this.dialogue.flow = state;
    const text = this.input.text;
    const articles = this.localArticles();
    const own = articles.filter((a) => a.service === flow.service);
    const found = answerFlowQuestion({ text, flow, settings: this.settings, channel: this.input.channel, articles: own, allArticles: articles, lang: this.lang });
    // The flow's timing or price answers only a question about this flow, not "how much is a garden waste subscription?".
    const fits = !!found && (found.topic === 'photo' || found.topic === 'accessibility' || found.topic === 'other' || isAboutThisFlow(text, flow, own));
    let answer = fits ? found!.reply : null;
    this.recognition.flowQuestion = found?.topic ?? 'other';
    const top = this.prediction.ranked[0];
    if (!answer && top && top.intent !== flow.service && top.confidence >= 0.7 && !this.prediction.outOfScope && this.pack.servicesById.has(top.intent) && !top.intent.startsWith('meta.') && !top.intent.startsWith('safety.')) {
      answer = this.answerFromArticles(text, top.intent).replies[0] ?? null;
      delete this.dialogue.awaitingFeedback;
    }
    const prompt = repeatQuestion(state, this.flowContext(flow))[0];
    return this.done([answer ?? personForQuestion(this.lang), { ...prompt, text: this.m.turn.carryOn(prompt.text) }], undefined, answer ? 'flow_question' : 'flow_question_person');
  }

  /** "Start again" / "start a new chat": a real reset; a report in progress is dropped, unsent. */
  private startAgain(): TurnResult {
    const hadReport = !!this.dialogue.flow;
    this.dialogue = emptyDialogue();
    this.recognition.reset = { hadReport };
    return this.done([startAgainReply(hadReport, this.lang)], undefined, 'start_again');
  }

  /** "Can I send a photo?" outside a report: how, on this channel; a report it names is started after the answer. */
  private async photoQuestion(): Promise<TurnResult> {
    this.resetTransient();
    const answer = photoAnswer(this.settings, this.input.channel, false, this.lang);
    const top = this.prediction.ranked[0];
    const flow = this.confidentIntent() && top ? this.content.flowsByService.get(top.intent) : undefined;
    if (flow) {
      const started = await this.startFlow(flow);
      return this.done([answer, ...started.replies], undefined, `photo_answer:${flow.id}`);
    }
    return this.done([answer], undefined, 'photo_answer');
  }

  /** The accessibility statement (content/<pack>/articles/corp-accessibility-statement.md); null when the pack has none. */
  private accessibilityStatement(): TurnResult | null {
    const a = accessibilityArticle(this.localArticles());
    if (!a) return null;
    this.resetTransient();
    this.dialogue.awaitingFeedback = { articleId: a.id, query: this.input.text };
    this.recognition.articleId = a.id;
    return this.done(
      [{ text: a.summary, card: { title: a.title, body: a.summary, link: { label: this.m.turn.onOurWebsite(a.title), url: a.url } } }, feedbackQuestion(a.id, this.lang)],
      undefined,
      'answer',
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
    return { flow, settings: this.settings, gazetteer: this.input.runtime.gazetteer, channel: this.input.channel, entities: this.entities, language: this.lang };
  }

  async inFlow(active: ActiveFlow): Promise<TurnResult> {
    const flow = this.content.flows.find((f) => f.id === active.id);
    if (!flow) {
      delete this.dialogue.flow;
      return this.decide();
    }
    // A question about the report itself (a photo, how long, what next, being in) is answered first, and never taken as an answer (issue 17).
    const asked = this.input.text;
    const topic = command(asked) ? 'other' : flowQuestionTopic(asked);
    const ownArticles = this.localArticles().filter((a) => a.service === flow.service);
    if (topic === 'photo' || topic === 'accessibility' || (topic !== 'other' && questionStrength(asked) === 'strong' && isAboutThisFlow(asked, flow, ownArticles))) {
      return this.flowQuestion(flow, active);
    }
    // A free-text question (a place description, "anything else?") would swallow a new question: check first.
    const aside = this.asideQuestion(flow);
    if (aside) {
      this.dialogue.flow = active;
      const prompt = repeatQuestion(active, this.flowContext(flow))[0];
      return this.done(
        [aside, { ...prompt, text: this.m.turn.carryOn(prompt.text) }],
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
        return this.done([{ ...prompt, text: this.m.turn.ok(prompt.text) }], undefined, 'flow_retry');
      }
    }
    const turn = continueFlow(active, this.input.text, this.flowContext(flow));
    switch (turn.kind) {
      case 'cancelled':
        delete this.dialogue.flow;
        return this.done(turn.replies, undefined, 'flow_cancelled');
      case 'person':
        return this.handoff('resident_request', this.pack.servicesById.get(flow.service));
      case 'question':
        return this.flowQuestion(flow, turn.state);
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
              [first, { ...resume, text: this.m.turn.carryOn(resume.text.replace(/^(?:Sorry, I didn't catch that\.|Mae'n ddrwg gen i, wnes i ddim deall hynny'n iawn\.)\s*/, '')) }],
              undefined,
              'flow_aside',
            );
          }
        }
        if (turn.state.attempts >= 3) {
          this.dialogue.personOffered = true;
          return this.done([...turn.replies, offerPerson(this.m.turn.troubleWithQuestion, this.lang)], undefined, 'flow_retry');
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

  private async finishFlow(local: Flow, state: ActiveFlow): Promise<TurnResult> {
    delete this.dialogue.flow;
    // Case details, summaries and handoff notes are for staff and back offices: from the English flow of the same id.
    const flow = this.pack.flows.find((f) => f.id === local.id) ?? local;
    if (flow.outcome.type === 'lookup') {
      const reply = binDayAnswer(state, flow, this.input.runtime.gazetteer, this.input.now, this.settings.openingHours.timezone, this.lang);
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
      const when = formatDate(duplicate.created_at, this.settings.openingHours.timezone, this.lang);
      // Nearby: how far, never the other report's place (it may be someone's address or words).
      const metres = match.basis === 'nearby' ? (match.distanceMetres ?? 0) : null;
      const spaced = duplicate.reference.replace('-', ' ').split('').join(' ');
      const facts = {
        when,
        metres: metres === null ? null : Math.round(metres / 5) * 5,
        sameSpot: metres !== null && metres <= 10,
        reference: duplicate.reference,
        spaced,
        status: this.m.caseStatus[duplicate.status] ?? statusLabel(duplicate.status),
      };
      return this.done(
        await this.caseUpdates(duplicate, state.contact, [
          {
            text: this.m.turn.duplicate(facts),
            speech: this.m.turn.duplicateSpoken(facts),
            suggestions: [this.m.turn.reportSomethingElse],
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
          text: this.m.turn.caseCreated(row.reference, teamName(this.settings, outcome.team, this.lang), formatDate(target, this.settings.openingHours.timezone, this.lang)),
          speech: this.m.turn.caseCreatedSpoken(spaced),
          suggestions: [this.m.turn.reportSomethingElse],
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
    return { db, runtime, conversation, channel, now, dialogue: this.dialogue, effects: this.effects, recognition: this.recognition, language: this.lang };
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
    return codeOffered(phone, this.lang);
  }

  /** Six digits after a code was texted: checked against it (expiry, tries, single use); right links the contacts. Null: not a code reply. */
  async oneTimeCode(code: string): Promise<TurnResult | null> {
    const { db, now, conversation } = this.input;
    const tenant = this.pack.tenant;
    if (!conversation.contact_id) return null;
    const claim = await latestClaimCode(db, tenant, conversation.contact_id, new Date(now.getTime() - CODE_LOOKBACK_MS));
    if (!claim) return null;
    if (claim.code_used_at) return claimCodeMatches(claim, code) ? this.done([codeAlreadyUsed(this.lang)], undefined, 'code_reused') : null;
    if (claim.verified_at) return null;
    if (claim.code_expires_at && claim.code_expires_at.getTime() <= now.getTime()) return this.done([codeExpired(this.lang)], undefined, 'code_expired');
    if (claim.code_attempts >= CODE_ATTEMPTS) return this.done([codeUsedUp(this.lang)], undefined, 'code_used_up');
    if (!claim.code_hash) return this.done([codeNotSentYet(this.lang)], undefined, 'code_not_sent');
    if (!claimCodeMatches(claim, code)) {
      // The claim's row is locked (latestClaimCode) until the turn commits: this count is the stored one.
      this.effects.push({ type: 'claim_code_attempt', claimId: claim.id });
      return this.done([codeWrong(CODE_ATTEMPTS - (claim.code_attempts + 1), this.lang)], undefined, 'code_wrong');
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
    return this.done([codeLinked(claim.value, this.lang)], undefined, 'code_linked');
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
      language: this.lang,
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
    const elsewhere = this.m.elsewhere;
    if (/\b(gp|doctor|surgery|hospital|prescription|nhs|dentist|meddyg|ysbyty|deintydd)\b/.test(text)) signpost = elsewhere.health(s.emergency.nhs ?? '111');
    else if (/\b(police|crime|stolen|burglary|theft|assault|heddlu|trosedd|lladrad)\b/.test(text)) signpost = elsewhere.police(s.emergency.police ?? '101');
    else if (/\b(universal credit|dwp|pension|jobcentre|pip|credyd cynhwysol|pensiwn)\b/.test(text)) signpost = elsewhere.benefits;
    else if (/\b(dvla|driving licen[cs]e|car tax|vehicle tax|passport|hmrc|tax code|trwydded yrru|pasbort)\b/.test(text)) signpost = elsewhere.national;
    else if (/\b(water|sewer|gas|electric|electricity|power cut|energy|trydan|nwy)\b/.test(text)) signpost = elsewhere.utilities;
    const lead = this.m.turn.notCouncil;
    const reply: OutboundMessage = { text: signpost ? `${lead} ${signpost}` : `${lead} ${this.m.turn.councilServices}` };
    if (this.dialogue.misunderstandings >= s.assistant.misunderstandingsBeforeOffer) {
      this.dialogue.personOffered = true;
      return this.done([reply, offerPerson(this.m.turn.misunderstoodPrefix, this.lang)], undefined, 'out_of_scope');
    }
    return this.done([reply], undefined, 'out_of_scope');
  }

  private clarify(candidates: { intent: string; confidence: number }[]): TurnResult {
    this.dialogue.misunderstandings++;
    const options = candidates.map((c) => ({ intent: c.intent, label: serviceName(this.pack, c.intent, this.lang)! }));
    this.dialogue.clarify = options;
    this.dialogue.clarifyQuery = this.input.text;
    this.recognition.clarify = options.map((o) => o.intent);
    const suggestions = options.map((o) => ({ label: o.label, value: o.label }));
    suggestions.push(this.m.turn.somethingElse);
    if (this.dialogue.misunderstandings >= this.settings.assistant.misunderstandingsBeforeOffer) {
      suggestions.push(this.m.talkToPerson);
    }
    return this.done([{ text: this.m.turn.notSure, suggestions, askFor: 'choice' }], undefined, 'clarify');
  }

  private notUnderstood(): TurnResult {
    this.dialogue.misunderstandings++;
    if (this.dialogue.misunderstandings >= this.settings.assistant.misunderstandingsBeforeOffer) {
      this.dialogue.personOffered = true;
      return this.done([offerPerson(this.m.turn.stillNotUnderstood, this.lang)], undefined, 'not_understood');
    }
    return this.done(
      [{ text: this.m.turn.notUnderstood }],
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
          ...handoffMessage(this.settings, queueName(this.settings, queue.id, this.lang), open, notice.priority === 'urgent', wait, agentNow, this.lang),
          handoff: { ...notice, staffAvailable: open, route, ...(wait !== null ? { estimatedWaitSeconds: Math.round(wait) } : {}) },
          ...(open ? {} : { suggestions: this.m.outOfHoursOptions }),
          // Nobody free now: where the council offers call-backs, one is a choice (a caller waits in the Twilio queue instead).
          ...(open && !agentNow && this.settings.callbacks && this.input.channel !== 'voice' ? { suggestions: [this.m.outOfHoursOptions[0]] } : {}),
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
      // The conversation's language: routing prefers agents who speak it (handoff/queue/routing.ts).
      language: this.lang,
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


