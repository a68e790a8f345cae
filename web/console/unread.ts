import type { ConsoleApi } from './api.js';
import type { LiveConnection } from './live.js';

/** "(2) " at the start, or after the "Error: " that a form's error summary puts first (ui.ts). */
const TITLE_PREFIX = /^(Error: )?\(\d+\) /;

/**
 * Unread counts (issue 16, item 7): residents' messages in the conversations the agent holds that
 * their console has not shown them (the server keeps what was read: GET /unread). Re-read when a
 * conversation changes, and every 30 s without the live connection. The tab title starts with the
 * total, "(2) Queue – …", kept there whatever a page sets the title to.
 */
export class UnreadTracker {
  private counts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private readonly cleanup: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fetching: Promise<void> | null = null;
  private again = false;

  constructor(private readonly api: ConsoleApi) {}

  start(live: LiveConnection): void {
    this.cleanup.push(
      live.on('conversation:message', () => this.refreshSoon()),
      live.on('queue:changed', () => this.refreshSoon()),
    );
    const poll = setInterval(() => {
      if (!live.connected) void this.refresh();
    }, 30_000);
    this.cleanup.push(() => clearInterval(poll), () => clearTimeout(this.timer));
    // Pages set document.title as they open: the count goes back in front of whatever they set.
    const title = document.querySelector('title');
    if (title) {
      const observer = new MutationObserver(() => this.renderTitle());
      observer.observe(title, { childList: true, characterData: true, subtree: true });
      this.cleanup.push(() => observer.disconnect());
    }
    void this.refresh();
  }

  stop(): void {
    for (const c of this.cleanup.splice(0)) c();
    this.counts.clear();
    this.renderTitle();
  }

  of(conversationId: string): number {
    return this.counts.get(conversationId) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The open conversation was shown up to this message: it is read (then the counts are re-read). */
  async markRead(conversationId: string, upTo: string): Promise<void> {
    if (!/^\d+$/.test(upTo)) return;
    try {
      await this.api.markRead(conversationId, upTo);
    } catch {
      return; // Shown as unread a little longer; the next view marks it again.
    }
    if (this.counts.has(conversationId)) {
      this.counts.delete(conversationId);
      this.changed();
    }
    this.refreshSoon();
  }

  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 150);
  }

  private async refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = (async () => {
      try {
        const { conversations } = await this.api.unread();
        const next = new Map(conversations.map((c) => [c.conversationId, c.unread]));
        const same = next.size === this.counts.size && [...next].every(([k, v]) => this.counts.get(k) === v);
        this.counts = next;
        if (!same) this.changed();
      } catch {
        // Kept as they were: the next event or poll tries again.
      }
    })();
    await this.fetching;
    this.fetching = null;
    if (this.again) {
      this.again = false;
      void this.refresh();
    }
  }

  private changed(): void {
    this.renderTitle();
    for (const l of this.listeners) l();
  }

  private renderTitle(): void {
    const base = document.title.replace(TITLE_PREFIX, '$1');
    const total = this.total;
    const wanted = total > 0 ? base.replace(/^(Error: )?/, `$1(${total}) `) : base;
    if (document.title !== wanted) document.title = wanted;
  }
}
