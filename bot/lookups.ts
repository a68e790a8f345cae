import type { Flow } from './content-pack/index.js';
import type { ActiveFlow, LocationValue } from './dialogue.js';
import type { OutboundMessage } from './messages.js';
import type { GazetteerPort } from './ports.js';
import { formatDate } from './replies.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** ISO week number: week A rounds are collected on even weeks, week B on odd weeks. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
}

/** The next date (today included) falling on the weekday, optionally on the rota's week parity. */
export function nextCollection(now: Date, weekday: string, week?: string): Date {
  const target = WEEKDAYS.findIndex((d) => d.toLowerCase() === weekday.toLowerCase());
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12));
  for (let i = 0; i < 21; i++) {
    if (d.getUTCDay() === target && (!week || (isoWeek(d) % 2 === 0) === (week.toUpperCase() === 'A'))) return d;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d;
}

export function binDayAnswer(state: ActiveFlow, flow: Flow, g: GazetteerPort, now: Date, timeZone: string): OutboundMessage {
  const slot = flow.steps.find((s) => s.type === 'location')?.slot ?? 'location';
  const location = state.slots[slot] as LocationValue | undefined;
  const address = location?.uprn ? g.byUprn(location.uprn) : undefined;
  if (!address) {
    return { text: "I couldn't find collection details for that address. Please check the address, or ask to talk to a person." };
  }
  const general = nextCollection(now, address.binDay, address.binWeek);
  const recycling = nextCollection(now, address.binDay, address.binWeek === 'A' ? 'B' : 'A');
  return {
    text:
      `Bins at ${g.label(address)} are collected on ${address.binDay}s. Food waste caddies go out every week.\n` +
      `- Next general rubbish (green bin): ${formatDate(general, timeZone)}\n` +
      `- Next recycling (blue bin): ${formatDate(recycling, timeZone)}\n` +
      `Please put bins out by 6am on collection day.`,
    suggestions: [{ label: 'Report a missed bin', value: 'Report a missed bin' }],
  };
}
