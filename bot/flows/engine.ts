import type { Entity } from '../../intents/index.js';
import type { Flow, FlowStep, Settings } from '../content-pack/index.js';
import type { ActiveFlow, LocationValue, SlotValue } from '../dialogue.js';
import { clean, command, matchChoice, parseNumber, yesNo } from '../matching.js';
import type { AskFor, ChannelName, OutboundMessage, Suggestion } from '../messages.js';
import type { GazetteerPort } from '../ports.js';
import { addressSuggestions, resolveLocation } from './location.js';
import { formatDate } from '../replies.js';
import { fillTemplate, wordingFor } from './wording.js';

export interface FlowContext {
  flow: Flow;
  settings: Settings;
  gazetteer: GazetteerPort;
  channel: ChannelName;
  entities: Entity[];
}

export type FlowTurn =
  /** The flow asked its next question (or re-asked). */
  | { kind: 'continue'; state: ActiveFlow; replies: OutboundMessage[] }
  /** Everything is collected and confirmed: the caller creates the case or runs the lookup. */
  | { kind: 'complete'; state: ActiveFlow; replies: OutboundMessage[] }
  | { kind: 'cancelled'; replies: OutboundMessage[] }
  /** The answer did not fit the question; the caller may treat it as a new question. */
  | { kind: 'unrecognised'; state: ActiveFlow; replies: OutboundMessage[] }
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

const YES_NO: Suggestion[] = [
  { label: 'Yes', value: 'Yes' },
  { label: 'No', value: 'No' },
];

export function startFlow(ctx: FlowContext, firstMessageEntities: Entity[]): FlowTurn {
  const state: ActiveFlow = { id: ctx.flow.id, phase: 'steps', slots: {}, answered: [], attempts: 0 };
  prefill(state, ctx, firstMessageEntities);
  const next = ask(state, ctx);
  // By SMS a lone "CANCEL" is an opt-out keyword at Twilio, so texters are told a longer phrase.
  const commands = ctx.channel === 'sms' ? 'Reply "go back" to change an answer, or "cancel report" to stop.' : 'You can say "cancel", "go back" or "start again" at any time.';
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
          text: 'Would you like updates about this report? If so, I will ask for a phone number or email address, used only for this report.',
          askFor: 'yes_no',
          suggestions: [
            { label: 'Yes, send me updates', value: 'Yes' },
            { label: 'No thanks', value: 'No' },
          ],
        }),
      ],
    };
  }
  if (state.phase === 'contact_detail') {
    return {
      kind: 'continue',
      state,
      replies: [withPreface({ text: 'What is the best mobile number or email address for updates?', askFor: 'phone' })],
    };
  }
  return { kind: 'continue', state, replies: [withPreface(confirmation(state, ctx))] };
}

function promptFor(step: FlowStep, state: ActiveFlow, ctx: FlowContext, overrideText?: string): OutboundMessage {
  const text = overrideText ?? wordingFor(step.prompt, ctx.channel);
  const suggestions: Suggestion[] = [];
  if (step.type === 'choice') suggestions.push(...step.options!.map((o) => ({ label: o.label, value: o.label })));
  if (step.type === 'yes_no') suggestions.push(...YES_NO);
  if (step.type === 'location' && state.addressChoices?.length) suggestions.push(...addressSuggestions(ctx.gazetteer, state.addressChoices));
  if (step.optional) suggestions.push({ label: 'Skip this question', value: 'Skip' });
  if (state.answered.length > 0) suggestions.push({ label: 'Go back', value: 'Go back' });
  return { text, askFor: step.type === 'location' && state.addressChoices?.length ? 'choice' : ASK_FOR[step.type], ...(suggestions.length ? { suggestions } : {}) };
}

