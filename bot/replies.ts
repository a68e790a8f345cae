import { describeHours } from '../handoff/index.js';
import type { RiskKind } from '../intents/index.js';
import type { Settings } from './content-pack/index.js';
import type { Signpost } from './content-pack/schemas.js';
import { clean } from './matching.js';
import type { ChannelName, OutboundMessage, Suggestion } from './messages.js';

/** Fixed wording of the assistant, in one place so content editors and translators can find it. */

export const POPULAR_TASKS: Suggestion[] = [
  { label: 'Report a missed bin', value: 'Report a missed bin' },
  { label: 'When is my bin day?', value: 'When is my bin day?' },
  { label: 'Report a pothole', value: 'Report a pothole' },
  { label: 'Pay my council tax', value: 'How do I pay my council tax?' },
  { label: 'Talk to a person', value: 'Talk to a person' },
];

export function greeting(s: Settings): OutboundMessage {
  return {
    text: `Hello, I'm the ${s.assistant.name}, ${s.councilName}'s online assistant. I can answer questions, report problems like missed bins or potholes, and put you through to our team. What can I help with?`,
    suggestions: POPULAR_TASKS,
  };
}

export function goodbye(): OutboundMessage {
  return { text: "You're welcome. If you need anything else, just type it here. Goodbye for now." };
}

/** Who to call when a council's pack names nobody for a kind of risk: national services, then the council's own lines. */
export function defaultSignposting(s: Settings): Record<RiskKind, Signpost[]> {
  const e = s.emergency;
  const nines = e.emergencyServices ?? '999';
  const duty = e.outOfHoursDuty ?? s.contact.outOfHoursPhone;
  const council = (name: string, number: string | undefined, note: string): Signpost[] => (number ? [{ name: `${s.shortName} ${name}`, number, note }] : []);
  const outOfHours = council('out-of-hours duty team', duty, 'evenings, weekends and bank holidays');
  return {
    suicide_self_harm: [
      { name: 'Emergency services', number: nines, note: 'if a life is at risk now' },
      { name: 'Samaritans', number: e.samaritans ?? '116 123', note: 'free, any time, day or night' },
      { name: 'Shout', number: '85258', note: 'text SHOUT, free, any time' },
      { name: 'NHS', number: e.nhs ?? '111', note: 'choose option 2 for urgent mental health help' },
    ],
    danger_now: [{ name: 'Emergency services', number: nines, note: 'if someone is hurt or in danger now' }],
    fire_gas_co: [
      { name: 'Emergency services', number: nines, note: 'for a fire, or if anyone is unwell' },
      {
        name: 'National Gas Emergency',
        number: '0800 111 999',
        note: 'for a smell of gas or carbon monoxide: leave the building, do not use switches or flames, and call from outside',
        match: ['gas', 'carbon monoxide', 'monoxide', 'co alarm', 'fumes', 'boiler'],
      },
    ],
    crime_violence: [{ name: 'Police', number: nines, note: 'if a crime is happening now or someone is in danger' }],
    domestic_abuse: [
      { name: 'Emergency services', number: nines, note: 'if you are in danger now' },
      { name: 'National Domestic Abuse Helpline', number: e.domesticAbuseHelpline ?? '0808 2000 247', note: 'free, 24 hours, confidential' },
    ],
    child_at_risk: [
      { name: 'Emergency services', number: nines, note: 'if a child is in immediate danger' },
      ...council("children's services", e.childrenSocialCare, 'in office hours'),
      ...outOfHours,
      { name: 'NSPCC', number: '0808 800 5000', note: 'free advice if you are worried about a child' },
    ],
    adult_at_risk: [
      { name: 'Emergency services', number: nines, note: 'if someone is in immediate danger' },
      ...council('adult social care', e.adultSocialCare, 'in office hours'),
      ...outOfHours,
    ],
  };
}

