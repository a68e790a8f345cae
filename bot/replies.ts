import { formatPhone, type RiskKind } from '../intents/index.js';
import type { Settings } from './content-pack/index.js';
import type { Signpost } from './content-pack/schemas.js';
import { clean } from './matching.js';
import type { ChannelName, Language, OutboundMessage, Suggestion } from './messages.js';
import { hoursIn, isBilingual, messagesIn, offeredLanguages, type Messages } from './i18n/index.js';

/**
 * Fixed wording of the assistant, in one place so content editors and translators can find it;
 * the words themselves, in English and Welsh, are in bot/i18n/catalogue.ts. Each reply takes the
 * turn's language (English when not given).
 */

export const POPULAR_TASKS: Suggestion[] = messagesIn('en').popularTasks;

/** The council's and the assistant's names in `lang` (Welsh names from `settings.welsh`, else the English ones). */
export function namesIn(s: Settings, lang: Language | null | undefined): { councilName: string; shortName: string; assistantName: string } {
  const welsh = (s as { welsh?: { councilName: string; shortName: string; assistantName: string } }).welsh;
  if (lang === 'cy' && welsh) return welsh;
  return { councilName: s.councilName, shortName: s.shortName, assistantName: s.assistant.name };
}

/**
 * The first message. A council offering English and Welsh (`settings.languages`), asked without a
 * language (a new conversation), greets in both, Welsh first as the Welsh Language Standards
 * expect, and offers "Cymraeg" / "English" first; otherwise in `lang`, with the popular tasks.
 */
export function greeting(s: Settings, lang?: Language): OutboundMessage {
  if (!lang && isBilingual(s)) {
    const cy = messagesIn('cy');
    const en = messagesIn('en');
    const cyNames = namesIn(s, 'cy');
    return {
      text: `${cy.greetingIntro(cyNames.assistantName, cyNames.councilName)} ${cy.languageQuestion}\n\n${en.greetingIntro(s.assistant.name, s.councilName)} ${en.languageQuestion}`,
      // The choice first; then the popular tasks in the council's default language, for a resident who just starts.
      suggestions: [{ label: 'Cymraeg', value: 'Cymraeg' }, { label: 'English', value: 'English' }, ...messagesIn(offeredLanguages(s)[0]).popularTasks],
    };
  }
  const m = messagesIn(lang);
  const names = namesIn(s, lang);
  return {
    text: `${m.greetingIntro(names.assistantName, names.councilName)} ${m.helpQuestion}`,
    suggestions: m.popularTasks,
  };
}

/** After "Cymraeg" or "English": the assistant carries on in that language, with the popular tasks. */
export function languageChosen(lang: Language): OutboundMessage {
  const m = messagesIn(lang);
  return { text: `${m.languageChosen} ${m.helpQuestion}`, suggestions: m.popularTasks, language: lang };
}

export function goodbye(lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).goodbye };
}

/** Who to call when a council's pack names nobody for a kind of risk: national services, then the council's own lines. */
export function defaultSignposting(s: Settings, lang?: Language): Record<RiskKind, Signpost[]> {
  const e = s.emergency;
  const m = messagesIn(lang);
  const n = m.signpostNames;
  const note = m.signpostNotes;
  const short = namesIn(s, lang).shortName;
  const nines = e.emergencyServices ?? '999';
  const duty = e.outOfHoursDuty ?? s.contact.outOfHoursPhone;
  const council = (name: (council: string) => string, number: string | undefined, what: string): Signpost[] => (number ? [{ name: name(short), number, note: what }] : []);
  const outOfHours = council(m.councilTeams.duty, duty, note.outOfHours);
  return {
    suicide_self_harm: [
      { name: n.emergency, number: nines, note: note.lifeAtRisk },
      { name: n.samaritans, number: e.samaritans ?? '116 123', note: note.anyTime },
      { name: n.shout, number: '85258', note: note.shout },
      { name: n.nhs, number: e.nhs ?? '111', note: note.nhsMentalHealth },
    ],
    danger_now: [{ name: n.emergency, number: nines, note: note.hurtOrDanger }],
    fire_gas_co: [
      { name: n.emergency, number: nines, note: note.fire },
      {
        name: n.gas,
        number: '0800 111 999',
        note: note.gas,
        match: [...m.gasWords],
      },
    ],
    crime_violence: [{ name: n.police, number: nines, note: note.crime }],
    domestic_abuse: [
      { name: n.emergency, number: nines, note: note.youInDanger },
      { name: n.domesticAbuse, number: e.domesticAbuseHelpline ?? '0808 2000 247', note: note.helpline },
    ],
    child_at_risk: [
      { name: n.emergency, number: nines, note: note.childDanger },
      ...council(m.councilTeams.children, e.childrenSocialCare, note.officeHours),
      ...outOfHours,
      { name: n.nspcc, number: '0808 800 5000', note: note.nspcc },
    ],
    adult_at_risk: [
      { name: n.emergency, number: nines, note: note.someoneDanger },
      ...council(m.councilTeams.adults, e.adultSocialCare, note.officeHours),
      ...outOfHours,
    ],
  };
}

