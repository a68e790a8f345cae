/**
 * A resident's text as every channel hands it over, normalised once at the edge: control
 * characters the store cannot hold (NUL) or that mean nothing to a reader are removed, Unicode is
 * put in one form (NFC) so the same words match, and the length is bounded. The message is kept,
 * never dropped: only characters go.
 */
export const MAX_INBOUND_CHARS = 2000;

// C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates.
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function normaliseInboundText(text: string, max = MAX_INBOUND_CHARS): string {
  const cleaned = text.replace(UNWANTED, '').normalize('NFC').trim();
  if (cleaned.length <= max) return cleaned;
  // Counted in characters (code points), as the API's length check counts them: an emoji is one.
  const characters = [...cleaned];
  return characters.length <= max ? cleaned : characters.slice(0, max).join('');
}
