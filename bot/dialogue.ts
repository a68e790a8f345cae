/** What the assistant remembers about a conversation between turns (stored as jsonb). */
import type { RiskKind } from '../intents/index.js';

export interface LocationValue {
  kind: 'address' | 'street' | 'description';
  label: string;
  uprn?: string;
  usrn?: string;
  postcode?: string;
  lat?: number;
  lng?: number;
  description?: string;
}

export type SlotValue = string | number | boolean | LocationValue;

export type FlowPhase = 'steps' | 'contact_consent' | 'contact_detail' | 'confirm';

export interface ActiveFlow {
  id: string;
  phase: FlowPhase;
  slots: Record<string, SlotValue>;
  /** Slots in the order they were answered, so "go back" can undo the last one. */
  answered: string[];
  /** Failed attempts at the current question. */
  attempts: number;
  /** Address candidates offered for a postcode, awaiting the resident's choice. */
  addressChoices?: string[];
  /** A street recognised without a house number; the next answer may be just the number. */
  streetHint?: string;
  contact?: { phone?: string; email?: string; consent: boolean };
}

export interface DialogueState {
  flow?: ActiveFlow;
  misunderstandings: number;
  /** An article just answered; the next "yes"/"no" is feedback on it. */
  awaitingFeedback?: { articleId: string; query: string };
  /** The top candidates offered when unsure; the resident may pick one by number or name. */
  clarify?: { intent: string; label: string }[];
  /** The message that needed clarifying: the chosen intent is answered for it. */
  clarifyQuery?: string;
  /** Asked for a case reference to report its status. */
  awaitingReference?: boolean;
  /** A person was offered; "yes" takes it. */
  personOffered?: boolean;
  /** Out of hours, a call-back was chosen: the next phone number given books it. */
  awaitingCallbackNumber?: boolean;
  /** "Is anyone in danger right now?" was asked about `text`; the next yes or no answers it. */
  dangerCheck?: DangerCheck;
  /** The unsure safety reading last asked about: the same reading is not asked about again. */
  dangerAsked?: { category: DangerCheck['category']; kind: RiskKind };
}

export interface DangerCheck {
  /** The message that raised the question: a "no" decides it as usual. */
  text: string;
  category: 'safety.risk_to_life' | 'safety.safeguarding_concern';
  kind: RiskKind;
  reason: string;
}

export function emptyDialogue(): DialogueState {
  return { misunderstandings: 0 };
}