/**
 * A pack's own signposting entry said in Welsh: its name and note where they are the wordings the
 * assistant knows (the national services, the council's teams, "Monday to Friday, 8:30am to 5pm"),
 * else as the pack gives them.
 */
function inWelsh(s: Settings, p: Signpost): Signpost {
  const en = messagesIn('en');
  const cy = messagesIn('cy');
  const short = s.shortName;
  const cyShort = namesIn(s, 'cy').shortName;
  const known = new Map<string, string>();
  for (const key of Object.keys(en.signpostNames) as (keyof Messages['signpostNames'])[]) known.set(en.signpostNames[key], cy.signpostNames[key]);
  for (const key of Object.keys(en.signpostNotes) as (keyof Messages['signpostNotes'])[]) known.set(en.signpostNotes[key], cy.signpostNotes[key]);
  for (const key of Object.keys(en.councilTeams) as (keyof Messages['councilTeams'])[]) known.set(en.councilTeams[key](short), cy.councilTeams[key](cyShort));
  known.set(en.signpostExtras.silentCall, cy.signpostExtras.silentCall);
  known.set(en.signpostExtras.emergencyDuty(short), cy.signpostExtras.emergencyDuty(cyShort));
  const say = (t: string) => known.get(t) ?? weekdayHours(t) ?? t;
  return { ...p, name: say(p.name), ...(p.note ? { note: say(p.note) } : {}), ...(p.match ? { match: [...new Set([...p.match, ...(p.match.includes('gas') ? cy.gasWords : [])])] } : {}) };
}

const DAYS_CY: Record<string, string> = { Monday: 'Llun', Tuesday: 'Mawrth', Wednesday: 'Mercher', Thursday: 'Iau', Friday: 'Gwener', Saturday: 'Sadwrn', Sunday: 'Sul' };

/** "Monday to Friday, 8:30am to 5pm" → "o ddydd Llun i ddydd Gwener, 8:30yb tan 5yh"; null for anything else. */
function weekdayHours(t: string): string | null {
  const m = /^(\w+day) to (\w+day), (\d{1,2}(?::\d{2})?)(am|pm) to (\d{1,2}(?::\d{2})?)(am|pm)$/.exec(t);
  if (!m || !DAYS_CY[m[1]] || !DAYS_CY[m[2]]) return null;
  const period = (p: string) => (p === 'am' ? 'yb' : 'yh');
  return `o ddydd ${DAYS_CY[m[1]]} i ddydd ${DAYS_CY[m[2]]}, ${m[3]}${period(m[4])} tan ${m[5]}${period(m[6])}`;
}

/** The kind's services in the order to name them: the pack's (or the defaults), an entry matching the message first. */
export function signpostsFor(s: Settings, kind: RiskKind, text = '', lang?: Language): Signpost[] {
  const own = s.signposting?.[kind];
  const list = own ? (lang === 'cy' ? own.map((p) => inWelsh(s, p)) : own) : defaultSignposting(s, lang)[kind];
  const t = ` ${clean(text)} `;
  const matches = (p: Signpost) => (p.match ?? []).some((w) => t.includes(` ${clean(w)} `));
  return [...list.filter(matches), ...list.filter((p) => !matches(p))];
}

