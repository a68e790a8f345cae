import { el, safeHref } from './dom.js';
import { findPhoneNumbers } from './phone-links.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the URL ("see https://x.gov.uk."). */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

export interface RenderTextOptions {
  /** Phone numbers become tel: (and "text SHOUT to 85258" sms:) links: on for the council's words, off for the resident's. */
  phoneLinks?: boolean;
}

/**
 * Plain text to DOM: blank lines separate paragraphs, single newlines become line breaks,
 * runs of lines starting "- " become a bulleted list, URLs become links, and (optionally)
 * phone numbers become tap-to-call links. Text only ever goes in as text nodes.
 */
export function renderText(text: string, options: RenderTextOptions = {}): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    let list: HTMLUListElement | null = null;
    let paragraph: HTMLParagraphElement | null = null;
    for (const line of lines) {
      const item = /^\s*[-•*]\s+(.*)$/.exec(line);
      if (item) {
        paragraph = null;
        list ??= fragment.appendChild(el('ul', { class: 'ca-list' }));
        list.appendChild(withLinks(el('li'), item[1], options));
      } else {
        list = null;
        if (paragraph) paragraph.appendChild(el('br'));
        else paragraph = fragment.appendChild(el('p', { class: 'ca-p' }));
        withLinks(paragraph, line, options);
      }
    }
  }
  return fragment;
}

/** Appends `text` to `parent`, with each URL in it as a link (and each phone number, if asked). */
export function withLinks<T extends HTMLElement>(parent: T, text: string, options: RenderTextOptions = {}): T {
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index ?? 0;
    appendText(parent, text.slice(last, start), options);
    const href = safeHref(url);
    parent.appendChild(href ? el('a', { class: 'ca-link', href }, url) : document.createTextNode(url));
    last = start + url.length;
  }
  appendText(parent, text.slice(last), options);
  return parent;
}

/** Text between URLs: phone numbers keep their visible text, as tel:/sms: links. */
function appendText(parent: HTMLElement, text: string, options: RenderTextOptions): void {
  let last = 0;
  if (options.phoneLinks) {
    for (const phone of findPhoneNumbers(text)) {
      const href = safeHref(phone.href);
      if (!href) continue;
      parent.appendChild(document.createTextNode(text.slice(last, phone.start)));
      parent.appendChild(el('a', { class: 'ca-link ca-link--phone', href }, text.slice(phone.start, phone.end)));
      last = phone.end;
    }
  }
  parent.appendChild(document.createTextNode(text.slice(last)));
}
