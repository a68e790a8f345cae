import { buildAttach, type AttachElements } from './attach.js';
import { el, visuallyHidden } from './dom.js';
import { LANGUAGE_NAMES, type Language, type Strings } from './i18n.js';

/** The widget's static DOM: launcher, panel, log, status lines, the End chat confirmation and the message form. */
export interface PanelElements {
  root: HTMLElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  closeButton: HTMLButtonElement;
  /** "End chat" in the header: opens `endConfirm`, an inline yes/no step (no modal to trap focus in). */
  endButton: HTMLButtonElement;
  endConfirm: HTMLElement;
  /** What ending means in the current state (leaving the queue, the adviser). */
  endHint: HTMLElement;
  endYes: HTMLButtonElement;
  endNo: HTMLButtonElement;
  log: HTMLElement;
  typing: HTMLElement;
  /** "Sam is typing…" from an adviser: its own polite region, so it is announced once. */
  agentTyping: HTMLElement;
  /** Who the resident is talking to, or that they are waiting and for how long. */
  status: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  sendButton: HTMLButtonElement;
  /** "Take a photo" (phones) and "Add a photo or file" (attach.ts). */
  photoInput: HTMLInputElement;
  fileInput: HTMLInputElement;
  /** The English / Cymraeg switch: shown only where the council offers both. */
  languageSwitch: HTMLElement;
  languageButtons: Record<Language, HTMLButtonElement>;
  /** Re-words every static label, sets the root's `lang` and the switch's pressed state. */
  setLanguage(language: Language, strings: Strings, title: string): void;
}

export function buildPanel(title: string): PanelElements {
  const launcherText = el('span', {}, title);
  const launcher = el('button', { type: 'button', class: 'ca-launcher ca-button', 'aria-expanded': 'false', 'aria-controls': 'ca-panel' }, chatIcon(), launcherText);
  const closeText = el('span', {}, ' Close');
  const closeHidden = visuallyHidden(' chat');
  const closeButton = el('button', { type: 'button', class: 'ca-close' }, el('span', { 'aria-hidden': 'true', class: 'ca-close__icon' }, '×'), closeText, closeHidden);
  // Closing only hides the panel (the conversation carries on); ending closes the conversation.
  const endButton = el('button', { type: 'button', class: 'ca-close ca-end', 'aria-expanded': 'false', 'aria-controls': 'ca-end-confirm' }, 'End chat');
  const endYes = el('button', { type: 'button', class: 'ca-button ca-button--warning' }, 'Yes, end chat');
  const endNo = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, 'No, keep chatting');
  const endHint = el('p', { id: 'ca-end-hint', class: 'ca-p' });
  const endQuestion = el('p', { id: 'ca-end-question', class: 'ca-confirm__question' }, 'End this chat?');
  const endConfirm = el(
    'div',
    { id: 'ca-end-confirm', class: 'ca-confirm', role: 'group', 'aria-labelledby': 'ca-end-question', 'aria-describedby': 'ca-end-hint' },
    endQuestion,
    endHint,
    el('div', { class: 'ca-confirm__actions' }, endYes, endNo),
  );
  endConfirm.hidden = true;
  const log = el('div', { id: 'ca-log', class: 'ca-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
  const typing = el('div', { class: 'ca-typing', role: 'status' });
  const agentTyping = el('div', { class: 'ca-agent-typing', role: 'status', 'aria-live': 'polite' });
  const status = el('p', { class: 'ca-status', id: 'ca-status', role: 'status' });
  status.hidden = true;
  const sendButton = el('button', { type: 'submit', class: 'ca-button ca-send' }, 'Send');
  const input = el('input', { id: 'ca-input', class: 'ca-input', type: 'text', name: 'message', autocomplete: 'off', spellcheck: 'true', enterkeyhint: 'send', maxlength: '2000' });
  const inputLabel = el('label', { class: 'ca-label', for: 'ca-input' }, 'Your message');
  const attach = buildAttach();
  const form = el('form', { class: 'ca-form', novalidate: true }, inputLabel, el('div', { class: 'ca-form__row' }, input, sendButton), attach.root);
  // Each language's name in that language, marked so a screen reader pronounces "Cymraeg" in Welsh.
  const languageButtons = {
    en: el('button', { type: 'button', class: 'ca-lang__option', lang: 'en', 'aria-pressed': 'true', 'data-language': 'en' }, LANGUAGE_NAMES.en),
    cy: el('button', { type: 'button', class: 'ca-lang__option', lang: 'cy', 'aria-pressed': 'false', 'data-language': 'cy' }, LANGUAGE_NAMES.cy),
  } satisfies Record<Language, HTMLButtonElement>;
  const languageSwitch = el('div', { class: 'ca-lang', role: 'group', 'aria-label': 'Language' }, languageButtons.en, el('span', { class: 'ca-lang__sep', 'aria-hidden': 'true' }, '|'), languageButtons.cy);
  languageSwitch.hidden = true;
  const heading = el('h2', { id: 'ca-title', class: 'ca-title' }, title);
  const intro = el('p', { id: 'ca-intro', class: 'ca-intro' }, 'An automated assistant. You can ask for a person at any time.');
  const panel = el(
    'div',
    { id: 'ca-panel', class: 'ca-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ca-title', 'aria-describedby': 'ca-intro' },
    el(
      'div',
      { class: 'ca-header' },
      // Title and buttons share the first row; the intro and the language switch take the full width under them (narrow screens).
      heading,
      el('div', { class: 'ca-header__actions' }, endButton, closeButton),
      intro,
      languageSwitch,
    ),
    endConfirm,
    status,
    log,
    typing,
    agentTyping,
    form,
  );
  panel.hidden = true;
  const root = el('div', { id: 'ca-root', class: 'ca-root', lang: 'en' }, launcher, panel);
  const setLanguage = (language: Language, t: Strings, shownTitle: string) => {
    root.setAttribute('lang', language);
    launcherText.textContent = shownTitle;
    heading.textContent = shownTitle;
    closeText.textContent = ` ${t.close}`;
    closeHidden.textContent = t.closeHidden;
    endButton.textContent = t.endChat;
    endYes.textContent = t.endYes;
    endNo.textContent = t.endNo;
    endQuestion.textContent = t.endQuestion;
    log.setAttribute('aria-label', t.conversation);
    intro.textContent = t.intro;
    inputLabel.textContent = t.yourMessage;
    sendButton.textContent = t.send;
    languageSwitch.setAttribute('aria-label', t.languageGroup);
    for (const [l, button] of Object.entries(languageButtons)) button.setAttribute('aria-pressed', String(l === language));
    rewordAttach(attach, t);
  };
  return {
    root,
    launcher,
    panel,
    closeButton,
    endButton,
    endConfirm,
    endHint,
    endYes,
    endNo,
    log,
    typing,
    agentTyping,
    status,
    form,
    input,
    sendButton,
    photoInput: attach.photoInput,
    fileInput: attach.fileInput,
    languageSwitch,
    languageButtons,
    setLanguage,
  };
}

function rewordAttach(attach: AttachElements, t: Strings): void {
  attach.photoLabel.textContent = t.takePhoto;
  attach.fileLabel.textContent = t.addFile;
  attach.hint.textContent = t.attachHint;
}

function chatIcon(): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'ca-launcher__icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.appendChild(path);
  return svg;
}
