/**
 * Measures article retrieval as residents meet it: a question, the articles the assistant would
 * rank for it, and whether one of them belongs to the service the question is about.
 */
import { readFileSync } from 'node:fs';
import type { IntentPrediction } from '../intents/index.js';
import type { ArticleIndex, KbArticle } from './search.js';
import type { Typeahead } from './typeahead.js';

export interface KbTestItem {
  text: string;
  /** A catalogue service id: any article of this service answers the question. */
  service: string;
}

/** Ranked articles for a question, best first. */
export type Retrieve = (text: string) => KbArticle[];

export interface KbMiss {
  text: string;
  service: string;
  /** Services of the top three articles returned. */
  got: string[];
  /** 1-based rank of the first right article, null when none was returned. */
  rank: number | null;
}

export interface KbEvalReport {
  items: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  meanMs: number;
  p99Ms: number;
  /** Questions whose first right article is not in the top three. */
  misses: KbMiss[];
}

export interface TypeaheadReport {
  keystrokes: number;
  meanMs: number;
  p99Ms: number;
}

/** Reads a JSON array of {text, service}; fails loudly on anything else. */
export function readKbTestFile(file: string): KbTestItem[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of {"text","service"}`);
  return data.map((d, i) => {
    if (!d || typeof d.text !== 'string' || typeof d.service !== 'string') throw new Error(`${file}: item ${i} is not {"text","service"}`);
    return { text: d.text, service: d.service };
  });
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Untimed warm-up calls: V8 tiers up the hot paths over the first few hundred calls.
const WARM_UP = 200;

export function evaluateRetrieval(retrieve: Retrieve, items: KbTestItem[]): KbEvalReport {
  for (let i = 0; i < WARM_UP && items.length > 0; i++) retrieve(items[i % items.length].text);
  const timings: number[] = [];
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  const misses: KbMiss[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    const ranked = retrieve(item.text);
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
    const index = ranked.findIndex((a) => a.service === item.service);
    if (index === 0) at1++;
    if (index >= 0 && index < 3) at3++;
    if (index >= 0) rr += 1 / (index + 1);
    if (index < 0 || index >= 3) {
      misses.push({ text: item.text, service: item.service, got: ranked.slice(0, 3).map((a) => a.service), rank: index < 0 ? null : index + 1 });
    }
  }
  const n = Math.max(1, items.length);
  return { items: items.length, recallAt1: at1 / n, recallAt3: at3 / n, mrr: rr / n, meanMs: mean(timings), p99Ms: percentile(timings, 99), misses };
}

/** Every prefix a resident types on the way to `text`, one per keystroke. */
export function keystrokePrefixes(text: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= text.length; i++) out.push(text.slice(0, i));
  return out;
}

/** Times one suggestion call per keystroke while typing each text. */
export function evaluateTypeahead(typeahead: Typeahead, texts: string[]): TypeaheadReport {
  const prefixes = texts.flatMap(keystrokePrefixes);
  for (let i = 0; i < WARM_UP && prefixes.length > 0; i++) typeahead.suggest(prefixes[i % prefixes.length]);
  const timings = prefixes.map((p) => {
    const start = process.hrtime.bigint();
    typeahead.suggest(p);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return { keystrokes: prefixes.length, meanMs: mean(timings), p99Ms: percentile(timings, 99) };
}

/**
 * The ranking the assistant acts on (bot/policy.ts, answerFromArticles): the recogniser's top three
 * intents as service beliefs; when it is confident enough to answer, the top intent counts as 0.9
 * and its best article within the top three is the one shown.
 */
export function assistantRanking(index: ArticleIndex, prediction: IntentPrediction, text: string, answerAbove: number, limit = 10): KbArticle[] {
  const beliefs = new Map<string, number>();
  for (const r of prediction.ranked.slice(0, 3)) beliefs.set(r.intent, r.confidence);
  const top = prediction.ranked[0];
  const acted = top && !prediction.outOfScope && top.confidence >= answerAbove ? top.intent : null;
  if (acted) beliefs.set(acted, Math.max(beliefs.get(acted) ?? 0, 0.9));
  const ranked = index.search(text, { services: beliefs, limit }).map((h) => h.article);
  const shown = acted ? ranked.slice(0, 3).findIndex((a) => a.service === acted) : -1;
  if (shown > 0) ranked.unshift(...ranked.splice(shown, 1));
  return ranked;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function formatKbReport(title: string, r: KbEvalReport, t: TypeaheadReport | null): string {
  const lines = [
    title,
    `  test questions:  ${r.items}`,
    `  recall@1:        ${pct(r.recallAt1)}`,
    `  recall@3:        ${pct(r.recallAt3)}`,
    `  MRR:             ${r.mrr.toFixed(3)}`,
    `  retrieval:       mean ${r.meanMs.toFixed(3)} ms, p99 ${r.p99Ms.toFixed(3)} ms per question (recogniser + search)`,
    ...(t ? [`  typeahead:       mean ${t.meanMs.toFixed(3)} ms, p99 ${t.p99Ms.toFixed(3)} ms per keystroke (${t.keystrokes} keystrokes)`] : []),
    `  misses (not in the top 3: gold <- got):`,
    ...(r.misses.length === 0
      ? ['    none']
      : r.misses.map((m) => `    [${m.rank ?? '-'}] ${m.service} <- ${m.got.join(', ') || 'nothing'}: ${JSON.stringify(m.text)}`)),
  ];
  return lines.join('\n');
}
