/**
 * Opening hours and dates said in the turn's language: English as handoff/ says them; Welsh with
 * Welsh day names and yb/yh ("o ddydd Llun i ddydd Gwener, 9yb tan 5yh"), dates through Intl's
 * `cy` locale.
 */
import { describeHours } from '../../handoff/index.js';
import type { Settings } from '../content-pack/index.js';
import type { Language } from '../messages.js';

type OpeningHours = Settings['openingHours'];

const ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const DAY_CY: Record<string, string> = { monday: 'Llun', tuesday: 'Mawrth', wednesday: 'Mercher', thursday: 'Iau', friday: 'Gwener', saturday: 'Sadwrn', sunday: 'Sul' };

function timeCy(hm: string): string {
  const [h, m] = hm.split(':').map(Number);
  const suffix = h >= 12 ? 'yh' : 'yb';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m ? `${h12}:${String(m).padStart(2, '0')}${suffix}` : `${h12}${suffix}`;
}

/** The council's hours in Welsh, consecutive days with the same hours together. */
export function describeHoursCy(hours: OpeningHours): string {
  const groups: { days: (typeof ORDER)[number][]; range: string }[] = [];
  for (const day of ORDER) {
    const range = hours.weekly[day];
    if (!range) continue;
    const last = groups[groups.length - 1];
    if (last && last.range === range && ORDER.indexOf(last.days[last.days.length - 1]) === ORDER.indexOf(day) - 1) last.days.push(day);
    else groups.push({ days: [day], range });
  }
  return groups
    .map((g) => {
      const [from, to] = g.range.split('-');
      const first = DAY_CY[g.days[0]];
      const days = g.days.length > 1 ? `o ddydd ${first} i ddydd ${DAY_CY[g.days[g.days.length - 1]]}` : `ddydd ${first}`;
      return `${days}, ${timeCy(from)} tan ${timeCy(to)}`;
    })
    .join('; ');
}

export function hoursIn(lang: Language | null | undefined, hours: OpeningHours): string {
  return lang === 'cy' ? describeHoursCy(hours) : describeHours(hours);
}
