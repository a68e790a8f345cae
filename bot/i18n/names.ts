/**
 * Services' and queues' names in the turn's language (issue 17): a Welsh reply names a service by
 * the pack's cy/services.json and a queue or team by settings `welsh.queues`, English where the
 * pack has no Welsh name (never a blank inside a sentence).
 */
import type { ContentPack, Settings } from '../content-pack/index.js';
import type { Language } from '../messages.js';

/** A service's name as a Welsh or English reply says it; undefined for an unknown id. */
export function serviceName(pack: Pick<ContentPack, 'servicesById' | 'cy'>, serviceId: string, lang: Language | null | undefined): string | undefined {
  const english = pack.servicesById.get(serviceId)?.name;
  if (lang !== 'cy') return english;
  return pack.cy?.servicesById?.get(serviceId)?.name ?? english;
}

/** A queue's (or a flow's team's) name in `lang`: its Welsh name from settings, else its English name, else the id in words. */
export function queueName(settings: Settings, queueOrTeam: string, lang: Language | null | undefined): string {
  const welsh = lang === 'cy' ? settings.welsh?.queues?.[queueOrTeam] : undefined;
  return welsh ?? settings.queues.find((q) => q.id === queueOrTeam)?.name ?? queueOrTeam.replace(/_/g, ' ');
}

/** A flow's team (`outcome.team`) in "what happens next": its Welsh name from settings `welsh.queues` in Welsh, else the id in words. */
export function teamName(settings: Settings, team: string, lang: Language | null | undefined): string {
  return (lang === 'cy' ? settings.welsh?.queues?.[team] : undefined) ?? team.replace(/_/g, ' ');
}
