import type { Entity } from '../../intents/index.js';
import type { Flow, FlowStep, Settings } from '../content-pack/index.js';
import type { ActiveFlow, LocationValue, SlotValue } from '../dialogue.js';
import { clean, command, matchChoice, ordinal, parseNumber, yesNo } from '../matching.js';
import type { AskFor, ChannelName, Language, OutboundMessage, Suggestion } from '../messages.js';
import { messagesIn } from '../i18n/index.js';
import type { GazetteerPort } from '../ports.js';
import { addressSuggestions, resolveLocation } from './location.js';
import { questionStrength } from './questions.js';
import { formatDate } from '../replies.js';
import { fillTemplate, wordingFor } from './wording.js';

export interface FlowContext {
  flow: Flow;
  settings: Settings;
  gazetteer: GazetteerPort;
  channel: ChannelName;
  entities: Entity[];
  /** The turn's language: the flow's own words come with the (localised) flow, the engine's fixed words from bot/i18n. */
  language?: Language;
}

/** The engine's fixed words in the turn's language. */
function words(ctx: FlowContext) {
  return messagesIn(ctx.language).flow;
}

export type FlowTurn =
  /** The flow asked its next question (or re-asked). */
  | { kind: 'continue'; state: ActiveFlow; replies: OutboundMessage[] }
  /** Everything is collected and confirmed: the caller creates the case or runs the lookup. */
  | { kind: 'complete'; state: ActiveFlow; replies: OutboundMessage[] }
  | { kind: 'cancelled'; replies: OutboundMessage[] }
  /** The answer did not fit the question; the caller may treat it as a new question. */
  | { kind: 'unrecognised'; state: ActiveFlow; replies: OutboundMessage[] }
  /** A question about the report ("can I send a photo?"), not an answer: nothing stored; the caller answers it, then asks `replies` again. */
  | { kind: 'question'; state: ActiveFlow; replies: OutboundMessage[] }
  | { kind: 'person'; state: ActiveFlow; replies: OutboundMessage[] };

const ASK_FOR: Record<FlowStep['type'], AskFor> = {
  location: 'address',
  choice: 'choice',
  yes_no: 'yes_no',
  date: 'date',
  text: 'free_text',
  phone: 'phone',
  email: 'email',
  number: 'free_text',
};


export function startFlow(ctx: FlowContext, firstMessageEntities: Entity[]): FlowTurn {
  const state: ActiveFlow = { id: ctx.flow.id, phase: 'steps', slots: {}, answered: [], attempts: 0 };
  prefill(state, ctx, firstMessageEntities);
  const next = ask(state, ctx);
  // By SMS a lone "CANCEL" is an opt-out keyword at Twilio, so texters are told a longer phrase.
  const commands = ctx.channel === 'sms' ? words(ctx).commandsSms : words(ctx).commands;
  const intro = ctx.flow.intro ? `${ctx.flow.intro} ${commands}` : '';
  if (intro && next.replies.length) next.replies[0] = { ...next.replies[0], text: `${intro}\n\n${next.replies[0].text}` };
  return next;
}

/** Answers already given in the first message ("my green bin wasn't emptied at 12 Elm Grove") are not asked again. */
function prefill(state: ActiveFlow, ctx: FlowContext, entities: Entity[]): void {
  for (const step of ctx.flow.steps) {
    if (step.type === 'location') {
      const address = entities.find((e) => e.type === 'address' && e.confidence >= 0.85);
      const a = address && ctx.gazetteer.byUprn(address.value);
      if (a) {
        state.slots[step.slot] = {
          kind: 'address', label: ctx.gazetteer.label(a), uprn: a.uprn, usrn: a.usrn, postcode: a.postcode, lat: a.lat, lng: a.lng,
        };
        state.answered.push(step.slot);
      }
    } else if (step.type === 'choice' && step.options) {
      const bin = entities.find((e) => e.type === 'bin_type');
      const option = bin && step.options.find((o) => o.value === bin.value);
      if (option) {
        state.slots[step.slot] = option.value;
        state.answered.push(step.slot);
      }
    }
  }
}

/** The question the flow is waiting on, asked again (after an aside). */
export function repeatQuestion(state: ActiveFlow, ctx: FlowContext): OutboundMessage[] {
  return ask(state, ctx).replies;
}

export function currentStep(state: ActiveFlow, flow: Flow): FlowStep | undefined {
  return flow.steps.find((s) => !state.answered.includes(s.slot) && conditionHolds(s, state));
}

function conditionHolds(step: FlowStep, state: ActiveFlow): boolean {
  if (!step.when) return true;
  const v = state.slots[step.when.slot];
  return v !== undefined && step.when.in.includes(String(v));
}

