import { el, safeHref } from './dom.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the URL ("see https://x.gov.uk."). */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;

/**
 * Plain text to DOM: blank lines separate paragraphs, single newlines become line breaks,
 * runs of lines starting "- " become a bulleted list, and URLs become links.
 */
export function renderText(text: string): DocumentFragment {
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
        list.appendChild(withLinks(el('li'), item[1]));
      } else {
        list = null;
        if (paragraph) paragraph.appendChild(el('br'));
        else paragraph = fragment.appendChild(el('p', { class: 'ca-p' }));
        withLinks(paragraph, line);
      }
    }
  }
  return fragment;
}

/** Appends `text` to `parent`, with each URL in it as a link. */
export function withLinks<T extends HTMLElement>(parent: T, text: string): T {
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    const start = match.index ?? 0;
    parent.appendChild(document.createTextNode(text.slice(last, start)));
    const href = safeHref(url);
    parent.appendChild(href ? el('a', { class: 'ca-link', href }, url) : document.createTextNode(url));
    last = start + url.length;
  }
  parent.appendChild(document.createTextNode(text.slice(last)));
  return parent;
}
