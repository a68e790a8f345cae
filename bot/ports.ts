import type { Entity, GazetteerAddress, IntentPrediction, SafetyHit } from '../intents/types.js';

/** What the bot needs from the understanding layer; `intents/` provides it. */
export interface Understanding {
  recognise(text: string): IntentPrediction;
  entities(text: string, now: Date): Entity[];
  safety(text: string): SafetyHit | null;
}

/** What flows need from the tenant's gazetteer. */
export interface GazetteerPort {
  byPostcode(postcode: string): GazetteerAddress[];
  byUprn(uprn: string): GazetteerAddress | undefined;
  matchAddress(text: string): { address: GazetteerAddress; confidence: number }[];
  findStreets(text: string): { street: string; usrn: string; confidence: number }[];
  label(address: GazetteerAddress): string;
}
