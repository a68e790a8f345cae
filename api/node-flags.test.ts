/**
 * Every way of starting the product runs node with its flags (api/node-flags.ts): the start
 * scripts and the Dockerfile name them, and the product's log says at start when they are missing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { missingNodeFlags, PRODUCT_NODE_FLAGS } from './node-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the product’s node flags', () => {
  test('package.json’s start scripts and the Dockerfile name every flag', () => {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const cmd = /^CMD (.+)$/m.exec(dockerfile)?.[1] ?? '';
    expect(PRODUCT_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of PRODUCT_NODE_FLAGS) {
      expect(scripts.start).toContain(`tsx ${flag} api/main.ts`);
      expect(scripts['start:prod']).toContain(`node ${flag} dist/api/main.js`);
      expect(JSON.parse(cmd)).toContain(flag);
    }
  });

  test('the benchmarks start the product with them', () => {
    for (const file of ['scripts/product-process.ts', 'scripts/bench-turns.ts', 'scripts/bench-chaos.ts']) {
      expect(readFileSync(path.join(root, file), 'utf8')).toMatch(/\[\.\.\.PRODUCT_NODE_FLAGS,[^\]]*'api\/main\.ts'\]/);
    }
  });

  test('names the flags a process was started without', () => {
    expect(missingNodeFlags([])).toEqual([...PRODUCT_NODE_FLAGS]);
    expect(missingNodeFlags(['--import', 'tsx', ...PRODUCT_NODE_FLAGS])).toEqual([]);
  });
});
