/** Whether the council's contact centre is open now, in the tenant's time zone. */

export interface OpeningHours {
  timezone: string;
  weekly: Partial<Record<string, string>>;
  holidays: (string | Date)[];
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one (issue 11). */
const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

function zonedFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zonedFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    });
    zonedFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone. Shared by opening hours and service levels. */
export function zonedParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: string } {
  const parts = Object.fromEntries(
    zonedFormatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: String(parts.weekday).toLowerCase(),
  };
}

function localParts(now: Date, timeZone: string): { date: string; day: string; minutes: number } {
  const p = zonedParts(now, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, day: p.weekday, minutes: p.hour * 60 + p.minute };
}

function holidayKey(h: string | Date): string {
  return typeof h === 'string' ? h : h.toISOString().slice(0, 10);
}

export function isOpen(hours: OpeningHours, now: Date): boolean {
  const local = localParts(now, hours.timezone);
  if (hours.holidays.map(holidayKey).includes(local.date)) return false;
  const range = hours.weekly[local.day];
  if (!range) return false;
  const [from, to] = range.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return h * 60 + m;
  });
  return local.minutes >= from && local.minutes < to;
}

/** "Monday to Thursday 8:30am to 5pm, Friday 8:30am to 4:30pm" */
export function describeHours(hours: OpeningHours): string {
  const groups: { days: string[]; range: string }[] = [];
  for (const day of DAYS.slice(1).concat('sunday')) {
    const range = hours.weekly[day];
    if (!range) continue;
    const last = groups[groups.length - 1];
    if (last && last.range === range && DAYS.indexOf(last.days[last.days.length - 1]) === (DAYS.indexOf(day) + 6) % 7) last.days.push(day);
    else groups.push({ days: [day], range });
  }
  const cap = (d: string) => d[0].toUpperCase() + d.slice(1);
  const time = (hm: string) => {
    const [h, m] = hm.split(':').map(Number);
    const suffix = h >= 12 ? 'pm' : 'am';
    const h12 = h % 12 === 0 ? 12 : h % 12;
    return m ? `${h12}:${String(m).padStart(2, '0')}${suffix}` : `${h12}${suffix}`;
  };
  return groups
    .map((g) => {
      const [from, to] = g.range.split('-');
      const days = g.days.length > 1 ? `${cap(g.days[0])} to ${cap(g.days[g.days.length - 1])}` : cap(g.days[0]);
      return `${days} ${time(from)} to ${time(to)}`;
    })
    .join(', ');
}
