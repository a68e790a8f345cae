/**
 * A WhatsApp location pin as an answer the address flow already understands. The flows take a
 * postcode or a typed address (bot/flows/location.ts), not coordinates, so a pin within 150 m of
 * an address in the council's gazetteer becomes that address's postcode: the flow then lists the
 * addresses there and the resident picks theirs, which is the confirmation (a pin is rarely on
 * the right door). Farther away, the place's own name and address if WhatsApp gave them, with
 * "(lat,long)", else "lat,long". The coordinates and the nearest address (UPRN, USRN, distance) are kept with the
 * message for the case and the agent.
 */
export interface PinnedAddress {
  uprn: string;
  usrn: string;
  postcode: string;
  lat: number;
  lng: number;
}

export interface Pin {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

const NEAR_METRES = 150;
const EARTH_METRES = 6_371_000;

/** Distance in metres (haversine; exact enough at a street's scale). */
export function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function nearestAddress<T extends PinnedAddress>(gazetteer: readonly T[], pin: Pin): { address: T; metres: number } | null {
  let best: { address: T; metres: number } | null = null;
  for (const address of gazetteer) {
    if (!Number.isFinite(address.lat) || !Number.isFinite(address.lng)) continue;
    const metres = metresBetween(pin.latitude, pin.longitude, address.lat, address.lng);
    if (!best || metres < best.metres) best = { address, metres };
  }
  return best;
}

/** The text a pin stands for, and what is kept about it. */
export function pinAsText(gazetteer: readonly PinnedAddress[], pin: Pin): { text: string; details: Record<string, unknown> } {
  const near = nearestAddress(gazetteer, pin);
  const location = { latitude: pin.latitude, longitude: pin.longitude, ...(pin.name ? { name: pin.name } : {}), ...(pin.address ? { address: pin.address } : {}) };
  const nearest = near ? { uprn: near.address.uprn, usrn: near.address.usrn, postcode: near.address.postcode, metres: Math.round(near.metres) } : undefined;
  if (near && near.metres <= NEAR_METRES) return { text: near.address.postcode, details: { location, nearest } };
  // The coordinates travel in the text (the flows read "(lat, long)": bot/flows/location.ts), so a
  // street report far from any address still has its place, for the crew and for duplicates nearby.
  const described = [pin.name, pin.address].filter(Boolean).join(', ');
  const coordinates = `${pin.latitude},${pin.longitude}`;
  return { text: described ? `${described} (${coordinates})` : coordinates, details: { location, ...(nearest ? { nearest } : {}) } };
}
