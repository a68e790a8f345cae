/**
 * Finds the phone numbers in a reply, so web chat can make them tap-to-call (tel:) and
 * text (sms:) links: UK numbers ("0800 111 999", "01632 960 200", "+44 7700 900123"), the
 * short numbers people are told to call (999, 111, 101, 105, 116 123) and "text SHOUT to 85258".
 * Pure string work (no DOM), so it is unit-tested in Node. It errs towards leaving text alone:
 * case references (MBC-400081), dates, times, postcodes, money and house numbers are not numbers
 * to call, and a wrong link is worse than none.
 */

export interface PhoneLink {
  start: number;
  end: number;
  href: string;
}

// Nothing that makes a run of digits part of something else: a word, money, a decimal, a time, a
// date, a reference ("MBC-400081"), a URL path.
const BEFORE = String.raw`(?<![\w£$€.,/+\-])(?<!\d:)`;
// The same after; a sentence's full stop or comma is fine, "999.50" or "01:30" are not.
const AFTER = String.raw`(?![\w£%]|[.,:/\-]\d)`;

/** A UK number: 0 or +44 (optionally "+44 (0)"), then groups of digits split by a space or hyphen. */
const FULL_RE = new RegExp(`${BEFORE}(?:\\+44[ ]?(?:\\(0\\)[ ]?)?|\\(?(?=0))(\\d{2,6}\\)?(?:[ -]?\\d{2,6}){0,4})`, 'g');

/** Short numbers residents are told to call. 999 and 112 stand alone; the others need a calling word. */
const SHORT_RE = new RegExp(`${BEFORE}(999|112|111|101|105|116[ ]?\\d{3})${AFTER}`, 'g');
const CALLING_WORDS = /\b(?:call(?:ing)?|ring(?:ing)?|phone|dial(?:l?ing)?|telephone|tel|NHS|Samaritans|Childline|helpline|line|emergency|police|ambulance)\b/i;
/** "101 High Street" is an address, not the police. */
const STREET_AFTER = /^\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Lane|Close|Way|Drive|Court|Crescent|Place|Gardens|Terrace|Hill|Square|Walk|Row|Grove|Park|Green|Mews|View|Rise)\b/;

/** "text SHOUT to 85258", "text 85258": an SMS short code (5 or 6 digits, no leading 0), with the keyword as the body. */
const SMS_RE = /\b[Tt]ext\s+(?:the\s+word\s+)?(?:"|“)?([A-Z][A-Z0-9]{1,15})(?:"|”)?\s+to\s+([1-9]\d{4,5})(?![\d]|[ -]\d)|\b[Tt]ext\s+(?:us\s+)?(?:on\s+)?([1-9]\d{4,5})(?![\d]|[ -]\d)/g;
/** A full number right after "text (us) (on)" is for texting. */
const TEXT_BEFORE = /\btext(?:\s+us)?(?:\s+on)?\s*$/i;

/** The national significant number (after the 0) has 9 or 10 digits and starts 1, 2, 3, 5, 7, 8 or 9. */
function validNational(digits: string): boolean {
  return /^[1235789]\d{8,9}$/.test(digits);
}

export function findPhoneNumbers(text: string): PhoneLink[] {
  const links: PhoneLink[] = [];
  const taken = (start: number, end: number) => links.some((l) => start < l.end && end > l.start);

  for (const m of text.matchAll(SMS_RE)) {
    const start = m.index ?? 0;
    const number = m[2] ?? m[3];
    const numberStart = start + m[0].lastIndexOf(number);
    const body = m[1] ? `?body=${encodeURIComponent(m[1])}` : '';
    links.push({ start: numberStart, end: numberStart + number.length, href: `sms:${number}${body}` });
  }

  for (const m of text.matchAll(FULL_RE)) {
    let start = m.index ?? 0;
    const international = m[0].startsWith('+');
    // Drop trailing groups until the digits make a number: "0800 111 999 24 hours" keeps "0800 111 999".
    let candidate = m[0];
    let national = '';
    while (candidate) {
      const digits = candidate.replace(/^\+44/, '').replace(/\(0\)/, '').replace(/\D/g, '');
      national = international ? digits : digits.replace(/^0/, '');
      if ((international || digits.startsWith('0')) && validNational(national)) break;
      const cut = candidate.search(/[ -]\d+\)?$/);
      candidate = cut > 0 ? candidate.slice(0, cut) : '';
    }
    if (!candidate) continue;
    let end = start + candidate.length;
    // Brackets are part of "(01632) 960 200", not of "(0800 111 999)".
    if (candidate.startsWith('(') && !candidate.includes(')')) start += 1;
    if (text[end - 1] === ')' && !candidate.includes('(')) end -= 1;
    if (!new RegExp(`^${AFTER}`).test(text.slice(end))) continue;
    if (taken(start, end)) continue;
    const scheme = TEXT_BEFORE.test(text.slice(Math.max(0, start - 20), start)) && /^7/.test(national) ? 'sms' : 'tel';
    links.push({ start, end, href: `${scheme}:+44${national}` });
  }

  for (const m of text.matchAll(SHORT_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    if (STREET_AFTER.test(text.slice(end))) continue;
    const number = m[1].replace(/\s/g, '');
    if (number !== '999' && number !== '112') {
      // The words before it in the same sentence must be about calling: "call NHS 111", "on 116 123".
      const clause = text.slice(0, start).split(/[.!?;\n](?:\s|$)/).pop() ?? '';
      if (!CALLING_WORDS.test(clause.slice(-60))) continue;
    }
    links.push({ start, end, href: `tel:${number}` });
  }

  return links.sort((a, b) => a.start - b.start);
}
