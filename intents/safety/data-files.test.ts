/**
 * The safety model's development items are one file per development set (data/dev-items/NNN-<source>.json):
 * the loader keeps the files' order, takes each item's source from its file's name, and refuses a file named otherwise.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';
import { loadSafetyData } from './model.js';

const here = path.dirname(fileURLToPath(import.meta.url));

test('the bundled items come set by set in file order, each with its file’s source', () => {
  const files = readdirSync(path.join(here, 'data', 'dev-items')).filter((n) => n.endsWith('.json')).sort();
  const sources = files.map((n) => n.replace(/^\d{3}-/, '').replace(/\.json$/, ''));
  const items = loadSafetyData();
  // Every set appears once, as one run, in the files' order.
  const runs = items.map((i) => i.source).filter((s, k, all) => k === 0 || all[k - 1] !== s);
  expect(runs).toEqual(sources);
  expect(new Set(items.map((i) => i.label))).toEqual(new Set(['none', 'safety.risk_to_life', 'safety.safeguarding_concern']));
  // Callers get their own array.
  items.pop();
  expect(loadSafetyData().length).toBe(items.length + 1);
});

test('a folder of its own: sources from the names, order from the numbers; a misnamed file is refused by name', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'safety-items-'));
  try {
    writeFileSync(path.join(dir, '002-second-set.json'), JSON.stringify([{ text: 'b', label: 'none' }]));
    writeFileSync(path.join(dir, '001-first-set.json'), JSON.stringify([{ text: 'a', label: 'safety.risk_to_life', kind: 'danger_now' }]));
    expect(loadSafetyData(dir)).toEqual([
      { text: 'a', label: 'safety.risk_to_life', kind: 'danger_now', source: 'first-set' },
      { text: 'b', label: 'none', source: 'second-set' },
    ]);
    const bad = mkdtempSync(path.join(os.tmpdir(), 'safety-items-'));
    writeFileSync(path.join(bad, 'extra items.json'), '[]');
    expect(() => loadSafetyData(bad)).toThrow(/extra items\.json: a development items file is named NNN-<source>\.json/);
    rmSync(bad, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
