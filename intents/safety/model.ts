/**
 * The dedicated safety model: a 3-way classifier (risk to life / safeguarding concern / none) that
 * scores every message, beside the pattern screen. It reuses the recogniser's training code (hashed
 * word + character n-grams, logistic regression, calibration, disk cache), so it trains in seconds
 * at start and is deterministic.
 *
 * Why a model of its own: the 65-intent classifier learned style shortcuts from the safety phrases
 * (it gave risk to life 0.96 to "Right, I'm going. Ta"). Here every other intent's phrase is a hard
 * negative, and the development sets' ordinary messages (≈ 700 of them chosen to look alarming)
 * teach it what is not a risk. Its thresholds are chosen by cross-validation
 * (`npm run eval:safety -- --cv`), never by fit to the data it was trained on.
 *
 * Training data: the pack's `safety.*` phrases (positives) and every other phrase (negatives), plus
 * the development items in `data/dev-items/` (one file per development set, in order; see data/README.md for
 * provenance), plus any phrases a council adds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SafetyHit, TrainingExample } from '../types.js';
import { loadOrTrainModel, trainIntentModel, type RecogniserModel } from '../recogniser/index.js';
import { languageWords, stripFormalWrapper } from './normalise.js';
import { kindExamples, loadOrTrainKindModel, type KindModel, type KindProbabilities } from './kind-model.js';

export const SAFETY_NONE = 'none';
const SAFETY_LABELS = new Set(['safety.risk_to_life', 'safety.safeguarding_concern']);

/** The safety model's opinion of one message. */
export interface SafetyScore {
  /** Probability that the message discloses a risk (either safety class), 0..1. */
  score: number;
  /** The likelier safety class. */
  category: SafetyHit['category'];
  /**
   * Share of the message's words (letters only, 2+ long) seen anywhere in the model's training text, 0..1; 1 when the
   * message has no words. Near 0 the score is a guess from character n-grams (short foreign text scored 0.94 for a stolen
   * bin): decideSafety does not let such a score escalate alone.
   */
  known?: number;
  /**
   * Round 7: share of the message's words (`languageWords`: lower case, names, e-mail and web addresses left out) found in the
   * council's own training phrases (the languages the assistant is set up to read: English, and what the pack adds), 0..1; 1
   * when the message has no such words. Development sets teach the safety
   * model a few words of many languages, so `known` overrates how well a message in Farsi or Turkish is read; this does not.
   * Every English message of the development sets scores 0.5 or more; two thirds of the non-English ones score below 0.4.
   */
  readable?: number;
  /**
   * Round 20 (K3): the safety model's scores of the message's segments (sentences and clauses opened by "Also,", "Separately,",
   * "Anyway,", "By the way" ...), when it has 2 or more of SAFETY_SEGMENT_MIN_WORDS+ words each; absent otherwise. A disclosure
   * told beside a service request scores low as a whole ("book a bulky collection. Also, they leave their baby in the car");
   * decideSafety asks about it when one segment alone reaches the escalation bar (it never escalates on a segment alone).
   */
  segments?: { text: string; score: number; category: SafetyHit['category']; known?: number; readable?: number }[];
  /**
   * The kind model's probability of each kind of risk (kind-model.ts), for the whole message; absent when there is no kind model
   * (too few labelled disclosures) or it recognises none of the words. decideSafety combines it with the cues (`chooseKind`).
   */
  kinds?: KindProbabilities;
}

export interface SafetyModel {
  score(text: string): SafetyScore;
}

/** One item of the bundled development data. */
export interface SafetyDataItem {
  text: string;
  /** `safety.risk_to_life`, `safety.safeguarding_concern` or `none`. */
  label: string;
  kind?: string;
  /** The development set it was copied from (its file's name, without the order number). */
  source: string;
}

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'dev-items');
/** `NNN-<source>.json`: the number keeps the order the sets were added in (training is deterministic in that order). */
const DATA_FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.json$/;

