/**
 * Dates and times in words, resolved against "now" in the council's time zone:
 * "yesterday", "tomorrow morning", "last Tuesday", "on Monday", "12/11" (UK day/month),
 * "12th November", "3 days ago", "last week", "at 7pm", "19:30".
 * value = ISO date; detail.time = "morning" | "afternoon" | "evening" | "night" | "HH:MM".
 */
import { wordTable } from '../word-table.js';
import type { Entity } from '../types.js';

export interface DateContext {
  now?: Date;
  /** IANA zone; "today" is the calendar day there. Default Europe/London. */
  timeZone?: string;
}

/** A calendar day, held as midnight UTC so arithmetic ignores clock changes. */
type Day = Date;

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_ALIASES: Record<string, number> = wordTable({
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, weds: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
});
const MONTHS: Record<string, number> = wordTable({
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6,
  jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
  // Welsh
  ionawr: 1, chwefror: 2, mawrth: 3, ebrill: 4, mai: 5, mehefin: 6, gorffennaf: 7, awst: 8, medi: 9,
  hydref: 10, tachwedd: 11, rhagfyr: 12,
});
const SMALL_NUMBERS: Record<string, number> = wordTable({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, couple: 2, 'a couple of': 2, 'couple of': 2, 'a few': 3, few: 3,
});
const ORDINAL_WORDS: Record<string, number> = wordTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty first': 21, 'twenty second': 22, 'twenty third': 23, 'twenty fourth': 24,
  'twenty fifth': 25, 'twenty sixth': 26, 'twenty seventh': 27, 'twenty eighth': 28,
  'twenty ninth': 29, thirtieth: 30, 'thirty first': 31,
});

const alt = (words: string[]) => words.sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '[\\s-]')).join('|');
const MONTH_RE = alt(Object.keys(MONTHS));
const WEEKDAY_FULL_RE = alt(WEEKDAYS);
const WEEKDAY_ANY_RE = alt(Object.keys(WEEKDAY_ALIASES));
const ORDINAL_WORD_RE = alt(Object.keys(ORDINAL_WORDS));
const DAY_NUM = String.raw`(\d{1,2})(?:st|nd|rd|th)?|(${ORDINAL_WORD_RE})`;
const COUNT_RE = String.raw`(\d{1,3}|a\s+couple\s+of|couple\s+of|a\s+few|${alt(Object.keys(SMALL_NUMBERS).filter((w) => !w.includes(' ')))})`;

// --- calendar arithmetic -------------------------------------------------------------------

/** Today's calendar day in `timeZone`. */
// Building an Intl formatter costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The last answer per time zone, for its quarter hour: every zone's offset is a whole number of
 * quarter hours, so the local date changes only on a quarter-hour boundary (formatToParts showed in
 * a turn's profile: a message's date entities ask for today several times).
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const lastToday = new Map<string, { quarter: number; day: Day }>();

export function localToday(now: Date = new Date(), timeZone = 'Europe/London'): Day {
  const quarter = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  const last = lastToday.get(timeZone);
  if (last && last.quarter === quarter) return new Date(last.day.getTime());
  const day = computeToday(now, timeZone);
  lastToday.set(timeZone, { quarter, day });
  return new Date(day.getTime());
}

function computeToday(now: Date, timeZone: string): Day {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
}

const addDays = (d: Day, n: number): Day => new Date(d.getTime() + n * DAY_MS);
const iso = (d: Day): string => d.toISOString().slice(0, 10);

function makeDay(y: number, m: number, d: number): Day | null {
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? day : null;
}

/** A day and month without a year: the occurrence nearest to today (12/01 in November is next January). */
function nearestYear(today: Day, m: number, d: number): Day | null {
  const y = today.getUTCFullYear();
  const options = [y - 1, y, y + 1].map((yy) => makeDay(yy, m, d)).filter((x): x is Day => x !== null);
  options.sort((a, b) => Math.abs(a.getTime() - today.getTime()) - Math.abs(b.getTime() - today.getTime()));
  return options[0] ?? null;
}

function mondayOf(d: Day): Day {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}

function parseCount(raw: string): number {
  const s = raw.toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(s) ? Number(s) : SMALL_NUMBERS[s] ?? 1;
}