/** A number read digit by digit, its groups apart: "0800 111 999" → "0 8 0 0, 1 1 1, 9 9 9". */
export function spokenNumber(number: string): string {
  return number
    .replace(/^\+/, 'plus ')
    .split(/\s+/)
    .filter(Boolean)
    .map((g) => (g === 'plus' ? g : g.split('').join(' ')))
    .join(', ')
    .replace(/^plus, /, 'plus ');
}



/**
 * What will happen next, decided when the safety handoff is made (bot/policy.ts): a person here
 * now, the duty officer being alerted, or nobody reachable through this chat right now.
 */
export type SafetyRoute = 'agent' | 'duty' | 'none';

/** The reply to a safety disclosure: the kind's services, the right one first, then only what will really happen. */
export function safetyReply(s: Settings, kind: RiskKind, route: SafetyRoute, at: { open: boolean; text?: string; language?: Language }): OutboundMessage {
  const m = messagesIn(at.language);
  const services = signpostsFor(s, kind, at.text, at.language);
  const lines = services.map((p) => `- ${p.name}: ${p.number}${p.note ? `, ${p.note}` : ''}`);
  const spoken = services.map((p) => `${p.name}: ${spokenNumber(p.number)}${p.note ? `, ${p.note}` : ''}.`);
  const councilLine = at.open ? s.contact.phone : s.contact.outOfHoursPhone;
  const w = m.safetyNext;
  let next: string;
  let nextSpoken: string;
  if (route === 'agent') {
    next = w.agent;
    nextSpoken = w.agentSpoken;
  } else if (route === 'duty') {
    next = w.duty;
    nextSpoken = w.dutySpoken;
  } else if (at.open) {
    next = w.noneOpen(councilLine);
    nextSpoken = w.noneOpenSpoken(spokenNumber(councilLine));
  } else {
    next = w.noneClosed(councilLine, hoursIn(at.language, s.openingHours));
    nextSpoken = w.noneClosedSpoken(spokenNumber(councilLine));
  }
  const opening = m.safetyOpening[kind];
  return {
    text: `${opening}\n\n${lines.join('\n')}\n\n${next}`,
    speech: `${opening} ${spoken.join(' ')} ${nextSpoken}`,
  };
}

/**
 * Asked once when the classifier is unsure about safety and the screen is silent. For a message the assistant cannot read (a
 * script or language it does not read: `unreadable`), it says so in plain English first, and that 999 can find an interpreter.
 */
export function dangerQuestion(s: Settings, opts: { unreadable?: boolean; language?: Language; kind?: RiskKind; text?: string } = {}): OutboundMessage {
  const nines = s.emergency.emergencyServices ?? '999';
  const m = messagesIn(opts.language);
  const d = m.danger;
  if (opts.unreadable) {
    return {
      text: `${d.unreadable}\n\n${d.question}\n\n${d.call(nines)} ${d.interpreter}`,
      speech: `${d.unreadableSpoken} ${d.question} ${d.call(spokenNumber(nines))} ${d.interpreter}`,
      suggestions: m.dangerYesNo,
      askFor: 'yes_no',
    };
  }
  const lead = opts.kind && opts.kind in d.helpline ? d.helpline[opts.kind as keyof typeof d.helpline] : undefined;
  const helpline = lead ? signpostsFor(s, opts.kind!, opts.text, opts.language).find((p) => p.number.replace(/\s/g, '') !== nines.replace(/\s/g, '')) : undefined;
  const note = helpline?.note ? `, ${helpline.note}` : '';
  return {
    text: `${d.question}\n\n${d.call(nines)}${helpline ? `\n\n${lead}\n- ${helpline.name}: ${helpline.number}${note}` : ''}`,
    speech: `${d.question} ${d.call(spokenNumber(nines))}${helpline ? ` ${lead} ${helpline.name}: ${spokenNumber(helpline.number)}${note}.` : ''}`,
    suggestions: m.dangerYesNo,
    askFor: 'yes_no',
  };
}