// Read and parsed once per process (every server start and every test's server loads the safety model); callers get their own array.
const parsedData = new Map<string, SafetyDataItem[]>();
/** The bundled development items (disclosures and ordinary messages, lookalikes included), set by set in file order. */
export function loadSafetyData(dir = DATA_DIR): SafetyDataItem[] {
  let items = parsedData.get(dir);
  if (!items) {
    items = [];
    const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    for (const name of names) {
      const source = DATA_FILE_NAME.exec(name)?.[2];
      if (!source) throw new Error(`${path.join(dir, name)}: a development items file is named NNN-<source>.json`);
      const rows = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Omit<SafetyDataItem, 'source'>[];
      for (const r of rows) items.push({ ...r, source });
    }
    parsedData.set(dir, items);
  }
  return [...items];
}

// What the wrapper leaves of each development item's text, once per process (stripFormalWrapper over 26,000 items took about 0.5 s).
const strippedText = new Map<string, string>();
const stripOnce = (text: string) => {
  let stripped = strippedText.get(text);
  if (stripped === undefined) strippedText.set(text, (stripped = stripFormalWrapper(text)));
  return stripped;
};

/** The pack's phrases relabelled for the safety model: safety intents keep their id, all others are `none`. */
export function safetyExamples(packTraining: TrainingExample[], extra: { text: string; label: string }[] = []): TrainingExample[] {
  const relabel = (intent: string) => (SAFETY_LABELS.has(intent) ? intent : SAFETY_NONE);
  return [
    ...packTraining.map((e) => ({ text: e.text, intent: relabel(e.intent) })),
    // Round 37: trained, as scored, on what a letter's formal wrapper leaves (stripFormalWrapper).
    ...extra.map((e) => ({ text: stripOnce(e.text), intent: relabel(e.label) })),
  ];
}

/** Words for the vocabulary check: lower case, accents dropped, runs of letters (any script) of 2 or more. */
export function vocabularyWords(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/\p{L}{2,}/gu) ?? [];
}

/** Every word of the training text. */
export function vocabularyOf(examples: { text: string }[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const e of examples) for (const w of vocabularyWords(e.text)) vocabulary.add(w);
  return vocabulary;
}

/** Share of the text's words in the vocabulary (1 for a text without words). */
export function knownShare(text: string, vocabulary: ReadonlySet<string>): number {
  const words = vocabularyWords(text);
  return words.length === 0 ? 1 : words.filter((w) => vocabulary.has(w)).length / words.length;
}

/** Round 20 (K3): a segment counts only with this many words or more. */
export const SAFETY_SEGMENT_MIN_WORDS = 5;
/** Openers of a new topic inside a message: a clause starting with one is a segment of its own. */
// Openers that start a new topic wherever they stand ("by the way", "while I'm here"), and openers that do so only at a clause's
// start, followed by a comma or after one ("Also, ...", "..., anyway ...": not "I also need").
const STRONG_OPENERS = String.raw`by the way|btw|on (?:another|a separate|a different|an unrelated) note|while (?:i am|i'?m|im) (?:here|on)|while (?:i have|i'?ve) got you|changing the subject|p\.?s\.?(?=[\s:])`;
const WEAK_OPENERS = String.raw`also|separately|anyway|anyways|another thing|one more thing|oh and|and also|unrelated|totally unrelated|completely unrelated|apart from that|besides that|other than that|secondly|finally`;
const SEGMENT_OPENER = new RegExp(String.raw`\s+(?=(?:${STRONG_OPENERS})\b)|(?<=[,;:])\s*(?=(?:${WEAK_OPENERS})\b)|\s+(?=(?:${WEAK_OPENERS})\s*[,:])`, 'giu');
const segmentWords = (t: string) => t.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/**
 * Round 20 (K3): the message's segments: split on sentence ends (. ! ? and newlines) and before a new-topic opener ("Also,",
 * "Separately,", "Anyway,", "By the way"); segments under SAFETY_SEGMENT_MIN_WORDS words are joined to the one before (or after).
 * Returns [] unless there are 2 or more segments of that length.
 */
