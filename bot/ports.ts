import type { GazetteerAddress } from '../intents/types.js';

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
