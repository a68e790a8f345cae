/**
 * What a resident is told when their case moves: one wording for every channel (the channels
 * render it: numbered options by SMS, buttons on WhatsApp and web chat), true to the event.
 */
import { statusLabel } from '../cases/index.js';

/** The words a resident types (or a button sends) to stop updates; bot/policy.ts reads them. */
export const STOP_UPDATES_LABEL = 'Stop updates';
/** The same in Welsh (bot/ reads "stopio diweddariadau" as "stop updates"). */
export const STOP_UPDATES_LABEL_CY = 'Stopio diweddariadau';

/** The languages updates are written in (issue 17): the conversation's; English where it is not known. */
export type UpdateLanguage = 'en' | 'cy';

/** A case's status in Welsh, as residents hear it (cases/ names them in English). */
const STATUS_CY: Record<string, string> = {
  received: 'wedi dod i law ac yn aros i rywun edrych arno',
  assigned: "gyda'r tîm a fydd yn delio ag e",
  in_progress: 'ar waith',
  scheduled: "wedi'i drefnu",
  resolved: "wedi'i ddatrys",
  closed: "wedi'i gau",
};

export interface UpdateFacts {
  reference: string;
  /** The service's name as residents know it (the content pack's), when known. */
  service?: string;
  /** The status it moved to. */
  to: string;
  /** The note given with the change (residents are told it, as when they ask for the status). */
  note?: string | null;
  /** The language of the conversation the update goes to (English when not given). */
  language?: UpdateLanguage;
}

/** The first line: which report, and where it is now. */
export function updateLine(f: UpdateFacts): string {
  const what = f.service ? `${f.reference} (${f.service})` : f.reference;
  const note = f.note?.trim() ? ` ${f.note.trim().replace(/([^.!?])$/, '$1.')}` : '';
  if (f.language === 'cy') return `Diweddariad am eich adroddiad ${what}: mae bellach ${STATUS_CY[f.to] ?? statusLabel(f.to)}.${note}`;
  return `Update on your report ${what}: it is now ${statusLabel(f.to)}.${note}`;
}

/** A chat, text or WhatsApp message: the update, and how to stop them (a button, or "Reply 1 for Stop updates" by SMS). */
export function updateMessage(f: UpdateFacts): { text: string; suggestions: { label: string; value: string }[]; language?: UpdateLanguage } {
  const stop = f.language === 'cy' ? STOP_UPDATES_LABEL_CY : STOP_UPDATES_LABEL;
  return {
    text: updateLine(f),
    suggestions: [{ label: stop, value: stop }],
    ...(f.language === 'cy' ? { language: f.language } : {}),
  };
}

/** An e-mail's personalisation for the council's Notify template (README: ((reference)), ((status)), ((message))). */
export function updateEmail(f: UpdateFacts, council: { name: string; contact: string }): Record<string, string> {
  return {
    reference: f.reference,
    status: f.language === 'cy' ? (STATUS_CY[f.to] ?? statusLabel(f.to)) : statusLabel(f.to),
    council: council.name,
    message:
      f.language === 'cy'
        ? `${updateLine(f)}\n\n` +
          `Fe ofynnoch chi i ni ddweud wrthych chi pan fydd eich adroddiad yn symud ymlaen. I stopio'r negeseuon e-bost hyn, teipiwch "stopio diweddariadau" yn y sgwrs lle rhoesoch chi wybod amdano, neu cysylltwch â ${council.name} (${council.contact}).`
        : `${updateLine(f)}\n\n` +
          `You asked us to tell you when your report moves. To stop these e-mails, type "stop updates" in the chat where you reported it, or contact ${council.name} (${council.contact}).`,
  };
}
