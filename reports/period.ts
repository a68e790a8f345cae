/**
 * A report's period from the request (day, week, month or custom dates), as instants bounded by
 * local midnights in the council's time zone, and the grouping its "over time" table uses.
 */

export type PeriodKind = 'day' | 'week' | 'month' | 'custom';

export interface ReportPeriod {
  kind: PeriodKind;
  /** Local dates, inclusive (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** Instants: local midnight of firstDay, local midnight after lastDay (exclusive). */
  from: Date;
  to: Date;
  timeZone: string;
  /** How the over-time table groups: by hour for one day, by day up to three months, by month beyond. */
  grouping: 'hour' | 'day' | 'month';
  label: string;
}

/** A custom period longer than this is refused: reports answer for up to a year (plus a leap day). */
export const MAX_DAYS = 366;

export class PeriodError extends Error {}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: string, name: string): Date {
  const m = DATE.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw new PeriodError(`${name} must be a date written YYYY-MM-DD.`);
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Milliseconds the zone is ahead of UTC at instant `t`. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(t / 1000) * 1000;
}

/** The instant of local midnight starting the (UTC-noted) calendar date `day` in `timeZone`. */
export function localMidnight(day: Date, timeZone: string): Date {
  const guess = day.getTime() - offsetAt(day.getTime(), timeZone);
  // Across a clock change the offset at the guess may differ: settle on the offset at the answer.
  return new Date(day.getTime() - offsetAt(guess, timeZone));
}

/** Today's local date in `timeZone`. */
export function localToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Reads `period`, `date`, `from`, `to` (query parameters); throws PeriodError with a reason a person can act on. */
export function parsePeriod(query: Record<string, unknown>, timeZone: string, now: Date): ReportPeriod {
  const kind = String(query.period ?? 'month') as PeriodKind;
  if (!['day', 'week', 'month', 'custom'].includes(kind)) throw new PeriodError('period must be day, week, month or custom.');
  let first: Date;
  let last: Date;
  if (kind === 'custom') {
    if (typeof query.from !== 'string' || typeof query.to !== 'string') throw new PeriodError('A custom period needs from and to dates (YYYY-MM-DD).');
    first = parseDate(query.from, 'from');
    last = parseDate(query.to, 'to');
    if (last < first) throw new PeriodError('to must not be before from.');
    if ((last.getTime() - first.getTime()) / 86_400_000 + 1 > MAX_DAYS) throw new PeriodError(`A custom period may be at most ${MAX_DAYS} days.`);
  } else {
    const date = parseDate(typeof query.date === 'string' && query.date ? query.date : localToday(now, timeZone), 'date');
    if (kind === 'day') {
      first = last = date;
    } else if (kind === 'week') {
      first = addDays(date, -((date.getUTCDay() + 6) % 7)); // back to Monday
      last = addDays(first, 6);
    } else {
      first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
      last = addDays(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)), -1);
    }
  }
  const days = (last.getTime() - first.getTime()) / 86_400_000 + 1;
  const grouping = days <= 1 ? 'hour' : days <= 92 ? 'day' : 'month';
  const long = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const label =
    kind === 'day'
      ? long(first)
      : kind === 'month'
        ? first.toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' })
        : `${kind === 'week' ? 'Week of ' : ''}${long(first)} to ${long(last)}`;
  return { kind, firstDay: iso(first), lastDay: iso(last), from: localMidnight(first, timeZone), to: localMidnight(addDays(last, 1), timeZone), timeZone, grouping, label };
}

/** Every key the over-time table should show, so quiet hours, days or months appear as zeros. */
export function periodKeys(period: ReportPeriod): string[] {
  const first = parseDate(period.firstDay, 'from');
  const last = parseDate(period.lastDay, 'to');
  if (period.grouping === 'hour') return Array.from({ length: 24 }, (_, h) => `${period.firstDay} ${String(h).padStart(2, '0')}:00`);
  const keys: string[] = [];
  if (period.grouping === 'day') {
    for (let d = first; d <= last; d = addDays(d, 1)) keys.push(iso(d));
    return keys;
  }
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); d <= last; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) keys.push(iso(d).slice(0, 7));
  return keys;
}