function parseDayNumber(digits: string | undefined, word: string | undefined): number {
  if (digits) return Number(digits);
  return ORDINAL_WORDS[(word ?? '').toLowerCase().replace(/[\s-]+/g, ' ')] ?? NaN;
}

// --- tense, for a bare weekday ("on Monday") -------------------------------------------------

const PAST_CUE = /\b(?:was|wasn'?t|were|weren'?t|did|didn'?t|had|hadn'?t|hasn'?t|haven'?t|missed|happened|came|went|left|dumped|forgot|forgotten|ago|last|since|been|yesterday|collected|emptied|took|saw|heard)\b/i;
const FUTURE_CUE = /\b(?:will|won'?t|gonna|going\s+to|next|coming|book|booking|arrange|schedule|can\s+(?:you|i|someone|they)|could\s+(?:you|i|someone|they)|would\s+like|want\s+to|wanna|tomorrow|due|available|free)\b|'ll\b/i;

type Assumed = 'past' | 'future';

/** Which occurrence of a bare weekday the resident means: tense first, then the nearer one. */
function bareWeekday(today: Day, weekday: number, text: string): { day: Day; assumed: Assumed | 'today' } {
  const diffBack = (today.getUTCDay() - weekday + 7) % 7;
  if (diffBack === 0) return { day: today, assumed: 'today' };
  const past = addDays(today, -diffBack);
  const future = addDays(today, 7 - diffBack);
  const isPast = PAST_CUE.test(text);
  const isFuture = FUTURE_CUE.test(text);
  if (isPast && !isFuture) return { day: past, assumed: 'past' };
  if (isFuture && !isPast) return { day: future, assumed: 'future' };
  return diffBack <= 3 ? { day: past, assumed: 'past' } : { day: future, assumed: 'future' };
}

// --- date patterns --------------------------------------------------------------------------

interface DateHit {
  start: number;
  end: number;
  day: Day;
  time?: string;
  confidence: number;
  detail?: Record<string, string | number | undefined>;
}

type Resolver = (m: RegExpExecArray, today: Day, text: string) => Omit<DateHit, 'start' | 'end'> | null;

const rx = (source: string) => new RegExp(String.raw`(?<![\w'])(?:${source})(?![\w])`, 'gi');

// Welsh days of the week after "dydd" (or its mutation "ddydd", and "nos" for the evening).
const WELSH_WEEKDAYS: Record<string, number> = wordTable({ sul: 0, llun: 1, mawrth: 2, mercher: 3, iau: 4, gwener: 5, sadwrn: 6 });

const DATE_RULES: Array<[RegExp, Resolver]> = [
  // Welsh first, so "dydd Mawrth" (Tuesday) is not read as the month Mawrth (March).
  [rx(String.raw`echdoe`), (_m, t) => ({ day: addDays(t, -2), confidence: 1 })],
  [rx(String.raw`neithiwr`), (_m, t) => ({ day: addDays(t, -1), time: 'night', confidence: 1 })],
  [rx(String.raw`heno`), (_m, t) => ({ day: t, time: 'night', confidence: 1 })],
  [rx(String.raw`heddiw`), (_m, t) => ({ day: t, confidence: 1 })],
  [rx(String.raw`ddoe`), (_m, t) => ({ day: addDays(t, -1), confidence: 1 })],
  [rx(String.raw`yfory|fory`), (_m, t) => ({ day: addDays(t, 1), confidence: 1 })],
  [rx(String.raw`(?:dydd|ddydd|nos)\s+(${alt(Object.keys(WELSH_WEEKDAYS))})(?:\s+(diwethaf|dwetha|dwytha|nesaf|nesa|yma))?`), (m, t, text) => {
    const weekday = WELSH_WEEKDAYS[m[1].toLowerCase()];
    const qualifier = (m[2] ?? '').toLowerCase();
    if (['diwethaf', 'dwetha', 'dwytha'].includes(qualifier)) return { day: addDays(t, -((t.getUTCDay() - weekday + 7) % 7 || 7)), confidence: 0.9 };
    if (['nesaf', 'nesa'].includes(qualifier)) return { day: addDays(t, (weekday - t.getUTCDay() + 7) % 7 || 7), confidence: 0.9 };
    const { day, assumed } = bareWeekday(t, weekday, text);
    return { day, confidence: 0.8, detail: { assumed } };
  }],
  [rx(String.raw`(?:the\s+)?day\s+before\s+yesterday`), (_m, t) => ({ day: addDays(t, -2), confidence: 1 })],
  [rx(String.raw`(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tmr)`), (_m, t) => ({ day: addDays(t, 2), confidence: 1 })],
  [rx(String.raw`this\s+(morning|afternoon|evening)|(tonight|tonite|2nite)`), (m, t) => ({
    day: t, time: m[1] ? m[1].toLowerCase() : 'night', confidence: 1,
  })],
  [rx(String.raw`last\s+night`), (_m, t) => ({ day: addDays(t, -1), time: 'night', confidence: 1 })],
  [rx(String.raw`today|tday|2day`), (_m, t) => ({ day: t, confidence: 1 })],
  [rx(String.raw`yesterday|yday|yesterdy|yesturday`), (_m, t) => ({ day: addDays(t, -1), confidence: 1 })],
  [rx(String.raw`tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tomoz|2moro|2morrow`), (_m, t) => ({ day: addDays(t, 1), confidence: 1 })],
  // "last week", "this week", "next week": the Monday, with the Sunday as detail.end.
  [rx(String.raw`(last|this|next)\s+week`), (m, t) => {
    const offset = { last: -7, this: 0, next: 7 }[m[1].toLowerCase() as 'last' | 'this' | 'next'];
    const monday = addDays(mondayOf(t), offset);
    return { day: monday, confidence: 0.9, detail: { granularity: 'week', end: iso(addDays(monday, 6)) } };
  }],
  [rx(String.raw`(last|this|next)\s+weekend|(?:at\s+)?the\s+weekend`), (m, t) => {
    const which = (m[1] ?? 'this').toLowerCase();
    const thisSaturday = addDays(mondayOf(t), 5);
    const sat = which === 'last' ? addDays(thisSaturday, -7) : which === 'next' ? addDays(thisSaturday, 7) : thisSaturday;
    return { day: sat, confidence: 0.8, detail: { granularity: 'weekend', end: iso(addDays(sat, 1)) } };
  }],
  [rx(String.raw`(last|this|next)\s+month`), (m, t) => {
    const shift = { last: -1, this: 0, next: 1 }[m[1].toLowerCase() as 'last' | 'this' | 'next'];
    const first = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + shift, 1));
    const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + shift + 1, 0));
    return { day: first, confidence: 0.8, detail: { granularity: 'month', end: iso(last) } };
  }],
  // "3 days ago", "a couple of weeks ago", "a fortnight ago".
  [rx(String.raw`${COUNT_RE}\s+(days?|weeks?|fortnights?|months?)\s+ago|(a\s+)?fortnight\s+ago`), (m, t) => {
    if (!m[1]) return { day: addDays(t, -14), confidence: 0.9 };
    const n = parseCount(m[1]);
    const unit = m[2].toLowerCase();
    if (unit.startsWith('month')) {
      const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - n, t.getUTCDate()));
      return { day: d, confidence: 0.8 };
    }
    const days = unit.startsWith('fortnight') ? 14 * n : unit.startsWith('week') ? 7 * n : n;
    return { day: addDays(t, -days), confidence: 0.9 };
  }],
  [rx(String.raw`in\s+${COUNT_RE}\s+(days?|weeks?)(?:\s+time)?`), (m, t) => {
    const n = parseCount(m[1]);
    return { day: addDays(t, m[2].toLowerCase().startsWith('week') ? 7 * n : n), confidence: 0.9 };
  }],
  // Weekday with a qualifier: "last Tuesday", "next Friday", "this Monday", "Tuesday just gone".
  [rx(String.raw`(last|next|this|this\s+coming|coming|past|this\s+past)\s+(${WEEKDAY_ANY_RE})|(${WEEKDAY_FULL_RE})\s+(just\s+gone|gone|last|coming|next|week)`), (m, t) => {
    const qualifier = (m[1] ?? m[4]).toLowerCase().replace(/\s+/g, ' ');
    const weekday = WEEKDAY_ALIASES[(m[2] ?? m[3]).toLowerCase()];
    const back = (t.getUTCDay() - weekday + 7) % 7 || 7;
    const ahead = (weekday - t.getUTCDay() + 7) % 7 || 7;
    if (['last', 'past', 'this past', 'just gone', 'gone'].includes(qualifier)) return { day: addDays(t, -back), confidence: 0.9 };
    if (['next', 'coming', 'this coming', 'week'].includes(qualifier)) {
      // "Monday week" is a week after the coming Monday.
      return { day: addDays(t, ahead + (qualifier === 'week' ? 7 : 0)), confidence: 0.9 };
    }
    // "this Monday": the Monday of this (Monday-first) week.
    return { day: addDays(mondayOf(t), (weekday + 6) % 7), confidence: 0.9 };
  }],
  // Numeric UK dates: 12/11, 12/11/2026, 12-11-26, 12.11.2026 (dots only with a year: 7.30 is a time).
  [/(?<![\w/.-])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\w/-]|\.\d)|(?<![\w/.-])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\w.])/g, (m, t) => {
    const d = Number(m[1] ?? m[5]);
    const mo = Number(m[3] ?? m[6]);
    const yRaw = m[4] ?? m[7];
    if (mo < 1 || mo > 12) return null;
    if (m[0] === '24/7') return null; // "a 24/7 service", not the 24th of July
    const day = yRaw ? makeDay(yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw), mo, d) : nearestYear(t, mo, d);
    return day ? { day, confidence: 1 } : null;
  }],
  // "12th November", "12 Nov 2026", "the twelfth of November".
  [rx(String.raw`(?:the\s+)?(?:${DAY_NUM})(?:\s+of)?\s+(${MONTH_RE})\.?(?:,?\s+(\d{4}))?`), (m, t) => dayMonth(t, parseDayNumber(m[1], m[2]), m[3], m[4])],
  // "November 12th", "Nov the 12th, 2026".
  [rx(String.raw`(${MONTH_RE})\.?\s+(?:the\s+)?(?:${DAY_NUM})(?:,?\s+(\d{4}))?`), (m, t) => dayMonth(t, parseDayNumber(m[2], m[3]), m[1], m[4])],
  // "on the 12th": the 12th of the nearest month (this, last or next).
  [rx(String.raw`on\s+the\s+(?:(\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_WORD_RE}))`), (m, t) => {
    const d = parseDayNumber(m[1], m[2]);
    const candidates = [-1, 0, 1]
      .map((k) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + k, 1)))
      .map((first) => makeDay(first.getUTCFullYear(), first.getUTCMonth() + 1, d))
      .filter((x): x is Day => x !== null)
      .sort((a, b) => Math.abs(a.getTime() - t.getTime()) - Math.abs(b.getTime() - t.getTime()));
    return candidates[0] ? { day: candidates[0], confidence: 0.7 } : null;
  }],
  // A weekday on its own or after "on": tense decides past or future.
  [rx(String.raw`(?:on\s+)?(${WEEKDAY_FULL_RE})|on\s+(${WEEKDAY_ANY_RE})`), (m, t, text) => {
    const weekday = WEEKDAY_ALIASES[(m[1] ?? m[2]).toLowerCase()];
    const { day, assumed } = bareWeekday(t, weekday, text);
    return { day, confidence: 0.8, detail: { assumed } };
  }],
];

