/**
 * The safety screen. It runs on every message before intent recognition and never depends on
 * the classifier: a message that discloses risk to life or a safeguarding concern is caught
 * here whatever else it asks. Tuned for recall: a false alarm costs the resident a short
 * detour, a miss can cost a life. Risk-to-life families are tried first (catalogue rules 1-2).
 *
 * Borderline decisions, so they are not re-litigated by accident:
 * - "the council tax is killing me", "this heat is going to kill me": idioms, not hits. Only a
 *   person threatening or trying to kill someone counts.
 * - "I can't take it any more" / "I can't go on like this" hit, unless the sentence is about a
 *   service (bins, parking, council tax, the website): then it is frustration.
 * - "verbal abuse from a bin crew" is a complaint; "fire safety in my flat" and garden bonfires
 *   are not fires; "hurt myself on a pothole" is an accident. "there's a fire" is always a hit.
 */
import type { SafetyHit } from '../types.js';
import { normaliseForSafety } from './normalise.js';
import { FAMILIES, SCRIPT_FAMILIES, type PatternFamily } from './patterns.js';
import { compileFamilySearch, type FamilySearch } from './family-search.js';
import { refineKind } from './kinds.js';

export { normaliseForSafety } from './normalise.js';

interface CompiledFamily extends PatternFamily {
  search: FamilySearch;
  guard: RegExp | null;
  textGuard: RegExp | null;
}

const COMPILED: CompiledFamily[] = FAMILIES.map((f) => ({
  ...f,
  // Normalised text has a space at each end and between words: the patterns anchor on those spaces, each
  // looking for its first word first (first-token.ts), in runs V8 still optimises (family-search.ts).
  search: compileFamilySearch(f.patterns),
  guard: f.guards ? new RegExp(`(?<![a-z0-9])(?:${f.guards.join('|')})(?![a-z0-9])`) : null,
  // Round 70: guards read on the whole message, for a subject named further back than the guard's window ("wasps nest in the roof
  // above the kids window. they are attacking us").
  textGuard: f.textGuards ? new RegExp(`(?<![a-z0-9])(?:${f.textGuards.join('|')})(?![a-z0-9])`) : null,
}));

/** "I am not suicidal", "I would never hurt myself": the words just before a match deny it. */
const NEGATION_BEFORE = /(?:^| )(?:am not|are not|is not|was not|would never|will never|never|not going to|not about to|not planning to|not thinking of|not thinking about|would not|will not|no longer thinking of)(?: (?:be|ever|really|actually|feeling|feel))? $/;
const CONTEXT = 50;
/**
 * Round 78: "am not", "is not" or "was not" straight before a past tense of getting (bought, got, found, made, wrote) is no denial of it:
 * normalising drops the full stop between two sentences ("Everyone keeps asking if I'm coping. I'm not. Bought the rope this afternoon").
 */
const COPULA_NOT_BEFORE = /(?:^| )(?:am|are|is|was|were) not $/;
const GETTING_DONE = /^ ?(?:bought|got|found|made|wrote|written|tied|ordered|saved|stockpiled|hoarded|picked) /;
function sentenceBrokenNegation(text: string, start: number): boolean {
  return COPULA_NOT_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && GETTING_DONE.test(text.slice(start, start + 20));
}

function guarded(f: CompiledFamily, text: string, start: number, end: number): boolean {
  if (f.guard) {
    const around = text.slice(Math.max(0, start - CONTEXT), Math.min(text.length, end + CONTEXT));
    if (f.guard.test(around)) return true;
  }
  if (f.textGuard && f.textGuard.test(text)) return true;
  if (f.negated && NEGATION_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && !sentenceBrokenNegation(text, start)) return true;
  return false;
}

/** The first safety concern in `text`, risk to life before safeguarding; null when there is none. */
export function screenForSafety(text: string): SafetyHit | null {
  return explainSafety(text)?.hit ?? null;
}

/** As `screenForSafety`, naming the pattern family that caught the text (tests, evaluation CLI). */
export function explainSafety(text: string): { family: string; hit: SafetyHit } | null {
  if (!text || !text.trim()) return null;
  const normalised = normaliseForSafety(text);
  const found = screenNormalised(normalised);
  if (found) return found;
  // Round 34: a correction "not X, it's Y" ("the smoke isn't a bonfire, it's pouring out of the roof") reads Y alone, with its subject.
  for (const reading of correctionReadings(normalised)) {
    const corrected = screenNormalised(reading);
    if (corrected) return corrected;
  }
  return screenScripts(text);
}

/**
 * Round 34: a correction that takes something back and then tells what it is ("the smoke is not a bonfire it is pouring out of the
 * roof", "it is not a stray dog someone has set their dog on a kid", "not a bonfire but flames coming out of the flats"). The
 * negation belongs to X only; Y is read alone and, after "it is", with the subject put back ("the smoke is pouring out ...").
 */
const CORRECTION = / ((?:[a-z]+ ){0,3}?)(?:is not|are not|was not|were not|is no|not) (?:a |an |the |just |some |really |actually )?(?:[a-z]+ ){0,4}?(?:(it is|it was|they are|he is|she is|that is|this is)|but(?: it is| they are| there is| someone| somebody)?|(?=someone |somebody |there is |there are ))( .+ )$/;
const CORRECTION_FILLER = /^(?:correction|sorry|ok|okay|no|yes|right|well|actually|update|so|oh|um|erm|i mean|just to say) /;
function correctionReadings(normalised: string): string[] {
  const m = CORRECTION.exec(normalised);
  if (!m) return [];
  const rest = m[3];
  let subject = m[1];
  while (CORRECTION_FILLER.test(subject)) subject = subject.replace(CORRECTION_FILLER, '');
  const verb = m[2] ? m[2].split(' ').slice(1).join(' ') : '';
  const readings = [rest];
  if (verb && subject.trim() && !/^(?:it|this|that) $/.test(subject)) readings.push(` ${subject}${verb}${rest}`);
  return readings;
}

function screenNormalised(normalised: string): { family: string; hit: SafetyHit } | null {
  for (const f of COMPILED) {
    const m = f.search.first(normalised, (start, end) => !guarded(f, normalised, start, end));
    if (m) return { family: f.id, hit: { category: f.category, kind: refineKind(normalised, m[0], f.kind, f.refine, f.category === 'safety.risk_to_life'), reason: f.reason, matched: m[0].trim() } };
  }
  return null;
}

/** Scripts the normaliser cannot keep (Arabic): the raw text, after every a-z family. */
function screenScripts(text: string): { family: string; hit: SafetyHit } | null {
  for (const f of SCRIPT_FAMILIES) {
    // Round 26: hyperbole spans (the robot "will kill me") are removed first, so a real threat beside them still hits.
    const m = f.re.exec(f.unless ? text.replace(f.unless, ' ') : text);
    if (m) {
      const kind = f.who?.find(([re]) => re.test(text))?.[1] ?? f.kind;
      return { family: f.id, hit: { category: f.category, kind, reason: f.reason, matched: m[0] } };
    }
  }
  return null;
}

export { decideSafety, topSafety, isConversationControl, SAFETY_CLASSIFIER_THRESHOLD, SAFETY_ASK_THRESHOLD } from './decision.js';
export { inferKind, kindCues } from './kinds.js';
