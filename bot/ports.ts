import type { GazetteerAddress } from '../intents/index.js';
import type { Db } from '../store/index.js';

/** What the bot needs from the understanding layer is the layer's own interface. */
export type { Understanding } from '../intents/index.js';

/** What flows need from the tenant's gazetteer. */
export interface GazetteerPort {
  byPostcode(postcode: string): GazetteerAddress[];
  byUprn(uprn: string): GazetteerAddress | undefined;
  matchAddress(text: string): { address: GazetteerAddress; confidence: number }[];
  findStreets(text: string): { street: string; usrn: string; confidence: number }[];
  label(address: GazetteerAddress): string;
}

/**
 * Which routes to a person exist right now, asked when a safety decision is made so the resident
 * is told only what will actually happen (the composition root answers from presence, the rota
 * and whether a referral sender is configured). `db` is the turn's own transaction: the store may
 * have one connection (PGlite), so a query beside it would wait for the turn to end.
 */
export interface SafetyRoutes {
  /**
   * An available, signed-in agent with room can take the item now: one who serves the queue, or
   * for urgent work any available agent where the council's urgent-overflow policy offers it so.
   */
  agentCanTakeNow(db: Db, tenant: string, queueId: string, now: Date, urgent?: boolean): Promise<boolean>;
  /** Someone is on the rota for one of these skills now, and a referral can be sent to them. */
  dutyReachable(db: Db, tenant: string, skills: string[], now: Date): Promise<boolean>;
}

/**
 * Texts a one-time code that links a number typed in chat to the resident who texts and calls from
 * it (the composition root answers with Twilio SMS through the job queue). Without it no code is
 * offered. `db` is the turn's own transaction.
 */
export interface CodeSender {
  /** A text can go to this number now: SMS is configured and the number has not opted out. */
  canText(db: Db, tenant: string, phone: string): Promise<boolean>;
  /**
   * Queues the text of the code the turn asked for (store `requestClaimCode`, in the same
   * transaction). It goes once that transaction commits; a sweep sends one a stopped process left.
   */
  queue(claimId: string): void;
}