/** Produces the next question for the state, moving through contact and confirmation phases. */
function ask(state: ActiveFlow, ctx: FlowContext, preface?: string): FlowTurn {
  const withPreface = (m: OutboundMessage): OutboundMessage => (preface ? { ...m, text: `${preface}\n\n${m.text}` } : m);
  if (state.phase === 'steps') {
    const step = currentStep(state, ctx.flow);
    if (step) return { kind: 'continue', state, replies: [withPreface(promptFor(step, state, ctx))] };
    if (ctx.flow.outcome.type === 'lookup') return { kind: 'complete', state, replies: [] };
    state.phase = 'contact_consent';
  }
  if (state.phase === 'contact_consent') {
    return {
      kind: 'continue',
      state,
      replies: [
        withPreface({
          text: words(ctx).updatesQuestion,
          askFor: 'yes_no',
          suggestions: [words(ctx).updatesYes, words(ctx).noThanks],
        }),
      ],
    };
  }
  if (state.phase === 'contact_detail') {
    return {
      kind: 'continue',
      state,
      replies: [withPreface({ text: words(ctx).contactQuestion, askFor: 'phone' })],
    };
  }
  return { kind: 'continue', state, replies: [withPreface(confirmation(state, ctx))] };
}

function promptFor(step: FlowStep, state: ActiveFlow, ctx: FlowContext, overrideText?: string): OutboundMessage {
  const text = overrideText ?? wordingFor(step.prompt, ctx.channel);
  const suggestions: Suggestion[] = [];
  if (step.type === 'choice') suggestions.push(...step.options!.map((o) => ({ label: o.label, value: o.label })));
  if (step.type === 'yes_no') suggestions.push(...messagesIn(ctx.language).yesNo);
  if (step.type === 'location' && state.addressChoices?.length) suggestions.push(...addressSuggestions(ctx.gazetteer, state.addressChoices, ctx.language));
  if (step.optional) suggestions.push(words(ctx).skip);
  if (state.answered.length > 0) suggestions.push(words(ctx).goBack);
  return { text, askFor: step.type === 'location' && state.addressChoices?.length ? 'choice' : ASK_FOR[step.type], ...(suggestions.length ? { suggestions } : {}) };
}

/** An answer as words: in `language` for the resident's check; English (the default) for case details staff read. */
export function describeSlot(value: SlotValue | undefined, step?: FlowStep, language?: Language): string {
  const w = messagesIn(language).flow;
  if (value === undefined || value === '') return w.notGiven;
  if (typeof value === 'object') return (value as LocationValue).label;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (step?.type === 'choice') return step.options?.find((o) => o.value === value)?.label ?? String(value);
  if (step?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, undefined, language);
  return String(value);
}

function confirmation(state: ActiveFlow, ctx: FlowContext): OutboundMessage {
  const lines = ctx.flow.steps
    .filter((s) => state.answered.includes(s.slot) && state.slots[s.slot] !== '')
    .map((s) => `- ${questionLabel(s)}: ${describeSlot(state.slots[s.slot], s, ctx.language)}`);
  const w = words(ctx);
  if (state.contact?.consent) lines.push(w.contactLine(state.contact.phone ?? state.contact.email ?? ''));
  return {
    text: w.check(ctx.flow.title, lines.join('\n')),
    askFor: 'yes_no',
    suggestions: [w.sendIt, w.goBack, w.cancel],
  };
}

/** A short label for a step in summaries: the prompt's first clause, without the question mark. */
function questionLabel(step: FlowStep): string {
  const p = typeof step.prompt === 'string' ? step.prompt : step.prompt.default;
  let first = p.split(/[?.]/)[0].trim();
  if (first.length > 60) first = first.split(/,| or /)[0].trim();
  if (first.length > 60) first = `${first.slice(0, 57).replace(/\s+\S*$/, '')}…`;
  return first;
}

/** Values of the collected slots as text, for case summaries and handoff context. */
export function slotLabels(state: ActiveFlow, flow: Flow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of flow.steps) if (s.slot in state.slots) out[s.slot] = describeSlot(state.slots[s.slot], s);
  return out;
}

export function caseSummary(state: ActiveFlow, flow: Flow): string {
  return flow.outcome.type === 'case' ? fillTemplate(flow.outcome.summary, slotLabels(state, flow)) : flow.title;
}

