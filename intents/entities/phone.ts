/**
 * UK phone numbers: 07700 900123, 01632 960100, (01632) 960 100, +44 7700 900123,
 * +44 (0)7700 900123, 0044 7700-900-123. Normalised to E.164 (+44 and the national number).
 */
import type { Entity } from '../types.js';

// A prefix (+44 / 0044 / 0 / "(0") then 9 or 10 digits with optional spaces, dashes, a closing bracket.
const PHONE_RE = /(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s-]?\)?[\s-]?\d){9,10}(?!\d)/g;

/** National significant number ("7700900123") when `digits` is a dialable UK number, else null. */
function nationalNumber(raw: string): string | null {
  let digits = raw.replace(/\(0\)/, '').replace(/\D/g, '');
  if (digits.startsWith('0044')) digits = digits.slice(4);
  else if (digits.startsWith('44') && raw.trim().startsWith('+')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  else return null;
  if (digits.startsWith('0')) return null;
  // 10 digits for almost everything; 9 for a few small-exchange landlines and 0800 numbers.
  if (digits.length === 10 && /^[1235789]/.test(digits)) return digits;
  if (digits.length === 9 && /^[18]/.test(digits)) return digits;
  return null;
}

/** "07700 900123" → "+447700900123"; null when it is not a UK number. */
export function normalisePhone(input: string): string | null {
  const nsn = nationalNumber(input.trim());
  return nsn ? `+44${nsn}` : null;
}

/**
 * A UK number as people write it: "+447700900123" (spaces allowed) → "07700 900123"; any other
 * number as given. The one formatting for residents' replies and the agents' console.
 */
export function formatPhone(phone: string): string {
  const national = /^\+44(\d{10})$/.exec(phone.replace(/\s/g, ''));
  return national ? `0${national[1].slice(0, 4)} ${national[1].slice(4)}` : phone;
}

export function isMobile(e164: string): boolean {
  return e164.startsWith('+447');
}

export function extractPhones(text: string): Entity[] {
  const out: Entity[] = [];
  for (const m of text.matchAll(PHONE_RE)) {
    const value = normalisePhone(m[0]);
    if (!value) continue;
    out.push({
      type: 'phone', value, text: m[0], start: m.index, end: m.index + m[0].length,
      // `detail` holds strings and numbers only: mobile is 1 for a mobile, absent otherwise.
      confidence: 1, detail: isMobile(value) ? { mobile: 1 } : {},
    });
  }
  return out;
}
