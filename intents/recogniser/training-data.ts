/** Loads a content pack's training phrases: `training/*.yaml` and `training/<language>/*.yaml`, each a map from intent id to phrases. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { TrainingExample } from '../types.js';

export function loadTrainingExamples(packDir: string): TrainingExample[] {
  const dir = path.join(packDir, 'training');
  if (!existsSync(dir)) throw new Error(`No training folder: ${dir}`);
  // Phrases in another language live in a sub-folder named by its code (training/cy/*.yaml): the
  // same model learns them, as the content pack's loader gives them to the running product.
  const languageDirs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && /^[a-z]{2}$/.test(d.name)).map((d) => d.name).sort();
  const files = [
    ...readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort(),
    ...languageDirs.flatMap((lang) => readdirSync(path.join(dir, lang)).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(lang, f))),
  ];
  const examples: TrainingExample[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: invalid YAML: ${(err as Error).message}`);
    }
    if (doc == null) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`${file}: expected a map from intent id to a list of phrases`);
    for (const [intent, phrases] of Object.entries(doc as Record<string, unknown>)) {
      if (!Array.isArray(phrases)) throw new Error(`${file}: intent "${intent}" must map to a list of phrases`);
      for (const p of phrases) {
        if (typeof p !== 'string' && typeof p !== 'number') throw new Error(`${file}: intent "${intent}" has a non-text phrase: ${JSON.stringify(p)}`);
        const text = String(p).trim();
        if (text) examples.push({ text, intent });
      }
    }
  }
  if (examples.length === 0) throw new Error(`No training phrases in ${dir}`);
  return examples;
}
