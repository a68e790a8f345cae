import type { Session } from './types.js';

/**
 * Keeps the conversation across page loads: the session, and whether the resident ended it, in
 * localStorage (per tenant); whether the panel was open in sessionStorage (only this tab, so a
 * reload mid-flow reopens it).
 * Storage can be blocked (private modes, strict cookie settings); the widget then works per page.
 */
export class SessionStore {
  private readonly key: string;

  constructor(tenant: string) {
    this.key = `council-assistant:${tenant}`;
  }

  load(): Session | null {
    const raw = read(() => localStorage.getItem(this.key));
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<Session>;
      return typeof value.conversationId === 'string' && typeof value.token === 'string'
        ? { conversationId: value.conversationId, token: value.token }
        : null;
    } catch {
      return null;
    }
  }

  save(session: Session): void {
    write(() => localStorage.setItem(this.key, JSON.stringify(session)));
  }

  clear(): void {
    write(() => localStorage.removeItem(this.key));
    write(() => localStorage.removeItem(`${this.key}:ended`));
  }

  /** The resident ended this conversation with End chat: a reload shows it ended, not an open input. */
  markEnded(conversationId: string): void {
    write(() => localStorage.setItem(`${this.key}:ended`, conversationId));
  }

  /** The id of the conversation the resident ended, if the stored one was. */
  endedConversation(): string | null {
    return read(() => localStorage.getItem(`${this.key}:ended`));
  }

  wasOpen(): boolean {
    return read(() => sessionStorage.getItem(`${this.key}:open`)) === 'true';
  }

  rememberOpen(open: boolean): void {
    write(() => (open ? sessionStorage.setItem(`${this.key}:open`, 'true') : sessionStorage.removeItem(`${this.key}:open`)));
  }
}

function read(get: () => string | null): string | null {
  try {
    return get();
  } catch {
    return null;
  }
}

function write(set: () => void): void {
  try {
    set();
  } catch {
    // Storage full or blocked: the conversation still works for this page.
  }
}