function dayMonth(today: Day, d: number, monthName: string, year: string | undefined) {
  const mo = MONTHS[monthName.toLowerCase()];
  if (!mo || !Number.isFinite(d)) return null;
  const day = year ? makeDay(Number(year), mo, d) : nearestYear(today, mo, d);
  return day ? { day, confidence: 1 } : null;
}

// --- times ----------------------------------------------------------------------------------

interface TimeHit { start: number; end: number; time: string; clock: boolean }

const pad = (n: number) => String(n).padStart(2, '0');

const TIME_RULES: Array<[RegExp, (m: RegExpExecArray) => TimeHit | null]> = [
  // 7pm, 7.30pm, 7:30 p.m., at 11 am
  [/(?<![\w:.])(?:(?:at|about|around|by|from|after|before)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?(?!\w)/gi, (m) => {
    let h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h < 1 || h > 12 || min > 59) return null;
    if (m[3].toLowerCase() === 'p' && h !== 12) h += 12;
    if (m[3].toLowerCase() === 'a' && h === 12) h = 0;
    return { start: m.index, end: m.index + m[0].length, time: `${pad(h)}:${pad(min)}`, clock: true };
  }],
  // 19:30, at 07.15
  [/(?<![\w:.])(?:(?:at|about|around|by|from|after|before)\s+)?([01]?\d|2[0-3]):([0-5]\d)(?![\w:])|(?<![\w:.])(?:at|about|around)\s+([01]?\d|2[0-3])\.([0-5]\d)(?![\w.])/gi, (m) => ({
    start: m.index, end: m.index + m[0].length, time: `${pad(Number(m[1] ?? m[3]))}:${m[2] ?? m[4]}`, clock: true,
  })],
  [/(?<![\w])(?:at\s+)?(noon|midday|mid-day|midnight)(?![\w])/gi, (m) => ({
    start: m.index, end: m.index + m[0].length, time: m[1].toLowerCase() === 'midnight' ? '00:00' : '12:00', clock: true,
  })],
  // A part of the day only counts beside a date ("tomorrow morning", "Monday night").
  [/(?<![\w])(?<!good\s)(?:(?:in|during)\s+the\s+|at\s+)?(morning|afternoon|evening|night|overnight)(?![\w])/gi, (m) => ({
    start: m.index, end: m.index + m[0].length, time: m[1].toLowerCase() === 'overnight' ? 'night' : m[1].toLowerCase(), clock: false,
  })],
];

