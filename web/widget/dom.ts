/** Tiny DOM builder. Text only ever goes in through textContent: nothing from the server becomes HTML. */
type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Text for screen readers only (who said a message, what a control does). */
export function visuallyHidden(text: string): HTMLSpanElement {
  return el('span', { class: 'ca-vh' }, text);
}

/** Only web, mail, phone and text-message links; a javascript: or data: URL from anywhere is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url, document.baseURI);
    return ['http:', 'https:', 'mailto:', 'tel:', 'sms:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** RFC 4122 v4; crypto.randomUUID needs a secure context, which a council page may not be. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
