import type { FileKind } from './checks.js';

/**
 * What the resident is told about a file they sent, once we know what happened to it: only what is
 * true (kept, and where it goes; or refused, and why).
 */

export interface FileContext {
  /** A report (a flow) is under way in the conversation. */
  reporting: boolean;
  /** The conversation's latest case, which the file now belongs to. */
  caseReference: string | null;
  /** The conversation's state: a person holds it (`with_agent`) or it waits for one (`queued`). */
  state: string;
}

/** The reply to kept files (`photos`, `files` for several); null when an adviser holds the conversation (they see the file, and answer themselves). */
export function fileKeptReply(kind: FileKind | 'photos' | 'files', c: FileContext): string | null {
  const it = kind === 'photos' || kind === 'files' ? 'them' : 'it';
  if (c.state === 'with_agent') return null;
  if (c.state === 'queued') return `Thank you for the ${kind}: the adviser will see ${it} with your messages.`;
  if (c.reporting) return `Thank you for the ${kind}: ${it === 'it' ? 'it' : 'they'} will be kept with your report. Please carry on with the question above.`;
  if (c.caseReference) return `Thank you for the ${kind}: I've added ${it} to your report ${c.caseReference}.`;
  return `Thank you for the ${kind}: I've kept ${it} for our team. Please tell me in a message what ${it === 'it' ? "it's" : "they're"} about, and I'll help.`;
}

/** The reply to a refused file: the reason, and whether sending it again may help. */
export function fileRefusedReply(kind: FileKind, reason: string, tryAgain = false): string {
  return `Sorry, I couldn't keep the ${kind} you sent: ${reason}.${tryAgain ? ' Please try sending it again.' : ''}`;
}
