import type { ChannelName } from '../messages.js';
import type { Wording } from '../content-pack/index.js';

/** Picks the channel's wording of a prompt: voice and SMS may have their own. */
export function wordingFor(w: Wording, channel: ChannelName): string {
  if (typeof w === 'string') return w;
  if (channel === 'voice' && w.voice) return w.voice;
  if (channel === 'sms' && w.sms) return w.sms;
  return w.default;
}

/** Fills {slot} placeholders with the collected answers' labels. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? 'not given');
}
