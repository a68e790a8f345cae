import { RESIDENT, transition, type ConversationState } from '../conversations/index.js';
import {
  dialogueOf,
  findConversation,
  lockForInbound,
  lockWithPending,
  partsOf,
  readOnly,
  recordTurn,
  repliesTo,
  storeInbound,
  storeLockedInbound,
  transcript,
  type ConversationRow,
  type Db,
  type MessageRow,
  type Store,
  type StoredInbound,
  type UnsavedInbound,
} from '../store/index.js';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { emptyDialogue, type DialogueState } from './dialogue.js';
import type { ChannelName, HandoffNotice, InboundMessage, Language, OutboundMessage } from './messages.js';
import { chooseLanguage, isBilingual, messagesIn, welshShortAnswer } from './i18n/index.js';
import { decideTurn, prepareAnswer, understand, type Understood } from './policy.js';
import type { AnswerWriter } from '../knowledge-base/index.js';
import { applyTurnEffects, type TurnEffect } from './effects.js';
import type { TenantRuntime } from './runtime.js';
import { normaliseInboundText } from './inbound-text.js';

export interface TurnObserver {
  turn(tenant: string, channel: string, action: string, ms: number): void;
  error(err: unknown, context: Record<string, unknown>): void;
}

/** What happened in a turn that other parts (the console, referrals) react to, after it is committed. */
export type AssistantEvent =
  | { type: 'handoff'; tenant: string; conversationId: string; handoffId: string; reason: string; priority: string; queue: string; service: string | null; ooh: boolean; escalated?: boolean }
  | { type: 'activity'; tenant: string; conversationId: string; state: string };

export interface ReceiveResult {
  duplicate: boolean;
  /** The replies to this message (for a duplicate, the replies already given). */
  replies: OutboundMessage[];
  messageId: string;
  /** The conversation's state after the turn (for a duplicate, as it is now). */
  state: ConversationState;
  /** The handoff this message's turn made or raised, as the resident was told of it; undefined when none. */
  handoff?: HandoffNotice;
  /** What the turn did (`answer`, `case_created`, `goodbye`, `chat_ended`, `fault`...) and a case reference it gave. */
  action?: string;
  caseReference?: string;
}

interface TurnDone {
  action?: string;
  caseReference?: string;
}

function turnDone(recognition: unknown): TurnDone {
  const r = ((typeof recognition === 'string' ? JSON.parse(recognition) : recognition) ?? {}) as { action?: unknown; caseReference?: unknown };
  return {
    ...(typeof r.action === 'string' ? { action: r.action } : {}),
    ...(typeof r.caseReference === 'string' ? { caseReference: r.caseReference } : {}),
  };
}

/**
 * A message to a conversation known by its id alone (web chat): its council and channel are the
 * conversation's, so it is stored by its turn (store/turns.ts `lockForInbound`: the lock takes its
 * id, the turn's record inserts it answered). `accept` sees the locked row first and may refuse the message by throwing
 * (the web route checks its token there): the transaction rolls back and nothing is kept.
 */
export interface MessageToConversation {
  providerMessageId: string;
  text: string;
  receivedAt: Date;
  /** The resident's explicit choice of language (InboundMessage.language). */
  language?: Language;
  accept(locked: ConversationRow): void;
}

type Inbound = InboundMessage | ((locked: ConversationRow) => InboundMessage) | MessageToConversation;

function isToConversation(inbound: Inbound): inbound is MessageToConversation {
  return typeof inbound !== 'function' && 'accept' in inbound;
}

export class UnknownTenantError extends Error {}
export class UnknownConversationError extends Error {}

/**
 * The turn pipeline (ARCHITECTURE.md, "One turn"): store first, drop repeats, one turn at a time per
 * conversation (a row lock in the store, so it holds across processes), then decide.
 */
