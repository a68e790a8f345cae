import { el, safeHref, visuallyHidden } from './dom.js';
import { STRINGS, type Language, type Strings } from './i18n.js';
import { renderText } from './render-text.js';
import type { Author, Card, OutboundMessage, Suggestion } from './types.js';

function speakerOf(author: Author, t: Strings): string {
  return { resident: t.speakerResident, bot: t.speakerBot, agent: t.speakerAgent, system: t.speakerSystem }[author];
}

export interface RenderLanguage {
  /** The interface's words (who said it, "Passing you to our team"). */
  t: Strings;
  /** The interface language, which the widget's root carries. */
  ui: Language;
  /** The message's own language (a reply's `language`), set as its `lang` so a screen reader reads it right; null: unknown, inherits the root's. */
  message: Language | null;
}

const ENGLISH: RenderLanguage = { t: STRINGS.en, ui: 'en', message: null };

/** One message as shown in the log. Suggestions are rendered separately: only the latest are live. */
export function renderMessage(author: Author, message: Partial<OutboundMessage> & { text: string; agentName?: string | null }, language: RenderLanguage = ENGLISH): HTMLElement {
  const { t, ui } = language;
  const fromResident = author === 'resident';
  const node = el('div', { class: `ca-msg ${fromResident ? 'ca-msg--resident' : `ca-msg--${author === 'agent' ? 'agent' : 'bot'}`}`, lang: language.message ?? undefined });
  // The interface's own words inside a message in the other language keep the interface's lang.
  const uiLang = language.message && language.message !== ui ? ui : undefined;
  const agentName = author === 'agent' && message.agentName ? message.agentName : null;
  const speaker = agentName ? t.namedAgentSaid(agentName) : speakerOf(author, t);
  const hidden = visuallyHidden(speaker + ' ');
  if (uiLang) hidden.setAttribute('lang', uiLang);
  const bubble = el('div', { class: 'ca-bubble' }, hidden);
  if (author === 'agent') bubble.appendChild(el('p', { class: 'ca-speaker', 'aria-hidden': 'true', lang: uiLang }, agentName ? t.namedAgentLabel(agentName) : t.agentLabel));
  if (message.handoff) bubble.appendChild(el('p', { class: 'ca-handoff', lang: uiLang }, t.passing));
  // An article answer may carry its summary as both text and card body, and its URL as both
  // card link and link: show each once.
  const card = message.card;
  // The council's numbers are tap-to-call; what the resident typed is shown as they typed it.
  const phoneLinks = !fromResident;
  if (message.text && !(card && same(card.body, message.text))) bubble.appendChild(renderText(message.text, { phoneLinks }));
  if (card) bubble.appendChild(renderCard(card, phoneLinks));
  if (message.link && !(card?.link && same(card.link.url, message.link.url))) {
    const link = renderLink(message.link.label, message.link.url);
    if (link) bubble.appendChild(el('p', { class: 'ca-p' }, link));
  }
  node.appendChild(bubble);
  if (message.handoff) node.classList.add('ca-msg--handoff');
  return node;
}

function same(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

function renderCard(card: Card, phoneLinks: boolean): HTMLElement {
  const link = card.link ? renderLink(card.link.label, card.link.url) : null;
  return el('div', { class: 'ca-card' }, el('h3', { class: 'ca-card__title' }, card.title), card.body ? el('div', { class: 'ca-card__body' }, renderText(card.body, { phoneLinks })) : null, link && el('p', { class: 'ca-p' }, link));
}

function renderLink(label: string, url: string): HTMLAnchorElement | null {
  const href = safeHref(url);
  return href ? el('a', { class: 'ca-link', href }, label || url) : null;
}

/** Suggestion buttons; `pick` sends the value as if the resident had typed it. */
export function renderSuggestions(suggestions: Suggestion[], pick: (value: string) => void, t: Strings = STRINGS.en, lang?: Language | null): HTMLElement {
  // The buttons are the reply's words: they take its language.
  const group = el('div', { class: 'ca-suggestions', role: 'group', 'aria-label': t.suggestedReplies, lang: lang ?? undefined });
  for (const s of suggestions) {
    const button = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, s.label);
    button.addEventListener('click', () => pick(s.value));
    group.appendChild(button);
  }
  return group;
}
