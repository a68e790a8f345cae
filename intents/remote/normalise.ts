/** Turns a remote service's scores into an IntentPrediction over the tenant's catalogue. */
import { isOosLabel } from '../recogniser/index.js';
import type { IntentPrediction, IntentScore } from '../types.js';

export interface RawScore {
  /** A catalogue id, the out-of-scope label, or something the service made up. */
  intent: string;
  confidence: number;
}

/**
 * Scores are clamped to 0..1 and, when they add up to more than 1 (LLMs and CLU do not promise a
 * distribution), renormalised over everything reported. Unknown ids are then dropped and their
 * share is *not* handed to the known ones: an invented id taking 0.8 means the service was unsure
 * of our catalogue, and a known runner-up must not come out at 1.0. A lone "0.6 for X" stays 0.6.
 * The out-of-scope label keeps its share but never appears in `ranked`, as in the embedded model.
 */
export function toPrediction(scores: RawScore[], known: ReadonlySet<string>, saysOutOfScope: boolean): IntentPrediction {
  const best = new Map<string, number>();
  let reported = 0;
  let oos = 0;
  for (const s of scores) {
    const c = Number.isFinite(s.confidence) ? Math.min(1, Math.max(0, s.confidence)) : 0;
    reported += c;
    if (isOosLabel(s.intent)) oos = Math.max(oos, c);
    else if (known.has(s.intent)) best.set(s.intent, Math.max(best.get(s.intent) ?? 0, c));
  }
  const factor = 1 / Math.max(1, reported);
  const ranked: IntentScore[] = [...best].map(([intent, c]) => ({ intent, confidence: c * factor }));
  ranked.sort((a, b) => b.confidence - a.confidence || a.intent.localeCompare(b.intent));
  const top = ranked[0]?.confidence ?? 0;
  return { ranked, outOfScope: saysOutOfScope || top === 0 || oos * factor > top };
}
