import { isLanguage, type Language } from './i18n.js';
import type { Session } from './types.js';

/**
 * Keeps the conversation across page loads: the session, whether the resident ended it, and the
 * language they chose, in localStorage (per tenant); whether the panel was open in sessionStorage (only this tab, so a
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

  /** The language the resident chose with the switch: kept across chats and page loads (not cleared with the session). */
  chosenLanguage(): Language | null {
    const value = read(() => localStorage.getItem(`${this.key}:language`));
    return isLanguage(value) ? value : null;
  }

  rememberLanguage(language: Language): void {
    write(() => localStorage.setItem(`${this.key}:language`, language));
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
