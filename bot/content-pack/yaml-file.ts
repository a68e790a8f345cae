import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentPackError } from './errors.js';

/**
 * Parses a YAML text and validates it with a zod schema. Any problem becomes a
 * ContentPackError with the file and the line of the offending node.
 */
export function parseYamlWith<T>(schema: z.ZodType<T>, text: string, file: string, lineOffset = 0): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
    throw new ContentPackError(file, line + lineOffset, `YAML: ${err.message.split('\n')[0]}`);
  }
  const data = doc.toJS();
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const issuePath = issue.path as (string | number)[];
    // Walk up the path until a node with a source position is found.
    let line: number | null = null;
    for (let n = issuePath.length; n >= 0 && line === null; n--) {
      const node = doc.getIn(issuePath.slice(0, n), true) as { range?: [number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    const where = issuePath.length ? ` at ${issuePath.join('.')}` : '';
    throw new ContentPackError(file, line === null ? null : line + lineOffset, `${issue.message}${where}`);
  }
  return result.data;
}

export function readText(packDir: string, relative: string): string {
  const full = path.join(packDir, relative);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch {
    throw new ContentPackError(relative, null, 'file is missing or unreadable');
  }
}

export function listFiles(packDir: string, folder: string, ext: string): string[] {
  const dir = path.join(packDir, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(folder, f));
}