// Text allowed between a date and its time: "Monday at 7pm", "7pm on Monday", "the morning of the 12th".
const JOIN_RE = /^[\s,]*(?:(?:at|on|in\s+the|around|about|of|from|by)\s*)?[\s,]*$/i;

export function extractDates(text: string, ctx: DateContext = {}): Entity[] {
  const today = localToday(ctx.now ?? new Date(), ctx.timeZone ?? 'Europe/London');
  const hits: DateHit[] = [];
  const overlaps = (s: number, e: number, list: Array<{ start: number; end: number }>) =>
    list.some((h) => s < h.end && h.start < e);

  // Rules run in order; an earlier (more specific) rule claims its text first.
  for (const [re, resolve] of DATE_RULES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end, hits)) continue;
      const r = resolve(m, today, text);
      if (r) hits.push({ start, end, ...r });
    }
  }

  const times: TimeHit[] = [];
  for (const [re, parse] of TIME_RULES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const t = parse(m);
      if (t && !overlaps(t.start, t.end, times) && !overlaps(t.start, t.end, hits)) times.push(t);
    }
  }

  for (const t of times.sort((a, b) => a.start - b.start)) {
    const joined = hits.find((h) =>
      (h.end <= t.start && JOIN_RE.test(text.slice(h.end, t.start))) ||
      (t.end <= h.start && JOIN_RE.test(text.slice(t.end, h.start))));
    if (joined) {
      // A clock time is more precise than "this morning"; a part of day never overrides a clock.
      if (!joined.time || t.clock) joined.time = t.time;
      joined.start = Math.min(joined.start, t.start);
      joined.end = Math.max(joined.end, t.end);
    } else if (t.clock) {
      // "about 7pm" on its own: most likely today.
      hits.push({ start: t.start, end: t.end, day: today, time: t.time, confidence: 0.6, detail: { assumed: 'today' } });
    }
  }

  return hits
    .sort((a, b) => a.start - b.start)
    .map((h) => ({
      type: 'date' as const,
      value: iso(h.day),
      text: text.slice(h.start, h.end),
      start: h.start,
      end: h.end,
      confidence: h.confidence,
      detail: { ...(h.detail ?? {}), ...(h.time ? { time: h.time } : {}) },
    }));
}

/** The first date in `text`, for a flow step that asked "which day?". */
export function parseDate(text: string, ctx: DateContext = {}): { date: string; time?: string } | null {
  const e = extractDates(text, ctx)[0];
  if (!e) return null;
  const time = e.detail?.time;
  return typeof time === 'string' ? { date: e.value, time } : { date: e.value };
}
