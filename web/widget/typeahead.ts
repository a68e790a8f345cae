import { el } from './dom.js';
import { STRINGS, type Strings } from './i18n.js';
import type { TypeaheadSuggestion } from './types.js';

const DEBOUNCE_MS = 120;
const MIN_CHARS = 2;

/**
 * The ARIA 1.2 combobox pattern on the message input: a listbox of suggested questions and
 * articles under it. Up/Down move the highlight, Enter picks it, Escape closes the list.
 * With nothing highlighted, Enter is left alone so the typed text is sent as it is.
 */
export class Typeahead {
  readonly listbox: HTMLUListElement;
  /** Says how many suggestions appeared, since the list itself is not a live region. */
  readonly status: HTMLElement;
  /** Off while a flow question is asked: suggesting articles for a postcode is only noise. */
  enabled = true;
  private items: TypeaheadSuggestion[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly fetchSuggestions: (q: string, signal: AbortSignal) => Promise<TypeaheadSuggestion[]>,
    private readonly pick: (text: string) => void,
    /** The interface's words now (the language switch changes them). */
    private readonly strings: () => Strings = () => STRINGS.en,
  ) {
    this.listbox = el('ul', { id: 'ca-typeahead', class: 'ca-typeahead', role: 'listbox', 'aria-label': this.strings().suggestedQuestions });
    this.listbox.hidden = true;
    this.status = el('div', { class: 'ca-vh', role: 'status' });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', this.listbox.id);
    input.setAttribute('aria-expanded', 'false');
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKeyDown(event));
    input.addEventListener('blur', () => this.close());
    // mousedown would blur the input (and close the list) before the click lands.
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
  }

  get isOpen(): boolean {
    return !this.listbox.hidden;
  }

  /** Closes the list and forgets any lookup still on its way. */
  close(): void {
    clearTimeout(this.timer);
    this.inflight?.abort();
    this.inflight = null;
    this.show([]);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (!this.enabled || q.length < MIN_CHARS) return this.close();
    this.timer = setTimeout(() => void this.lookup(q), DEBOUNCE_MS);
  }

  private async lookup(q: string): Promise<void> {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const items = await this.fetchSuggestions(q, controller.signal);
      if (controller.signal.aborted || this.input.value.trim() !== q || document.activeElement !== this.input) return;
      this.show(items.slice(0, 6));
    } catch {
      // Typeahead is a nicety: a failed lookup just shows nothing.
    }
  }

  /** After the language switch: the list's name in the new language. */
  relabel(): void {
    this.listbox.setAttribute('aria-label', this.strings().suggestedQuestions);
  }

  private show(items: TypeaheadSuggestion[]): void {
    const wasOpen = this.isOpen;
    const t = this.strings();
    this.items = items;
    this.active = -1;
    this.listbox.replaceChildren(
      ...items.map((item, i) => {
        const option = el('li', { id: `ca-typeahead-${i}`, class: 'ca-option', role: 'option', 'aria-selected': 'false' }, item.text);
        if (item.kind === 'article') option.appendChild(el('span', { class: 'ca-option__kind' }, t.guide));
        option.addEventListener('click', () => this.choose(i));
        return option;
      }),
    );
    this.listbox.hidden = items.length === 0;
    this.input.setAttribute('aria-expanded', String(items.length > 0));
    this.input.removeAttribute('aria-activedescendant');
    if (items.length) this.status.textContent = t.suggestionsAvailable(items.length);
    else if (wasOpen) this.status.textContent = '';
  }

  private highlight(index: number): void {
    this.active = index;
    this.listbox.querySelectorAll<HTMLElement>('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      option.classList.toggle('ca-option--active', i === index);
      if (i === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) this.input.setAttribute('aria-activedescendant', `ca-typeahead-${index}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private choose(index: number): void {
    const item = this.items[index];
    this.close();
    if (item) this.pick(item.text);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.isOpen) return;
    const count = this.items.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Wrapping through -1 returns the highlight to the input, as in the APG example.
      const next = this.active + step;
      this.highlight(next >= count ? -1 : next < -1 ? count - 1 : next);
    } else if (event.key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === 'Escape') {
      // Only the list closes; the panel stays open for the next Escape.
      event.preventDefault();
      event.stopPropagation();
      this.close();
    }
  }
}
