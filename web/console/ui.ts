import { el } from '../widget/dom.js';

export { el, append, safeHref, visuallyHidden } from '../widget/dom.js';

let fieldSeq = 0;

export interface Field<T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement = HTMLInputElement> {
  group: HTMLElement;
  control: T;
  error: HTMLElement;
  label: string;
  setError(message: string | null): void;
}

/** A GOV.UK form group: label, optional hint, error message slot, control. */
export function field<T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
  label: string,
  control: T,
  opts: { hint?: string; id?: string; labelClass?: string } = {},
): Field<T> {
  const id = opts.id ?? control.id ?? '';
  control.id = id || `f${++fieldSeq}`;
  const hint = opts.hint ? el('div', { id: `${control.id}-hint`, class: 'govuk-hint' }, opts.hint) : null;
  const error = el('p', { id: `${control.id}-error`, class: 'govuk-error-message' });
  error.hidden = true;
  const group = el('div', { class: 'govuk-form-group' }, el('label', { class: `govuk-label ${opts.labelClass ?? ''}`.trim(), for: control.id }, label), hint, error, control);
  const describedBy = () => [hint?.id, error.hidden ? undefined : error.id].filter(Boolean).join(' ');
  if (hint) control.setAttribute('aria-describedby', describedBy());
  return {
    group,
    control,
    error,
    label,
    setError(message) {
      group.classList.toggle('govuk-form-group--error', !!message);
      control.classList.toggle('govuk-input--error', !!message);
      error.replaceChildren(...(message ? [el('span', { class: 'govuk-visually-hidden' }, 'Error: '), message] : []));
      error.hidden = !message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
      const d = describedBy();
      if (d) control.setAttribute('aria-describedby', d);
      else control.removeAttribute('aria-describedby');
    },
  };
}

export function input(attrs: Record<string, string | boolean | undefined> = {}): HTMLInputElement {
  return el('input', { class: 'govuk-input', type: 'text', ...attrs });
}

export function button(text: string, attrs: Record<string, string | boolean | undefined> = {}, variant: 'primary' | 'secondary' | 'warning' = 'primary'): HTMLButtonElement {
  const cls = `govuk-button${variant === 'primary' ? '' : ` govuk-button--${variant}`}`;
  return el('button', { type: 'button', class: cls, ...attrs }, text);
}

/**
 * GOV.UK error summary: "There is a problem" with a link to each field. It is focused when
 * shown, so screen readers announce it and keyboard users start from it.
 */
export class ErrorSummary {
  readonly node: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor() {
    this.list = el('ul', { class: 'govuk-list govuk-error-summary__list' });
    this.node = el(
      'div',
      { class: 'govuk-error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title', role: 'alert' },
      el('h2', { class: 'govuk-error-summary__title', id: 'error-summary-title' }, 'There is a problem'),
      el('div', { class: 'govuk-error-summary__body' }, this.list),
    );
    this.node.hidden = true;
  }

  /** Each error is a message and, when it belongs to a field, that field (which shows it inline too). */
  show(errors: { message: string; field?: Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement> }[], allFields: Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>[] = []): void {
    for (const f of allFields) f.setError(null);
    this.list.replaceChildren(
      ...errors.map(({ message, field: f }) => {
        f?.setError(message);
        if (!f) return el('li', {}, message);
        const link = el('a', { href: `#${f.control.id}` }, message);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          f.control.focus();
        });
        return el('li', {}, link);
      }),
    );
    this.node.hidden = errors.length === 0;
    if (errors.length) {
      document.title = `Error: ${document.title.replace(/^Error: /, '')}`;
      this.node.focus();
    }
  }

  clear(allFields: Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>[] = []): void {
    for (const f of allFields) f.setError(null);
    this.list.replaceChildren();
    this.node.hidden = true;
    document.title = document.title.replace(/^Error: /, '');
  }
}

/** GOV.UK notification banner (success or important information). */
export function banner(title: string, text: string, success = false): HTMLElement {
  return el(
    'div',
    { class: `govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`, role: success ? 'alert' : 'region', 'aria-labelledby': 'banner-title' },
    el('div', { class: 'govuk-notification-banner__header' }, el('h2', { class: 'govuk-notification-banner__title', id: 'banner-title' }, title)),
    el('div', { class: 'govuk-notification-banner__content' }, el('p', { class: 'govuk-notification-banner__heading' }, text)),
  );
}

/** "4 min 05 s": short enough for a table cell, read sensibly by screen readers. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function humanise(s: string): string {
  const t = s.replace(/[._]/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Sets the page title and moves focus to the page's h1, as a page change would. */
export function announcePage(title: string, heading: HTMLElement | null, focus = true): void {
  document.title = `${title} – Council assistant console`;
  if (heading && focus) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

/** A message for the polite live region, in case something else changed what it said. */
export function say(region: HTMLElement, text: string): void {
  // Clearing first makes repeated identical messages announce again.
  region.textContent = '';
  setTimeout(() => (region.textContent = text), 50);
}

export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as Error).message);
  return 'Something went wrong. Try again.';
}