export function continueFlow(state: ActiveFlow, text: string, ctx: FlowContext): FlowTurn {
  const cmd = command(text);
  const w = words(ctx);
  if (cmd === 'cancel') return { kind: 'cancelled', replies: [{ text: w.cancelled }] };
  if (cmd === 'restart') {
    const fresh: ActiveFlow = { id: state.id, phase: 'steps', slots: {}, answered: [], attempts: 0 };
    return ask(fresh, ctx, w.restart);
  }
  if (cmd === 'person') return { kind: 'person', state, replies: [] };
  if (cmd === 'back') return goBack(state, ctx);
  // A question is never stored as an answer, however freely a step may be answered (issue 17).
  const asked = questionStrength(text);
  if (asked && !answersPending(state, text, ctx, asked)) return { kind: 'question', state, replies: ask(state, ctx).replies };

  if (state.phase === 'contact_consent') {
    const yn = yesNo(text) ?? (cmd === 'skip' ? false : null);
    const direct = contactFrom(ctx.entities);
    if (direct) {
      state.contact = { ...direct, consent: true };
      state.phase = 'confirm';
      return ask(state, ctx);
    }
    if (yn === null) return retry(state, ctx, w.yesOrNo);
    state.attempts = 0;
    if (yn) {
      state.phase = 'contact_detail';
    } else {
      state.contact = { consent: false };
      state.phase = 'confirm';
    }
    return ask(state, ctx);
  }
  if (state.phase === 'contact_detail') {
    const contact = contactFrom(ctx.entities);
    if (!contact) {
      if (cmd === 'skip' || yesNo(text) === false) {
        state.contact = { consent: false };
        state.phase = 'confirm';
        return ask(state, ctx, w.noContact);
      }
      return retry(state, ctx, w.badContact);
    }
    state.contact = { ...contact, consent: true };
    state.phase = 'confirm';
    state.attempts = 0;
    return ask(state, ctx);
  }
  if (state.phase === 'confirm') {
    const yn = yesNo(text);
    if (yn === true) return { kind: 'complete', state, replies: [] };
    if (yn === false) {
      return {
        kind: 'continue',
        state,
        replies: [{ text: w.whatNow, suggestions: [w.goBack, w.startAgain, w.cancel] }],
      };
    }
    return retry(state, ctx, w.confirmRetry);
  }

  const step = currentStep(state, ctx.flow);
  if (!step) return ask(state, ctx);
  if (cmd === 'skip' && step.optional) return accept(state, step, '', ctx);
  // "No" to an optional "anything else?" question means nothing to add.
  if (step.optional && step.type === 'text' && yesNo(text) === false && clean(text).split(' ').length <= 3) return accept(state, step, '', ctx);
  if (cmd === 'skip') return retry(state, ctx, w.needAnswer, step);

  const value = readAnswer(step, text, state, ctx);
  if (value.kind === 'value') return accept(state, step, value.value, ctx);
  if (value.kind === 'reply') {
    state.attempts = 0;
    return { kind: 'continue', state, replies: [value.reply] };
  }
  state.attempts++;
  const help = step.help ? wordingFor(step.help, ctx.channel) : null;
  const hint = value.hint ?? help ?? w.didntCatch;
  const again = promptFor(step, state, ctx, state.attempts >= 2 && help ? `${help}\n\n${wordingFor(step.prompt, ctx.channel)}` : `${hint} ${wordingFor(step.prompt, ctx.channel)}`);
  return { kind: 'unrecognised', state, replies: [again] };
}

type Answer = { kind: 'value'; value: SlotValue } | { kind: 'reply'; reply: OutboundMessage } | { kind: 'invalid'; hint?: string };

/**
 * Whether a message worded as a question still answers the pending question: a yes or no, a phone
 * number, a valid choice or date. Where a step takes free text, only what free text cannot fake
 * counts: an address found in the gazetteer (a street too, when only a question mark made it look
 * like a question); a text step's answer only when it ends with "?" without being worded as a question.
 */
function answersPending(state: ActiveFlow, text: string, ctx: FlowContext, asked: 'strong' | 'weak'): boolean {
  if (state.phase === 'contact_consent') return yesNo(text) !== null || contactFrom(ctx.entities) !== null;
  if (state.phase === 'contact_detail') return contactFrom(ctx.entities) !== null;
  if (state.phase === 'confirm') return yesNo(text) !== null;
  const step = currentStep(state, ctx.flow);
  if (!step) return true;
  if (step.type === 'text') return asked === 'weak';
  // "How big does it need to be?" names an option's synonym ("big") without choosing it: only a number or an option's own name counts.
  if (step.type === 'choice' && asked === 'strong') return ordinal(text) !== null || step.options!.some((o) => clean(text) === clean(o.label) || clean(text) === clean(o.value));
  const trial = readAnswer(step, text, structuredClone(state), ctx);
  if (step.type === 'location') {
    if (trial.kind === 'reply') return asked === 'weak';
    if (trial.kind !== 'value') return false;
    const where = trial.value as LocationValue;
    return where.kind === 'address' || (where.kind === 'street' && asked === 'weak');
  }
  return trial.kind === 'value';
}

