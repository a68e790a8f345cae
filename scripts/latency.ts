/** Latency figures the benchmarks print: percentiles of millisecond samples, as a line and as JSON. */

/** The q-th quantile of ascending samples (nearest rank); NaN without samples. */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** One printed line: label, count, p50, p99 and max. */
export function report(label: string, samples: number[], labelWidth = 34): void {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${label.padEnd(labelWidth)} n=${String(s.length).padStart(5)}  p50=${f(percentile(s, 0.5))} ms  p99=${f(percentile(s, 0.99))} ms  max=${f(s[s.length - 1] ?? NaN)} ms`);
}

/** The same figures for the JSON line, whole milliseconds. */
export function latencyFigures(samples: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: Math.round(percentile(sorted, 0.5)), p99: Math.round(percentile(sorted, 0.99)), max: Math.round(sorted[sorted.length - 1] ?? NaN) };
}
