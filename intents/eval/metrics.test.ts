import { computeMetrics, mean, percentile } from './metrics.js';

describe('computeMetrics', () => {
  // 4 in-scope (a, a, b, safety.x) + 2 out-of-scope items, labelled with both oos spellings.
  const preds = [
    { gold: 'a', predicted: 'a' },
    { gold: 'a', predicted: 'out_of_scope' }, // in-scope predicted oos: wrong
    { gold: 'b', predicted: 'a' },
    { gold: 'safety.x', predicted: 'safety.x' },
    { gold: 'oos', predicted: 'out_of_scope' },
    { gold: 'out_of_scope', predicted: 'b' },
  ];
  const m = computeMetrics(preds);

  it('counts in-scope accuracy with oos predictions as wrong', () => {
    expect(m.inScopeItems).toBe(4);
    expect(m.inScopeAccuracy).toBeCloseTo(2 / 4);
  });

  it('computes oos recall and precision, treating oos and out_of_scope alike', () => {
    expect(m.oosItems).toBe(2);
    expect(m.oosRecall).toBeCloseTo(1 / 2);
    expect(m.oosPrecision).toBeCloseTo(1 / 2); // predicted oos: items 2 and 5, one truly oos
  });

  it('averages F1 over every gold class including oos', () => {
    // a: TP1, predicted 2, gold 2 -> P .5 R .5 F1 .5; b: TP0 -> 0; safety.x: 1; oos: P .5 R .5 -> .5
    expect(m.macroF1).toBeCloseTo((0.5 + 0 + 1 + 0.5) / 4);
  });

  it('reports safety recall over safety.* gold items', () => {
    expect(m.safetyRecall).toBe(1);
  });

  it('lists the most frequent confusions first', () => {
    const m2 = computeMetrics([
      { gold: 'x', predicted: 'y' },
      { gold: 'x', predicted: 'y' },
      { gold: 'y', predicted: 'x' },
      { gold: 'x', predicted: 'x' },
    ]);
    expect(m2.confusions).toEqual([
      { gold: 'x', predicted: 'y', count: 2 },
      { gold: 'y', predicted: 'x', count: 1 },
    ]);
  });

  it('returns null where a metric does not apply', () => {
    const m3 = computeMetrics([{ gold: 'a', predicted: 'a' }]);
    expect(m3.oosRecall).toBeNull();
    expect(m3.oosPrecision).toBeNull();
    expect(m3.safetyRecall).toBeNull();
    expect(m3.inScopeAccuracy).toBe(1);
    expect(m3.macroF1).toBe(1);
    expect(computeMetrics([]).inScopeAccuracy).toBeNull();
  });
});

describe('percentile and mean', () => {
  it('uses the nearest-rank percentile', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([], 99)).toBeNull();
  });
  it('averages', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean([])).toBeNull();
  });
});
