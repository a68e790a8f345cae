import { createConversation, createHandoff, type Store } from '../../store/index.js';

/** A logger that keeps what it is told, for asserting on warnings and errors. */
export function recordingLog() {
  const lines: { level: 'info' | 'warn' | 'error'; obj: object; msg: string }[] = [];
  const at = (level: 'info' | 'warn' | 'error') => (obj: object, msg?: string) => void lines.push({ level, obj, msg: msg ?? '' });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export async function handoffFor(store: Store, tenant: string, queue = 'safeguarding') {
  const conversation = await createConversation(store.db, { tenant, channel: 'web' });
  const handoff = await createHandoff(store.db, {
    tenant,
    conversationId: conversation.id,
    reason: 'safety.risk_to_life',
    priority: 'urgent',
    queue,
    summary: 'Resident says a ceiling has collapsed onto a child bed.',
    context: {},
  });
  return { conversation, handoff };
}

/** Polls until `check` holds (jobs run on timers). */
export async function eventually<T>(get: () => Promise<T>, check: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (check(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
