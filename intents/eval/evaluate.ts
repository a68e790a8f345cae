/** Runs a model over a labelled test set, times each prediction and reports the metrics. */
import { readFileSync } from 'node:fs';
import type { IntentModel, TrainingExample } from '../types.js';
import { computeMetrics, mean, normaliseLabel, OOS, percentile, type IntentMetrics } from './metrics.js';

export interface EvalReport {
  metrics: IntentMetrics;
  /**
   * Closed-set accuracy: over in-scope items, the top-ranked intent equals the gold one whatever
   * the out-of-scope decision (the metric of closed benchmarks such as Banking77). null without in-scope items.
   */
  topIntentAccuracy: number | null;
  trainSeconds: number | null;
  meanMs: number | null;
  p99Ms: number | null;
}

/** The JSON summary other tools parse (the last line of `--json` output). */
export interface EvalSummary {
  inScopeAccuracy: number | null;
  oosRecall: number | null;
  oosPrecision: number | null;
  macroF1: number | null;
  safetyRecall: number | null;
  trainSeconds: number | null;
  meanMs: number | null;
  p99Ms: number | null;
}

/**
 * Reads a JSON array of {text, intent}; fails loudly on anything else. With `split`, only the items
 * whose `split` field equals it (a development set's tuning part, or the part never tuned on).
 */
export function readLabelledFile(file: string, split?: string): TrainingExample[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of {"text","intent"}`);
  const items = split === undefined ? data : data.filter((d) => d && d.split === split);
  if (split !== undefined && items.length === 0) throw new Error(`${file}: no item has "split": "${split}"`);
  return items.map((d, i) => {
    if (!d || typeof d.text !== 'string' || typeof d.intent !== 'string') throw new Error(`${file}: item ${i} is not {"text","intent"}`);
    return { text: d.text, intent: d.intent };
  });
}

/**
 * Latency excludes untimed warm-up calls (their results are discarded): V8 compiles the hot
 * paths in tiers over the first few hundred calls, which a long-running server pays once.
 */
const WARM_UP = 300;

export function evaluateModel(model: IntentModel, test: TrainingExample[], trainSeconds: number | null): EvalReport {
  for (let i = 0; i < WARM_UP && test.length > 0; i++) model.predict(test[i % test.length].text);
  const timings: number[] = [];
  let topHits = 0;
  let inScope = 0;
  const predictions = test.map((e) => {
    const start = process.hrtime.bigint();
    const p = model.predict(e.text);
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (normaliseLabel(e.intent) !== OOS) {
      inScope++;
      if (p.ranked[0]?.intent === e.intent) topHits++;
    }
    return { gold: e.intent, predicted: p.outOfScope ? OOS : (p.ranked[0]?.intent ?? OOS) };
  });
  return {
    metrics: computeMetrics(predictions),
    topIntentAccuracy: inScope === 0 ? null : topHits / inScope,
    trainSeconds,
    meanMs: mean(timings),
    p99Ms: percentile(timings, 99),
  };
}

export function summarise(r: EvalReport): EvalSummary {
  const m = r.metrics;
  return {
    inScopeAccuracy: m.inScopeAccuracy,
    oosRecall: m.oosRecall,
    oosPrecision: m.oosPrecision,
    macroF1: m.macroF1,
    safetyRecall: m.safetyRecall,
    trainSeconds: r.trainSeconds,
    meanMs: r.meanMs,
    p99Ms: r.p99Ms,
  };
}

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits: number) => (v === null ? 'n/a' : v.toFixed(digits));

export function formatReport(title: string, r: EvalReport): string {
  const m = r.metrics;
  const lines = [
    title,
    `  test items:          ${m.items} (${m.inScopeItems} in scope, ${m.oosItems} out of scope)`,
    `  in-scope accuracy:   ${pct(m.inScopeAccuracy)} (top intent, ignoring the oos decision: ${pct(r.topIntentAccuracy)})`,
    `  oos recall:          ${pct(m.oosRecall)}`,
    `  oos precision:       ${pct(m.oosPrecision)}`,
    `  macro F1:            ${pct(m.macroF1)}`,
    `  safety.* recall:     ${pct(m.safetyRecall)}`,
    `  training:            ${num(r.trainSeconds, 1)} s`,
    `  latency:             mean ${num(r.meanMs, 3)} ms, p99 ${num(r.p99Ms, 3)} ms`,
    `  top confusions (gold -> predicted):`,
    ...(m.confusions.length === 0 ? ['    none'] : m.confusions.map((c) => `    ${String(c.count).padStart(4)}  ${c.gold} -> ${c.predicted}`)),
  ];
  return lines.join('\n');
}