export class Assistant {
  constructor(
    private readonly store: Store,
    private readonly tenants: Map<string, TenantRuntime>,
    private readonly observer?: TurnObserver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private listeners: ((e: AssistantEvent) => void)[] = [];

  /** Writes answers from the councils' pages (knowledge-base/answers/), for councils that turn it on; unset, none are written. */
  private answerWriter?: AnswerWriter;

  useAnswerWriter(writer: AnswerWriter | undefined): void {
    this.answerWriter = writer;
  }

  /** Called after each committed turn, never inside its transaction. */
  onEvent(listener: (e: AssistantEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(events: AssistantEvent[]): void {
    for (const e of events) {
      for (const l of this.listeners) {
        try {
          l(e);
        } catch (err) {
          this.observer?.error(err, { event: e.type });
        }
      }
    }
  }

  runtime(tenant: string): TenantRuntime {
    const r = this.tenants.get(tenant);
    if (!r) throw new UnknownTenantError(`unknown tenant "${tenant}"`);
    return r;
  }

  /**
   * Stores the resident's message and answers it, in one transaction (the row lock, the message,
   * the turn's writes): a turn that fails rolls back, and the message is then stored with an
   * apology (`answerAfterFault`), so it is never lost.
   *
   * `already`: the message as a channel stored it before answering its provider (SMS stores it,
   * with the channel's own details, under the number's lock): taken as it is, never stored twice.
   * `inbound` as a function: made from the locked conversation before anything is written; what it
   * throws is thrown, with nothing stored. As a `MessageToConversation` (the web route, by id alone):
   * stored by its turn, and refused by its `accept` (nothing kept). Otherwise (not `already`), a
   * message is also stored by its turn: inserted already answered by the turn's record statement,
   * or first when the decision reads the conversation's messages (`turn`).
   */
  async receive(conversation: ConversationRow | { id: string }, inbound: Inbound, already?: StoredInbound, ahead?: { text: string }): Promise<ReceiveResult> {
    const row = 'tenant_id' in conversation ? conversation : undefined;
    const toConversation = isToConversation(inbound) ? inbound : undefined;
    const plain = typeof inbound === 'function' || isToConversation(inbound) ? undefined : inbound;
    // Understood before the lock is taken (bot/policy.ts `understand`): the turn's transaction holds
    // the conversation's row (and, on PGlite, the whole database) only while it decides and writes.
    const aheadText = already?.message.text ?? (typeof inbound === 'function' ? ahead?.text : inbound.text);
    const aheadTenant = row?.tenant_id ?? (plain ? plain.tenant : this.tenantOf(conversation.id));
    const understood = aheadText !== undefined && aheadTenant ? await this.understandAhead(aheadTenant, normaliseInboundText(aheadText)) : undefined;
    // The LLM's answer, like the understanding, is written before the lock (never inside the turn's transaction).
    if (understood) await this.answerAhead(understood, conversation.id);
    const toStore = (m: InboundMessage) => ({
      tenant: m.tenant,
      conversationId: conversation.id,
      channel: m.channel,
      providerMessageId: m.providerMessageId,
      text: normaliseInboundText(m.text),
      parts: m.attachments?.length ? { attachments: m.attachments } : undefined,
      receivedAt: m.receivedAt,
      // Not stored with the message: it chooses this turn's language (and is saved as the conversation's).
      language: m.language,
    });
    let newMessage = plain ? toStore(plain) : undefined;
    let tenant = row?.tenant_id ?? newMessage?.tenant;
    const batch = new Batch();
    let stored = already;
    let refused: unknown;
    let state: ConversationState | undefined;
    try {
      const committed = await this.store.db.transaction().execute(async (trx): Promise<{ state: ConversationState; stored: StoredInbound } | undefined> => {
        // The message is stored by its turn, unless a channel stored it already (or it is made from the locked row).
        let inserted: MessageRow | undefined;
        let locked;
        if (!stored && typeof inbound !== 'function') {
          const toInsert = toConversation
            ? { channel: null, providerMessageId: toConversation.providerMessageId, text: normaliseInboundText(toConversation.text), receivedAt: toConversation.receivedAt }
            : { channel: newMessage!.channel, providerMessageId: newMessage!.providerMessageId, text: newMessage!.text, parts: newMessage!.parts, receivedAt: newMessage!.receivedAt };
          // Not written yet: the turn inserts it already answered (store/turns.ts `lockForInbound`).
          const both = await lockForInbound(trx, tenant, conversation.id, toInsert);
          locked = both;
          inserted = both?.inbound;
        } else {
          locked = await lockWithPending(trx, tenant, conversation.id);
        }
        if (!locked) return undefined;
        if (toConversation) {
          try {
            toConversation.accept(locked.conversation);
          } catch (err) {
            refused = err;
            throw err;
          }
          const c = locked.conversation;
          newMessage = toStore({ ...toConversation, tenant: c.tenant_id, channel: c.channel as ChannelName, channelUserId: c.channel_user_id });
        }
        if (typeof inbound === 'function') {
          try {
            newMessage = toStore(inbound(locked.conversation));
          } catch (err) {
            refused = err;
            throw err;
          }
        }
        tenant = locked.conversation.tenant_id;
        const runtime = this.runtime(tenant);
        // Stored in this transaction: if it rolls back, so does the message (answerAfterFault stores it then).
        const here = stored ?? (inserted ? { message: inserted, duplicate: false } : await storeInbound(trx, newMessage!));
        // The resident's explicit choice of language (the widget's switch, an IVR key) goes with this message's turn.
        const chosen = explicitLanguage(inbound, newMessage);
        if (chosen) batch.explicit.set(String(here.message.id), chosen);
        // A provider id already used in another conversation is not this resident's message: never
        // answer with another conversation's replies (channels scope their ids; this is the backstop).
        if (here.duplicate && here.message.conversation_id !== conversation.id) return { state: locked.conversation.state, stored: here };
        const messages = [...locked.pending];
        if (!here.duplicate && !already) messages.push(here.message);
        this.rememberTenant(conversation.id, tenant);
        const ahead = understood?.tenant === tenant ? understood : undefined;
        return { state: await this.answerAll(trx, runtime, locked.conversation, messages, batch, ahead, locked.contactLanguage), stored: here };
      });
      state = committed?.state;
      stored = committed?.stored;
    } catch (err) {
      if (refused !== undefined && err === refused) throw err;
      // A fault in one turn must not lose the message or leave the resident unanswered. The same
      // provider id stored by a turn that committed while this one waited for the lock is no fault:
      // the message is then found stored (a duplicate) with its replies, as a replay is.
      if (!isProviderIdReplay(err)) this.observer?.error(err, { tenant, conversationId: conversation.id });
      batch.clear(); // the turns rolled back: what they did never happened
      if (tenant) stored = await this.answerAfterFault(tenant, conversation.id, stored ?? newMessage);
    }
    batch.committed(this);
    if (!stored || !tenant) throw new UnknownConversationError(`no conversation ${conversation.id}`);
    const message = stored.message;
    if (stored.duplicate && message.conversation_id !== conversation.id) {
      return { duplicate: true, replies: [], messageId: message.id, state: state ?? row?.state ?? 'bot' };
    }
    const own = batch.done.get(String(message.id));
    // A duplicate (or a message a failed turn answered with an apology): the replies it was given.
    const replies = own?.replies ?? (await repliesTo(this.store.db, tenant, message.id)).map((r) => partsOf<OutboundMessage>(r) ?? { text: r.text });
    // Answered earlier (a duplicate) or by a failed turn: the state as it stands.
    state ??= (await findConversation(this.store.db, tenant, conversation.id))?.state ?? row?.state ?? 'bot';
    return {
      duplicate: stored.duplicate,
      replies,
      messageId: message.id,
      state,
      handoff: replies.find((r) => r.handoff)?.handoff,
      // This turn's own result; a duplicate's is the one recorded when it was first answered.
      ...(own ? { ...(own.action ? { action: own.action } : {}), ...(own.caseReference ? { caseReference: own.caseReference } : {}) } : turnDone(message.recognition)),
    };
  }

  /** Answers every stored, unanswered message of the conversation, oldest first. */
  async processPending(conversation: ConversationRow, runtime: TenantRuntime): Promise<void> {
    const batch = new Batch();
    try {
      await this.store.db.transaction().execute(async (trx) => {
        const locked = await lockWithPending(trx, conversation.tenant_id, conversation.id);
        if (locked) await this.answerAll(trx, runtime, locked.conversation, locked.pending, batch, undefined, locked.contactLanguage);
      });
    } catch (err) {
      this.observer?.error(err, { tenant: conversation.tenant_id, conversationId: conversation.id });
      batch.clear();
      await this.answerAfterFault(conversation.tenant_id, conversation.id);
    }
    batch.committed(this);
  }

  /** The turns of these messages, in order, under the conversation's lock; the state after them. */
  private async answerAll(trx: Db, runtime: TenantRuntime, conversation: ConversationRow, messages: MessageRow[], batch: Batch, ahead?: UnderstoodAhead, contactLanguage: string | null = null): Promise<ConversationState> {
    let current = conversation;
    for (const message of messages) current = await this.turn(trx, runtime, current, message, batch, ahead?.understood.text === message.text ? ahead : undefined, contactLanguage);
    return current.state;
  }

  /** A conversation's council, remembered from its turns (it never changes), so a web turn can be understood before its lock. */
  private readonly tenantsSeen = new Map<string, string>();

  private tenantOf(conversationId: string): string | undefined {
    if (this.tenants.size === 1) return this.tenants.keys().next().value;
    return this.tenantsSeen.get(conversationId);
  }

  private rememberTenant(conversationId: string, tenant: string): void {
    if (this.tenants.size === 1 || this.tenantsSeen.has(conversationId)) return;
    // Bounded: the oldest is forgotten (its next turn is then understood inside the transaction).
    if (this.tenantsSeen.size >= 10_000) this.tenantsSeen.delete(this.tenantsSeen.keys().next().value!);
    this.tenantsSeen.set(conversationId, tenant);
  }

  /** The message understood now, for `tenant`; undefined when that fails (the turn then tries inside, and answers any fault). */
  private async understandAhead(tenant: string, text: string): Promise<UnderstoodAhead | undefined> {
    const runtime = this.tenants.get(tenant);
    if (!runtime) return undefined;
    const now = this.clock();
    try {
      return { tenant, now, understood: await understand(runtime.understanding, text, now) };
    } catch {
      return undefined;
    }
  }

  /**
   * An answer written from the council's pages for this message, where the turn may use it
   * (`prepareAnswer` decides): the conversation and its recent messages are read without the lock,
   * so a turn running meanwhile may make it unused (the turn checks the text and its own path).
   */
  private async answerAhead(ahead: UnderstoodAhead, conversationId: string): Promise<void> {
    const runtime = this.tenants.get(ahead.tenant);
    if (!this.answerWriter || !runtime?.pack.settings.answers?.generate) return;
    try {
      const conversation = await findConversation(this.store.db, ahead.tenant, conversationId);
      if (!conversation) return;
      const history = (await transcript(this.store.db, ahead.tenant, conversationId, 500)).filter((m) => m.direction === 'in').map((m) => m.text);
      // A channel that stored the message before answering (SMS): it is the question, not its history.
      if (history.at(-1) === ahead.understood.text) history.pop();
      const dialogue: DialogueState = { ...emptyDialogue(), ...dialogueOf<DialogueState>(conversation) };
      ahead.understood.answer = await prepareAnswer(runtime, this.answerWriter, ahead.understood, { conversation, dialogue, history: history.slice(-3) });
    } catch (err) {
      // Without it the turn answers from the article, as it would without an LLM.
      this.observer?.error(err, { step: 'answer ahead', tenant: ahead.tenant, conversationId });
    }
  }

  /** @internal Publishes a committed batch's events. */
  publish(events: AssistantEvent[]): void {
    this.emit(events);
  }

  /** @internal Reports a failure of work done after a commit. */
  reportAfterCommit(err: unknown): void {
    this.observer?.error(err, { step: 'after commit' });
  }

  private async turn(trx: Db, runtime: TenantRuntime, conversation: ConversationRow, message: MessageRow, batch: Batch, ahead?: UnderstoodAhead, contactLanguage: string | null = null): Promise<ConversationRow> {
    const started = performance.now();
    // Understood ahead: at the time it was understood, so its relative dates ("today") agree with the turn's.
    const now = ahead?.now ?? this.clock();
    const dialogue: DialogueState = { ...emptyDialogue(), ...dialogueOf<DialogueState>(conversation) };
    // The turn's language (bot/i18n/choose.ts): explicit, a choice, the conversation's, the contact's, the default; a confident detection switches it.
    const settings = runtime.pack.settings;
    const bilingual = isBilingual(settings);
    const language = chooseLanguage({
      settings,
      text: message.text,
      explicit: batch.explicit.get(String(message.id)),
      conversation: conversation.language,
      contact: contactLanguage,
      inFlow: conversation.state !== 'closed' && !!dialogue.flow,
    });
    // A message not stored yet (lockForInbound) is inserted already answered by recordTurn, unless
    // the decision reads the conversation's messages (it must find this one among them: a handoff's
    // recent messages, the satisfaction question's count) or has an effect that may read them: then
    // it is stored first and, if it was read without it, decided again (the policy only reads).
    let unsaved = 'unsaved' in message ? (message as UnsavedInbound) : undefined;
    const watch = unsaved ? new WatchMessages() : undefined;
    const fresh = unsaved ? structuredClone(dialogue) : undefined;
    const decide = (db: Db, d: DialogueState) => decideTurn({
      // The policy reads and decides; a write from it is a bug, refused here (store/read-only.ts).
      db,
      runtime,
      conversation,
      dialogue: d,
      // A whole-message Welsh short answer ("Ydw", "Mynd yn ôl", "Gorffen sgwrs") is read as the English the matchers know.
      text: (bilingual && welshShortAnswer(message.text)) || message.text,
      channel: conversation.channel as ChannelName,
      now,
      understood: ahead?.understood,
      language: language.language,
      languageChoice: language.source === 'choice' || (language.source === 'explicit' && language.language !== conversation.language && !!explicitChoiceOnly(message.text)),
    });
    let result = await decide(watch ? readOnly(trx).withPlugin(watch) : readOnly(trx), dialogue);
    if (unsaved && (watch!.read || result.effects.some((e) => !EFFECTS_NOT_READING_MESSAGES.has(e.type)))) {
      await storeLockedInbound(trx, unsaved);
      unsaved = undefined;
      if (watch!.read) result = await decide(readOnly(trx), fresh!);
    }
    // Every reply says which language it is written in (voice, the widget's lang attributes).
    const replies = result.replies.map((reply) => (reply.language ? reply : { ...reply, language: language.language }));
    // The policy decided; what it decided is written here, in this turn's transaction.
    batch.afterCommit.push(...(await applyTurnEffects(trx, runtime, conversation.tenant_id, now, result.effects)));
    await recordTurn(trx, {
      tenant: conversation.tenant_id,
      conversationId: conversation.id,
      messageId: message.id,
      channel: message.channel,
      recognition: result.recognition,
      dialogue: result.dialogue,
      replies: replies.map((reply) => ({ author: 'bot', text: reply.text, parts: reply })),
      now,
      // Saved with the dialogue (no statement of its own), and remembered on the contact when chosen or detected.
      language: language.language,
      rememberLanguage: language.remember,
      inbound: unsaved,
    });
    batch.done.set(String(message.id), { ...turnDone(result.recognition), replies });
    const h = result.recognition.handoff as Omit<Extract<AssistantEvent, { type: 'handoff' }>, 'type' | 'tenant' | 'conversationId' | 'handoffId'> & { id: string } | undefined;
    // The state changes through the lifecycle: a message after a close starts afresh, then the policy's move applies.
    let state = conversation.state;
    if (state === 'closed') state = (await transition(trx, conversation, 'bot', 'message_after_close', { now, actor: RESIDENT })).to;
    const move = result.move;
    if (move && move.to !== state) {
      state = (await transition(trx, { ...conversation, state }, move.to, move.cause, { now, actor: RESIDENT, handoffId: move.handoffId })).to;
    }
    this.observer?.turn(conversation.tenant_id, message.channel, String(result.recognition.action ?? 'none'), performance.now() - started);
    if (h) batch.events.push({ type: 'handoff', tenant: conversation.tenant_id, conversationId: conversation.id, handoffId: h.id, reason: h.reason, priority: h.priority, queue: h.queue, service: h.service, ooh: h.ooh, escalated: h.escalated });
    batch.events.push({ type: 'activity', tenant: conversation.tenant_id, conversationId: conversation.id, state });
    return { ...conversation, state, dialogue: result.dialogue, language: language.language };
  }

  /**
   * After a failed turn (rolled back): every unanswered message gets an apology, and `inbound`, the
   * message being received when it failed, is stored first if it was not. Returns it as stored.
   */
  private async answerAfterFault(tenant: string, conversationId: string, inbound?: StoredInbound | Parameters<typeof storeInbound>[1]): Promise<StoredInbound | undefined> {
    return this.store.db.transaction().execute(async (trx) => {
      const locked = await lockWithPending(trx, tenant, conversationId);
      if (!locked) return undefined;
      let stored = inbound && 'message' in inbound ? inbound : undefined;
      const pending = [...locked.pending];
      if (inbound && !stored) {
        stored = await storeInbound(trx, inbound as Parameters<typeof storeInbound>[1]);
        if (!stored.duplicate) pending.push(stored.message);
      }
      for (const message of pending) {
        // In the conversation's language, as far as it is known.
        const lang: Language = locked.conversation.language === 'cy' ? 'cy' : 'en';
        const m = messagesIn(lang);
        const reply: OutboundMessage = { text: m.fault, suggestions: [m.talkToPerson], language: lang };
        await recordTurn(trx, {
          tenant,
          conversationId,
          messageId: message.id,
          channel: message.channel,
          recognition: { action: 'fault' },
          dialogue: dialogueOf(locked.conversation),
          replies: [{ author: 'system', text: reply.text, parts: reply, status: 'fault' }],
          now: this.clock(),
        });
      }
      return stored;
    });
  }
}

/**
 * Effects whose writes (bot/effects.ts and the store functions it calls) neither read `messages`
 * nor refer to a message: a turn with only these may insert its message after them, answered. Any
 * other (the satisfaction question's, which reads the conversation's messages, or one added later)
 * has the message stored first.
 */
const EFFECTS_NOT_READING_MESSAGES = new Set<TurnEffect['type']>([
  'create_handoff',
  'escalate_handoff',
  'annotate_handoff',
  'resolve_handoff',
  'abandon_handoff',
  'create_case',
  'repeat_report',
  'update_contact',
  'claim_contact',
  'claim_code_attempt',
  'link_phone_claim',
  'create_callback',
  'cancel_callback',
  'case_updates',
  'article_feedback',
  'audit',
]);

/**
 * Notes whether a query reads the `messages` table (by name, in a built query or a `sql` template),
 * for a turn whose message is not stored yet. Any doubt counts as a read: the message is then
 * stored first, as it always was.
 */
class WatchMessages implements KyselyPlugin {
  read = false;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!this.read && /\bmessages\b/.test(JSON.stringify(args.node))) this.read = true;
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/** A unique violation of the messages' provider id: the same message stored by a turn that committed while this one waited. */
function isProviderIdReplay(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return !!e && e.code === '23505' && e.constraint === 'messages_provider_id';
}

/** A message understood before its turn's transaction, for one council at one time. */
interface UnderstoodAhead {
  tenant: string;
  now: Date;
  understood: Understood;
}

/** What one transaction's turns produced: their results, and what runs only once it has committed. */
class Batch {
  readonly done = new Map<string, TurnDone & { replies: OutboundMessage[] }>();
  /** Message id → the language the resident chose explicitly with it (InboundMessage.language). */
  readonly explicit = new Map<string, Language>();
  readonly events: AssistantEvent[] = [];
  readonly afterCommit: (() => void)[] = [];

  clear(): void {
    this.done.clear();
    this.events.length = 0;
    this.afterCommit.length = 0;
  }

  committed(assistant: Assistant): void {
    for (const run of this.afterCommit) {
      try {
        run();
      } catch (err) {
        assistant.reportAfterCommit(err);
      }
    }
    assistant.publish(this.events);
  }
}

/** The explicit language of the message being received: the channel's InboundMessage, however it was given. */
function explicitLanguage(inbound: Inbound, built: { language?: Language } | undefined): Language | undefined {
  if (typeof inbound !== 'function') return inbound.language;
  return built?.language;
}

/** An explicit switch sent with a message that is only the language's name is acknowledged like a typed choice. */
function explicitChoiceOnly(text: string): boolean {
  return /^(cymraeg|english|saesneg|welsh)$/i.test(text.trim());
}