export function messageSegments(text: string): string[] {
  const pieces = text
    .split(/(?<=[.!?\u3002\u061F\u06D4])\s+|\n+/u)
    .flatMap((sentence) => sentence.split(SEGMENT_OPENER))
    .map((p) => p.trim())
    .filter(Boolean);
  const merged: string[] = [];
  for (const p of pieces) {
    if (merged.length > 0 && segmentWords(merged[merged.length - 1]) < SAFETY_SEGMENT_MIN_WORDS) merged[merged.length - 1] += ` ${p}`;
    else merged.push(p);
  }
  if (merged.length > 1 && segmentWords(merged[merged.length - 1]) < SAFETY_SEGMENT_MIN_WORDS) merged[merged.length - 2] += ` ${merged.pop()!}`;
  return merged.length >= 2 && merged.every((m) => segmentWords(m) >= SAFETY_SEGMENT_MIN_WORDS) ? merged : [];
}

/**
 * Wraps a trained 3-way recogniser as a safety scorer; with its training vocabulary, scores say how much of a text it knows,
 * and with the pack's own vocabulary, how much of it is in a language the assistant reads.
 */
export function asSafetyModel(model: RecogniserModel, vocabulary?: ReadonlySet<string>, packVocabulary?: ReadonlySet<string>, kindModel?: KindModel | null): SafetyModel {
  const scoreOne = (text: string): SafetyScore => {
    const p = model.predict(text);
    const rtl = p.ranked.find((r) => r.intent === 'safety.risk_to_life')?.confidence ?? 0;
    const sg = p.ranked.find((r) => r.intent === 'safety.safeguarding_concern')?.confidence ?? 0;
    const scored: SafetyScore = { score: rtl + sg, category: rtl >= sg ? 'safety.risk_to_life' : 'safety.safeguarding_concern' };
    if (vocabulary) scored.known = knownShare(text, vocabulary);
    if (packVocabulary) {
      const words = languageWords(text);
      scored.readable = words.length === 0 ? 1 : words.filter((w) => packVocabulary.has(w)).length / words.length;
    }
    return scored;
  };
  return {
    score(text) {
      // Round 37: a disclosure quoted or forwarded in a letter is scored without the letter's formal wrapper (salutation, references,
      // "Our constituent writes:", "Yours faithfully, <name>"): the model gave an MP's casework quoting an allergic reaction 0.09.
      const body = stripFormalWrapper(text);
      const scored = scoreOne(body);
      // Round 20 (K3): each segment of a longer message, by the same model.
      const segments = messageSegments(body);
      if (segments.length > 0) scored.segments = segments.map((segment) => ({ text: segment, ...scoreOne(segment) }));
      // The kind model runs only when a decision reads `kinds` (a disclosure caught or asked about): most turns never need it.
      if (kindModel) {
        let memo: KindProbabilities | null | undefined;
        Object.defineProperty(scored, 'kinds', { enumerable: true, get: () => (memo === undefined ? (memo = kindModel.kinds(text)) : memo) ?? undefined });
      }
      return scored;
    },
  };
}

/**
 * Trains (no cache): for cross-validation. `packTraining` gives the readable share (the pack's words only); `kindModel` (trained on
 * the same fold's labelled disclosures) gives `SafetyScore.kinds`.
 */
export async function trainSafetyModel(examples: TrainingExample[], packTraining?: { text: string }[], kindModel?: KindModel | null): Promise<SafetyModel> {
  return asSafetyModel(await trainIntentModel(examples), vocabularyOf(examples), packTraining ? vocabularyOf(packTraining) : undefined, kindModel);
}

/**
 * Trains the tenant's safety model, or loads it from the disk cache (keyed by its training data); with it the kind model, from the
 * labelled disclosures of `data` (the bundled development items unless given) and `extra` (absent when they are too few: the cues
 * decide the kind alone).
 */
export async function loadOrTrainSafetyModel(
  packTraining: TrainingExample[],
  cacheDir: string,
  extra: { text: string; label: string; kind?: string }[] = [],
  data: SafetyDataItem[] = loadSafetyData(),
): Promise<{ model: SafetyModel; trained: boolean; kindModel: boolean }> {
  const examples = safetyExamples(packTraining, [...data, ...extra]);
  const { model, trained } = await loadOrTrainModel(examples, cacheDir);
  const kinds = await loadOrTrainKindModel(kindExamples([...data, ...extra]), cacheDir);
  return { model: asSafetyModel(model, vocabularyOf(examples), vocabularyOf(packTraining), kinds.model), trained: trained || kinds.trained, kindModel: kinds.model !== null };
}