/** The data-* attributes that name a row or item, nearest first (so a control is found in the same row after a redraw). */
const ROW_KEYS = ['data-key', 'data-handoff', 'data-delivery', 'data-chain', 'data-recording', 'data-id', 'data-queue', 'data-webhook', 'data-conversation'];

/** Where a keyboard user's focus was: the control, its row's key and how to find it again among fresh elements. */
interface FocusMark {
  element: HTMLElement;
  container: HTMLElement;
  key: [string, string] | null;
  selector: string;
  name: string;
}

function accessibleName(e: HTMLElement): string {
  return (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether a keyboard user can be on `e`: in the page, shown, not disabled. */
function usable(e: HTMLElement): boolean {
  return e.isConnected && !(e as HTMLButtonElement).disabled && !e.closest('[hidden], [inert]') && e.getClientRects().length > 0;
}

function markOf(e: HTMLElement, containers: HTMLElement[]): FocusMark {
  const inside = containers.find((c) => c.contains(e))!;
  let key: [string, string] | null = null;
  for (let n = e.parentElement; n && n !== inside && !key; n = n.parentElement) {
    const attr = ROW_KEYS.find((a) => n!.hasAttribute(a));
    if (attr) key = [attr, n.getAttribute(attr)!];
  }
  const control = e.getAttribute('data-control');
  const action = e.getAttribute('data-action');
  const selector = control
    ? `[data-control="${CSS.escape(control)}"]`
    : e.id
      ? `#${CSS.escape(e.id)}`
      : action
        ? `${e.tagName.toLowerCase()}[data-action="${CSS.escape(action)}"]`
        : e.tagName.toLowerCase() + Array.from(e.classList, (c) => `.${CSS.escape(c)}`).join('');
  // A data-control or an id is the control's identity; otherwise its accessible name tells it from its siblings.
  return { element: e, container: inside, key, selector, name: control || e.id ? '' : accessibleName(e) };
}

function findAgain(mark: FocusMark, containers: HTMLElement[]): HTMLElement | null {
  for (const c of containers) {
    const scopes = mark.key ? Array.from(c.querySelectorAll<HTMLElement>(`[${mark.key[0]}="${CSS.escape(mark.key[1])}"]`)) : [c];
    for (const scope of scopes) {
      const found = Array.from(scope.querySelectorAll<HTMLElement>(mark.selector)).find((e) => (!mark.name || accessibleName(e) === mark.name) && usable(e));
      if (found) return found;
    }
  }
  return null;
}

/** Somewhere sensible to put focus that is not the page's body: the container's table, or its first heading, shown. */
function defaultFallback(from: HTMLElement): HTMLElement | null {
  const table = from.closest('table');
  if (table && usable(table)) return table;
  const heading = from.querySelector<HTMLElement>('h1, h2, h3, caption');
  return heading && usable(heading) ? heading : null;
}

function focusSomewhere(target: HTMLElement | null | undefined): void {
  if (!target || !usable(target)) return;
  if (!target.matches('a[href], button, input, select, textarea, summary, [tabindex]')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * Redraws part of a page (live updates, timed refreshes) without dropping a keyboard or screen-reader
 * user's focus to the page's body: if focus was inside `container` (or one of several), the same control
 * (same row key, same data-control, id or tag, classes and accessible name) is focused in the redrawn DOM;
 * if it is gone, `fallback` (by default the container's table or first heading, shown) takes focus.
 * `redraw` may be asynchronous (a fetch, then a redraw): focus moved meanwhile is followed, and focus the
 * user put somewhere else is left alone; only focus that fell to nothing is restored.
 */
export function redrawKeepingFocus<T>(container: HTMLElement | HTMLElement[], redraw: () => T, fallback?: (from: HTMLElement) => HTMLElement | null | undefined): T {
  const containers = Array.isArray(container) ? container : [container];
  const focusedIn = (): HTMLElement | null => {
    const a = document.activeElement;
    return a instanceof HTMLElement && containers.some((c) => c !== a && c.contains(a)) ? a : null;
  };
  const first = focusedIn();
  if (!first) return redraw();
  let mark = markOf(first, containers);
  const restore = () => {
    const a = document.activeElement;
    const lost = !a || a === document.body || a === document.documentElement || !a.isConnected || (a === mark.element && !usable(mark.element));
    if (!lost) return;
    if (mark.element.isConnected && usable(mark.element)) return mark.element.focus();
    // The same control redrawn, or the same heading a fallback focused earlier (which needs tabindex -1 again).
    const same = findAgain(mark, containers);
    if (same) return focusSomewhere(same);
    focusSomewhere((fallback ?? defaultFallback)(mark.container));
  };
  const result = redraw();
  if (result instanceof Promise) {
    const follow = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && focusedIn() === event.target) mark = markOf(event.target, containers);
    };
    document.addEventListener('focusin', follow);
    return result.finally(() => {
      document.removeEventListener('focusin', follow);
      restore();
    }) as unknown as T;
  }
  restore();
  return result;
}
