import type { Flow } from './content-pack/index.js';
import type { ActiveFlow, LocationValue } from './dialogue.js';
import { messagesIn } from './i18n/index.js';
import type { Language, OutboundMessage } from './messages.js';
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

/** The weekday names of the gazetteer's bin days in Welsh, after "bob" ("every"): bob dydd Llun. */
const WELSH_DAYS: Record<string, string> = {
  sunday: 'dydd Sul',
  monday: 'dydd Llun',
  tuesday: 'dydd Mawrth',
  wednesday: 'dydd Mercher',
  thursday: 'dydd Iau',
  friday: 'dydd Gwener',
  saturday: 'dydd Sadwrn',
};

/** The bin-day lookup's words; the dates come from formatDate in the same language. */
const WORDS = {
  en: {
    notFound: "I couldn't find collection details for that address. Please check the address, or ask to talk to a person.",
    collected: (where: string, day: string) => `Bins at ${where} are collected on ${day}s. Food waste caddies go out every week.`,
    general: (date: string) => `- Next general rubbish (green bin): ${date}`,
    recycling: (date: string) => `- Next recycling (blue bin): ${date}`,
    putOut: 'Please put bins out by 6am on collection day.',
  },
  cy: {
    notFound: "Doeddwn i ddim yn gallu dod o hyd i fanylion casglu ar gyfer y cyfeiriad hwnnw. Gwiriwch y cyfeiriad, neu gofynnwch am gael siarad â pherson.",
    collected: (where: string, day: string) => `Mae'r biniau yn ${where} yn cael eu casglu bob ${WELSH_DAYS[day.toLowerCase()] ?? day}. Mae cadis gwastraff bwyd yn cael eu casglu bob wythnos.`,
    general: (date: string) => `- Y casgliad sbwriel cyffredinol nesaf (bin gwyrdd): ${date}`,
    recycling: (date: string) => `- Y casgliad ailgylchu nesaf (bin glas): ${date}`,
    putOut: "Rhowch eich biniau allan erbyn 6am ar y diwrnod casglu.",
  },
} satisfies Record<Language, unknown>;

export function binDayAnswer(state: ActiveFlow, flow: Flow, g: GazetteerPort, now: Date, timeZone: string, lang: Language = 'en'): OutboundMessage {
  const w = WORDS[lang] ?? WORDS.en;
  const slot = flow.steps.find((s) => s.type === 'location')?.slot ?? 'location';
  const location = state.slots[slot] as LocationValue | undefined;
  const address = location?.uprn ? g.byUprn(location.uprn) : undefined;
  if (!address) return { text: w.notFound };
  const general = nextCollection(now, address.binDay, address.binWeek);
  const recycling = nextCollection(now, address.binDay, address.binWeek === 'A' ? 'B' : 'A');
  // "Report a missed bin" is the popular task's own button, in the same language.
  const missed = messagesIn(lang).popularTasks[0];
  return {
    text: `${w.collected(g.label(address), address.binDay)}\n${w.general(formatDate(general, timeZone, lang))}\n${w.recycling(formatDate(recycling, timeZone, lang))}\n${w.putOut}`,
    suggestions: [missed],
  };
}
