/**
 * What the location step says while it finds an address (location.ts), in English and Welsh
 * (issue 17): the flow's own prompts come with the localised flow; these are the gazetteer's replies.
 */
import type { Language } from '../messages.js';

export interface LocationWords {
  notListed: string;
  typeOrDescribe: string;
  typeHouseAndStreet: string;
  pinned: (lat: string, lng: string) => string;
  postcodeUnknown: (postcode: string, council: string) => string;
  manyAtPostcode: (n: number, postcode: string) => string;
  someAtPostcode: (n: number, postcode: string) => string;
  whichOne: string;
  moreThanOne: string;
  whichNumber: (street: string) => string;
  /** "I don't know" and the like: never a description of a place. */
  dontKnow: RegExp;
  /** "Not listed", "none of these": the address is not among the choices. */
  notAmongChoices: RegExp;
}

const en: LocationWords = {
  notListed: 'My address is not listed',
  typeOrDescribe: 'Please type the address, or describe the place (for example "outside the library on Church Street").',
  typeHouseAndStreet: 'Please type your house number and street name.',
  pinned: (lat, lng) => `the place pinned at ${lat}, ${lng}`,
  postcodeUnknown: (postcode, council) => `I can't find the postcode ${postcode} in ${council}. Please check it, or type the street address instead.`,
  manyAtPostcode: (n, postcode) => `There are ${n} addresses at ${postcode}. What is the house number or name?`,
  someAtPostcode: (n, postcode) => `I found ${n} addresses at ${postcode}. Which one is it?`,
  whichOne: 'Which one is it?',
  moreThanOne: 'I found more than one match. Which one is it?',
  whichNumber: (street) => `Which house number on ${street}? Or give me the postcode.`,
  dontKnow: /^(i dont know|dont know|not sure|no idea)$/,
  notAmongChoices: /not (listed|there|here|shown)|none of (these|them)|isnt (listed|there)|different/,
};

const cy: LocationWords = {
  notListed: "Dydy fy nghyfeiriad i ddim ar y rhestr",
  typeOrDescribe: 'Teipiwch y cyfeiriad, neu disgrifiwch y lle (er enghraifft "y tu allan i\'r llyfrgell ar Stryd yr Eglwys").',
  typeHouseAndStreet: "Teipiwch rif eich tŷ ac enw'r stryd.",
  pinned: (lat, lng) => `y lle a nodwyd ar ${lat}, ${lng}`,
  postcodeUnknown: (postcode, council) => `Alla i ddim dod o hyd i'r cod post ${postcode} yn ${council}. Gwiriwch e, neu teipiwch gyfeiriad y stryd yn lle hynny.`,
  manyAtPostcode: (n, postcode) => `Mae ${n} o gyfeiriadau yn ${postcode}. Beth yw rhif neu enw'r tŷ?`,
  someAtPostcode: (n, postcode) => `Des i o hyd i ${n} o gyfeiriadau yn ${postcode}. Pa un yw e?`,
  whichOne: 'Pa un yw e?',
  moreThanOne: "Des i o hyd i fwy nag un cyfeiriad sy'n cyfateb. Pa un yw e?",
  whichNumber: (street) => `Pa rif tŷ ar ${street}? Neu rhowch y cod post i mi.`,
  // The English ones too: residents switch between the languages.
  dontKnow: /^(dwi ddim yn gwybod|dw i ddim yn gwybod|dim syniad|ddim yn siwr|wn i ddim|i dont know|dont know|not sure|no idea)$/,
  notAmongChoices:
    /ddim ar y rhestr|dim ar y rhestr|ddim yna|dim un o(r rhain| nhw)|ddim yn un o|gwahanol|not (listed|there|here|shown)|none of (these|them)|isnt (listed|there)|different/,
};

export function locationWords(lang: Language | null | undefined): LocationWords {
  return lang === 'cy' ? cy : en;
}
