/**
 * What the resident wrote in a mail, without what their mail program added: the quoted history of
 * the thread ("On … wrote:" and the lines under it, "> " lines, Outlook's "From: / Sent:" block and
 * "-----Original Message-----") and their signature ("-- ", "Sent from my iPhone"). A reply's
 * quoted copy of our own mail must never be read as the resident's words (it would answer itself).
 */

/** Lines after which everything is history, not the resident's words. */
const HISTORY_STARTS = [
  /^-{2,}\s*(original message|forwarded message)\s*-{2,}/i,
  /^_{20,}\s*$/, // Outlook's rule above its header block
  /^begin forwarded message:/i,
];

/** A signature: the standard delimiter, and mobile mail programs' lines. */
const SIGNATURE_STARTS = [/^-- ?$/, /^sent from my (iphone|ipad|android|mobile|samsung|galaxy|phone|blackberry)/i, /^get outlook for (ios|android)/i, /^sent from (outlook|mail) for/i];

/** "On Mon, 1 Dec 2026 at 10:00, Someone <a@b> wrote:" (a mail program may wrap it over two lines). */
const ON_WROTE = /^(on|le|am|el)\s.{4,300}(wrote|a écrit|schrieb|escribió)\s?:\s*$/i;

/** Outlook's block: "From: …" followed closely by "Sent:" or "Date:" and "To:" or "Subject:". */
function outlookHeaderAt(lines: string[], i: number): boolean {
  if (!/^\*?from:\*?\s/i.test(lines[i])) return false;
  const next = lines.slice(i + 1, i + 6).join('\n');
  return /^\*?(sent|date):/im.test(next) && /^\*?(to|subject):/im.test(next);
}

export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    const t = line.trim();
    if (HISTORY_STARTS.some((r) => r.test(t)) || outlookHeaderAt(lines.map((l) => l.trim()), i)) break;
    if (ON_WROTE.test(t) || (/^(on|le|am|el)\s/i.test(t) && i + 1 < lines.length && ON_WROTE.test(`${t} ${lines[i + 1].trim()}`))) break;
    if (SIGNATURE_STARTS.some((r) => r.test(t))) break;
    if (t.startsWith('>')) continue; // a quoted line, wherever it is
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** "Re: Fwd: RE: Missed bin" is "Missed bin". */
export function baseSubject(subject: string | undefined): string {
  let s = (subject ?? '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 10; i++) {
    const next = s.replace(/^(re|fwd?|aw|sv|wg|tr)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s;
}