/** The kind's services in the order to name them: the pack's (or the defaults), an entry matching the message first. */
export function signpostsFor(s: Settings, kind: RiskKind, text = ''): Signpost[] {
  const list = s.signposting?.[kind] ?? defaultSignposting(s)[kind];
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


const OPENING: Record<RiskKind, string> = {
  suicide_self_harm: "I'm really sorry you're going through this. You don't have to face it alone, and you can talk to someone now.",
  danger_now: 'This sounds like an emergency. If someone is hurt or in danger, get help now.',
  fire_gas_co: 'Please get everyone to safety first.',
  crime_violence: 'If this is happening now, please get help straight away.',
  domestic_abuse: "Thank you for telling us. You're not alone, and help is available.",
  child_at_risk: "Thank you for telling us. A child's safety comes first.",
  adult_at_risk: 'Thank you for telling us. Please get help for them now.',
};

/**
 * What will happen next, decided when the safety handoff is made (bot/policy.ts): a person here
 * now, the duty officer being alerted, or nobody reachable through this chat right now.
 */
export type SafetyRoute = 'agent' | 'duty' | 'none';

/** The reply to a safety disclosure: the kind's services, the right one first, then only what will really happen. */
export function safetyReply(s: Settings, kind: RiskKind, route: SafetyRoute, at: { open: boolean; text?: string }): OutboundMessage {
  const services = signpostsFor(s, kind, at.text);
  const lines = services.map((p) => `- ${p.name}: ${p.number}${p.note ? `, ${p.note}` : ''}`);
  const spoken = services.map((p) => `${p.name}: ${spokenNumber(p.number)}${p.note ? `, ${p.note}` : ''}.`);
  const councilLine = at.open ? s.contact.phone : s.contact.outOfHoursPhone;
  let next: string;
  let nextSpoken: string;
  if (route === 'agent') {
    next = 'A member of our team is here and will join this conversation now.';
    nextSpoken = 'A member of our team is here and will join you now.';
  } else if (route === 'duty') {
    next = "I'm alerting the council's duty officer now; I'll tell you here once they've been reached.";
    nextSpoken = "I'm alerting the council's duty officer now.";
  } else if (at.open) {
    next =
      `Nobody from our team is free to join this chat right now, so please don't wait for a reply here: call the numbers above, or the council on ${councilLine}. ` +
      'Your message is at the front of our queue and the team will see it.';
    nextSpoken = `Nobody from our team is free right now, so please call the numbers I've given you, or the council on ${spokenNumber(councilLine)}.`;
  } else {
    next =
      `Nobody from the council can be reached through this chat right now. Please call the numbers above, or the council's out-of-hours line on ${councilLine}. ` +
      `Our team will see your message when they are back (${describeHours(s.openingHours)}).`;
    nextSpoken = `Nobody from the council can be reached through this call right now. Please call the numbers I've given you, or the council's out-of-hours line on ${spokenNumber(councilLine)}.`;
  }
  return {
    text: `${OPENING[kind]}\n\n${lines.join('\n')}\n\n${next}`,
    speech: `${OPENING[kind]} ${spoken.join(' ')} ${nextSpoken}`,
  };
}

/**
 * Asked once when the classifier is unsure about safety and the screen is silent. For a message the assistant cannot read (a
 * script or language it does not read: `unreadable`), it says so in plain English first, and that 999 can find an interpreter.
 */
export function dangerQuestion(s: Settings, opts: { unreadable?: boolean } = {}): OutboundMessage {
  const nines = s.emergency.emergencyServices ?? '999';
  if (opts.unreadable) {
    return {
      text: `Sorry, I may not have understood that: I read English best.\n\nIs anyone in danger right now?\n\nIf someone is in danger, call ${nines}. They can find an interpreter.`,
      speech: `Sorry, I may not have understood that: I understand English best. Is anyone in danger right now? If someone is in danger, call ${spokenNumber(nines)}. They can find an interpreter.`,
      suggestions: [
        { label: 'Yes', value: 'Yes' },
        { label: 'No', value: 'No' },
      ],
      askFor: 'yes_no',
    };
  }
  return {
    text: `Is anyone in danger right now?\n\nIf someone is in danger, call ${nines}.`,
    speech: `Is anyone in danger right now? If someone is in danger, call ${spokenNumber(nines)}.`,
    suggestions: [
      { label: 'Yes', value: 'Yes' },
      { label: 'No', value: 'No' },
    ],
    askFor: 'yes_no',
  };
}

/** The chat was ended by the resident; a safety conversation keeps its numbers in sight. */
export function chatEnded(s: Settings, channel: ChannelName, stillSeen: boolean): OutboundMessage {
  const again =
    channel === 'sms' ? 'If you need us again, just send a new text.' : channel === 'voice' ? 'Thank you for calling. Goodbye.' : 'If you need us again, you can start a new chat.';
  const nines = s.emergency.emergencyServices ?? '999';
  const safety = stillSeen ? ` Our team can still see what you told us. If anyone is in danger, call ${nines}.` : '';
  const safetySpoken = stillSeen ? ` Our team can still see what you told us. If anyone is in danger, call ${spokenNumber(nines)}.` : '';
  return {
    text: `You've ended this chat.${safety} ${again}`,
    speech: `You've ended this conversation.${safetySpoken} ${channel === 'voice' ? again : ''}`.trim(),
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
): OutboundMessage {
  if (open && agentNow) {
    const wait =
      waitSeconds === null
        ? ' Everyone is busy at the moment, so it may take a little longer than usual.'
        : waitSeconds < 90
          ? ' The wait is about a minute.'
          : ` The wait is about ${Math.round(waitSeconds / 60)} minutes.`;
    const text = `I'm passing you to our ${queueName} team. A member of staff will reply here, and they can see this conversation, so you won't need to repeat yourself.${urgent ? ' You are at the front of the queue.' : wait}`;
    return { text };
  }
  if (open) {
    return {
      text:
        `Nobody in our ${queueName} team is free to reply right now. I've put your conversation in their queue, so they will see it and can reply here; ` +
        `they can see this conversation, so you won't need to repeat yourself. If it is urgent, call ${s.contact.phone}.`,
      speech: `Nobody in our ${queueName} team is free right now. I've put your message in their queue. If it is urgent, call ${spokenNumber(s.contact.phone)}.`,
    };
  }
  const hours = describeHours(s.openingHours);
  return {
    text:
      `Our advisers are available ${hours}, so nobody is here right now. I've passed your message to the ${queueName} team, who will see it when they are back and can reply here. ` +
      `You can also ask for a call-back. If it is urgent, call ${s.contact.outOfHoursPhone}.`,
    speech: `Our advisers are available ${hours}, so nobody is here right now. I've passed your message to the ${queueName} team, who will see it when they are back. If it is urgent, call ${spokenNumber(s.contact.outOfHoursPhone)}.`,
  };
}

export const OUT_OF_HOURS_OPTIONS: Suggestion[] = [
  { label: 'Ask for a call-back', value: 'Please call me back' },
  { label: 'Leave my message for the team', value: "That's fine, I'll wait" },
];

export const FEEDBACK_SUGGESTIONS: Suggestion[] = [
  { label: 'Yes, it helped', value: 'Yes, it helped' },
  { label: "No, it didn't help", value: "No, it didn't help" },
];

export function offerPerson(prefix: string): OutboundMessage {
  return {
    text: `${prefix} Would you like to talk to a member of our team?`,
    suggestions: [
      { label: 'Talk to a person', value: 'Talk to a person' },
      { label: "No, I'll try again", value: "No, I'll rephrase" },
    ],
  };
}

/** One formatter per time zone, built once (issue 11: one per call showed in the turn's profile). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(d: Date | string, timeZone = 'Europe/London'): string {
  const date = typeof d === 'string' ? new Date(`${d.slice(0, 10)}T12:00:00Z`) : d;
  let f = dateFormatters.get(timeZone);
  if (!f) dateFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' })));
  return f.format(date);
}

/** How many tries a texted code allows, and how long it lasts. */
export const CODE_ATTEMPTS = 5;
export const CODE_MINUTES = 10;

/** A UK number as residents write it (07700 900123); any other as given. */
function ukNumber(phone: string): string {
  const national = /^\+44(\d{10})$/.exec(phone.replace(/\s/g, ''));
  return national ? `0${national[1].slice(0, 4)} ${national[1].slice(4)}` : phone;
}

/** After a number is given in chat and a code was queued to it: said only when the text is on its way. */
export function codeOffered(phone: string): OutboundMessage {
  return {
    text:
      `We can link this chat with your texts and calls from ${ukNumber(phone)}: reply with the 6-digit code we've just texted you. ` +
      `It lasts ${CODE_MINUTES} minutes. If you'd rather not, just carry on.`,
  };
}

/** A correct code: the chat is linked with the number's texts and calls. */
export function codeLinked(phone: string): OutboundMessage {
  return { text: `Thank you, that's the right code. This chat is now linked with your texts and calls from ${ukNumber(phone)}, so our team sees them together.` };
}

/** A wrong code, with the tries left (none: the code no longer works). */
export function codeWrong(triesLeft: number): OutboundMessage {
  return {
    text:
      triesLeft > 0
        ? `That code doesn't match, so nothing has been linked. Please check the text and try again (${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left).`
        : "That code doesn't match, and that was the last try, so this chat has not been linked. Everything else carries on as before.",
  };
}

export function codeExpired(): OutboundMessage {
  return { text: 'That code has expired, so this chat has not been linked. Everything else carries on as before.' };
}

export function codeUsedUp(): OutboundMessage {
  return { text: 'There have been too many tries at that code, so it no longer works and this chat has not been linked.' };
}

export function codeAlreadyUsed(): OutboundMessage {
  return { text: 'That code has already been used. It only works once; this chat was linked when it was first given.' };
}

export function codeNotSentYet(): OutboundMessage {
  return { text: "The text with your code hasn't gone yet. Please wait for it, then reply with the code." };
}
