/** E-mail addresses, lower-cased. Deliberately plain: residents type ordinary addresses. */
import type { Entity } from '../types.js';

const EMAIL_RE = /(?<![\w.+-])[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?![\w-])/gi;

export function normaliseEmail(input: string): string | null {
  const s = input.trim().toLowerCase();
  const m = s.match(new RegExp(`^${EMAIL_RE.source}$`, 'i'));
  return m ? s : null;
}

export function extractEmails(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(EMAIL_RE)) {
    out.push({
      type: 'email', value: m[0].toLowerCase(), text: m[0],
      start: m.index, end: m.index + m[0].length, confidence: 1,
    });
  }
  return out;
}
