import { describeHours } from '../handoff/index.js';
import type { Settings } from './content-pack/index.js';
import type { OutboundMessage, Suggestion } from './messages.js';

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

export function riskToLifeSignposting(s: Settings): OutboundMessage {
  const e = s.emergency;
  return {
    text:
      `I'm really sorry you're going through this. If you or someone else is in immediate danger, call ${e.emergencyServices ?? '999'} now.\n\n` +
      `You can talk to Samaritans any time, day or night, free on ${e.samaritans ?? '116 123'}. ` +
      `For urgent mental health help, call NHS ${e.nhs ?? '111'} and choose option 2.\n\n` +
      `I'm passing this conversation to a member of our team now as a priority.`,
    speech:
      `I'm really sorry you're going through this. If you or someone else is in immediate danger, call 9 9 9 now. ` +
      `You can talk to Samaritans any time, free, on 1 1 6, 1 2 3. I'm passing you to a member of our team now.`,
  };
}

export function safeguardingSignposting(s: Settings): OutboundMessage {
  const e = s.emergency;
  return {
    text:
      `Thank you for telling us. If anyone is in immediate danger, call ${e.emergencyServices ?? '999'} now.\n\n` +
      `Worried about a child: call our children's services on ${e.childrenSocialCare}. Worried about an adult: call ${e.adultSocialCare}. ` +
      `Out of hours, call the duty team on ${e.outOfHoursDuty ?? s.contact.outOfHoursPhone}. ` +
      (e.domesticAbuseHelpline ? `The National Domestic Abuse Helpline is free, 24 hours: ${e.domesticAbuseHelpline}.\n\n` : '\n\n') +
      `I'm passing this conversation to our safeguarding team now as a priority.`,
  };
}

export function handoffMessage(s: Settings, queueName: string, open: boolean, urgent: boolean, waitSeconds: number | null = null): string {
  if (open) {
    const wait =
      waitSeconds === null
        ? ' Everyone is busy at the moment, so it may take a little longer than usual.'
        : waitSeconds < 90
          ? ' The wait is about a minute.'
          : ` The wait is about ${Math.round(waitSeconds / 60)} minutes.`;
    return `I'm passing you to our ${queueName} team. A member of staff will reply here, and they can see this conversation, so you won't need to repeat yourself.${urgent ? ' You are at the front of the queue.' : wait}`;
  }
  return (
    `Our advisers are available ${describeHours(s.openingHours)}, so nobody is here right now. I've passed your message to the ${queueName} team, and someone will reply here when they are back. ` +
    `You can also ask for a call-back, or leave it with the team. If it is urgent, call ${s.contact.outOfHoursPhone}.`
  );
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

export function formatDate(d: Date | string, timeZone = 'Europe/London'): string {
  const date = typeof d === 'string' ? new Date(`${d.slice(0, 10)}T12:00:00Z`) : d;
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(date);
}
