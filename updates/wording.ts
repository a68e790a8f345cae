/**
 * What a resident is told when their case moves: one wording for every channel (the channels
 * render it: numbered options by SMS, buttons on WhatsApp and web chat), true to the event.
 */
import { statusLabel } from '../cases/index.js';

/** The words a resident types (or a button sends) to stop updates; bot/policy.ts reads them. */
export const STOP_UPDATES_LABEL = 'Stop updates';

export interface UpdateFacts {
  reference: string;
  /** The service's name as residents know it (the content pack's), when known. */
  service?: string;
  /** The status it moved to. */
  to: string;
  /** The note given with the change (residents are told it, as when they ask for the status). */
  note?: string | null;
}

/** The first line: which report, and where it is now. */
export function updateLine(f: UpdateFacts): string {
  const what = f.service ? `${f.reference} (${f.service})` : f.reference;
  const note = f.note?.trim() ? ` ${f.note.trim().replace(/([^.!?])$/, '$1.')}` : '';
  return `Update on your report ${what}: it is now ${statusLabel(f.to)}.${note}`;
}

/** A chat, text or WhatsApp message: the update, and how to stop them (a button, or "Reply 1 for Stop updates" by SMS). */
export function updateMessage(f: UpdateFacts): { text: string; suggestions: { label: string; value: string }[] } {
  return {
    text: updateLine(f),
    suggestions: [{ label: STOP_UPDATES_LABEL, value: STOP_UPDATES_LABEL }],
  };
}

/** An e-mail's personalisation for the council's Notify template (README: ((reference)), ((status)), ((message))). */
export function updateEmail(f: UpdateFacts, council: { name: string; contact: string }): Record<string, string> {
  return {
    reference: f.reference,
    status: statusLabel(f.to),
    council: council.name,
    message:
      `${updateLine(f)}\n\n` +
      `You asked us to tell you when your report moves. To stop these e-mails, type "stop updates" in the chat where you reported it, or contact ${council.name} (${council.contact}).`,
  };
}