/** The chat was ended by the resident; a safety conversation keeps its numbers in sight. */
export function chatEnded(s: Settings, channel: ChannelName, stillSeen: boolean, lang?: Language): OutboundMessage {
  const c = messagesIn(lang).chatEnded;
  const again = channel === 'sms' ? c.againSms : channel === 'voice' ? c.againVoice : c.againChat;
  const nines = s.emergency.emergencyServices ?? '999';
  const safety = stillSeen ? c.stillSeen(nines) : '';
  const safetySpoken = stillSeen ? c.stillSeen(spokenNumber(nines)) : '';
  return {
    text: `${c.ended}${safety} ${again}`,
    speech: `${c.endedSpoken}${safetySpoken} ${channel === 'voice' ? again : ''}`.trim(),
  };
}

/**
 * A handoff that is not about safety. In hours: an agent can take it now, or it waits in the
 * queue (said so). Out of hours: the team sees it when back. Never a person or call-back that no
 * route delivers. `speech` is the same for a phone call, without chat-only offers.
 */
export function handoffMessage(
  s: Settings,
  queueName: string,
  open: boolean,
  urgent: boolean,
  waitSeconds: number | null = null,
  agentNow = true,
  lang?: Language,
): OutboundMessage {
  const h = messagesIn(lang).handoff;
  if (open && agentNow) {
    const wait = waitSeconds === null ? h.busy : waitSeconds < 90 ? h.aboutAMinute : h.aboutMinutes(Math.round(waitSeconds / 60));
    return { text: `${h.passing(queueName)}${urgent ? h.front : wait}` };
  }
  if (open) {
    return {
      text: h.nobodyFree(queueName, s.contact.phone),
      speech: h.nobodyFreeSpoken(queueName, spokenNumber(s.contact.phone)),
    };
  }
  const hours = hoursIn(lang, s.openingHours);
  return {
    text: h.closed(hours, queueName, s.contact.outOfHoursPhone),
    speech: h.closedSpoken(hours, queueName, spokenNumber(s.contact.outOfHoursPhone)),
  };
}

export const OUT_OF_HOURS_OPTIONS: Suggestion[] = messagesIn('en').outOfHoursOptions;

export const FEEDBACK_SUGGESTIONS: Suggestion[] = messagesIn('en').feedbackSuggestions;

export function offerPerson(prefix: string, lang?: Language): OutboundMessage {
  const m = messagesIn(lang);
  // Welsh after a clause ending in a comma ("Os ydw i wedi camddeall,") carries on in lower case.
  const question = lang === 'cy' && prefix.trim().endsWith(',') ? m.offerPerson.question.replace(/^./, (c) => c.toLowerCase()) : m.offerPerson.question;
  return {
    text: `${prefix} ${question}`,
    suggestions: [m.talkToPerson, m.offerPerson.tryAgain],
  };
}

/** One formatter per time zone, built once (issue 11: one per call showed in the turn's profile). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(d: Date | string, timeZone = 'Europe/London', lang?: Language): string {
  const date = typeof d === 'string' ? new Date(`${d.slice(0, 10)}T12:00:00Z`) : d;
  const locale = lang === 'cy' ? 'cy' : 'en-GB';
  const key = `${locale} ${timeZone}`;
  let f = dateFormatters.get(key);
  if (!f) dateFormatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' })));
  // Welsh day names start a sentence only: "erbyn dydd Llun, 7 Rhagfyr".
  return lang === 'cy' ? f.format(date).replace(/^Dydd/, 'dydd') : f.format(date);
}

/** How many tries a texted code allows, and how long it lasts. */
export const CODE_ATTEMPTS = 5;
export const CODE_MINUTES = 10;

/** After a number is given in chat and a code was queued to it: said only when the text is on its way. */
export function codeOffered(phone: string, lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).codes.offered(formatPhone(phone), CODE_MINUTES) };
}

/** A correct code: the chat is linked with the number's texts and calls. */
export function codeLinked(phone: string, lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).codes.linked(formatPhone(phone)) };
}

/** A wrong code, with the tries left (none: the code no longer works). */
export function codeWrong(triesLeft: number, lang?: Language): OutboundMessage {
  const c = messagesIn(lang).codes;
  return { text: triesLeft > 0 ? c.wrong(triesLeft) : c.wrongLast };
}

export function codeExpired(lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).codes.expired };
}

export function codeUsedUp(lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).codes.usedUp };
}

export function codeAlreadyUsed(lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).codes.alreadyUsed };
}

export function codeNotSentYet(lang?: Language): OutboundMessage {
  return { text: messagesIn(lang).codes.notSentYet };
}