function readAnswer(step: FlowStep, text: string, state: ActiveFlow, ctx: FlowContext): Answer {
  const t = clean(text);
  switch (step.type) {
    case 'location': {
      const outcome = resolveLocation(text, ctx.entities, state, ctx.gazetteer, step.allowDescription, ctx.language === 'cy' ? (ctx.settings.welsh?.shortName ?? ctx.settings.shortName) : ctx.settings.shortName, ctx.language);
      if (outcome.kind === 'resolved') {
        delete state.addressChoices;
        delete state.streetHint;
        return { kind: 'value', value: outcome.value };
      }
      if (outcome.kind === 'choose') {
        state.addressChoices = outcome.choices.map((a) => a.uprn);
        return { kind: 'reply', reply: promptFor(step, state, ctx, outcome.text) };
      }
      if (outcome.kind === 'ask') {
        delete state.addressChoices;
        if (outcome.streetHint) state.streetHint = outcome.streetHint;
        return { kind: 'reply', reply: promptFor(step, state, ctx, outcome.text) };
      }
      return { kind: 'invalid', hint: step.allowDescription ? words(ctx).addressOrPlace : words(ctx).addressOnly };
    }
    case 'choice': {
      const o = matchChoice(text, step.options!);
      return o ? { kind: 'value', value: o.value } : { kind: 'invalid', hint: words(ctx).chooseOption };
    }
    case 'yes_no': {
      const yn = yesNo(text);
      return yn === null ? { kind: 'invalid', hint: words(ctx).yesOrNo } : { kind: 'value', value: yn ? 'yes' : 'no' };
    }
    case 'date': {
      const d = ctx.entities.find((e) => e.type === 'date');
      if (d) return { kind: 'value', value: d.value };
      return { kind: 'invalid', hint: words(ctx).giveDate };
    }
    case 'phone': {
      const p = ctx.entities.find((e) => e.type === 'phone');
      return p ? { kind: 'value', value: p.value } : { kind: 'invalid', hint: words(ctx).notUkPhone };
    }
    case 'email': {
      const e = ctx.entities.find((x) => x.type === 'email');
      return e ? { kind: 'value', value: e.value } : { kind: 'invalid', hint: words(ctx).notEmail };
    }
    case 'number': {
      const n = parseNumber(text);
      return n !== null && n > 0 ? { kind: 'value', value: n } : { kind: 'invalid', hint: words(ctx).giveNumber };
    }
    case 'text': {
      const min = step.minLength ?? 2;
      return t.length >= min ? { kind: 'value', value: text.trim().slice(0, 1000) } : { kind: 'invalid', hint: words(ctx).tellMore };
    }
  }
}

function accept(state: ActiveFlow, step: FlowStep, value: SlotValue, ctx: FlowContext): FlowTurn {
  state.slots[step.slot] = value;
  state.answered.push(step.slot);
  state.attempts = 0;
  // An answer can change which later steps apply; drop answers to steps whose condition no longer holds.
  for (const s of ctx.flow.steps) {
    if (s.when && state.answered.includes(s.slot) && !conditionHolds(s, state)) {
      state.answered = state.answered.filter((x) => x !== s.slot);
      delete state.slots[s.slot];
    }
  }
  return ask(state, ctx);
}

function goBack(state: ActiveFlow, ctx: FlowContext): FlowTurn {
  state.attempts = 0;
  delete state.addressChoices;
  delete state.streetHint;
  if (state.phase === 'contact_detail') {
    state.phase = 'contact_consent';
    return ask(state, ctx, words(ctx).goingBack);
  }
  if (state.phase === 'confirm' && state.contact && ctx.flow.outcome.type === 'case') {
    delete state.contact;
    state.phase = 'contact_consent';
    return ask(state, ctx, words(ctx).goingBack);
  }
  const last = state.answered.pop();
  if (!last) return ask(state, ctx, words(ctx).firstQuestion);
  delete state.slots[last];
  state.phase = 'steps';
  return ask(state, ctx, words(ctx).goingBack);
}

function retry(state: ActiveFlow, ctx: FlowContext, hint: string, step?: FlowStep): FlowTurn {
  state.attempts++;
  const turn = ask(state, ctx);
  const replies = turn.replies.map((r, i) => (i === 0 ? { ...r, text: `${hint}\n\n${r.text}` } : r));
  return { kind: 'unrecognised', state, replies: step ? [promptFor(step, state, ctx, `${hint} ${wordingFor(step.prompt, ctx.channel)}`)] : replies };
}

function contactFrom(entities: Entity[]): { phone?: string; email?: string } | null {
  const phone = entities.find((e) => e.type === 'phone')?.value;
  const email = entities.find((e) => e.type === 'email')?.value;
  return phone || email ? { ...(phone ? { phone } : {}), ...(email ? { email } : {}) } : null;
}
