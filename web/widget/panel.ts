import { buildAttach } from './attach.js';
import { el, visuallyHidden } from './dom.js';

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
}

export function buildPanel(title: string): PanelElements {
  const launcher = el(
    'button',
    { type: 'button', class: 'ca-launcher ca-button', 'aria-expanded': 'false', 'aria-controls': 'ca-panel' },
    chatIcon(),
    title,
  );
  const closeButton = el('button', { type: 'button', class: 'ca-close' }, el('span', { 'aria-hidden': 'true', class: 'ca-close__icon' }, '×'), ' Close', visuallyHidden(' chat'));
  // Closing only hides the panel (the conversation carries on); ending closes the conversation.
  const endButton = el('button', { type: 'button', class: 'ca-close ca-end', 'aria-expanded': 'false', 'aria-controls': 'ca-end-confirm' }, 'End chat');
  const endYes = el('button', { type: 'button', class: 'ca-button ca-button--warning' }, 'Yes, end chat');
  const endNo = el('button', { type: 'button', class: 'ca-button ca-button--secondary' }, 'No, keep chatting');
  const endHint = el('p', { id: 'ca-end-hint', class: 'ca-p' });
  const endConfirm = el(
    'div',
    { id: 'ca-end-confirm', class: 'ca-confirm', role: 'group', 'aria-labelledby': 'ca-end-question', 'aria-describedby': 'ca-end-hint' },
    el('p', { id: 'ca-end-question', class: 'ca-confirm__question' }, 'End this chat?'),
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
  const attach = buildAttach();
  const form = el(
    'form',
    { class: 'ca-form', novalidate: true },
    el('label', { class: 'ca-label', for: 'ca-input' }, 'Your message'),
    el('div', { class: 'ca-form__row' }, input, sendButton),
    attach.root,
  );
  const panel = el(
    'div',
    { id: 'ca-panel', class: 'ca-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ca-title', 'aria-describedby': 'ca-intro' },
    el(
      'div',
      { class: 'ca-header' },
      // Title and buttons share the first row; the intro takes the full width under them (narrow screens).
      el('h2', { id: 'ca-title', class: 'ca-title' }, title),
      el('div', { class: 'ca-header__actions' }, endButton, closeButton),
      el('p', { id: 'ca-intro', class: 'ca-intro' }, 'An automated assistant. You can ask for a person at any time.'),
    ),
    endConfirm,
    status,
    log,
    typing,
    agentTyping,
    form,
  );
  panel.hidden = true;
  const root = el('div', { id: 'ca-root', class: 'ca-root' }, launcher, panel);
  return { root, launcher, panel, closeButton, endButton, endConfirm, endHint, endYes, endNo, log, typing, agentTyping, status, form, input, sendButton, photoInput: attach.photoInput, fileInput: attach.fileInput };
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
