/**
 * A reply as an e-mail: a greeting, the answer, a card or link written out, suggestions as a short
 * numbered list the resident can answer with a number ("2" picks the second, as by SMS), and the
 * council's signature; in plain text and in simple, accessible HTML (no images, no tracking).
 * The subject and threading headers are the sender's (email-send.ts): they depend on the thread.
 */
import type { OutboundMessage } from '../../bot/index.js';
import { degrade } from '../degrade.js';

export interface EmailBody {
  text: string;
  html: string;
  /** The numbered options written into the mail, for reading a reply of "2". */
  options?: { n: number; label: string; value: string }[];
}

/** Like a letter: no buttons, and links are written out (a card is its title, body and link). */
const CAPABILITIES = { buttons: false, cards: true };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paragraphs = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
const safeUrl = (url: string) => (/^https?:\/\//i.test(url) ? url : '');

export function renderEmail(message: OutboundMessage & { notice?: string }, signature = ''): EmailBody {
  const d = degrade(message, CAPABILITIES);
  const text: string[] = ['Hello,', message.text.trim()];
  const html: string[] = ['<p>Hello,</p>', paragraphs(message.text)];
  if (d.card) {
    const url = d.card.link ? safeUrl(d.card.link.url) : '';
    text.push(`${d.card.title}\n${d.card.body}${d.card.link ? `\n${d.card.link.label}: ${d.card.link.url}` : ''}`);
    html.push(`<h2>${esc(d.card.title)}</h2>`, paragraphs(d.card.body), url ? `<p><a href="${esc(url)}">${esc(d.card!.link!.label)}</a></p>` : '');
  }
  if (d.link) {
    const url = safeUrl(d.link.url);
    text.push(`${d.link.label}: ${d.link.url}`);
    html.push(url ? `<p><a href="${esc(url)}">${esc(d.link.label)}</a></p>` : `<p>${esc(d.link.label)}: ${esc(d.link.url)}</p>`);
  }
  if (d.options?.length) {
    text.push(['Reply with the number of your choice:', ...d.options.map((o) => `${o.n}. ${o.label}`)].join('\n'));
    html.push('<p>Reply with the number of your choice:</p>', `<ol>${d.options.map((o) => `<li>${esc(o.label)}</li>`).join('')}</ol>`);
  }
  if (signature.trim()) {
    text.push(signature.trim());
    html.push(paragraphs(signature));
  }
  return {
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"></head><body>\n${html.filter(Boolean).join('\n')}\n</body></html>\n`,
    ...(d.options?.length ? { options: d.options } : {}),
  };
}
