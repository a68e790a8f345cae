/**
 * A council's quiet hours (content pack `updates.quietHours`, in its own timezone): a text,
 * WhatsApp message or e-mail about a case that would go out in them waits until they end.
 */
export interface QuietHours {
  /** "HH:MM"; the hours may run past midnight (from 20:00 to 08:00). */
  from: string;
  to: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const formats = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight at `at` in `timezone`. */
export function localMinutes(at: Date, timezone: string): number {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timezone, f);
  }
  const parts = f.formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/** True when `local` (minutes since midnight) falls in the quiet hours. */
function inQuiet(local: number, quiet: QuietHours): boolean {
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  return from < to ? local >= from && local < to : local >= from || local < to;
}

/**
 * When a message due at `now` may go: null when `now` is outside the quiet hours (at once), else
 * the moment they end (the local `to` time; a clock change in between is allowed for).
 */
export function quietUntil(now: Date, timezone: string, quiet: QuietHours | undefined): Date | null {
  if (!quiet) return null;
  const local = localMinutes(now, timezone);
  if (!inQuiet(local, quiet)) return null;
  const to = minutes(quiet.to);
  const startOfMinute = now.getTime() - (now.getUTCSeconds() * 1000 + now.getUTCMilliseconds());
  let due = new Date(startOfMinute + ((to - local + 1440) % 1440) * 60_000);
  // Across a clock change the wall clock moved by an hour: land on the local `to` all the same.
  const off = ((to - localMinutes(due, timezone) + 1440 + 720) % 1440) - 720;
  if (off !== 0) due = new Date(due.getTime() + off * 60_000);
  return due.getTime() > now.getTime() ? due : null;
}