export function describeSlot(value: SlotValue | undefined, step?: FlowStep): string {
  if (value === undefined || value === '') return 'not given';
  if (typeof value === 'object') return (value as LocationValue).label;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (step?.type === 'choice') return step.options?.find((o) => o.value === value)?.label ?? String(value);
  if (step?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

function confirmation(state: ActiveFlow, ctx: FlowContext): OutboundMessage {
  const lines = ctx.flow.steps
    .filter((s) => state.answered.includes(s.slot) && state.slots[s.slot] !== '')
    .map((s) => `- ${questionLabel(s)}: ${describeSlot(state.slots[s.slot], s)}`);
  if (state.contact?.consent) lines.push(`- Contact for updates: ${state.contact.phone ?? state.contact.email}`);
  return {
    text: `Please check your report: ${ctx.flow.title}\n${lines.join('\n')}\n\nShall I send it?`,
    askFor: 'yes_no',
    suggestions: [
      { label: 'Yes, send it', value: 'Yes' },
      { label: 'Go back', value: 'Go back' },
      { label: 'Cancel', value: 'Cancel' },
    ],
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
  if (cmd === 'cancel') return { kind: 'cancelled', replies: [{ text: `OK, I've cancelled that. Nothing has been sent. Is there anything else I can help with?` }] };
  if (cmd === 'restart') {
    const fresh: ActiveFlow = { id: state.id, phase: 'steps', slots: {}, answered: [], attempts: 0 };
    return ask(fresh, ctx, "OK, let's start again.");
  }
  if (cmd === 'person') return { kind: 'person', state, replies: [] };
  if (cmd === 'back') return goBack(state, ctx);

  if (state.phase === 'contact_consent') {
    const yn = yesNo(text) ?? (cmd === 'skip' ? false : null);
    const direct = contactFrom(ctx.entities);
    if (direct) {
      state.contact = { ...direct, consent: true };
      state.phase = 'confirm';
      return ask(state, ctx);
    }
    if (yn === null) return retry(state, ctx, 'Please answer yes or no.');
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
        return ask(state, ctx, 'No problem, no contact details then.');
      }
      return retry(state, ctx, 'That does not look like a phone number or email address. Please try again, or say "skip".');
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
        replies: [{ text: 'What would you like to do?', suggestions: [{ label: 'Go back', value: 'Go back' }, { label: 'Start again', value: 'Start again' }, { label: 'Cancel', value: 'Cancel' }] }],
      };
    }
    return retry(state, ctx, 'Please say yes to send the report, "go back" to change an answer, or "cancel".');
  }

  const step = currentStep(state, ctx.flow);
  if (!step) return ask(state, ctx);
  if (cmd === 'skip' && step.optional) return accept(state, step, '', ctx);
  // "No" to an optional "anything else?" question means nothing to add.
  if (step.optional && step.type === 'text' && yesNo(text) === false && clean(text).split(' ').length <= 3) return accept(state, step, '', ctx);
  if (cmd === 'skip') return retry(state, ctx, 'I need an answer to this one to send the report.', step);

  const value = readAnswer(step, text, state, ctx);
  if (value.kind === 'value') return accept(state, step, value.value, ctx);
  if (value.kind === 'reply') {
    state.attempts = 0;
    return { kind: 'continue', state, replies: [value.reply] };
  }
  state.attempts++;
  const help = step.help ? wordingFor(step.help, ctx.channel) : null;
  const hint = value.hint ?? help ?? "Sorry, I didn't catch that.";
  const again = promptFor(step, state, ctx, state.attempts >= 2 && help ? `${help}\n\n${wordingFor(step.prompt, ctx.channel)}` : `${hint} ${wordingFor(step.prompt, ctx.channel)}`);
  return { kind: 'unrecognised', state, replies: [again] };
}

type Answer = { kind: 'value'; value: SlotValue } | { kind: 'reply'; reply: OutboundMessage } | { kind: 'invalid'; hint?: string };

function readAnswer(step: FlowStep, text: string, state: ActiveFlow, ctx: FlowContext): Answer {
  const t = clean(text);
  switch (step.type) {
    case 'location': {
      const outcome = resolveLocation(text, ctx.entities, state, ctx.gazetteer, step.allowDescription, ctx.settings.shortName);
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
      return {
        kind: 'invalid',
        hint: step.allowDescription
          ? "I couldn't find that address. Try a postcode, a street address, or describe the place."
          : "I couldn't find that address in our records. Try the postcode, or the house number and street.",
      };
    }
    case 'choice': {
      const o = matchChoice(text, step.options!);
      return o ? { kind: 'value', value: o.value } : { kind: 'invalid', hint: 'Please choose one of the options.' };
    }
    case 'yes_no': {
      const yn = yesNo(text);
      return yn === null ? { kind: 'invalid', hint: 'Please answer yes or no.' } : { kind: 'value', value: yn ? 'yes' : 'no' };
    }
    case 'date': {
      const d = ctx.entities.find((e) => e.type === 'date');
      if (d) return { kind: 'value', value: d.value };
      return { kind: 'invalid', hint: 'Please give a date, like "today", "last Tuesday" or "12/11".' };
    }
    case 'phone': {
      const p = ctx.entities.find((e) => e.type === 'phone');
      return p ? { kind: 'value', value: p.value } : { kind: 'invalid', hint: 'That does not look like a UK phone number.' };
    }
    case 'email': {
      const e = ctx.entities.find((x) => x.type === 'email');
      return e ? { kind: 'value', value: e.value } : { kind: 'invalid', hint: 'That does not look like an email address.' };
    }
    case 'number': {
      const n = parseNumber(text);
      return n !== null && n > 0 ? { kind: 'value', value: n } : { kind: 'invalid', hint: 'Please give a number.' };
    }
    case 'text': {
      const min = step.minLength ?? 2;
      return t.length >= min ? { kind: 'value', value: text.trim().slice(0, 1000) } : { kind: 'invalid', hint: 'Please tell me a little more.' };
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
    return ask(state, ctx, 'OK, going back.');
  }
  if (state.phase === 'confirm' && state.contact && ctx.flow.outcome.type === 'case') {
    delete state.contact;
    state.phase = 'contact_consent';
    return ask(state, ctx, 'OK, going back.');
  }
  const last = state.answered.pop();
  if (!last) return ask(state, ctx, "That's the first question.");
  delete state.slots[last];
  state.phase = 'steps';
  return ask(state, ctx, 'OK, going back.');
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
