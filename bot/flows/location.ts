import type { Entity, GazetteerAddress } from '../../intents/index.js';
import type { ActiveFlow, LocationValue } from '../dialogue.js';
import { clean, ordinal } from '../matching.js';
import type { GazetteerPort } from '../ports.js';
import type { Language, Suggestion } from '../messages.js';
import { locationWords } from './location-words.js';

export type LocationOutcome =
  | { kind: 'resolved'; value: LocationValue }
  | { kind: 'choose'; choices: GazetteerAddress[]; text: string }
  | { kind: 'ask'; text: string; streetHint?: string }
  | { kind: 'none' };

const MAX_CHOICES = 12;

export function locationFromAddress(g: GazetteerPort, a: GazetteerAddress): LocationValue {
  return { kind: 'address', label: g.label(a), uprn: a.uprn, usrn: a.usrn, postcode: a.postcode, lat: a.lat, lng: a.lng };
}

export function addressSuggestions(g: GazetteerPort, uprns: string[], lang?: Language): Suggestion[] {
  const list = uprns.map((u) => g.byUprn(u)).filter((a): a is GazetteerAddress => !!a);
  return [
    ...list.map((a) => ({ label: g.label(a).replace(/, [A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/, ''), value: g.label(a) })),
    // The value is read by resolveLocation in either language.
    { label: locationWords(lang).notListed, value: 'not listed' },
  ];
}

/**
 * Resolves a location answer: a postcode then a choice of address (giving the UPRN), a typed
 * street address matched against the gazetteer, or a description of a place where allowed.
 */
export function resolveLocation(
  text: string,
  entities: Entity[],
  flow: ActiveFlow,
  g: GazetteerPort,
  allowDescription: boolean,
  councilName: string,
  lang?: Language,
): LocationOutcome {
  const t = clean(text);
  const w = locationWords(lang);

  if (flow.addressChoices?.length) {
    const choices = flow.addressChoices.map((u) => g.byUprn(u)).filter((a): a is GazetteerAddress => !!a);
    const n = ordinal(text);
    if (n !== null && n >= 1 && n <= choices.length) return { kind: 'resolved', value: locationFromAddress(g, choices[n - 1]) };
    if (w.notAmongChoices.test(t)) {
      return allowDescription ? { kind: 'ask', text: w.typeOrDescribe } : { kind: 'ask', text: w.typeHouseAndStreet };
    }
    const exact = choices.find((a) => clean(g.label(a)) === t || clean(g.label(a)).startsWith(t));
    if (exact && t.length >= 3) return { kind: 'resolved', value: locationFromAddress(g, exact) };
    const matched = g.matchAddress(text).filter((m) => flow.addressChoices!.includes(m.address.uprn));
    if (matched.length && matched[0].confidence >= 0.6) return { kind: 'resolved', value: locationFromAddress(g, matched[0].address) };
    // Fall through: the resident may have typed a different postcode or address instead.
  }

  // A place given as coordinates (a location pin far from any address: channels/meta/location.ts).
  const pinned = coordinatesIn(text);
  if (pinned && allowDescription) {
    const label = pinned.rest || w.pinned(pinned.lat.toFixed(5), pinned.lng.toFixed(5));
    return { kind: 'resolved', value: { kind: 'description', label, description: label, lat: pinned.lat, lng: pinned.lng } };
  }

  const postcode = entities.find((e) => e.type === 'postcode');
  if (postcode) {
    let found = g.byPostcode(postcode.value);
    if (found.length === 0) {
      return { kind: 'ask', text: w.postcodeUnknown(postcode.value, councilName) };
    }
    const number = houseNumber(text.replace(postcode.text, ''));
    if (number) {
      const withNumber = found.filter((a) => a.number.toLowerCase() === number || a.number.toLowerCase().endsWith(` ${number}`));
      if (withNumber.length === 1) return { kind: 'resolved', value: locationFromAddress(g, withNumber[0]) };
      if (withNumber.length > 1) found = withNumber;
    }
    if (found.length === 1) return { kind: 'resolved', value: locationFromAddress(g, found[0]) };
    if (found.length > MAX_CHOICES) {
      return { kind: 'ask', text: w.manyAtPostcode(found.length, postcode.value), streetHint: postcode.value };
    }
    return { kind: 'choose', choices: found, text: w.someAtPostcode(found.length, postcode.value) };
  }

  const address = entities.find((e) => e.type === 'address' && e.confidence >= 0.75);
  if (address) {
    const a = g.byUprn(address.value);
    if (a) return { kind: 'resolved', value: locationFromAddress(g, a) };
  }

  // "14" after "Which number on Elm Grove?"
  if (flow.streetHint) {
    const number = houseNumber(text);
    if (number && t.split(' ').length <= 3) {
      const hinted = /^[A-Z]{1,2}\d/.test(flow.streetHint)
        ? g.byPostcode(flow.streetHint).filter((a) => a.number.toLowerCase() === number)
        : g.matchAddress(`${number} ${flow.streetHint}`).filter((m) => m.confidence >= 0.75).map((m) => m.address);
      if (hinted.length === 1) return { kind: 'resolved', value: locationFromAddress(g, hinted[0]) };
      if (hinted.length > 1) return { kind: 'choose', choices: hinted.slice(0, MAX_CHOICES), text: w.whichOne };
    }
  }

  const matches = g.matchAddress(text);
  if (matches.length && matches[0].confidence >= 0.8 && (matches.length === 1 || matches[0].confidence - matches[1].confidence > 0.05)) {
    return { kind: 'resolved', value: locationFromAddress(g, matches[0].address) };
  }
  if (matches.length > 1 && matches[0].confidence >= 0.8) {
    const top = matches.filter((m) => m.confidence >= matches[0].confidence - 0.05).slice(0, MAX_CHOICES);
    return { kind: 'choose', choices: top.map((m) => m.address), text: w.moreThanOne };
  }

  const streets = g.findStreets(text);
  if (streets.length && streets[0].confidence >= 0.75) {
    const s = streets[0];
    if (allowDescription) {
      return {
        kind: 'resolved',
        value: { kind: 'street', label: `${text.trim()} (${s.street})`, usrn: s.usrn, description: text.trim() },
      };
    }
    return { kind: 'ask', text: w.whichNumber(s.street), streetHint: s.street };
  }

  if (allowDescription && t.split(' ').length >= 3 && !w.dontKnow.test(t)) {
    return { kind: 'resolved', value: { kind: 'description', label: text.trim(), description: text.trim() } };
  }
  return { kind: 'none' };
}

/**
 * "50.72137,-1.88279" or "Town Hall, Main Road (50.72137, -1.88279)": decimal degrees, four or more
 * places (a pin's precision; a house number or a price never looks like this), within range.
 */
function coordinatesIn(text: string): { lat: number; lng: number; rest: string } | null {
  const m = /\(?\s*(-?\d{1,2}\.\d{4,})\s*,\s*(-?\d{1,3}\.\d{4,})\s*\)?/.exec(text);
  if (!m) {
    const short = /^\s*(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)\s*$/.exec(text);
    if (!short) return null;
    return inRange(Number(short[1]), Number(short[2]), '');
  }
  return inRange(Number(m[1]), Number(m[2]), (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/\s+/g, ' ').replace(/[\s,]+$/, '').trim());
}

function inRange(lat: number, lng: number, rest: string): { lat: number; lng: number; rest: string } | null {
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng, rest } : null;
}

function houseNumber(text: string): string | null {
  const m = /(?:^|\b(?:flat|no|number)\s*)?\b(\d{1,4}[a-z]?)\b/i.exec(text);
  return m ? m[1].toLowerCase() : null;
}
